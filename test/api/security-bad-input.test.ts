import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { authHeaders, createTestOrg, loginAs, PASSWORD, type Login, type TestOrg } from '../support/factories.ts';

// Bad input on every write route of sign-in and account security: a clear 400 naming the
// field, never a 5xx.

let t: TestApp;
let org: TestOrg;
let owner: Login;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
  owner = await loginAs(t.database.db, org.users.owner);
});
afterAll(() => t.close());

const WRITES: Array<{ method: 'POST' | 'PUT'; url: string; body: Record<string, unknown>; signedIn?: boolean }> = [
  { method: 'POST', url: '/api/v1/auth/login/code', body: { challenge: 'ch_x', code: '123456' } },
  { method: 'POST', url: '/api/v1/auth/login/enrol', body: { challenge: 'ch_x' } },
  { method: 'POST', url: '/api/v1/auth/login/enrol/confirm', body: { challenge: 'ch_x', code: '123456' } },
  { method: 'POST', url: '/api/v1/auth/password-reset', body: { email: 'someone@test.outsight.test' } },
  { method: 'POST', url: '/api/v1/auth/password-reset/confirm', body: { token: 'pr_x', password: 'heron violet gravel spoon' } },
  { method: 'POST', url: '/api/v1/account/mfa/confirm', body: { code: '123456' }, signedIn: true },
  { method: 'POST', url: '/api/v1/account/mfa/disable', body: { password: PASSWORD }, signedIn: true },
  { method: 'POST', url: '/api/v1/account/mfa/recovery-codes', body: { password: PASSWORD }, signedIn: true },
  { method: 'POST', url: '/api/v1/account/password', body: { currentPassword: PASSWORD, newPassword: 'heron violet gravel spoon' }, signedIn: true },
  { method: 'PUT', url: '/api/v1/org/security', body: { requireMfa: false }, signedIn: true },
];

const send = (w: (typeof WRITES)[number], payload: string | object) =>
  t.app.inject({ method: w.method, url: w.url, payload, headers: { ...(w.signedIn ? authHeaders(owner) : {}), 'content-type': 'application/json' }, remoteAddress: '10.77.0.1' });

describe('bad input on sign-in and account routes', () => {
  for (const w of WRITES) {
    it(`${w.method} ${w.url}: malformed JSON, wrong types, missing and unknown fields, oversize and NUL text`, async () => {
      const malformed = await send(w, '{"x": ');
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.code).toBe('bad_request');

      for (const field of Object.keys(w.body)) {
        const wrong = await send(w, { ...w.body, [field]: { $gt: '' } });
        expect(wrong.statusCode, field).toBe(400);
        expect(wrong.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(field);

        const missing = { ...w.body };
        delete missing[field];
        const without = await send(w, missing);
        expect(without.statusCode, `without ${field}`).toBe(400);
        expect(without.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(field);

        if (typeof w.body[field] === 'string') {
          const long = await send(w, { ...w.body, [field]: 'x'.repeat(5000) });
          expect(long.statusCode, `long ${field}`).toBe(400);
          expect(long.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(field);
          const nul = await send(w, { ...w.body, [field]: 'a\u0000b' });
          expect(nul.statusCode, `NUL in ${field}`).toBeLessThan(500);
        }
      }

      const sneaky = await send(w, { ...w.body, orgId: org.orgId });
      expect(sneaky.statusCode).toBe(400);
      expect(JSON.stringify(sneaky.json().error.details.issues)).toContain('orgId');
    });
  }

  it('POST /api/v1/auth/login: a NUL in the e-mail or a code is refused, never a 500', async () => {
    for (const payload of [{ email: '\u0000', password: 'x' }, { email: 'a@b.test', password: 'x', code: '\u0000' }, { email: 'a@b.test', password: 'x', code: 'x'.repeat(100) }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress: '10.77.0.2' });
      expect(res.statusCode, JSON.stringify(payload)).toBeLessThan(500);
      expect(res.statusCode).not.toBe(200);
    }
  });
});
