import { randomUUID } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalLink, membershipsByEmailForSignIn } from '../../src/server/modules/auth/auth.public.ts';
import { aUser } from '../../src/server/seed/builders/core.ts';
import { anAssessment } from '../../src/server/seed/builders/due-diligence.ts';
import { anAuthenticator } from '../../src/server/seed/builders/security.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { PASSWORD, authHeaders, createTestOrg, loginAs, type TestOrg } from '../support/factories.ts';

// Organisations for real (issue 9, item 15): a person (e-mail, password, authenticator)
// belongs to several organisations, with a role in each, and switches between them.

let t: TestApp;
let a: TestOrg;
let b: TestOrg;
let stranger: TestOrg;

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestOrg(t.database.db, 'Alpha');
  b = await createTestOrg(t.database.db, 'Beta');
  stranger = await createTestOrg(t.database.db, 'Stranger');
});
afterAll(() => t.close());

const world = () => ({ db: t.database.db, config: t.config });
const email = () => `consultant.${randomUUID().slice(0, 8)}@example.test`;

/** A browser session: the cookie the server set and the CSRF token it answered. */
function session(res: { cookies: Array<{ name: string; value: string }>; json(): unknown }) {
  const cookie = res.cookies.find((c) => c.name === 'outsight_session');
  if (!cookie) throw new Error(`no session cookie: ${JSON.stringify(res.json())}`);
  const body = res.json() as { csrfToken?: string; me?: { csrfToken: string } };
  return { cookie: `outsight_session=${cookie.value}`, 'x-csrf-token': (body.csrfToken ?? body.me?.csrfToken)! };
}

async function invite(by: TestOrg, address: string, role = 'analyst') {
  return t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: authHeaders(await loginAs(t.database.db, by.users.owner)), payload: { email: address, role } });
}

const vendorIds = async (h: Record<string, string>) => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/vendors?limit=100', headers: h });
  expect(res.statusCode).toBe(200);
  return (res.json().items as Array<{ id: string }>).map((v) => v.id);
};

describe('a person in two organisations', () => {
  it('is invited by the second like anyone new, accepts with their own password, signs in, lists both, switches and sees only that one', async () => {
    const address = email();
    await aUser(a.handle, { role: 'analyst', email: address, name: 'Cora Consultant' });

    // The inviter learns nothing: the same status and the same fields as for an unknown address.
    const known = await invite(b, address, 'manager');
    const unknown = await invite(b, email(), 'manager');
    expect(known.statusCode).toBe(201);
    expect(unknown.statusCode).toBe(201);
    expect(Object.keys(known.json()).sort()).toEqual(Object.keys(unknown.json()).sort());
    const { token } = known.json();

    // The preview is the same too (the inviter holds the link as well); accepting asks for the password the person has.
    const preview = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/by-token/${token}` });
    expect(preview.json()).toEqual({ email: address, role: 'manager', orgName: b.handle.name });
    const wrong = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/by-token/${token}/accept`, payload: { name: 'Cora', password: 'not her password at all' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0].path).toBe('password');
    const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/by-token/${token}/accept`, payload: { name: 'Cora Consultant', password: PASSWORD } });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ user: { email: address, role: 'manager' }, org: { id: b.orgId } });
    expect((await membershipsByEmailForSignIn(t.database.db, address)).map((m) => m.orgId).sort()).toEqual([a.orgId, b.orgId].sort());

    // Signing in with e-mail and password lands in the oldest membership.
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: address, password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    expect(login.json().org.id).toBe(a.orgId);
    const h = session(login);

    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/me/organisations', headers: h });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toEqual(
      expect.arrayContaining([
        { org: { id: a.orgId, name: a.handle.name }, role: 'analyst', current: true },
        { org: { id: b.orgId, name: b.handle.name }, role: 'manager', current: false },
      ]),
    );
    expect(mine.json().items).toHaveLength(2);
    expect(await vendorIds(h)).toEqual(expect.arrayContaining([a.vendor.id]));
    expect(await vendorIds(h)).not.toContain(b.vendor.id);

    const switched = await t.app.inject({ method: 'POST', url: '/api/v1/session/organisation', headers: h, payload: { orgId: b.orgId } });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({ user: { email: address, role: 'manager' }, org: { id: b.orgId, name: b.handle.name } });
    const seen = await vendorIds(h);
    expect(seen).toEqual(expect.arrayContaining([b.vendor.id, b.otherVendor.id]));
    expect(seen).not.toContain(a.vendor.id);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: h })).json().org.id).toBe(b.orgId);
    // Rights are the membership's: a manager in Beta creates vendors there.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/vendors', headers: h, payload: { name: `Made in Beta ${randomUUID().slice(0, 6)}`, kind: 'saas' } })).statusCode).toBe(201);

    // Another organisation, or an id that exists nowhere: the same "not found", and the session stays where it was.
    for (const orgId of [stranger.orgId, randomUUID()]) {
      const refused = await t.app.inject({ method: 'POST', url: '/api/v1/session/organisation', headers: h, payload: { orgId } });
      expect(refused.statusCode).toBe(404);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: h })).json().org.id).toBe(b.orgId);
  });

  it('one password for all memberships: a new one (set in either organisation) signs in everywhere, and the others sessions end', async () => {
    const address = email();
    await aUser(a.handle, { role: 'analyst', email: address });
    await aUser(b.handle, { role: 'auditor', email: address });
    const first = session(await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: address, password: PASSWORD } }));
    const second = session(await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: address, password: PASSWORD } }));
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/session/organisation', headers: second, payload: { orgId: b.orgId } })).statusCode).toBe(200);
    const changed = await t.app.inject({ method: 'POST', url: '/api/v1/account/password', headers: first, payload: { currentPassword: PASSWORD, newPassword: 'heron violet gravel spoon' } });
    expect(changed.statusCode).toBe(200);
    // The session that had moved to Beta ended too: it is the same person.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: second })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: address, password: 'heron violet gravel spoon' } })).statusCode).toBe(200);
  });

  it('inviting someone already in this organisation is refused, in words about this organisation only', async () => {
    const res = await invite(a, a.users.analyst.email);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/your organisation/);
  });

  it('an API token belongs to one organisation and does not switch', async () => {
    const { anApiToken } = await import('../../src/server/seed/builders/core.ts');
    const { token } = await anApiToken(a.handle);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session/organisation', headers: { authorization: `Bearer ${token}` }, payload: { orgId: a.orgId } });
    expect(res.statusCode).toBe(409);
  });

  it('an organisation that requires two-step sign-in is opened only by a session that passed it', async () => {
    const strict = await createTestOrg(t.database.db, 'Strict');
    await anAuthenticator(world(), { ...strict.users.owner, orgId: strict.orgId });
    const ownerLogin = authHeaders(await loginAs(t.database.db, strict.users.owner));
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/org/security', headers: ownerLogin, payload: { requireMfa: true } })).statusCode).toBe(200);

    const address = email();
    await aUser(a.handle, { role: 'analyst', email: address });
    await aUser(strict.handle, { role: 'analyst', email: address });
    const h = session(await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: address, password: PASSWORD } }));
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/session/organisation', headers: h, payload: { orgId: strict.orgId } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/requires two-step sign-in/);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: h })).json().org.id).toBe(a.orgId);

    // With an authenticator (the person's: set up once, it serves both), a session signed in with a code enters.
    const inA = (await membershipsByEmailForSignIn(t.database.db, address)).find((m) => m.orgId === a.orgId)!;
    const { secret } = await anAuthenticator(world(), { id: inA.userId, orgId: a.orgId, email: address });
    const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + 30_000 });
    const withCode = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: address, password: PASSWORD, code } });
    expect(withCode.statusCode).toBe(200);
    const strong = session(withCode);
    const entered = await t.app.inject({ method: 'POST', url: '/api/v1/session/organisation', headers: strong, payload: { orgId: strict.orgId } });
    expect(entered.statusCode).toBe(200);
    expect(entered.json().org.id).toBe(strict.orgId);
  });
});

describe('a vendor contact serving two clients', () => {
  it("is named as the contact by both without either blocking the other, and sees each client's portal only under that client", async () => {
    const address = email();
    // Each client sends its questionnaire to the same address: neither is refused.
    await anAssessment(a.handle, { vendorId: a.vendor.id, contact: { email: address } });
    await anAssessment(b.handle, { vendorId: b.vendor.id, contact: { email: address } });
    // And a third organisation adds the same address as an analyst, with a password.
    await aUser(stranger.handle, { role: 'analyst', email: address });
    const memberships = await membershipsByEmailForSignIn(t.database.db, address);
    expect(memberships).toHaveLength(3);
    const inA = memberships.find((m) => m.orgId === a.orgId)!;
    const inB = memberships.find((m) => m.orgId === b.orgId)!;
    expect(inA).toMatchObject({ role: 'vendor_contact', vendorId: a.vendor.id });

    const openLink = async (m: typeof inA) => {
      const { token } = await createPortalLink(t.database.db, { orgId: m.orgId, userId: m.userId, assessmentId: null, now: new Date(), baseUrl: 'http://x' });
      const opened = await t.app.inject({ method: 'POST', url: `/api/v1/portal/links/${token}/session` });
      expect(opened.statusCode).toBe(200);
      return session(opened);
    };
    const home = async (h: Record<string, string>) => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/portal', headers: h });
      expect(res.statusCode).toBe(200);
      return res.json() as { vendor: { id: string }; org: { name: string }; requests: unknown[] };
    };
    const orgsOf = async (h: Record<string, string>) => ((await t.app.inject({ method: 'GET', url: '/api/v1/me/organisations', headers: h })).json().items as Array<{ org: { id: string } }>).map((m) => m.org.id);

    // Alpha's link opens Alpha's portal only: its staff may have seen that link, so it leads nowhere else.
    const viaA = await openLink(inA);
    const portalA = await home(viaA);
    expect(portalA).toMatchObject({ vendor: { id: a.vendor.id }, org: { name: a.handle.name } });
    expect(portalA.requests).toHaveLength(1);
    expect(JSON.stringify(portalA)).not.toContain(b.vendor.id);
    expect(await orgsOf(viaA)).toEqual([a.orgId]);
    for (const orgId of [b.orgId, stranger.orgId, randomUUID()]) {
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/session/organisation', headers: viaA, payload: { orgId } })).statusCode).toBe(403);
    }

    // Beta's link opens Beta's portal, with Beta's request and vendor only.
    const viaB = await openLink(inB);
    const portalB = await home(viaB);
    expect(portalB).toMatchObject({ vendor: { id: b.vendor.id }, org: { name: b.handle.name } });
    expect(portalB.requests).toHaveLength(1);
    expect(JSON.stringify(portalB)).not.toContain(a.vendor.id);

    // The password opens only what was joined with it: whoever chose it (here the third
    // organisation's operator) has not shown they read the mailbox the clients write to.
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: address, password: PASSWORD } });
    expect(login.json().org.id).toBe(stranger.orgId);
    const byPassword = session(login);
    expect(await orgsOf(byPassword)).toEqual([stranger.orgId]);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/session/organisation', headers: byPassword, payload: { orgId: a.orgId } })).statusCode).toBe(404);
  });
});
