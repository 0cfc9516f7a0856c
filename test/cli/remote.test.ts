import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_VENDORS } from '../../src/server/seed/demo-data.ts';
import { ROOT, VENDOR_CSV_HEADER, cleanEnv, freePort, json, runCli, tempDir } from './helpers.ts';

// A real server on the demo organisation; the CLI talks to it with --url/--token.
const dir = tempDir('remote');
const dataDir = path.join(dir, 'data');
let server: ChildProcess;
let serverLog = '';
let url = '';
let token = '';

const remote = (args: string[], t = token) => runCli([...args, '--url', url, '--token', t], {});
/** How many vendors the API itself lists (one page of 200 holds the demo's), to compare the CLI's output with. */
const apiTotal = async (query: string) => {
  const page = (await (await fetch(`${url}/api/v1/vendors?limit=200${query}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: unknown[]; nextCursor: string | null };
  expect(page.nextCursor).toBeNull();
  return page.items.length;
};
let demoCount = 0;
type Vendor = { name: string };

async function waitForHealth(deadline: number) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited ${server.exitCode}:\n${serverLog}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok && (await res.json()).status === 'ok') return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy:\n${serverLog}`);
}

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  // The bundle `npm start` runs (built by the test setup), in its own process group.
  server = spawn(process.execPath, ['dist/server/main.mjs'], {
    cwd: ROOT,
    env: cleanEnv({ PORT: String(port), HOST: '127.0.0.1', OUTSIGHT_DATA_DIR: dataDir, OUTSIGHT_DEMO: '1', LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (d) => (serverLog += d));
  server.stderr!.on('data', (d) => (serverLog += d));
  await waitForHealth(Date.now() + 110_000);

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
    body: JSON.stringify({ name: 'cli test' }),
  });
  expect(created.status).toBe(201);
  token = ((await created.json()) as { token: string }).token;
});

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('outsight CLI against a running server (--url/--token)', () => {
  it('vendors list --json returns all demo vendors, following cursors', async () => {
    const r = await remote(['vendors', 'list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const items = json<{ items: Vendor[] }>(r).items;
    // Every vendor the server holds (the demo's own and the prospects its sourcing projects add), none twice.
    demoCount = await apiTotal('');
    expect(items).toHaveLength(demoCount);
    expect(new Set(items.map((v) => v.name)).size).toBe(demoCount);
    for (const v of DEMO_VENDORS) expect(items.map((x) => x.name)).toContain(v.name);

    // Small pages: the CLI must follow nextCursor to the end, in order, without repeats.
    const paged = await remote(['vendors', 'list', '--json', '--page-size', '3']);
    expect(paged.code, paged.stderr).toBe(0);
    expect(json<{ items: Vendor[] }>(paged).items.map((v) => v.name)).toEqual(items.map((v) => v.name));

    // --limit caps the total, whatever the page size.
    const few = await remote(['vendors', 'list', '--json', '--limit', '5', '--page-size', '2']);
    expect(json<{ items: Vendor[] }>(few).items.map((v) => v.name)).toEqual(items.slice(0, 5).map((v) => v.name));
  });

  it('the same environment variables work instead of flags', async () => {
    const r = await runCli(['vendors', 'list', '--json', '--kind', 'help_desk'], { OUTSIGHT_URL: url, OUTSIGHT_TOKEN: token });
    expect(r.code, r.stderr).toBe(0);
    const items = json<{ items: Array<Vendor & { kind: string }> }>(r).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBe(await apiTotal('&kind=help_desk'));
    expect(items.every((v) => v.kind === 'help_desk')).toBe(true);
  });

  it('vendors import goes through the API: dry run, import, and rejected rows with exit 1', async () => {
    const csv = path.join(dir, 'new.csv');
    writeFileSync(csv, `${VENDOR_CSV_HEADER}\nRemote Ops Ltd,,,GB,cloud_hosting,pilot,2,,internal,,,,,cloud,\n`);
    const dry = await remote(['vendors', 'import', csv, '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(json(dry)).toMatchObject({ created: 1, updated: 0, dryRun: true });

    const imp = await remote(['vendors', 'import', csv]);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toContain('1 created, 0 updated');
    const list = json<{ items: Vendor[] }>(await remote(['vendors', 'list', '--json'])).items;
    expect(list).toHaveLength(demoCount + 1);

    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'name,kind\nOk Vendor,saas\n,saas\nOther,robots\n');
    const r = await remote(['vendors', 'import', bad, '--json']);
    expect(r.code).toBe(1);
    const { error } = json<{ error: { code: string; requestId?: string; details: { rejected: Array<{ line: number; field: string }> } } }>(r);
    expect(error.code).toBe('import_rejected');
    expect(error.requestId).toBeTruthy();
    expect(error.details.rejected.map((x) => `${x.line}:${x.field}`)).toEqual(['3:name', '4:kind']);
    expect(json<{ items: Vendor[] }>(await remote(['vendors', 'list', '--json'])).items).toHaveLength(demoCount + 1);
  });

  it('exit readiness reads the demo over the API: critical engagements, weakest first, as a table', async () => {
    const r = await remote(['exit', 'readiness', '--critical']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/SCORE +VENDOR +ENGAGEMENT/);
    expect(r.stdout).toContain('ERP hosting');
    expect(r.stdout).not.toContain('Plant desktop support'); // medium, not critical
    expect(r.stdout).toMatch(/\d+ of \d+ engagements below the readiness threshold\./);
  });

  it('vendors export returns the CSV from the server', async () => {
    const r = await remote(['vendors', 'export', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const { count, csv } = json<{ count: number; csv: string }>(r);
    expect(count).toBe(demoCount + 1);
    expect(csv.replace(/^\ufeff/, '').split('\n')[0]).toBe(VENDOR_CSV_HEADER);
    expect(csv).toContain('Remote Ops Ltd');
  });

  it('tokens create makes a token that works', async () => {
    const r = await remote(['tokens', 'create', '--name', 'from cli', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const second = json<{ token: string }>(r).token;
    expect(second).toMatch(/^osk_/);
    expect(second).not.toBe(token);
    const list = await remote(['vendors', 'list', '--json', '--limit', '1'], second);
    expect(list.code, list.stderr).toBe(0);
  });

  it('users create invites by link; passwords are refused remotely', async () => {
    const r = await remote(['users', 'create', '--email', 'new.analyst@demo.outsight.test', '--role', 'analyst', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const inv = json<{ invitation: { email: string; role: string; link: string } }>(r).invitation;
    expect(inv).toMatchObject({ email: 'new.analyst@demo.outsight.test', role: 'analyst' });
    expect(inv.link).toMatch(/\/invite\/inv_/);

    const pw = await remote(['users', 'create', '--email', 'x@demo.outsight.test', '--role', 'analyst', '--password', 'some-password-1']);
    expect(pw.code).toBe(2);
  });

  it('a wrong token is refused with the API error, exit 1 and no stack trace', async () => {
    const r = await remote(['vendors', 'list'], 'osk_not-a-real-token');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('outsight: Sign in first.');
    expect(r.stderr).toContain('--token');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('direct mode on the server\'s data directory exits 3 and points to --url/--token', async () => {
    const r = await runCli(['vendors', 'list'], { OUTSIGHT_DATA_DIR: dataDir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('in use by another Outsight process');
    expect(r.stderr).toContain('--url <its address> --token <API token>');
    // The refused CLI must not have taken or removed the server's lock: the server still answers.
    expect((await remote(['vendors', 'list', '--json', '--limit', '1'])).code).toBe(0);
  });

  it('db migrate is refused remotely as a usage error', async () => {
    const r = await remote(['db', 'migrate', '--json']);
    expect(r.code).toBe(2);
    expect(json<{ error: { code: string } }>(r).error.code).toBe('usage');
  });
});
