/**
 * CSV → PostgreSQL ticket import, end to end (parse, normalise, load), against the
 * floor a database can do: a raw COPY of the same file into a table shaped like
 * `tickets` (same columns, indexes and defaults). Also multi-row INSERT batches, the
 * usual hand-written loader, the same import into embedded PGlite, and the UCI event log.
 *
 * Timed in wall-clock time: most of the work happens in the database server process,
 * which CPU time of this process would not see.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import Papa from 'papaparse';
import { loadConfig } from '../src/server/config.ts';
import type { Ctx } from '../src/server/context.ts';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { insertEngagement } from '../src/server/modules/engagements/engagements.repo.ts';
import { insertPerson } from '../src/server/modules/auth/auth.repo.ts';
import { insertOrg } from '../src/server/modules/org/org.repo.ts';
import { importTickets } from '../src/server/modules/tickets/tickets.public.ts';
import { insertUser } from '../src/server/modules/users/users.repo.ts';
import { insertVendor } from '../src/server/modules/vendors/vendors.repo.ts';
import type { BenchOptions, BenchRow, SectionResult } from './bench-types.ts';
import { intBetween, mulberry32, pick } from './prng.ts';

const SERVER = process.env.OUTSIGHT_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
// Resolved from the checkout (the data sits next to the main checkout); a worktree elsewhere names it with OUTSIGHT_UCI_FILE.
export const UCI_FILE = path.resolve(process.env.OUTSIGHT_UCI_FILE ?? '../shared/data/uci-incident-event-log/incident_event_log.csv.gz');
const HEADER = 'number,short_description,priority,state,opened_at,resolved_at,closed_at,sys_updated_on';
const PRIORITIES = ['1 - Critical', '2 - High', '3 - Moderate', '4 - Low'];
const STATES = ['New', 'In Progress', 'On Hold', 'Resolved', 'Closed'];
const WORDS = ['printer', 'VPN', 'laptop', 'password', 'e-mail', 'ERP', 'slow', 'access', 'license', 'Teams'];

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

/**
 * Share of tickets left open (New, In Progress, On Hold). By default each of the five states
 * is equally likely, so 60 % are open — far more than a real desk, and every open ticket is
 * measured again at each minute's turn. OUTSIGHT_BENCH_OPEN_SHARE=0.02 gives a desk's few per cent.
 */
function openShare(): number | null {
  const raw = process.env.OUTSIGHT_BENCH_OPEN_SHARE;
  if (raw === undefined || raw === '') return null;
  const share = Number(raw);
  if (!(share >= 0 && share <= 1)) throw new Error(`OUTSIGHT_BENCH_OPEN_SHARE must be a number from 0 to 1, not "${raw}"`);
  return share;
}
const OPEN_STATES = STATES.slice(0, 3);
const DONE_STATES = STATES.slice(3);

/** A ServiceNow incident-list export with quotes and commas in descriptions; cached by n, seed and open share. */
export function generateExport(n: number, seed: number): string {
  const share = openShare();
  const file = path.join(tmpdir(), `outsight-bench-tickets-${n}-${seed}${share === null ? '' : `-open${share}`}.csv`);
  if (existsSync(file)) return file;
  const rng = mulberry32(seed);
  const chunks: string[] = [HEADER];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < n; i++) {
    const opened = start + intBetween(rng, 0, 730 * 86_400) * 1000;
    const state = share === null ? pick(rng, STATES) : rng() < share ? pick(rng, OPEN_STATES) : pick(rng, DONE_STATES);
    const done = state === 'Resolved' || state === 'Closed';
    const resolved = done ? opened + intBetween(rng, 600, 30 * 86_400) * 1000 : null;
    const closed = state === 'Closed' && resolved ? resolved + intBetween(rng, 3600, 7 * 86_400) * 1000 : null;
    const title = `"${pick(rng, WORDS)} ${pick(rng, WORDS)}, user says ""urgent"""`;
    chunks.push(`INC${String(i).padStart(8, '0')},${title},${pick(rng, PRIORITIES)},${state},${stamp(opened)},${resolved ? stamp(resolved) : ''},${closed ? stamp(closed) : ''},${stamp(closed ?? resolved ?? opened)}`);
  }
  writeFileSync(file, chunks.join('\n') + '\n');
  return file;
}

export async function freshServerDb(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `outsight_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: `${SERVER}/${name}`,
    drop: async () => {
      const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function tenant(database: Database): Promise<{ ctx: Ctx; engagementIds: string[] }> {
  const db = database.db;
  const org = await insertOrg(db, { name: 'Bench' });
  const email = `bench-${Date.now()}-${Math.random()}@outsight.test`;
  const person = await insertPerson(db, { email, passwordHash: null, at: new Date() });
  const u = await insertUser(db, { orgId: org.id, personId: person.id, email, name: 'Bench', role: 'owner' });
  const v = await insertVendor(db, { orgId: org.id, name: 'Bench vendor', kind: 'help_desk', status: 'active', tier: 2, dataAccess: 'internal' });
  const engagementIds = [];
  for (const name of ['Generated', 'UCI']) {
    engagementIds.push((await insertEngagement(db, { orgId: org.id, vendorId: v.id, name, serviceType: 'service_desk', criticality: 'high', status: 'active' })).id);
  }
  const ctx: Ctx = {
    db,
    config: loadConfig({ OUTSIGHT_DATA_DIR: '/nonexistent' }),
    log: { info() {}, warn() {}, error() {}, debug() {}, trace() {}, fatal() {}, child() { return this; }, level: 'silent', silent() {} } as unknown as Ctx['log'],
    now: new Date(),
    requestId: 'bench',
    actor: { userId: u.id, orgId: org.id, role: 'owner', vendorId: null, email: u.email, name: u.name, via: 'token', sessionId: null, csrfToken: null },
  };
  return { ctx, engagementIds };
}

const wall = () => performance.now();
const row = (name: string, ms: number, n: number): BenchRow => ({ name, nsPerOp: (ms * 1e6) / n, timedOps: n, totalMs: ms, mismatches: null });

/**
 * The floor: COPY the export straight into a table shaped exactly like `tickets` (LIKE …
 * INCLUDING ALL copies columns, indexes and defaults, not foreign keys). With `keys`, the
 * table also gets tickets' foreign key (the engagement, of the same organisation), whose
 * per-row check any load into `tickets` pays, COPY included.
 */
async function rawCopy(client: pg.Client, file: string, orgId: string, engagementId: string, keys = false): Promise<number> {
  const table = keys ? 'bench_raw_keys' : 'bench_raw';
  await client.query(`CREATE TABLE ${table} (LIKE tickets INCLUDING ALL)`);
  await client.query(`ALTER TABLE ${table} ALTER COLUMN org_id SET DEFAULT '${orgId}', ALTER COLUMN engagement_id SET DEFAULT '${engagementId}', ALTER COLUMN history SET DEFAULT '[]'`);
  if (keys) await client.query(`ALTER TABLE ${table} ADD FOREIGN KEY (org_id, engagement_id) REFERENCES engagements(org_id, id)`);
  await client.query('CHECKPOINT');
  const t0 = wall();
  await pipeline(createReadStream(file), client.query(copyFrom(`COPY ${table} (external_id, title, priority, status, opened_at, resolved_at, closed_at, updated_at) FROM STDIN WITH (FORMAT csv, HEADER true)`)));
  return wall() - t0;
}

/** The usual hand-written loader: parse, then INSERT … VALUES in batches of 1,000 rows. */
async function insertBatches(client: pg.Client, file: string, orgId: string, engagementId: string): Promise<number> {
  await client.query(`CREATE TABLE bench_insert (LIKE tickets INCLUDING ALL)`);
  const t0 = wall();
  let batch: string[][] = [];
  const flush = async () => {
    if (!batch.length) return;
    const params: unknown[] = [];
    const values = batch.map((r) => {
      const base = params.length;
      params.push(orgId, engagementId, r[0], r[1], r[2], r[3], r[4], r[5] || null, r[6] || null);
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}, $${base + 7}, $${base + 8}, $${base + 9}, '[]')`;
    });
    await client.query(`INSERT INTO bench_insert (org_id, engagement_id, external_id, title, priority, status, opened_at, resolved_at, closed_at, history) VALUES ${values.join(',')}`, params);
    batch = [];
  };
  await new Promise<void>((resolve, reject) => {
    let header = true;
    Papa.parse<string[]>(createReadStream(file) as unknown as File, {
      chunk: (res, parser) => {
        for (const r of res.data) {
          if (header) {
            header = false;
            continue;
          }
          if (r.length === 8) batch.push(r);
        }
        parser.pause();
        const flushAll = async () => {
          while (batch.length > 1000) {
            const rest = batch.slice(1000);
            batch = batch.slice(0, 1000);
            await flush();
            batch = rest;
          }
        };
        flushAll().then(() => parser.resume(), reject);
      },
      complete: () => resolve(),
      error: reject,
    });
  });
  await flush();
  return wall() - t0;
}

/** Wall time spent in each phase the import reports (reading, checking, saving; the record and commit fall in the last). */
function phaseClock() {
  const spent = new Map<string, number>();
  const start = wall();
  let phase = 'reading';
  let since = start;
  return {
    onProgress: (p: { phase: string }) => {
      if (p.phase === phase) return;
      const now = wall();
      spent.set(phase, (spent.get(phase) ?? 0) + now - since);
      phase = p.phase;
      since = now;
    },
    summary: (totalMs: number) => {
      const all = new Map(spent);
      all.set(phase, (all.get(phase) ?? 0) + start + totalMs - since);
      return [...all].map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ');
    },
  };
}

export async function benchTicketImport(opts: BenchOptions): Promise<SectionResult> {
  const n = opts.n ?? 1_000_000;
  const log = opts.log ?? (() => {});
  log(`generating a ${n.toLocaleString('en')}-ticket export…`);
  const file = generateExport(n, opts.seed ?? 42);
  const mb = statSync(file).size / 2 ** 20;
  const rows: BenchRow[] = [];
  const notes: string[] = [`input: ServiceNow incident list, ${n.toLocaleString('en')} tickets, ${mb.toFixed(0)} MB, quoted descriptions with commas`];

  const server = await freshServerDb();
  try {
    const database = await openDatabase({ kind: 'postgres', url: server.url });
    await database.migrate();
    const { ctx, engagementIds } = await tenant(database);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    log('raw COPY…');
    const copyMs = await rawCopy(client, file, ctx.actor.orgId, engagementIds[0]);
    rows.push(row('raw COPY of the file into a tickets-shaped table (PostgreSQL)', copyMs, n));
    const keysMs = await rawCopy(client, file, ctx.actor.orgId, engagementIds[0], true);
    rows.push(row('raw COPY into the same table with tickets’ foreign key (PostgreSQL)', keysMs, n));
    log('INSERT batches…');
    const insertMs = await insertBatches(client, file, ctx.actor.orgId, engagementIds[0]);
    rows.push(row('parse + multi-row INSERT, 1,000 rows per statement (PostgreSQL)', insertMs, n));
    await client.query('DROP TABLE bench_raw; DROP TABLE bench_raw_keys; DROP TABLE bench_insert');
    await client.query('CHECKPOINT');
    await client.end();

    log('Outsight import (PostgreSQL)…');
    let t0 = wall();
    const phases = phaseClock();
    // This process's own CPU (reading, parsing, normalising, building the COPY's text) runs
    // beside the server's: when it nears the wall time, the reader is what the load waits for.
    const cpu0 = process.cpuUsage();
    const res = await importTickets(ctx, createReadStream(file), { engagementId: engagementIds[0], format: 'servicenow', timeZone: 'UTC', onProgress: phases.onProgress });
    const importMs = wall() - t0;
    const cpu = process.cpuUsage(cpu0);
    notes.push(`Outsight import by phase (PostgreSQL): ${phases.summary(importMs)}; this process's CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of ${(importMs / 1000).toFixed(1)} s`);
    if (res.ticketsCreated !== n) throw new Error(`expected ${n} tickets, got ${res.ticketsCreated}`);
    rows.push(row('Outsight first import: parse, normalise, COPY into tickets (PostgreSQL)', importMs, n));
    t0 = wall();
    const again = await importTickets(ctx, createReadStream(file), { engagementId: engagementIds[0], format: 'servicenow', timeZone: 'UTC' });
    rows.push(row('Outsight re-import of the same file: all unchanged (PostgreSQL)', wall() - t0, n));
    if (again.ticketsUnchanged !== n) throw new Error('re-import changed tickets');

    const uciThere = existsSync(UCI_FILE);
    if (uciThere) {
      log('UCI event log (PostgreSQL)…');
      t0 = wall();
      const uci = await importTickets(ctx, createReadStream(UCI_FILE), { engagementId: engagementIds[1], format: 'servicenow-events' });
      rows.push(row(`UCI event log: ${uci.rowsRead.toLocaleString('en')} rows → ${uci.ticketsCreated.toLocaleString('en')} tickets (PostgreSQL; per ticket)`, wall() - t0, uci.ticketsCreated));
    } else {
      notes.push(`UCI event log not found at ${UCI_FILE} (set OUTSIGHT_UCI_FILE): its rows are left out`);
    }
    await database.close();

    const ratios: Record<string, number> = {
      importVsRawCopy: Math.round((importMs / copyMs) * 100) / 100,
      importVsRawCopyWithKeys: Math.round((importMs / keysMs) * 100) / 100,
      insertBatchesVsImport: Math.round((insertMs / importMs) * 100) / 100,
    };
    notes.push(`import / raw COPY = ${ratios.importVsRawCopy}× (target ≤ 1.3×; ${ratios.importVsRawCopyWithKeys}× against the COPY with the foreign key); INSERT batches / import = ${ratios.insertBatchesVsImport}×`);

    if (n <= 1_000_000) {
      log('Outsight import (PGlite)…');
      // On disk, as `npm start` keeps it: an in-memory database would count the data as the process's memory.
      const liteDir = mkdtempSync(path.join(tmpdir(), 'outsight-bench-pglite-'));
      const lite = await openDatabase({ kind: 'pglite', dataDir: liteDir });
      await lite.migrate();
      const l = await tenant(lite);
      // Issue 10 item 6: the embedded database lives in this process, so its memory is ours.
      // Sampled every 100 ms from the process's resident set while the import runs.
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 100);
      t0 = wall();
      const liteResult = await importTickets(l.ctx, createReadStream(file), { engagementId: l.engagementIds[0], format: 'servicenow', timeZone: 'UTC' });
      const liteMs = wall() - t0;
      if (liteResult.ticketsCreated !== n) throw new Error(`PGlite import created ${liteResult.ticketsCreated} tickets of ${n}`);
      clearInterval(sampler);
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      rows.push(row('Outsight import (embedded PGlite)', liteMs, n));
      const mb = (b: number) => Math.round(b / 1024 / 1024);
      notes.push(`PGlite import of ${n.toLocaleString('en')} tickets: process RSS ${mb(rssBefore)} MB before, peak ${mb(rssPeak)} MB during (+${mb(rssPeak - rssBefore)} MB)`);
      ratios.pgliteImportPeakRssMb = mb(rssPeak);
      ratios.pgliteImportRssGrowthMb = mb(rssPeak - rssBefore);
      if (uciThere) {
        t0 = wall();
        const u2 = await importTickets(l.ctx, createReadStream(UCI_FILE), { engagementId: l.engagementIds[1], format: 'servicenow-events' });
        rows.push(row('UCI event log (embedded PGlite; per ticket)', wall() - t0, u2.ticketsCreated));
      }
      ratios.pgliteVsPostgres = Math.round((liteMs / importMs) * 100) / 100;
      await lite.close();
      rmSync(liteDir, { recursive: true, force: true });
    }
    return { id: 'ticket-import', title: 'Ticket import: CSV → database, end to end (wall clock)', rows, ratios, notes, mismatches: 0 };
  } finally {
    await server.drop();
  }
}

