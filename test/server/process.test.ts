import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

// The real server process: start, demo, data-directory lock, clean shutdown, PostgreSQL mode.
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

// Both databases are exercised here already, so the PostgreSQL re-run of the suite skips it.
const once = describe.skipIf(process.env.OUTSIGHT_TEST_DB === 'postgres');
let nextPort = 3900 + (process.pid % 500);

// What `npm start` runs: the server bundled by scripts/build-server.mjs (the test setup
// builds it once; rebuilding it here could hand another file's server half a bundle), run
// by plain node (its paths to migrations, the template and the web UI are found from dist/).
function bundle(): string[] {
  return ['dist/server/main.mjs'];
}

function start(env: Record<string, string>, args = ['--import', 'tsx', 'src/server/main.ts']) {
  const port = nextPort++;
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, port, exited, output: () => output, url: `http://127.0.0.1:${port}` };
}

async function waitHealthy(url: string, exited: Promise<unknown>) {
  const deadline = Date.now() + 90_000;
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline && !gone) {
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) return res.json();
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become healthy');
}

async function login(url: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'owner@demo.outsight.test', password: 'outsight-demo' }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  return { cookie, csrf: (await res.json()).csrfToken as string };
}

once('the server process on the embedded database', () => {
  it('starts with the demo, locks its data directory, and loses nothing on SIGTERM', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'outsight-proc-')), 'data');
    const a = start({ OUTSIGHT_DATA_DIR: dir }, bundle());
    expect(await waitHealthy(a.url, a.exited)).toEqual({ status: 'ok' });
    expect(a.output()).toContain('owner@demo.outsight.test');
    const s = await login(a.url);
    const vendors = await (await fetch(`${a.url}/api/v1/vendors?limit=200`, { headers: { cookie: s.cookie } })).json();
    expect(vendors.items.length).toBeGreaterThanOrEqual(12);
    const engagements = await (await fetch(`${a.url}/api/v1/engagements?limit=200`, { headers: { cookie: s.cookie } })).json();
    expect(engagements.items.length).toBeGreaterThanOrEqual(20);
    const created = await fetch(`${a.url}/api/v1/vendors`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Survives restart', kind: 'saas' }),
    });
    expect(created.status).toBe(201);

    const b = start({ OUTSIGHT_DATA_DIR: dir });
    expect(await b.exited).toBe(3);
    expect(b.output()).toMatch(/in use by another Outsight process/);

    a.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);

    const c = start({ OUTSIGHT_DATA_DIR: dir });
    await waitHealthy(c.url, c.exited);
    const s2 = await login(c.url);
    const found = await (await fetch(`${c.url}/api/v1/vendors?q=Survives`, { headers: { cookie: s2.cookie } })).json();
    expect(found.items.map((v: { name: string }) => v.name)).toEqual(['Survives restart']);
    // The demo is created once, not again on restart.
    const again = await (await fetch(`${c.url}/api/v1/vendors?q=Brightline`, { headers: { cookie: s2.cookie } })).json();
    expect(again.items).toHaveLength(1);
    c.child.kill('SIGINT');
    expect(await c.exited).toBe(0);
  });
});

once('the server process on PostgreSQL', () => {
  it('uses DATABASE_URL, starts without the demo, and asks for the first organisation', async () => {
    const name = `outsight_proc_${Date.now()}`;
    const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const a = start({ DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}` });
      await waitHealthy(a.url, a.exited);
      expect(await (await fetch(`${a.url}/api/v1/setup/status`)).json()).toEqual({ needsSetup: true });
      expect(a.output()).toContain('create the first organisation');
      a.child.kill('SIGTERM');
      expect(await a.exited).toBe(0);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
