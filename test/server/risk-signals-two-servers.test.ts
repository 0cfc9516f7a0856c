import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

// Issue 13: two server processes (the bundle `npm start` runs) evaluate the risk signals of one
// organisation at the same time against one PostgreSQL database: exactly one signal and one risk per fact.
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

// It needs a PostgreSQL server whichever database the suite runs on; the PostgreSQL re-run skips it (it ran already).
const once = describe.skipIf(process.env.OUTSIGHT_TEST_DB === 'postgres');
let nextPort = 4400 + (process.pid % 500);

function start(env: Record<string, string>) {
  const port = nextPort++;
  const child = spawn(process.execPath, ['dist/server/main.mjs'], { env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output, url: `http://127.0.0.1:${port}` };
}

async function waitHealthy(s: ReturnType<typeof start>) {
  const deadline = Date.now() + 90_000;
  let gone = false;
  void s.exited.then(() => (gone = true));
  while (Date.now() < deadline && !gone) {
    try {
      if ((await fetch(`${s.url}/api/v1/health`)).ok) return;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy:\n${s.output()}`);
}

once('risk signals evaluated by two servers at once', () => {
  it('leaves exactly one signal and one risk per fact', async () => {
    const name = `outsight_risk2_${Date.now()}`;
    const url = `postgres://postgres@127.0.0.1:5432/${name}`;
    const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const db = new pg.Client({ connectionString: url });
    try {
      // Jobs off: only the evaluations this test starts run.
      const env = { DATABASE_URL: url, OUTSIGHT_DEMO: '0', OUTSIGHT_JOBS: '0' };
      const a = start(env);
      await waitHealthy(a);
      const setup = await fetch(`${a.url}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ orgName: 'Two Servers Ltd', name: 'Olga Owner', email: 'olga@two-servers.test', password: 'correct horse battery staple' }) });
      expect(setup.status).toBe(200);
      const cookie = setup.headers.get('set-cookie')!.split(';')[0];
      const csrf = (await setup.json()).csrfToken as string;
      const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
      // Five critical vendors never assessed: five facts for "assessment overdue or never done".
      for (let i = 1; i <= 5; i++) {
        const r = await fetch(`${a.url}/api/v1/vendors`, { method: 'POST', headers, body: JSON.stringify({ name: `Critical Vendor ${i}`, kind: 'saas', status: 'active', tier: 1, dataAccess: 'internal' }) });
        expect(r.status).toBe(201);
      }
      const b = start(env);
      await waitHealthy(b);

      // Three evaluations on each server, all at once.
      const evaluate = (s: { url: string }) => fetch(`${s.url}/api/v1/risk-signals/evaluate`, { method: 'POST', headers, body: '{}' });
      const answers = await Promise.all([a, b, a, b, a, b].map(evaluate));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      const results = (await Promise.all(answers.map((r) => r.json()))) as Array<{ raised: number }>;

      await db.connect();
      const one = async (q: string) => Number((await db.query(q)).rows[0].n);
      const signals = await one('SELECT count(*) AS n FROM risk_signals');
      expect(await one("SELECT count(*) AS n FROM risk_signals WHERE rule = 'assessment_overdue'")).toBe(5);
      expect(await one('SELECT count(*) AS n FROM (SELECT org_id, rule, subject_key FROM risk_signals GROUP BY 1, 2, 3 HAVING count(*) > 1) d')).toBe(0);
      expect(await one('SELECT count(*) AS n FROM risk_signals WHERE risk_id IS NULL')).toBe(0);
      expect(await one('SELECT count(DISTINCT risk_id) AS n FROM risk_signals')).toBe(signals);
      expect(await one("SELECT count(*) AS n FROM risks WHERE source = 'signal'")).toBe(signals);
      // Each signal was raised by exactly one of the six evaluations.
      expect(results.reduce((n, r) => n + r.raised, 0)).toBe(signals);
      expect(await one("SELECT count(*) AS n FROM audit_events WHERE action = 'risk.create'")).toBe(signals);

      for (const s of [a, b]) s.child.kill('SIGTERM');
      expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
    } finally {
      await db.end().catch(() => {});
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
