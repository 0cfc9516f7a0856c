import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/shared/contracts/auth.ts';
import { insertInvitation } from '../../src/server/modules/users/invitations.repo.ts';
import { newSecret, sha256 } from '../../src/server/modules/auth/secrets.ts';
import { insertToken } from '../../src/server/modules/tokens/tokens.repo.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { ddRows } from './matrix/due-diligence.rows.ts';
import { INTERNAL, WRITERS, type Call, type MatrixEnv, type Row, type Scope } from './matrix/types.ts';
import { addSlaFixtures, authHeaders, createTestOrg, loginAs, PASSWORD, type Login, type SlaFixtures, type TestOrg } from '../support/factories.ts';

/**
 * Every registered route × every role (and no sign-in) × {own object, another
 * organisation's object, an id that does not exist}. The expected roles are written
 * here, not read from the code, so a changed permission fails this test.
 */
const ADMINS = ['owner', 'admin'] as const;
const AUDIT = ['owner', 'admin', 'auditor'] as const;

let t: TestApp;
let own: TestOrg;
let foreign: TestOrg;
const sla = new Map<TestOrg, SlaFixtures>();
const fx = (o: TestOrg) => sla.get(o)!;
const uniq = () => randomUUID().slice(0, 8);
const id = (c: Call, pick: (o: TestOrg) => string) => (c.scope === 'missing' ? randomUUID() : pick(c.org));

async function freshInvitation(org: TestOrg) {
  const token = newSecret('inv_');
  const inv = await insertInvitation(t.database.db, {
    orgId: org.orgId,
    email: `inv.${uniq()}@test.outsight.test`,
    role: 'analyst',
    tokenHash: sha256(token),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return { token, id: inv.id };
}

const env: MatrixEnv = {
  get t() {
    return t;
  },
  get own() {
    return own;
  },
  get foreign() {
    return foreign;
  },
  uniq,
  id,
};
const dd = ddRows(env);

const MATRIX: Record<string, Row> = {
  ...dd.rows,
  'GET /api/v1/health': { allowed: 'public', ok: 200, build: () => ({ url: '/api/v1/health' }) },
  'GET /api/v1/openapi.json': { allowed: 'public', ok: 200, build: () => ({ url: '/api/v1/openapi.json' }) },
  'GET /api/v1/setup/status': { allowed: 'public', ok: 200, build: () => ({ url: '/api/v1/setup/status' }) },
  // Organisations exist, so setting up again is a conflict for everyone.
  'POST /api/v1/setup': {
    allowed: 'public',
    ok: 409,
    build: () => ({ url: '/api/v1/setup', payload: { orgName: 'Take over', name: 'X', email: `x.${uniq()}@test.outsight.test`, password: 'long enough password' } }),
  },
  'POST /api/v1/auth/login': { allowed: 'public', ok: 200, build: () => ({ url: '/api/v1/auth/login', payload: { email: own.users.analyst.email, password: PASSWORD } }) },
  'POST /api/v1/auth/logout': { allowed: 'signed-in', ok: 200, build: () => ({ url: '/api/v1/auth/logout' }) },
  'GET /api/v1/auth/me': { allowed: 'signed-in', ok: 200, build: () => ({ url: '/api/v1/auth/me' }) },
  'GET /api/v1/org': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/org' }) },
  'PATCH /api/v1/org': { allowed: ADMINS, ok: 200, build: () => ({ url: '/api/v1/org', payload: { name: `Renamed ${uniq()}` } }) },
  'GET /api/v1/users': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/users' }) },
  'PATCH /api/v1/users/:id': {
    allowed: ADMINS,
    ok: 200,
    scoped: true,
    build: (c) => ({ url: `/api/v1/users/${id(c, (o) => o.users.analyst.id)}`, payload: { name: `Renamed ${uniq()}` } }),
  },
  'GET /api/v1/invitations': { allowed: ADMINS, ok: 200, build: () => ({ url: '/api/v1/invitations' }) },
  'POST /api/v1/invitations': { allowed: ADMINS, ok: 201, build: () => ({ url: '/api/v1/invitations', payload: { email: `new.${uniq()}@test.outsight.test`, role: 'analyst' } }) },
  'DELETE /api/v1/invitations/:id': {
    allowed: ADMINS,
    ok: 200,
    scoped: true,
    build: async (c) => ({ url: `/api/v1/invitations/${c.scope === 'missing' ? randomUUID() : (await freshInvitation(c.org)).id}` }),
  },
  'GET /api/v1/invitations/by-token/:token': {
    allowed: 'public',
    ok: 200,
    scoped: true,
    publicMissing: 404,
    build: async (c) => ({ url: `/api/v1/invitations/by-token/${c.scope === 'missing' ? 'inv_nope' : (await freshInvitation(c.org)).token}` }),
  },
  'POST /api/v1/invitations/by-token/:token/accept': {
    allowed: 'public',
    ok: 200,
    scoped: true,
    publicMissing: 404,
    build: async (c) => ({
      url: `/api/v1/invitations/by-token/${c.scope === 'missing' ? 'inv_nope' : (await freshInvitation(c.org)).token}/accept`,
      payload: { name: 'Invitee', password: 'long enough password' },
    }),
  },
  'GET /api/v1/tokens': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/tokens' }) },
  'POST /api/v1/tokens': { allowed: INTERNAL, ok: 201, build: () => ({ url: '/api/v1/tokens', payload: { name: 'matrix' } }) },
  'DELETE /api/v1/tokens/:id': {
    allowed: INTERNAL,
    ok: 200,
    scoped: true,
    build: async (c) => {
      if (c.scope === 'missing') return { url: `/api/v1/tokens/${randomUUID()}` };
      // "Own" is the caller's own token; "foreign" one of another organisation's owner.
      const holder = c.scope === 'own' && c.actor ? c.actor : c.org.users.owner;
      const tok = await insertToken(t.database.db, { orgId: holder.orgId, userId: holder.id, name: 'm', prefix: 'osk_m', tokenHash: sha256(newSecret()) });
      return { url: `/api/v1/tokens/${tok.id}` };
    },
  },
  'GET /api/v1/vendors': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/vendors?limit=200' }) },
  'POST /api/v1/vendors': { allowed: WRITERS, ok: 201, build: () => ({ url: '/api/v1/vendors', payload: { name: `Matrix ${uniq()}`, kind: 'saas' } }) },
  'GET /api/v1/vendors/tags': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/vendors/tags' }) },
  'GET /api/v1/vendors/export.csv': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/vendors/export.csv' }) },
  'POST /api/v1/vendors/import': {
    allowed: WRITERS,
    ok: 200,
    build: () => ({ url: '/api/v1/vendors/import', payload: `name,kind\nImported ${uniq()},saas\n`, headers: { 'content-type': 'text/csv' } }),
  },
  'GET /api/v1/vendors/:id': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/vendors/${id(c, (o) => o.vendor.id)}` }) },
  'PATCH /api/v1/vendors/:id': {
    allowed: WRITERS,
    ok: 200,
    scoped: true,
    build: (c) => ({ url: `/api/v1/vendors/${id(c, (o) => o.vendor.id)}`, payload: { notes: `note ${uniq()}` } }),
  },
  'POST /api/v1/vendors/:id/archive': { allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/vendors/${id(c, (o) => o.otherVendor.id)}/archive` }) },
  'POST /api/v1/vendors/:id/restore': { allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/vendors/${id(c, (o) => o.otherVendor.id)}/restore` }) },
  'GET /api/v1/engagements': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/engagements?limit=200' }) },
  'POST /api/v1/engagements': {
    allowed: WRITERS,
    ok: 201,
    build: () => ({ url: '/api/v1/engagements', payload: { vendorId: own.vendor.id, name: `Eng ${uniq()}`, serviceType: 'service_desk' } }),
  },
  'GET /api/v1/engagements/:id': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}` }) },
  'PATCH /api/v1/engagements/:id': {
    allowed: WRITERS,
    ok: 200,
    scoped: true,
    build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}`, payload: { description: `d ${uniq()}` } }),
  },
  'POST /api/v1/engagements/:id/archive': { allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/archive` }) },
  'POST /api/v1/engagements/:id/restore': { allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/restore` }) },
  'GET /api/v1/audit-events': { allowed: AUDIT, ok: 200, build: () => ({ url: '/api/v1/audit-events?limit=200' }) },
  'GET /api/v1/dashboard': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/dashboard' }) },
  'GET /api/v1/portal': { allowed: ['vendor_contact'], ok: 200, build: () => ({ url: '/api/v1/portal' }) },
  'GET /api/v1/calendars': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/calendars' }) },
  'POST /api/v1/calendars': { allowed: WRITERS, ok: 201, build: () => ({ url: '/api/v1/calendars', payload: { name: `Cal ${uniq()}`, timeZone: 'Europe/Berlin', week: { 1: [{ from: '09:00', to: '17:00' }] } } }) },
  'GET /api/v1/calendars/:id': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/calendars/${id(c, (o) => fx(o).calendarId)}` }) },
  'PATCH /api/v1/calendars/:id': { allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/calendars/${id(c, (o) => fx(o).calendarId)}`, payload: { holidays: ['2026-12-25'] } }) },
  'POST /api/v1/calendars/:id/holidays/import': {
    allowed: WRITERS,
    ok: 200,
    scoped: true,
    build: (c) => ({
      url: `/api/v1/calendars/${id(c, (o) => fx(o).calendarId)}/holidays/import?fromYear=2026&toYear=2026`,
      payload: 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nSUMMARY:New Year\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      headers: { 'content-type': 'text/calendar' },
    }),
  },
  'GET /api/v1/engagements/:id/sla-policy': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/sla-policy` }) },
  'PUT /api/v1/engagements/:id/sla-policy': {
    allowed: WRITERS,
    ok: 200,
    scoped: true,
    build: (c) => ({
      url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/sla-policy`,
      payload: { calendarId: fx(c.scope === 'foreign' ? foreign : own).calendarId, priorities: { P1: { resolution: { ms: 7_200_000, clock: 'calendar' } } }, resolvedStatuses: ['Resolved'] },
    }),
  },
  'GET /api/v1/engagements/:id/sla-policy/versions': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/sla-policy/versions` }) },
  'GET /api/v1/engagements/:id/sla/report': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/sla/report` }) },
  'GET /api/v1/engagements/:id/sla/tickets': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/sla/tickets` }) },
  'GET /api/v1/engagements/:id/sla/tickets.csv': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/sla/tickets.csv` }) },
  'GET /api/v1/tickets/:id/timeline': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/tickets/${id(c, (o) => fx(o).ticketId)}/timeline` }) },
  'GET /api/v1/sla/overview': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/sla/overview?month=2026-01' }) },
  'GET /api/v1/engagements/:id/outages': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/outages` }) },
  'POST /api/v1/engagements/:id/outages': {
    allowed: WRITERS,
    ok: 201,
    scoped: true,
    build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/outages`, payload: { startAt: '2026-01-10T10:00:00Z', endAt: '2026-01-10T11:00:00Z', planned: true } }),
  },
  'DELETE /api/v1/outages/:id': {
    allowed: WRITERS,
    ok: 200,
    scoped: true,
    build: async (c) => {
      if (c.scope === 'missing') return { url: `/api/v1/outages/${randomUUID()}` };
      const { insertOutage } = await import('../../src/server/modules/sla/outages.repo.ts');
      const o = await insertOutage(t.database.db, { orgId: c.org.orgId, engagementId: c.org.engagementId, startAt: new Date(), endAt: new Date(Date.now() + 1000) });
      return { url: `/api/v1/outages/${o.id}` };
    },
  },
  'POST /api/v1/engagements/:id/ticket-imports': {
    allowed: ['owner', 'admin', 'manager', 'analyst'],
    ok: 200,
    scoped: true,
    build: (c) => ({
      url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/ticket-imports?format=jira`,
      payload: `Issue key,Priority,Status,Created,Resolved\nMX-${uniq()},High,Done,21/Nov/26 4:30 PM,\n`,
      headers: { 'content-type': 'text/csv' },
    }),
  },
  'GET /api/v1/engagements/:id/ticket-imports': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/ticket-imports` }) },
  'GET /api/v1/ticket-mappings': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/ticket-mappings' }) },
  'POST /api/v1/ticket-mappings': {
    allowed: ['owner', 'admin', 'manager', 'analyst'],
    ok: 200,
    build: () => ({ url: '/api/v1/ticket-mappings', payload: { name: `Map ${uniq()}`, mapping: { shape: 'tickets', columns: { externalId: 'id', openedAt: 'opened' }, dateOrder: 'ymd', timeZone: 'UTC' } } }),
  },
  'GET /api/v1/ticket-mappings/:id': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/ticket-mappings/${id(c, (o) => fx(o).mappingId)}` }) },
  'DELETE /api/v1/ticket-mappings/:id': {
    allowed: ['owner', 'admin', 'manager', 'analyst'],
    ok: 200,
    scoped: true,
    build: async (c) => {
      if (c.scope === 'missing') return { url: `/api/v1/ticket-mappings/${randomUUID()}` };
      const { upsertMapping } = await import('../../src/server/modules/tickets/ticket-mappings.repo.ts');
      const m = await upsertMapping(t.database.db, c.org.orgId, `Del ${uniq()}`, { shape: 'tickets', columns: { externalId: 'id', openedAt: 'o' }, dateOrder: 'ymd', timeZone: 'UTC' }, new Date());
      return { url: `/api/v1/ticket-mappings/${m.id}` };
    },
  },
  'GET /api/v1/ticket-imports/:id/rejections.csv': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/ticket-imports/${id(c, (o) => fx(o).importId)}/rejections.csv` }) },
};

beforeAll(async () => {
  t = await createTestApp();
  own = await createTestOrg(t.database.db, 'Own');
  foreign = await createTestOrg(t.database.db, 'Foreign');
  sla.set(own, await addSlaFixtures(t.database.db, own));
  sla.set(foreign, await addSlaFixtures(t.database.db, foreign));
  await dd.setup();
});
afterAll(() => t.close());

function expected(row: Row, role: Role | null, scope: Scope): number {
  if (row.allowed === 'public') return scope === 'missing' && row.publicMissing ? row.publicMissing : row.ok;
  if (!role) return 401;
  const allowed = row.allowed === 'signed-in' || row.allowed.includes(role);
  if (!allowed) return 403;
  return scope === 'own' || !row.scoped ? row.ok : 404;
}

/** Identifiers of the foreign organisation that must never appear in our lists. */
function foreignIds(): string[] {
  return [foreign.orgId, foreign.vendor.id, foreign.otherVendor.id, foreign.engagementId, ...Object.values(foreign.users).map((u) => u.id)];
}

describe('authorization matrix', () => {
  it('has a row for every registered route, and a route for every row', () => {
    const registered = t.app.routeInfo.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !registered.includes(k))).toEqual([]);
  });

  for (const [route, row] of Object.entries(MATRIX)) {
    const [method, pattern] = route.split(' ');
    const scopes: Scope[] = row.scoped ? ['own', 'foreign', 'missing'] : ['own'];
    it(`${route}`, async () => {
      const failures: string[] = [];
      for (const role of [null, ...ROLES] as Array<Role | null>) {
        for (const scope of scopes) {
          const actor = role ? own.users[role] : null;
          const login: Login | null = actor ? await loginAs(t.database.db, actor) : null;
          const req = await row.build({ org: scope === 'foreign' ? foreign : own, actor, scope });
          const res = await t.app.inject({
            method: method as 'GET',
            url: req.url,
            payload: req.payload as string | object | undefined,
            headers: { ...(login ? authHeaders(login) : {}), ...req.headers },
          });
          const want = expected(row, role, scope);
          if (res.statusCode >= 500 || res.statusCode !== want) {
            failures.push(`${role ?? 'anonymous'}/${scope}: got ${res.statusCode}, want ${want} (${pattern}) ${res.body.slice(0, 200)}`);
          }
          if (res.statusCode === 200 && method === 'GET' && role) {
            const leaked = foreignIds().filter((x) => res.body.includes(x));
            if (leaked.length) failures.push(`${role}: response contains another organisation's ids ${leaked.join(', ')}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
