import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anApiToken } from '../../src/server/seed/builders/core.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { authHeaders, createTestOrg, loginAs, PASSWORD, type TestOrg } from '../support/factories.ts';

let t: TestApp;
let org: TestOrg;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
});
afterAll(() => t.close());

const login = (email: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });

describe('sign-in', () => {
  it('starts a session with an HttpOnly SameSite cookie and returns the CSRF token', async () => {
    const res = await login(org.users.manager.email, PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'outsight_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBeFalsy();
    const body = res.json();
    expect(body.user.role).toBe('manager');
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { outsight_session: cookie!.value } });
    expect(me.json().user.email).toBe(org.users.manager.email);
  });

  it('sets Secure behind an https proxy', async () => {
    const proxied = await createTestApp({ trustProxy: 1 });
    try {
      const o = await createTestOrg(proxied.database.db);
      const res = await proxied.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: o.users.analyst.email, password: PASSWORD },
      });
      expect(res.cookies.find((c) => c.name === 'outsight_session')?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('answers wrong password and unknown e-mail with the same generic message', async () => {
    const wrong = await login(org.users.analyst.email, 'not the password', '10.0.0.2');
    const unknown = await login('nobody@nowhere.test', 'not the password', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(wrong.json().error.code).toBe('invalid_credentials');
  });

  it('rate-limits an account after 5 failures, even with the right password, from any address', async () => {
    const o = await createTestOrg(t.database.db);
    for (let i = 0; i < 5; i++) expect((await login(o.users.auditor.email, 'bad password!', `10.1.0.${i}`)).statusCode).toBe(401);
    const blocked = await login(o.users.auditor.email, PASSWORD, '10.1.1.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    // Another account is unaffected.
    expect((await login(o.users.analyst.email, PASSWORD, '10.1.1.1')).statusCode).toBe(200);
  });

  it('does not lock everyone behind one address out after 30 failures from it', async () => {
    for (let i = 0; i < 30; i++) await login(`guess${i}@nowhere.test`, 'bad password!', '10.9.9.9');
    expect((await login(org.users.owner.email, PASSWORD, '10.9.9.9')).statusCode).toBe(200);
  });

  it('sign-out ends the session', async () => {
    const l = await loginAs(t.database.db, org.users.analyst);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: authHeaders(l) });
    expect(out.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: l.cookie } });
    expect(me.statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('expire after the idle timeout and after the absolute lifetime', async () => {
    const idle = await loginAs(t.database.db, org.users.analyst);
    t.clock.offsetMs = t.config.session.idleMs + 1000;
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: idle.cookie } })).statusCode).toBe(401);
    t.clock.offsetMs = 0;
    // The session row was deleted, so going back in time does not revive it.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: idle.cookie } })).statusCode).toBe(401);

    // Kept busy (never idle), a session still ends at its absolute lifetime.
    const abs = await loginAs(t.database.db, org.users.analyst);
    const me = () => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: abs.cookie } });
    const step = t.config.session.idleMs - 60_000;
    for (t.clock.offsetMs = step; t.clock.offsetMs < t.config.session.absoluteMs; t.clock.offsetMs += step) {
      expect((await me()).statusCode).toBe(200);
    }
    const res = await me();
    t.clock.offsetMs = 0;
    expect(res.statusCode).toBe(401);
  });

  it('die when the user is disabled', async () => {
    const o = await createTestOrg(t.database.db);
    const victim = await loginAs(t.database.db, o.users.analyst);
    const owner = await loginAs(t.database.db, o.users.owner);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${o.users.analyst.id}`, headers: authHeaders(owner), payload: { disabled: true } });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: victim.cookie } })).statusCode).toBe(401);
    expect((await login(o.users.analyst.email, PASSWORD, '10.3.3.3')).statusCode).toBe(401);
  });

  it('refuse cookie-authenticated changes without the CSRF token', async () => {
    const l = await loginAs(t.database.db, org.users.manager);
    const payload = { name: 'CSRF probe', kind: 'saas' };
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/vendors', headers: { cookie: l.cookie }, payload });
    expect(none.statusCode).toBe(403);
    expect(none.json().error.code).toBe('csrf_failed');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/vendors', headers: { cookie: l.cookie, 'x-csrf-token': 'x' }, payload });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/vendors', headers: authHeaders(l), payload });
    expect(ok.statusCode).toBe(201);
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, work as Bearer without CSRF, and stop working when revoked', async () => {
    const l = await loginAs(t.database.db, org.users.manager);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: authHeaders(l), payload: { name: 'ci' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^osk_/);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: { cookie: l.cookie } });
    expect(JSON.stringify(list.json())).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/vendors', headers: bearer })).statusCode).toBe(200);
    const write = await t.app.inject({ method: 'POST', url: '/api/v1/vendors', headers: bearer, payload: { name: 'Token vendor', kind: 'saas' } });
    expect(write.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: authHeaders(l) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/vendors', headers: bearer })).statusCode).toBe(401);
  });

  it('are each user\'s own: another user\'s token is not found, not even by an owner', async () => {
    const mine = await anApiToken(org.handle, { user: org.users.analyst });
    const owner = await loginAs(t.database.db, org.users.owner);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: authHeaders(owner) })).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(mine.id);
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${mine.id}`, headers: authHeaders(owner) });
    expect(res.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${mine.token}` } })).statusCode).toBe(200);
  });

  it('honour their expiry', async () => {
    const l = await loginAs(t.database.db, org.users.analyst);
    const { token } = (await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: authHeaders(l), payload: { name: 'short', expiresInDays: 1 } })).json();
    t.clock.offsetMs = 2 * 86_400_000;
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/vendors', headers: { authorization: `Bearer ${token}` } });
    t.clock.offsetMs = 0;
    expect(res.statusCode).toBe(401);
  });
});

describe('API reference', () => {
  it('serves the OpenAPI document and the interactive page to anyone', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(doc.json().paths['/api/v1/vendors'].get).toBeTruthy();
    const page = await t.app.inject({ method: 'GET', url: '/api/v1/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });
});

describe('security headers', () => {
  it('are set on API and pages', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});
