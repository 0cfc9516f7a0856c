import { randomUUID } from 'node:crypto';
import { addSlaFixtures, type SlaFixtures, type TestOrg } from '../../support/factories.ts';
import { IMPORTERS, INTERNAL, WRITERS, type AreaRows, type MatrixEnv } from './types.ts';

/** Rows for calendars, SLA policies and reports, outages, ticket imports and mappings. */
export function slaRows(env: MatrixEnv): AreaRows {
  const { uniq, id } = env;
  const sla = new Map<TestOrg, SlaFixtures>();
  const fx = (o: TestOrg) => sla.get(o)!;
  const t = { get database() { return env.t.database; } };
  const rows: AreaRows['rows'] = {
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
        payload: { calendarId: fx(c.scope === 'foreign' ? env.foreign : env.own).calendarId, priorities: { P1: { resolution: { ms: 7_200_000, clock: 'calendar' } } }, resolvedStatuses: ['Resolved'] },
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
        const { insertOutage } = await import('../../../src/server/modules/sla/outages.repo.ts');
        const o = await insertOutage(t.database.db, { orgId: c.org.orgId, engagementId: c.org.engagementId, startAt: new Date(), endAt: new Date(Date.now() + 1000) });
        return { url: `/api/v1/outages/${o.id}` };
      },
    },
    'POST /api/v1/engagements/:id/ticket-imports': {
      allowed: IMPORTERS,
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
      allowed: IMPORTERS,
      ok: 200,
      build: () => ({ url: '/api/v1/ticket-mappings', payload: { name: `Map ${uniq()}`, mapping: { shape: 'tickets', columns: { externalId: 'id', openedAt: 'opened' }, dateOrder: 'ymd', timeZone: 'UTC' } } }),
    },
    'GET /api/v1/ticket-mappings/:id': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/ticket-mappings/${id(c, (o) => fx(o).mappingId)}` }) },
    'DELETE /api/v1/ticket-mappings/:id': {
      allowed: IMPORTERS,
      ok: 200,
      scoped: true,
      build: async (c) => {
        if (c.scope === 'missing') return { url: `/api/v1/ticket-mappings/${randomUUID()}` };
        const { upsertMapping } = await import('../../../src/server/modules/tickets/ticket-mappings.repo.ts');
        const m = await upsertMapping(t.database.db, c.org.orgId, `Del ${uniq()}`, { shape: 'tickets', columns: { externalId: 'id', openedAt: 'o' }, dateOrder: 'ymd', timeZone: 'UTC' }, new Date());
        return { url: `/api/v1/ticket-mappings/${m.id}` };
      },
    },
    'GET /api/v1/ticket-imports/:id/rejections.csv': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/ticket-imports/${id(c, (o) => fx(o).importId)}/rejections.csv` }) },
  
  };
  return {
    rows,
    async setup() {
      sla.set(env.own, await addSlaFixtures(env.t.database.db, env.own));
      sla.set(env.foreign, await addSlaFixtures(env.t.database.db, env.foreign));
    },
  };
}
