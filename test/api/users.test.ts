import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anApiToken } from '../../src/server/seed/builders/core.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addUser, authHeaders, createTestOrg, loginAs, type TestOrg } from '../support/factories.ts';

let t: TestApp;
let org: TestOrg;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
});
afterAll(() => t.close());

const as = async (role: keyof TestOrg['users'], o = org) => authHeaders(await loginAs(t.database.db, o.users[role]));

describe('invitations', () => {
  it('are one-time links that create the user, sign them in, and cannot be reused', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: await as('admin'), payload: { email: 'New.Person@Example.test', role: 'manager' } });
    expect(created.statusCode).toBe(201);
    const { token, link } = created.json();
    expect(link).toMatch(new RegExp(`/invite/${token}$`));
    const preview = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/by-token/${token}` });
    expect(preview.json()).toMatchObject({ email: 'new.person@example.test', role: 'manager' });
    const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/by-token/${token}/accept`, payload: { name: 'New Person', password: 'a long password' } });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({ email: 'new.person@example.test', role: 'manager' });
    expect(accepted.cookies.find((c) => c.name === 'outsight_session')).toBeTruthy();
    const reused = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/by-token/${token}/accept`, payload: { name: 'Thief', password: 'a long password' } });
    expect(reused.statusCode).toBe(410);
  });

  it('expire after seven days', async () => {
    const { token } = (await t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: await as('owner'), payload: { email: 'late@example.test', role: 'analyst' } })).json();
    t.clock.offsetMs = 7 * 86_400_000 + 1000;
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/by-token/${token}` });
    t.clock.offsetMs = 0;
    expect(res.statusCode).toBe(410);
  });

  it('withdrawn invitations no longer work', async () => {
    const h = await as('owner');
    const { token, id } = (await t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: h, payload: { email: 'withdrawn@example.test', role: 'analyst' } })).json();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/invitations/${id}`, headers: h })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/by-token/${token}` })).statusCode).toBe(410);
  });

  it('only an owner invites an owner; a vendor contact needs one of our vendors', async () => {
    const byAdmin = await t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: await as('admin'), payload: { email: 'o2@example.test', role: 'owner' } });
    expect(byAdmin.statusCode).toBe(403);
    const noVendor = await t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: await as('owner'), payload: { email: 'vc@example.test', role: 'vendor_contact' } });
    expect(noVendor.statusCode).toBe(400);
    const other = await createTestOrg(t.database.db);
    const foreignVendor = await t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: await as('owner'), payload: { email: 'vc@example.test', role: 'vendor_contact', vendorId: other.vendor.id } });
    expect(foreignVendor.statusCode).toBe(400);
    expect(foreignVendor.json().error.details.issues[0].path).toBe('vendorId');
  });
});

describe('role changes', () => {
  it('are for owners and admins only; admins cannot touch owners; the last owner stays', async () => {
    const o = await createTestOrg(t.database.db);
    const target = await addUser(t.database.db, o.orgId, 'analyst');
    const patch = async (role: keyof TestOrg['users'], id: string, payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: await as(role, o), payload });
    expect((await patch('manager', target.id, { role: 'admin' })).statusCode).toBe(403);
    expect((await patch('admin', target.id, { role: 'manager' })).json().role).toBe('manager');
    expect((await patch('admin', target.id, { role: 'owner' })).statusCode).toBe(403);
    expect((await patch('admin', o.users.owner.id, { name: 'Hijacked' })).statusCode).toBe(403);
    const last = await patch('owner', o.users.owner.id, { role: 'admin' });
    expect(last.statusCode).toBe(400);
    expect(last.json().error.details.issues[0].path).toBe('role');
    expect((await patch('owner', target.id, { role: 'owner' })).json().role).toBe('owner');
    // With a second owner, the first may step down.
    expect((await patch('owner', o.users.owner.id, { role: 'admin' })).json().role).toBe('admin');
  });

  it('a role change ends the user\'s sessions so new rights apply at once', async () => {
    const o = await createTestOrg(t.database.db);
    const victim = await loginAs(t.database.db, o.users.manager);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${o.users.manager.id}`, headers: await as('owner', o), payload: { role: 'auditor' } });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: victim.cookie } })).statusCode).toBe(401);
  });
});

describe('vendor contacts', () => {
  it('see only their own vendor in the portal and nothing of the client', async () => {
    const h = await as('vendor_contact');
    const portal = (await t.app.inject({ method: 'GET', url: '/api/v1/portal', headers: h })).json();
    expect(portal.vendor).toEqual({ id: org.vendor.id, name: org.vendor.name });
    expect(JSON.stringify(portal)).not.toContain(org.otherVendor.id);
    for (const url of ['/api/v1/vendors', `/api/v1/vendors/${org.vendor.id}`, `/api/v1/vendors/${org.otherVendor.id}`, '/api/v1/engagements', '/api/v1/users', '/api/v1/dashboard']) {
      expect((await t.app.inject({ method: 'GET', url, headers: h })).statusCode, url).toBe(403);
    }
  });

  it('cannot use API tokens', async () => {
    // The route refuses vendor contacts a token; one kept from before a role change must not work either.
    const o = await createTestOrg(t.database.db);
    const turned = await addUser(t.database.db, o.orgId, 'analyst');
    const { token: secret } = await anApiToken(o.handle, { user: turned });
    const demoted = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${turned.id}`, headers: await as('owner', o), payload: { role: 'vendor_contact', vendorId: o.vendor.id } });
    expect(demoted.statusCode).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/portal', headers: { authorization: `Bearer ${secret}` } });
    expect(res.statusCode).toBe(401);
  });
});

describe('first-run setup', () => {
  it('is refused once an organisation exists', async () => {
    const status = await t.app.inject({ method: 'GET', url: '/api/v1/setup/status' });
    expect(status.json()).toEqual({ needsSetup: false });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: { orgName: 'X', name: 'X', email: 'x@example.test', password: 'long enough pw' } });
    expect(res.statusCode).toBe(409);
  });
});
