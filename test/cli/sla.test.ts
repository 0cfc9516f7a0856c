import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActor } from '../../src/cli/direct.ts';
import { EngagementInput } from '../../src/shared/contracts/engagements.ts';
import { SlaPolicyInput } from '../../src/shared/contracts/sla.ts';
import { VendorInput } from '../../src/shared/contracts/vendors.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Ctx } from '../../src/server/context.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { createCalendar } from '../../src/server/modules/calendars/calendars.public.ts';
import { createEngagement } from '../../src/server/modules/engagements/engagements.public.ts';
import { savePolicy } from '../../src/server/modules/sla-policies/sla-policies.public.ts';
import { createVendor } from '../../src/server/modules/vendors/vendors.public.ts';
import { silentLog } from '../../src/server/seed/builders/silent-log.ts';
import { ROOT, cleanEnv, freePort, json, runCli, tempDir } from './helpers.ts';

const UCI = path.resolve(ROOT, '../shared/data/uci-incident-event-log/incident_event_log.csv.gz');
const UCI_TICKETS = 24_918;
// The one SLA ticket column set, shared with the API's tickets.csv (src/shared/sla-ticket-csv.ts).
const HEADER = 'id,priority,opened,first_response,resolved,business_response_ms,business_resolution_ms,paused_ms,breached,response_breached,resolution_breached,state,problem';
const HOUR = 3_600_000;

type ImportResult = { ticketsCreated: number; ticketsUpdated: number; ticketsUnchanged: number; rowsRead: number; rejectedCount: number; rejected: Array<{ line: number; field: string }> };
type CliErrorJson = { error: { code: string; message: string; details?: Record<string, unknown> } };
type Report = {
  policyVersion: number;
  months: Array<{ month: string; priorities: Array<{ priority: string; tickets: number; breached: number; attainment: number | null; target: number | null; met: boolean | null; creditPct: number }>; creditPct: number; creditMinor: number | null }>;
};

// ---------------------------------------------------------------------------------------
// Direct mode: one data directory, built on in order (PGlite's first start is the slow part).
// ---------------------------------------------------------------------------------------

const dir = tempDir('sla');
const dataDir = path.join(dir, 'data');
const cli = (args: string[]) => runCli(args, { OUTSIGHT_DATA_DIR: dataDir });
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const ids = { desk: '', generic: '' };

// The server for the remote tests starts first, so its start-up overlaps the direct tests.
let server: ChildProcess | undefined;
let serverLog = '';
let url = '';

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['dist/server/main.mjs'], {
    cwd: ROOT,
    env: cleanEnv({ PORT: String(port), HOST: '127.0.0.1', OUTSIGHT_DATA_DIR: path.join(dir, 'remote-data'), OUTSIGHT_DEMO: '1', LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so afterAll stops it whole
  });
  server.stdout!.on('data', (d) => (serverLog += d));
  server.stderr!.on('data', (d) => (serverLog += d));

  const r = await runCli(['users', 'create', '--org-name', 'Acme Corp', '--email', 'owner@acme.test', '--name', 'Olga Owner', '--json'], {
    OUTSIGHT_DATA_DIR: dataDir,
    OUTSIGHT_PASSWORD: 'owner-password-1',
  });
  expect(r.code, r.stderr + r.stdout).toBe(0);

  // No CLI command makes engagements or policies: make them through the services, acting
  // as the owner the CLI made, between CLI runs (the database takes the data-directory
  // lock, so it is closed before the CLI runs again).
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const db = database.db;
    const ctx: Ctx = { db, actor: await resolveActor(db, undefined), now: new Date(), log: silentLog, requestId: 'cli-test', config: loadConfig({ OUTSIGHT_DATA_DIR: dataDir, OUTSIGHT_DEMO: '0' }) };
    const vendor = (name: string, tier: number, dataAccess: string) => createVendor(ctx, VendorInput.parse({ name, kind: 'help_desk', status: 'active', tier, dataAccess }));
    const engagement = (vendorId: string, name: string, criticality: string) => createEngagement(ctx, EngagementInput.parse({ vendorId, name, serviceType: 'service_desk', criticality, status: 'active' }));
    const helpPoint = await vendor('HelpPoint Service Desk', 2, 'internal');
    const other = await vendor('Other Desk Co', 3, 'none');
    const desk = await engagement(helpPoint.id, 'Global Service Desk', 'high');
    const generic = await engagement(helpPoint.id, 'Generic desk', 'medium');
    // The same name at two vendors: the name alone is ambiguous.
    await engagement(helpPoint.id, 'Twin', 'low');
    await engagement(other.id, 'Twin', 'low');
    const all = [{ from: '00:00', to: '24:00' }];
    const calendar = await createCalendar(ctx, { name: '24x7', timeZone: 'UTC', week: { 1: all, 2: all, 3: all, 4: all, 5: all, 6: all, 7: all }, holidays: [] });
    const definition = {
      priorities: {
        P1: { resolution: { ms: 4 * HOUR, clock: 'calendar' }, monthlyAttainment: 0.95 },
        P2: { resolution: { ms: 8 * HOUR, clock: 'calendar' }, monthlyAttainment: 0.9 },
        P3: { resolution: { ms: 24 * HOUR, clock: 'calendar' }, monthlyAttainment: 0.9 },
        P4: { resolution: { ms: 72 * HOUR, clock: 'calendar' }, monthlyAttainment: 0.9 },
      },
      pauseStatuses: ['Awaiting User Info', 'Awaiting Vendor'],
      resolvedStatuses: ['Resolved', 'Closed'],
      attainmentCredits: [{ shortfallOver: 0, creditPct: 5 }],
      monthlyFeeMinor: 1_000_000,
    };
    for (const e of [desk, generic]) await savePolicy(ctx, e.id, SlaPolicyInput.parse({ ...definition, calendarId: calendar.id }));
    ids.desk = desk.id;
    ids.generic = generic.id;
  } finally {
    await database.close();
  }
});

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    await exited;
  }
  // Every CLI run, failed ones included, must have released the data-directory lock.
  expect(existsSync(`${dataDir}.lock`)).toBe(false);
  rmSync(dir, { recursive: true, force: true });
});

describe('outsight tickets import / sla, direct mode', () => {
  it('imports the UCI ServiceNow event log by engagement name, and re-imports it by id without duplicates', async () => {
    const first = await cli(['tickets', 'import', UCI, '--engagement', 'global service desk', '--format', 'servicenow-events', '--json']);
    expect(first.code, first.stderr + first.stdout).toBe(0);
    expect(json<ImportResult>(first)).toMatchObject({ rowsRead: 141_712, ticketsCreated: UCI_TICKETS, ticketsUpdated: 0, rejectedCount: 0 });
    // Not a terminal: no progress bar, nothing on stderr.
    expect(first.stderr).toBe('');

    const again = await cli(['tickets', 'import', UCI, '-e', ids.desk, '-f', 'servicenow-events']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('into "Global Service Desk" (HelpPoint Service Desk)');
    expect(again.stdout).toContain(`0 tickets created, 0 updated, ${UCI_TICKETS.toLocaleString('en-US')} unchanged`);
  });

  it('sla report --json: every month has its priorities, and the numbers add up', async () => {
    const r = await cli(['sla', 'report', '--engagement', 'Global Service Desk', '--from', '2016-02', '--to', '2016-06', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = json<Report>(r);
    expect(report.policyVersion).toBe(1);
    expect(report.months.map((m) => m.month)).toEqual(['2016-02', '2016-03', '2016-04', '2016-05', '2016-06']);
    let total = 0;
    for (const m of report.months) {
      expect(m.priorities.length).toBeGreaterThan(0);
      for (const p of m.priorities) {
        expect(p.breached).toBeLessThanOrEqual(p.tickets);
        total += p.tickets;
        if (p.tickets > 0) expect(p.attainment).toBeCloseTo(1 - p.breached / p.tickets, 9);
      }
      // 5 % per priority that missed its target; the fee is 10,000.00 a month.
      for (const p of m.priorities) if (p.tickets > 0) expect(p.met).toBe(p.attainment! >= p.target!);
      const missed = m.priorities.filter((p) => p.met === false).length;
      expect(m.priorities.reduce((sum, p) => sum + p.creditPct, 0)).toBe(missed * 5);
      expect(m.creditPct).toBe(missed * 5);
      expect(m.creditMinor).toBe(missed * 5 * 10_000);
    }
    expect(total).toBeGreaterThan(20_000);
    expect(total).toBeLessThanOrEqual(UCI_TICKETS);

    // For people: a month × priority table with the month's credit.
    const human = await cli(['sla', 'report', '-e', ids.desk, '--from', '2016-03', '--to', '2016-03']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/MONTH\s+PRIORITY\s+TICKETS\s+BREACHED\s+ATTAINMENT\s+TARGET\s+MET\s+CREDIT\s+AMOUNT/);
    const march = report.months[1];
    const p3 = march.priorities.find((p) => p.priority === 'P3')!;
    expect(human.stdout).toContain(`${(p3.attainment! * 100).toFixed(1)} %`);
    expect(human.stdout).toMatch(new RegExp(`2016-03\\s+month\\s.*${(march.creditMinor! / 100).toFixed(2)}`));

    // A policy version that does not exist is an error, not an empty report.
    const v9 = await cli(['sla', 'report', '-e', ids.desk, '--policy-version', '9', '--json']);
    expect(v9.code).toBe(1);
    expect(json<CliErrorJson>(v9).error.code).toBe('not_found');
    const badMonth = await cli(['sla', 'report', '-e', ids.desk, '--from', '2016-13', '--json']);
    expect(badMonth.code).toBe(2);
    expect(json<CliErrorJson>(badMonth).error.message).toContain('--from');
  });

  it('sla tickets: one CSV row per ticket with the exact header; JSON parses; --out writes a file', async () => {
    const r = await cli(['sla', 'tickets', '--engagement', 'Global Service Desk', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(HEADER);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(UCI_TICKETS);
    expect(new Set(rows.map((x) => x.id)).size).toBe(UCI_TICKETS);
    const inc45 = rows.find((x) => x.id === 'INC0000045')!;
    expect(inc45).toMatchObject({ priority: 'P3', opened: '2016-02-29T01:16:00.000Z' });
    expect(['true', 'false']).toContain(inc45.breached);
    expect(Number(inc45.business_resolution_ms)).toBeGreaterThan(0);

    const j = await cli(['sla', 'tickets', '-e', ids.desk, '--format', 'json', '--filter', 'breached']);
    expect(j.code, j.stderr).toBe(0);
    const breached = JSON.parse(j.stdout) as Array<Record<string, unknown>>;
    expect(breached.length).toBe(rows.filter((x) => x.breached === 'true').length);
    expect(breached.length).toBeGreaterThan(0);
    expect(Object.keys(breached[0])).toEqual(HEADER.split(','));
    expect(breached.every((t) => t.breached === true && typeof t.business_resolution_ms === 'number')).toBe(true);

    const outFile = path.join(dir, 'tickets.json');
    const w = await cli(['sla', 'tickets', '-e', ids.desk, '--format', 'json', '--out', outFile, '--json']);
    expect(w.code, w.stderr).toBe(0);
    expect(json(w)).toMatchObject({ count: UCI_TICKETS, file: outFile });
    expect(JSON.parse(readFileSync(outFile, 'utf8'))).toHaveLength(UCI_TICKETS);
  });

  it('imports a generic export with a mapping file; keeps valid rows, lists the rejected one; CSV cells stay inert', async () => {
    const csv = file('generic.csv', ['Ref;Opened;Closed;Prio;State', 'G-1;02.03.2026 10:00;02.03.2026 11:30;Hoch;Resolved', 'G-2;03.03.2026 10:00;;Hoch;Open', 'G-3;not a date;;Hoch;Open', '=HYPERLINK("x");04.03.2026 10:00;04.03.2026 10:30;Hoch;Closed', ''].join('\n'));
    const mapping = file(
      'mapping.json',
      JSON.stringify({ shape: 'tickets', columns: { externalId: 'Ref', openedAt: 'Opened', resolvedAt: 'Closed', priority: 'Prio', status: 'State' }, dateOrder: 'dmy', timeZone: 'Europe/Berlin', priorityMap: { Hoch: 'P2' } }),
    );
    const r = await cli(['tickets', 'import', csv, '-e', 'Generic desk', '--format', 'generic', '--mapping', mapping]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('3 tickets created');
    expect(r.stdout).toContain('1 row was rejected');
    expect(r.stdout).toMatch(/^\s+4\s+Opened\s+not a date\s+Not a date/m);

    // Strict: the same file is refused as a whole (exit 1) and nothing changes.
    const strict = await cli(['tickets', 'import', csv, '-e', 'Generic desk', '--format', 'generic', '--mapping', mapping, '--strict', '--json']);
    expect(strict.code).toBe(1);
    const err = json<CliErrorJson>(strict).error;
    expect(err.code).toBe('import_rejected');
    expect(err.details).toMatchObject({ rejectedCount: 1, rejected: [{ line: 4, field: 'Opened' }] });

    const t = await cli(['sla', 'tickets', '-e', ids.generic]);
    expect(t.code, t.stderr).toBe(0);
    const lines = t.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    const g1 = lines.find((l) => l.startsWith('G-1,'));
    // 10:00 in Berlin is 09:00 UTC; resolved after 1.5 h against an 8 h P2 target.
    expect(g1).toBe('G-1,P2,2026-03-02T09:00:00.000Z,2026-03-02T10:30:00.000Z,2026-03-02T10:30:00.000Z,5400000,5400000,0,false,false,false,resolved,');
    expect(lines.some((l) => l.startsWith(`"'=HYPERLINK(""x"")",P2,`))).toBe(true);

    // Many rejected rows: the first 20 are listed, with the total and where the rest are.
    const bad = Array.from({ length: 25 }, (_, i) => `B-${i};someday;;Hoch;Open`);
    const good = Array.from({ length: 30 }, (_, i) => `M-${i};05.03.2026 10:00;;Hoch;Open`);
    const many = file('many-bad.csv', ['Ref;Opened;Closed;Prio;State', ...good, ...bad, ''].join('\n'));
    const m = await cli(['tickets', 'import', many, '-e', 'Generic desk', '--format', 'generic', '--mapping', mapping]);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toContain('30 tickets created');
    expect(m.stdout).toContain('25 rows were rejected and 30 imported (of 55 read); the first 20:');
    expect(m.stdout).toMatch(/All rejected rows: \/api\/v1\/ticket-imports\/[0-9a-f-]+\/rejections\.csv/);
    expect(m.stdout.match(/^\s+\d+\s+Opened\s+someday\s/gm)).toHaveLength(20);

    // Nothing imported is a failure, never "imported": exit 1, and the words say so.
    const allBad = file('all-bad.csv', ['Ref;Opened;Closed;Prio;State', ...bad, ''].join('\n'));
    const none = await cli(['tickets', 'import', allBad, '-e', 'Generic desk', '--format', 'generic', '--mapping', mapping]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('25 of 25 rows were rejected; nothing was imported.');
    expect(none.stderr).toContain('Opened: Not a date or time in any shape Outsight reads');
  });

  it('a mapping file with a mistake names the field and exits 2; flags are checked', async () => {
    const bad = file('bad-mapping.json', JSON.stringify({ shape: 'tickets', columns: { openedAt: 'Opened' }, dateOrder: 'dmy', timeZone: 'UTC' }));
    const csv = path.join(dir, 'generic.csv');
    const r = await cli(['tickets', 'import', csv, '-e', 'Generic desk', '--format', 'generic', '--mapping', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('columns.externalId: Map the ticket id column');

    const j = await cli(['tickets', 'import', csv, '-e', 'Generic desk', '--format', 'generic', '--mapping', bad, '--json']);
    expect(j.code).toBe(2);
    expect(json<CliErrorJson>(j).error.details).toMatchObject({ issues: [{ path: 'columns.externalId' }] });

    const notJson = await cli(['tickets', 'import', csv, '-e', 'Generic desk', '--format', 'generic', '--mapping', csv]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('not valid JSON');

    const noMapping = await cli(['tickets', 'import', csv, '-e', 'Generic desk', '--format', 'generic']);
    expect(noMapping.code).toBe(2);
    const zone = await cli(['tickets', 'import', csv, '-e', 'Generic desk', '--format', 'jira', '--time-zone', 'Mars/Olympus']);
    expect(zone.code).toBe(2);
    expect(zone.stderr).toContain('--time-zone');
    const missing = await cli(['tickets', 'import', path.join(dir, 'nope.csv'), '-e', 'Generic desk', '--format', 'jira']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('ENOENT');
  });

  it('an unknown engagement is a clear error (exit 1); an ambiguous name lists the vendors', async () => {
    const r = await cli(['sla', 'report', '-e', 'No Such Desk']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('outsight: No engagement has the id or name "No Such Desk".\n');
    const byId = await cli(['sla', 'tickets', '-e', '00000000-0000-4000-8000-000000000000', '--json']);
    expect(byId.code).toBe(1);
    expect(json<CliErrorJson>(byId).error.code).toBe('not_found');
    const imp = await cli(['tickets', 'import', UCI, '-e', 'No Such Desk', '--format', 'servicenow-events', '--json']);
    expect(imp.code).toBe(1);
    expect(json<CliErrorJson>(imp).error.code).toBe('not_found');

    const twin = await cli(['sla', 'report', '-e', 'twin']);
    expect(twin.code).toBe(1);
    expect(twin.stderr).toContain('2 engagements are named "twin"');
    expect(twin.stderr).toContain('HelpPoint Service Desk');
    expect(twin.stderr).toContain('Other Desk Co');
  });
});

// ---------------------------------------------------------------------------------------
// Remote mode: a real server on the demo organisation, the CLI with --url/--token.
// ---------------------------------------------------------------------------------------

describe('outsight tickets import / sla against a running server', () => {
  let token = '';
  const remote = (args: string[]) => runCli([...args, '--url', url, '--token', token], {});

  beforeAll(async () => {
    const deadline = Date.now() + 110_000;
    for (;;) {
      if (!server || server.exitCode !== null) throw new Error(`server exited ${server?.exitCode}:\n${serverLog}`);
      if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${serverLog}`);
      const ok = await fetch(`${url}/api/v1/health`).then(
        (res) => res.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@demo.outsight.test', password: 'outsight-demo' }),
    });
    expect(login.status).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const created = await fetch(`${url}/api/v1/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'sla cli test' }),
    });
    expect(created.status).toBe(201);
    token = ((await created.json()) as { token: string }).token;
  });

  it('streams a Jira export to a demo engagement given by name, then reads its SLA report and tickets', async () => {
    const jira = file('jira.csv', 'Issue key,Summary,Priority,Status,Created,Resolved\nSD-1,Printer,High,Done,21/Nov/26 4:30 PM,22/Nov/26 9:00 AM\n');
    const r = await remote(['tickets', 'import', jira, '--engagement', 'Onboarding and Offboarding', '--format', 'jira', '--time-zone', 'Europe/Berlin', '--json']);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const result = json<ImportResult & { engagementId: string; fileName: string }>(r);
    expect(result).toMatchObject({ ticketsCreated: 1, rejectedCount: 0, fileName: 'jira.csv' });

    const again = await remote(['tickets', 'import', jira, '-e', result.engagementId, '-f', 'jira', '--time-zone', 'Europe/Berlin']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('0 tickets created, 0 updated, 1 unchanged');

    // Strict mode through the API: 422 import_rejected becomes exit 1 with the rows.
    const bad = file('jira-bad.csv', 'Issue key,Summary,Priority,Status,Created,Resolved\nSD-9,Broken,High,Done,yesterday,\n');
    const strict = await remote(['tickets', 'import', bad, '-e', 'onboarding and offboarding', '-f', 'jira', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('rejected in strict mode');
    expect(strict.stderr).toMatch(/^\s+2\s+Created\s+yesterday/m);

    const unknown = await remote(['sla', 'report', '-e', 'No Such Desk', '--json']);
    expect(unknown.code).toBe(1);
    expect(json<CliErrorJson>(unknown).error.code).toBe('not_found');

    // Give the engagement a policy through the API, then report on it remotely.
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const all = [{ from: '00:00', to: '24:00' }];
    const cal = await fetch(`${url}/api/v1/calendars`, { method: 'POST', headers, body: JSON.stringify({ name: 'CLI 24x7', timeZone: 'UTC', week: { 1: all, 2: all, 3: all, 4: all, 5: all, 6: all, 7: all } }) });
    expect(cal.status, await cal.clone().text()).toBe(201);
    const policy = await fetch(`${url}/api/v1/engagements/${result.engagementId}/sla-policy`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ calendarId: ((await cal.json()) as { id: string }).id, priorities: { P2: { resolution: { ms: 8 * HOUR, clock: 'calendar' }, monthlyAttainment: 0.9 } }, resolvedStatuses: ['Done'] }),
    });
    expect(policy.status, await policy.clone().text()).toBe(200);

    // A second, older ticket whose verdict does not depend on today's date.
    const old = file('jira-old.csv', 'Issue key,Summary,Priority,Status,Created,Resolved\nSD-2,Old,High,Done,02/Mar/20 10:00 AM,02/Mar/20 11:00 AM\n');
    expect((await remote(['tickets', 'import', old, '-e', 'onboarding and offboarding', '-f', 'jira', '--time-zone', 'Europe/Berlin'])).code).toBe(0);

    const report = await remote(['sla', 'report', '-e', 'onboarding and offboarding', '--from', '2020-03', '--to', '2020-03', '--json']);
    expect(report.code, report.stderr).toBe(0);
    expect(json<Report>(report).months).toMatchObject([{ month: '2020-03', priorities: [{ priority: 'P2', tickets: 1, breached: 0, attainment: 1, met: true }], creditPct: 0 }]);

    // Page size 1: the CLI follows the cursor; newest first.
    const tickets = await remote(['sla', 'tickets', '-e', result.engagementId, '--page-size', '1']);
    expect(tickets.code, tickets.stderr).toBe(0);
    const lines = tickets.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(HEADER);
    expect(lines[1]).toMatch(/^SD-1,P2,2026-11-21T15:30:00.000Z,/);
    expect(lines[2]).toBe('SD-2,P2,2020-03-02T09:00:00.000Z,2020-03-02T10:00:00.000Z,2020-03-02T10:00:00.000Z,3600000,3600000,0,false,false,false,resolved,');
  });
});
