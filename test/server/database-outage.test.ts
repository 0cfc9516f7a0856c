import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Issue 9, items 1 and 5: the real server process on PostgreSQL while the database goes
 * away. Sessions terminated mid-import (pg_terminate_backend) must not kill the process;
 * a frozen or unreachable database answers 503 `database_unavailable` within the
 * configured timeouts instead of hanging; /health stays "up", /health/ready says whether
 * the database answers; and the server recovers by itself when the database is back.
 * Only loopback traffic: the server, a small TCP relay in this test, and the local PostgreSQL.
 */
const children: ChildProcess[] = [];
const relays: Relay[] = [];
const databases: string[] = [];
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
afterAll(async () => {
  children.forEach((c) => c.kill('SIGKILL'));
  relays.forEach((r) => r.close());
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

// Runs once (not again in the PostgreSQL re-run of the suite): it makes its own databases.
const once = describe.skipIf(process.env.OUTSIGHT_TEST_DB === 'postgres');
let nextPort = 4500 + (process.pid % 400);

async function throwawayDatabase(): Promise<string> {
  const name = `outsight_outage_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  databases.push(name);
  return name;
}

function start(env: Record<string, string>) {
  const port = nextPort++;
  const child = spawn(process.execPath, ['dist/server/main.mjs'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', OUTSIGHT_JOBS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, output: () => output, url: `http://127.0.0.1:${port}` };
}

const call = (url: string, init: RequestInit = {}) => fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });

async function until<T>(what: string, probe: () => Promise<T | null>, tries = 240): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const got = await probe().catch(() => null);
    if (got !== null) return got;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`gave up waiting for ${what}`);
}

async function serverWithOwner(databaseUrl: string, env: Record<string, string> = {}) {
  const s = start({ DATABASE_URL: databaseUrl, ...env });
  await until('the server to listen', async () => ((await call(`${s.url}/api/v1/health`)).ok ? true : null));
  const res = await call(`${s.url}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ orgName: 'Outage Ltd', name: 'Olive Owner', email: 'owner@outage.example', password: 'a long enough password 42' }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  return { ...s, headers: { cookie, 'x-csrf-token': csrf } };
}

const alive = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;

/** A TCP relay to the local PostgreSQL that the test can freeze (nothing passes) or cut (refuses and drops every connection). */
interface Relay {
  port: number;
  freeze(): void;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): void;
}
async function relay(): Promise<Relay> {
  let frozen = false;
  const pairs = new Set<[net.Socket, net.Socket]>();
  const onConnection = (client: net.Socket) => {
    const upstream = net.connect(5432, '127.0.0.1');
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    if (frozen) {
      client.pause();
      upstream.pause();
    }
    client.on('data', (d) => upstream.write(d));
    upstream.on('data', (d) => client.write(d));
    const end = () => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  };
  let server = net.createServer(onConnection);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  const r: Relay = {
    port,
    freeze() {
      frozen = true;
      for (const [a, b] of pairs) {
        a.pause();
        b.pause();
      }
    },
    async cut() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const [a, b] of pairs) {
          a.destroy();
          b.destroy();
        }
      });
    },
    async restore() {
      frozen = false;
      for (const [a, b] of pairs) {
        a.resume();
        b.resume();
      }
      if (!server.listening) {
        server = net.createServer(onConnection);
        await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
      }
    },
    close() {
      server.close();
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
    },
  };
  relays.push(r);
  return r;
}

async function expectUnavailable(res: Response) {
  expect(res.status).toBe(503);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('database_unavailable');
  expect(body.error.message).toMatch(/try again/);
}

once('the server process when PostgreSQL goes away', () => {
  it('survives its sessions being terminated in the middle of an import, fails that import cleanly and answers again', async () => {
    const name = await throwawayDatabase();
    const s = await serverWithOwner(`postgres://postgres@127.0.0.1:5432/${name}`);
    const rows = Array.from({ length: 5_000 }, (_, i) => `Terminated vendor ${i},saas,Notes for row ${i}`);
    const importing = call(`${s.url}/api/v1/vendors/import`, { method: 'POST', headers: { ...s.headers, 'content-type': 'text/csv' }, body: `name,kind,notes\n${rows.join('\n')}\n` });
    let settled = false;
    void importing.finally(() => (settled = true)).catch(() => {});

    // Terminate every session of the server's database, again and again, until the import answers.
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    let terminated = 0;
    for (let i = 0; i < 2_000 && !settled; i++) {
      const r = await admin.query('SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      terminated += r.rows[0].n;
    }
    await admin.end();
    expect(terminated).toBeGreaterThan(0);

    const res = await importing;
    expect(alive(s.child), s.output()).toBe(true);
    await expectUnavailable(res);
    expect(s.output()).not.toMatch(/Unhandled 'error' event/);

    // The pool replaces the lost connections: the server answers again, and the import left nothing behind.
    await until('the database to be ready again', async () => ((await call(`${s.url}/api/v1/health/ready`)).ok ? true : null));
    const vendors = await call(`${s.url}/api/v1/vendors?q=Terminated`, { headers: s.headers });
    expect(vendors.status).toBe(200);
    expect(((await vendors.json()) as { items: unknown[] }).items).toEqual([]);
    expect(alive(s.child)).toBe(true);
  });

  it('answers 503 database_unavailable while the database is frozen or unreachable, stays up, and recovers', async () => {
    const name = await throwawayDatabase();
    const r = await relay();
    const s = await serverWithOwner(`postgres://postgres@127.0.0.1:${r.port}/${name}`, { OUTSIGHT_DB_STATEMENT_TIMEOUT_MS: '1000', OUTSIGHT_DB_CONNECT_TIMEOUT_MS: '1000' });
    const vendors = () => call(`${s.url}/api/v1/vendors`, { headers: s.headers });
    expect((await vendors()).status).toBe(200);
    expect(await (await call(`${s.url}/api/v1/health/ready`)).json()).toEqual({ status: 'ready' });

    // Frozen: connections stay open but nothing comes back.
    r.freeze();
    await expectUnavailable(await vendors());
    expect(await (await call(`${s.url}/api/v1/health`)).json()).toEqual({ status: 'ok' });
    await expectUnavailable(await call(`${s.url}/api/v1/health/ready`));
    await r.restore();
    await until('recovery after the freeze', async () => ((await vendors()).status === 200 ? true : null));

    // Unreachable: every connection dropped and new ones refused.
    await r.cut();
    await expectUnavailable(await vendors());
    expect((await call(`${s.url}/api/v1/health`)).status).toBe(200);
    await expectUnavailable(await call(`${s.url}/api/v1/health/ready`));
    expect(alive(s.child), s.output()).toBe(true);
    await r.restore();
    await until('recovery after the outage', async () => ((await vendors()).status === 200 ? true : null));
    expect((await call(`${s.url}/api/v1/health/ready`)).status).toBe(200);
  });
});
