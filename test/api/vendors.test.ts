import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

let t: TestApp;
let org: TestOrg;
let manager: Login;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
  manager = await loginAs(t.database.db, org.users.manager);
});
afterAll(() => t.close());

const api = (method: string, url: string, payload?: unknown, login = manager) =>
  t.app.inject({ method: method as 'GET', url, payload: payload as object, headers: authHeaders(login) });

const full = {
  name: 'Acme Managed IT',
  legalName: 'Acme Managed IT GmbH',
  website: 'https://acme.example',
  country: 'de',
  kind: 'managed_service_provider',
  status: 'active',
  tier: 1,
  tierReason: 'Runs the network',
  dataAccess: 'personal_data',
  contactName: 'Eva Example',
  contactEmail: 'Eva@Acme.Example',
  contactPhone: '+49 30 123',
  contactTimeZone: 'Europe/Berlin',
  contactWorkingHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' },
  tags: ['Network', 'critical'],
  notes: 'First MSP',
};

describe('vendors', () => {
  it('creates a vendor with every field, normalised, and writes exactly one audit row', async () => {
    const res = await api('POST', '/api/v1/vendors', { ...full, internalOwnerId: org.users.owner.id });
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({ country: 'DE', contactEmail: 'eva@acme.example', tags: ['network', 'critical'], internalOwnerName: org.users.owner.name, archived: false });
    const audit = await api('GET', `/api/v1/audit-events?objectId=${v.id}`, undefined, await loginAs(t.database.db, org.users.auditor));
    expect(audit.json().items).toHaveLength(1);
    expect(audit.json().items[0]).toMatchObject({ action: 'vendor.create', objectType: 'vendor', before: null });
    expect(audit.json().items[0].after.name).toBe('Acme Managed IT');
    expect(audit.json().items[0].requestId).toBe(res.headers['x-request-id']);
  });

  it('edits with before/after in the audit trail and refuses a duplicate name', async () => {
    const v = (await api('POST', '/api/v1/vendors', { name: 'Edit me', kind: 'saas' })).json();
    const res = await api('PATCH', `/api/v1/vendors/${v.id}`, { status: 'exiting', tier: 2 });
    expect(res.json()).toMatchObject({ status: 'exiting', tier: 2, name: 'Edit me' });
    const audit = (await api('GET', `/api/v1/audit-events?objectId=${v.id}&action=vendor.update`, undefined, await loginAs(t.database.db, org.users.owner))).json();
    expect(audit.items[0].before.status).toBe('prospect');
    expect(audit.items[0].after.status).toBe('exiting');
    const dup = await api('POST', '/api/v1/vendors', { name: 'EDIT ME', kind: 'saas' });
    expect(dup.statusCode).toBe(409);
  });

  it('archives and restores; archived vendors leave the default list', async () => {
    const v = (await api('POST', '/api/v1/vendors', { name: 'Archive me', kind: 'saas' })).json();
    expect((await api('POST', `/api/v1/vendors/${v.id}/archive`)).json().archived).toBe(true);
    const active = (await api('GET', '/api/v1/vendors?q=Archive%20me')).json();
    expect(active.items).toHaveLength(0);
    const archived = (await api('GET', '/api/v1/vendors?q=Archive%20me&archived=true')).json();
    expect(archived.items.map((x: { id: string }) => x.id)).toEqual([v.id]);
    expect((await api('POST', `/api/v1/vendors/${v.id}/restore`)).json().archived).toBe(false);
  });

  it('filters by status, tier, kind and tag, and searches names', async () => {
    const o = await createTestOrg(t.database.db);
    const m = await loginAs(t.database.db, o.users.manager);
    await api('POST', '/api/v1/vendors', { name: 'Alpha SOC', kind: 'security_operations', tier: 1, status: 'active', tags: ['soc'] }, m);
    await api('POST', '/api/v1/vendors', { name: 'Beta Cloud', kind: 'cloud_hosting', tier: 1, status: 'pilot', tags: ['cloud'] }, m);
    await api('POST', '/api/v1/vendors', { name: 'Gamma 100%_Desk', kind: 'help_desk', tier: 4, status: 'active' }, m);
    const names = async (qs: string) => (await api('GET', `/api/v1/vendors?${qs}`, undefined, m)).json().items.map((v: { name: string }) => v.name);
    expect(await names('tier=1&sort=name')).toEqual(['Alpha SOC', 'Beta Cloud']);
    expect(await names('status=pilot')).toEqual(['Beta Cloud']);
    expect(await names('kind=security_operations,cloud_hosting')).toEqual(['Alpha SOC', 'Beta Cloud']);
    expect(await names('tag=soc')).toEqual(['Alpha SOC']);
    expect(await names('q=100%25_')).toEqual(['Gamma 100%_Desk']);
    expect(await names('q=_')).toEqual(['Gamma 100%_Desk']); // LIKE wildcards are literal
    expect(await names('sort=-tier&tier=1,4')).toEqual(['Gamma 100%_Desk', 'Beta Cloud', 'Alpha SOC']);
  });

  it('pages through a sorted list with keyset cursors, without gaps or repeats', async () => {
    const o = await createTestOrg(t.database.db);
    const m = await loginAs(t.database.db, o.users.manager);
    for (let i = 0; i < 23; i++) await api('POST', '/api/v1/vendors', { name: `Paged ${String(i).padStart(2, '0')}`, kind: 'saas', tier: (i % 4) + 1 }, m);
    for (const sort of ['name', '-name', 'tier', '-tier', 'updatedAt', '-createdAt']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url: string = `/api/v1/vendors?limit=5&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await api('GET', url, undefined, m)).json();
        seen.push(...page.items.map((v: { name: string }) => v.name));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(5); // 25 vendors (23 + the org's 2) in pages of 5
      expect(new Set(seen).size).toBe(25);
      const unpaged = (await api('GET', `/api/v1/vendors?limit=200&sort=${sort}`, undefined, m)).json().items.map((v: { name: string }) => v.name);
      expect(seen).toEqual(unpaged);
    }
  });

  it('answers a tampered cursor with a 400 naming the cursor', async () => {
    const res = await api('GET', '/api/v1/vendors?cursor=not-a-cursor');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toBe('cursor');
    const sneaky = Buffer.from(JSON.stringify(["x'); DROP TABLE vendors;--", 'nope'])).toString('base64url');
    expect((await api('GET', `/api/v1/vendors?cursor=${sneaky}`)).statusCode).toBe(400);
  });

  it('refuses an internal owner from another organisation or a vendor contact', async () => {
    const other = await createTestOrg(t.database.db);
    const res = await api('POST', '/api/v1/vendors', { name: 'Owner probe', kind: 'saas', internalOwnerId: other.users.owner.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toBe('internalOwnerId');
    const contact = await api('POST', '/api/v1/vendors', { name: 'Owner probe 2', kind: 'saas', internalOwnerId: org.users.vendor_contact.id });
    expect(contact.statusCode).toBe(400);
  });
});

describe('engagements', () => {
  it('creates, lists per vendor, edits and archives engagements', async () => {
    const res = await api('POST', '/api/v1/engagements', {
      vendorId: org.vendor.id,
      name: '24/7 service desk',
      serviceType: 'service_desk',
      criticality: 'critical',
      startDate: '2026-01-01',
      status: 'active',
      businessServices: ['Employee support', 'Onboarding'],
    });
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({ vendorName: org.vendor.name, businessServices: ['Employee support', 'Onboarding'] });
    const list = (await api('GET', `/api/v1/engagements?vendorId=${org.vendor.id}`)).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(e.id);
    const vendor = (await api('GET', `/api/v1/vendors/${org.vendor.id}`)).json();
    expect(vendor.engagementCount).toBeGreaterThanOrEqual(2);
    const bad = await api('PATCH', `/api/v1/engagements/${e.id}`, { endDate: '2025-12-31' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('endDate');
    expect((await api('POST', `/api/v1/engagements/${e.id}/archive`)).json().archived).toBe(true);
  });

  it('refuses another organisation\'s vendor as a 400 on vendorId, storing nothing', async () => {
    const other = await createTestOrg(t.database.db);
    const res = await api('POST', '/api/v1/engagements', { vendorId: other.vendor.id, name: 'Cross-tenant', serviceType: 'other' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toBe('vendorId');
    const mine = (await api('GET', '/api/v1/engagements?q=Cross-tenant')).json();
    expect(mine.items).toHaveLength(0);
  });
});

describe('audit trail', () => {
  it('cannot be updated, deleted or truncated, even by the application\'s own connection', async () => {
    // The one test that writes a table directly: it proves the database itself refuses to rewrite history.
    // eslint-disable-next-line outsight/repo-only
    const { sql } = await import('drizzle-orm');
    const db = t.database.db;
    // Drizzle wraps the database error; its cause carries PostgreSQL's message.
    const failure = (q: Promise<unknown>) => q.then(() => 'no error', (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message}`);
    expect(await failure(db.execute(sql`UPDATE audit_events SET action = 'forged'`))).toMatch(/append-only \(UPDATE refused\)/);
    expect(await failure(db.execute(sql`DELETE FROM audit_events`))).toMatch(/append-only \(DELETE refused\)/);
    expect(await failure(db.execute(sql`TRUNCATE audit_events`))).toMatch(/append-only \(TRUNCATE refused\)/);
  });

  it('rolls back with the change: a failed change leaves no audit row', async () => {
    const auditor = await loginAs(t.database.db, org.users.auditor);
    const before = (await api('GET', '/api/v1/audit-events?limit=200', undefined, auditor)).json().items.length;
    const dup = await api('POST', '/api/v1/vendors', { name: org.vendor.name, kind: 'saas' });
    expect(dup.statusCode).toBe(409);
    const after = (await api('GET', '/api/v1/audit-events?limit=200', undefined, auditor)).json().items.length;
    expect(after).toBe(before);
  });

  it('pages and filters by actor and action', async () => {
    const o = await createTestOrg(t.database.db);
    const m = await loginAs(t.database.db, o.users.manager);
    for (let i = 0; i < 7; i++) await api('POST', '/api/v1/vendors', { name: `Audited ${i}`, kind: 'saas' }, m);
    const owner = await loginAs(t.database.db, o.users.owner);
    const page1 = (await api('GET', `/api/v1/audit-events?limit=4&actorId=${o.users.manager.id}`, undefined, owner)).json();
    expect(page1.items).toHaveLength(4);
    const page2 = (await api('GET', `/api/v1/audit-events?limit=4&actorId=${o.users.manager.id}&cursor=${page1.nextCursor}`, undefined, owner)).json();
    expect(page2.items).toHaveLength(3);
    expect(page2.nextCursor).toBeNull();
    expect([...page1.items, ...page2.items].every((e: { action: string }) => e.action === 'vendor.create')).toBe(true);
  });
});
