import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { PDF } from '../support/due-diligence.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// Over a real socket a raw upload's body is the request stream, not a Buffer as under
// inject(): the check that refuses NUL characters in fields once walked that stream's
// object graph (socket, server, connections) and the upload never answered.
let t: TestApp;
let org: TestOrg;
let manager: Login;
let base = '';

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
  manager = await loginAs(t.database.db, org.users.manager);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

describe('a raw upload over HTTP', () => {
  it('is stored and answered, and a NUL in its query is still refused by name', async () => {
    const res = await fetch(`${base}/api/v1/vendors/${org.vendor.id}/evidence?type=policy&title=Policy&fileName=policy.pdf`, { method: 'POST', body: PDF, headers: { ...authHeaders(manager), 'content-type': 'application/pdf' } });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json()).toMatchObject({ title: 'Policy', fileName: 'policy.pdf' });
    const nul = await fetch(`${base}/api/v1/vendors/${org.vendor.id}/evidence?type=policy&title=Po%00licy&fileName=policy.pdf`, { method: 'POST', body: PDF, headers: { ...authHeaders(manager), 'content-type': 'application/pdf' } });
    expect(nul.status).toBe(400);
    expect(JSON.stringify(await nul.json())).toContain('title');
  });
});
