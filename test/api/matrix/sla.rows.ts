import { randomUUID } from 'node:crypto';
import { aTicketMapping, anOutage } from '../../../src/server/seed/builders/sla.ts';
import { addSlaFixtures, type SlaFixtures, type TestOrg } from '../../support/factories.ts';
import { IMPORTERS, INTERNAL, WRITERS, type AreaRows, type MatrixEnv } from './types.ts';

/** Rows for calendars, SLA policies and reports, outages, ticket imports and mappings. */
export function slaRows(env: MatrixEnv): AreaRows {
  const { uniq, id } = env;
  const sla = new Map<TestOrg, SlaFixtures>();
  const fx = (o: TestOrg) => sla.get(o)!;
  const rows: AreaRows['rows'] = {
    'GET /api/v1/calendars': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/calendars' }) },
    'POST /api/v1/calendars': { allowed: WRITERS, ok: 201, build: () => ({ url: '/api/v1/calendars', payload: { name: `Cal ${uniq()}`, timeZone: 'Europe/Berlin', week: { 1: [{ from: '09:00', to: '17:00' }] } } }) },
    'GET /api/v1/calendars/:id': { policy: 'The calendar', allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/calendars/${id(c, (o) => fx(o).calendarId)}` }) },
    'PATCH /api/v1/calendars/:id': { policy: 'The calendar', allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/calendars/${id(c, (o) => fx(o).calendarId)}`, payload: { holidays: ['2026-12-25'] } }) },
    'POST /api/v1/calendars/:id/holidays/import': {
      policy: 'The calendar',
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: (c) => ({
        url: `/api/v1/calendars/${id(c, (o) => fx(o).calendarId)}/holidays/import?fromYear=2026&toYear=2026`,
        payload: 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nSUMMARY:New Year\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
        headers: { 'content-type': 'text/calendar' },
      }),
    },
    'GET /api/v1/engagements/:id/sla-policy': { policy: 'The SLA policy', allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/sla-policy` }) },
    'PUT /api/v1/engagements/:id/sla-policy': {
      policy: 'The SLA policy',
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: (c) => ({
        url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/sla-policy`,
        payload: { calendarId: fx(c.scope === 'foreign' ? env.foreign : env.own).calendarId, priorities: { P1: { resolution: { ms: 7_200_000, clock: 'calendar' } } }, resolvedStatuses: ['Resolved'] },
      }),
    },
    'GET /api/v1/engagements/:id/sla-policy/versions': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/sla-policy/versions` }) },
    'GET /api/v1/engagements/:id/sla/report': { policy: 'The SLA report', allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/sla/report` }) },
    'GET /api/v1/engagements/:id/sla/tickets': { policy: 'The SLA report', allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/sla/tickets` }) },
    'GET /api/v1/engagements/:id/sla/tickets.csv': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/sla/tickets.csv` }) },
    'GET /api/v1/tickets/:id/timeline': { policy: 'The ticket', allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/tickets/${id(c, (o) => fx(o).ticketId)}/timeline` }) },
    'GET /api/v1/sla/overview': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/sla/overview?month=2026-01' }) },
    'GET /api/v1/engagements/:id/outages': { policy: 'The outage', allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/outages` }) },
    'POST /api/v1/engagements/:id/outages': {
      allowed: WRITERS,
      ok: 201,
      scoped: true,
      build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/outages`, payload: { startAt: '2026-01-10T10:00:00Z', endAt: '2026-01-10T11:00:00Z', planned: true } }),
    },
    'DELETE /api/v1/outages/:id': {
      policy: 'The outage',
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: async (c) => {
        if (c.scope === 'missing') return { url: `/api/v1/outages/${randomUUID()}` };
        const o = await anOutage(c.org.handle, { engagementId: c.org.engagementId });
        return { url: `/api/v1/outages/${o.id}` };
      },
    },
    'POST /api/v1/engagements/:id/ticket-imports': {
      policy: 'The ticket import',
      allowed: IMPORTERS,
      ok: 200,
      scoped: true,
      build: (c) => ({
        url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/ticket-imports?format=jira`,
        payload: `Issue key,Priority,Status,Created,Resolved\nMX-${uniq()},High,Done,21/Nov/26 4:30 PM,\n`,
        headers: { 'content-type': 'text/csv' },
      }),
    },
    'GET /api/v1/ticket-import-progress/:key': { allowed: 'public', ok: 200, build: () => ({ url: `/api/v1/ticket-import-progress/${randomUUID()}` }) },
    'GET /api/v1/engagements/:id/ticket-imports': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${id(c, (o) => o.engagementId)}/ticket-imports` }) },
    'GET /api/v1/ticket-mappings': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/ticket-mappings' }) },
    'POST /api/v1/ticket-mappings': {
      allowed: IMPORTERS,
      ok: 200,
      build: () => ({ url: '/api/v1/ticket-mappings', payload: { name: `Map ${uniq()}`, mapping: { shape: 'tickets', columns: { externalId: 'id', openedAt: 'opened' }, dateOrder: 'ymd', timeZone: 'UTC' } } }),
    },
    'GET /api/v1/ticket-mappings/:id': { policy: 'The ticket mapping', allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/ticket-mappings/${id(c, (o) => fx(o).mappingId)}` }) },
    'DELETE /api/v1/ticket-mappings/:id': {
      policy: 'The ticket mapping',
      allowed: IMPORTERS,
      ok: 200,
      scoped: true,
      build: async (c) => {
        if (c.scope === 'missing') return { url: `/api/v1/ticket-mappings/${randomUUID()}` };
        const m = await aTicketMapping(c.org.handle, { name: `Del ${uniq()}` });
        return { url: `/api/v1/ticket-mappings/${m.id}` };
      },
    },
    'GET /api/v1/ticket-imports/:id/rejections.csv': { policy: 'The ticket import', allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/ticket-imports/${id(c, (o) => fx(o).importId)}/rejections.csv` }) },
  };
  return {
    rows,
    async setup() {
      sla.set(env.own, await addSlaFixtures(env.own));
      sla.set(env.foreign, await addSlaFixtures(env.foreign));
    },
  };
}
