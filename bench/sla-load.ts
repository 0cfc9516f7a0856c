/**
 * The SLA report and the portfolio overview under 50 concurrent connections against the
 * real server process (`dist/server/main.mjs`, PostgreSQL via DATABASE_URL), with the
 * server's resident memory sampled from /proc (issue: SLA reports at enterprise scale,
 * items "under load" and "bounded memory").
 *
 * Input: one engagement with n generated ServiceNow tickets (default 100,000), the UCI
 * event log as a second engagement when the file is there (24,918 tickets: the SLA tab of a
 * 25k engagement, whose memory the issue names) and OUTSIGHT_BENCH_ENGAGEMENTS more
 * (default 50) with 2,000 tickets each; OUTSIGHT_BENCH_OPEN_SHARE sets the share of open
 * tickets (default 60 %; a real desk has a few per cent). Each load run lasts OUTSIGHT_BENCH_LOAD_SECONDS
 * (default 20) and is started so that it spans a minute's turn: the measurements are kept
 * per minute (open tickets are measured again in each minute they are read in), so the turn
 * is when fifty requests would all miss at once.
 *
 * autocannon runs in this process, on the same cores as the server: on a 2-core machine the
 * client takes CPU from the server, so the numbers are a ceiling on latency, not a floor.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { importTickets } from '../src/server/modules/tickets/tickets.public.ts';
import { BUILDER_PASSWORD, anEngagement, anOrg } from '../src/server/seed/builders/core.ts';
import { aCalendar, anSlaPolicy } from '../src/server/seed/builders/sla.ts';
import type { BenchOptions, BenchRow, SectionResult } from './bench-types.ts';
import { UCI_FILE, freshServerDb, generateExport } from './ticket-import.ts';

const H = 3_600_000;
const CONNECTIONS = 50;
const priorities = {
  '1 - Critical': { response: { ms: H / 2, clock: 'calendar' as const }, resolution: { ms: 4 * H, clock: 'calendar' as const }, monthlyAttainment: 0.95 },
  '2 - High': { response: { ms: H, clock: 'calendar' as const }, resolution: { ms: 8 * H, clock: 'calendar' as const }, monthlyAttainment: 0.9 },
  '3 - Moderate': { response: { ms: 4 * H, clock: 'calendar' as const }, resolution: { ms: 3 * 24 * H, clock: 'calendar' as const }, monthlyAttainment: 0.9 },
  '4 - Low': { response: { ms: 8 * H, clock: 'calendar' as const }, resolution: { ms: 5 * 24 * H, clock: 'calendar' as const }, monthlyAttainment: 0.85 },
};

/** VmRSS / VmHWM of a process, in MB (Linux). */
function memoryOf(pid: number): { rss: number; hwm: number } {
  if (!existsSync(`/proc/${pid}/status`)) return { rss: 0, hwm: 0 };
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), hwm: Math.round(kb('VmHWM') / 1024) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `seconds` before the next minute's turn, so a run of twice that spans it. */
async function untilBeforeTurn(seconds: number): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  const start = 60_000 - seconds * 1000;
  await sleep((start - intoMinute + 60_000) % 60_000);
}

async function startServer(url: string, port: number): Promise<ChildProcess> {
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'ignore' });
  // OUTSIGHT_BENCH_SERVER_PROF=dir writes the server's CPU profile there (open it in Chrome's DevTools).
  const prof = process.env.OUTSIGHT_BENCH_SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.OUTSIGHT_BENCH_SERVER_PROF}`] : [];
  // OUTSIGHT_BENCH_SERVER_TRACE_GC=1 with OUTSIGHT_BENCH_SERVER_LOG=file writes every garbage collection and its pause to that file.
  const gc = process.env.OUTSIGHT_BENCH_SERVER_TRACE_GC ? ['--trace-gc'] : [];
  const child = spawn(process.execPath, [...prof, ...gc, 'dist/server/main.mjs'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', OUTSIGHT_JOBS: '0', OUTSIGHT_DEMO: '0', LOG_LEVEL: process.env.OUTSIGHT_BENCH_SERVER_LOG ? 'info' : 'warn', MALLOC_ARENA_MAX: '2' },
    stdio: ['ignore', process.env.OUTSIGHT_BENCH_SERVER_LOG ? openSync(process.env.OUTSIGHT_BENCH_SERVER_LOG, 'w') : 'ignore', 'inherit'],
  });
  child.on('exit', (code, signal) => process.stderr.write(`[sla-load] server exited: code ${code}, signal ${signal}\n`));
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then((r) => r.ok, () => false);
    if (ok) return child;
    await sleep(100);
  }
  child.kill();
  throw new Error('the server did not answer /api/v1/health within 30 s');
}

export async function benchSlaLoad(opts: BenchOptions): Promise<SectionResult> {
  const n = opts.n ?? 100_000;
  const others = Number(process.env.OUTSIGHT_BENCH_ENGAGEMENTS ?? 50);
  const seconds = Number(process.env.OUTSIGHT_BENCH_LOAD_SECONDS ?? 20);
  const log = opts.log ?? (() => {});
  const db = await freshServerDb();
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const ratios: Record<string, number> = {};
  let server: ChildProcess | undefined;
  try {
    const database = await openDatabase({ kind: 'postgres', url: db.url });
    await database.migrate();
    const email = `load.${Date.now()}@bench.outsight.test`;
    const org = await anOrg({ db: database.db, config: loadConfig({ OUTSIGHT_DATA_DIR: '/nonexistent' }) }, { ownerEmail: email });
    const calendar = await aCalendar(org);
    const big = await anEngagement(org, { name: 'Big service desk' });
    await anSlaPolicy(org, { engagementId: big.id, calendarId: calendar.id, priorities, pauseStatuses: ['On Hold'] });
    log(`importing ${n.toLocaleString('en')} tickets…`);
    await importTickets(org.ctx(), createReadStream(generateExport(n, opts.seed ?? 42)), { engagementId: big.id, format: 'servicenow', timeZone: 'UTC' });
    let uciId: string | null = null;
    if (existsSync(UCI_FILE)) {
      log('UCI event log…');
      const uci = await anEngagement(org, { name: 'UCI service desk' });
      await anSlaPolicy(org, { engagementId: uci.id, calendarId: calendar.id, priorities });
      await importTickets(org.ctx(), createReadStream(UCI_FILE), { engagementId: uci.id, format: 'servicenow-events' });
      uciId = uci.id;
    } else notes.push(`UCI event log not found at ${UCI_FILE} (set OUTSIGHT_UCI_FILE): the 25k-ticket SLA tab is not measured`);
    log(`${others} more engagements of 2,000 tickets…`);
    for (let i = 0; i < others; i++) {
      const e = await anEngagement(org, { name: `Desk ${i + 1}` });
      await anSlaPolicy(org, { engagementId: e.id, calendarId: calendar.id, priorities });
      await importTickets(org.ctx(), createReadStream(generateExport(2_000, 1000 + i)), { engagementId: e.id, format: 'servicenow', timeZone: 'UTC' });
    }
    await database.close();
    const open = process.env.OUTSIGHT_BENCH_OPEN_SHARE ? `${Number(process.env.OUTSIGHT_BENCH_OPEN_SHARE) * 100} % open` : '60 % open';
    notes.push(`input: one engagement with ${n.toLocaleString('en')} generated tickets (${open})${uciId ? ', the UCI log (24,918 tickets)' : ''} and ${others} with 2,000 each; PostgreSQL server`);

    const port = 20_000 + Math.floor(Math.random() * 20_000);
    server = await startServer(db.url, port);
    const pid = server.pid!;
    const base = `http://127.0.0.1:${port}`;
    const memory: string[] = [`after start ${memoryOf(pid).rss} MB`];
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: BUILDER_PASSWORD }) });
    if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const get = async (path: string) => {
      const t0 = performance.now();
      const r = await fetch(base + path, { headers: { cookie } });
      if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      await r.arrayBuffer();
      return performance.now() - t0;
    };

    if (uciId) {
      // The SLA tab of a 25k-ticket engagement: the report and the first page of the list.
      const ms = (await get(`/api/v1/engagements/${uciId}/sla/report`)) + (await get(`/api/v1/engagements/${uciId}/sla/tickets?limit=100`));
      rows.push({ name: 'SLA tab of the UCI engagement, first read (report + first page of 100)', nsPerOp: ms * 1e6, timedOps: 1, totalMs: ms, mismatches: null, scaled: false });
      const m = memoryOf(pid);
      memory.push(`after the UCI SLA tab ${m.rss} MB (peak ${m.hwm} MB)`);
      ratios.uciTabPeakRssMb = m.hwm;
    }
    const reportPath = `/api/v1/engagements/${big.id}/sla/report`;
    const cold = await get(reportPath);
    rows.push({ name: `SLA report of the big engagement, first read after start`, nsPerOp: (cold * 1e6) / n, timedOps: n, totalMs: cold, mismatches: null, scaled: false });
    const firstPage = await get(`/api/v1/engagements/${big.id}/sla/tickets?limit=100`);
    rows.push({ name: 'ticket list of the big engagement, first page after start (stores every verdict)', nsPerOp: (firstPage * 1e6) / n, timedOps: n, totalMs: firstPage, mismatches: null, scaled: false });
    // 50 connections on one path for `seconds`: its p99, requests/s, failures and the server's peak RSS.
    const underLoad = async (key: string, path: string, what: string) => {
      let peak = 0;
      const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(pid).rss)), 200);
      const load = os.loadavg()[0];
      const r = await Promise.resolve(autocannon({ url: base + path, connections: CONNECTIONS, duration: seconds, headers: { cookie } })).finally(() => clearInterval(sampler));
      // autocannon counts timeouts among its errors as well: adding both counted each timeout twice.
      const failed = r.non2xx + r.errors;
      rows.push({ name: `${key}: ${CONNECTIONS} connections, ${seconds} s ${what} (p99 latency; requests made)`, nsPerOp: r.latency.p99 * 1e6, timedOps: r.requests.total, totalMs: r.latency.p99, mismatches: null, scaled: false });
      notes.push(`${key} under load ${what}: ${r.requests.average.toFixed(0)} requests/s, latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms; ${failed} failed (${r.timeouts} timed out at 10 s); server RSS peak ${peak} MB; load average ${load.toFixed(2)} at start`);
      if (server!.exitCode !== null) throw new Error(`the server exited (${server!.exitCode}) under load on the ${key}`);
      // Failed requests (autocannon's 10 s timeout, errors) are recorded, not hidden: they are the answer.
      ratios[`${key}LoadFailed`] = failed;
      ratios[`${key}LoadP99Ms`] = r.latency.p99;
      ratios[`${key}LoadRps`] = r.requests.average;
      ratios[`${key}LoadPeakRssMb`] = peak;
    };
    const stored0 = performance.now();
    // OUTSIGHT_BENCH_LOAD_WHILE_STORING=1: also the report under load right away, while the
    // big engagement's verdicts are being stored (what readers see during the store).
    if (process.env.OUTSIGHT_BENCH_LOAD_WHILE_STORING) {
      log(`${CONNECTIONS} connections on the report for ${seconds} s while the verdicts are stored…`);
      await underLoad('reportWhileStoring', reportPath, 'while the big engagement\'s verdicts are stored');
    }
    await get('/api/v1/sla/overview');
    memory.push(`after the first reads ${memoryOf(pid).rss} MB (peak ${memoryOf(pid).hwm} MB)`);
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      // The first list read stores the big engagement's verdicts behind its answer (about
      // 30 s for a million). The load waits for that store to commit: started at a random
      // point of the minute, it overlapped the store in some runs and not in others, which
      // made the report's p99 a draw. What the store costs readers is not this section's figure.
      while ((await admin.query('SELECT 1 FROM sla_verdict_sets WHERE engagement_id = $1', [big.id])).rowCount === 0) await sleep(250);
      notes.push(`the big engagement's verdicts were stored ${((performance.now() - stored0) / 1000).toFixed(1)} s after its first list page answered`);
      // A checkpoint now, before the load, rather than PostgreSQL's own spread over the next
      // minutes: the imports and the stored verdicts wrote gigabytes of WAL, and at a million
      // tickets that checkpoint (about 48 s here) overlapped the load runs and moved their p99.
      const t0 = performance.now();
      await admin.query('CHECKPOINT');
      notes.push(`a CHECKPOINT before the load took ${Math.round(performance.now() - t0)} ms`);
    } finally {
      await admin.end();
    }

    for (const [key, path] of [['report', reportPath], ['overview', '/api/v1/sla/overview']] as const) {
      await untilBeforeTurn(Math.floor(seconds / 2));
      log(`${CONNECTIONS} connections on the ${key} for ${seconds} s across ${new Date(Math.ceil(Date.now() / 60_000) * 60_000).toISOString().slice(11, 16)}…`);
      await underLoad(key, path, "across a minute's turn");
    }
    const end = memoryOf(pid);
    memory.push(`at the end ${end.rss} MB, peak over the whole run (VmHWM) ${end.hwm} MB`);
    ratios.serverPeakRssMb = end.hwm;
    notes.push(`server memory: ${memory.join('; ')}`);
    notes.push(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`);
    return { id: 'sla-load', title: `SLA report and overview under ${CONNECTIONS} connections (real server, PostgreSQL)`, rows, ratios, notes, mismatches: 0 };
  } finally {
    server?.kill('SIGTERM');
    if (server) await new Promise((r) => server!.once('exit', r));
    await db.drop();
  }
}
