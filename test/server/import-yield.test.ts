import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Issue 9, item 6: on the embedded database an import must not stop every other request.
 * The real server process imports 2,000 vendors while /health is asked again and again;
 * before, the first /health waited for the whole import (one answer in all).
 */
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));
const once = describe.skipIf(process.env.OUTSIGHT_TEST_DB === 'postgres');

once('the embedded database during an import', () => {
  it('keeps answering /health while a vendor import runs', async () => {
    const port = 4950 + (process.pid % 40);
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'outsight-yield-')), 'data');
    const child = spawn(process.execPath, ['dist/server/main.mjs'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', OUTSIGHT_DATA_DIR: dir, OUTSIGHT_DEMO: '0', OUTSIGHT_JOBS: 'false', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    children.push(child);
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 360; i++) {
      if (await fetch(`${url}/api/v1/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const setup = await fetch(`${url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orgName: 'Yield Ltd', name: 'Olive Owner', email: 'owner@yield.example', password: 'a long enough password 42' }),
    });
    expect(setup.status).toBe(200);
    const headers = { cookie: setup.headers.get('set-cookie')!.split(';')[0], 'x-csrf-token': ((await setup.json()) as { csrfToken: string }).csrfToken };
    const rows = Array.from({ length: 2_000 }, (_, i) => `Yield vendor ${i},saas`).join('\n');
    let settled = false;
    const importing = fetch(`${url}/api/v1/vendors/import`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body: `name,kind\n${rows}\n` }).finally(() => (settled = true));
    let answered = 0;
    while (!settled) {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok && !settled) answered++;
    }
    expect((await importing).status).toBe(200);
    expect(answered).toBeGreaterThanOrEqual(5);
  });
});
