import { aCalendar, aTicketMapping, anOutage, anSlaPolicy, someTickets } from '../../../src/server/seed/builders/sla.ts';
import type { PagingCase } from './types.ts';
import { ROWS } from './types.ts';

const H = 3_600_000;
// One after the other: imports and policy versions of one engagement take turns anyway.
const each = async <T>(n: number, f: (i: number) => Promise<T>) => {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await f(i));
  return out;
};

export const slaCases: PagingCase[] = [
  {
    route: 'GET /api/v1/calendars',
    async seed(_t, org) {
      const made = await each(ROWS, (i) => aCalendar(org.handle, { name: `Paged calendar ${i}` }));
      return { url: '/api/v1/calendars', ids: made.map((c) => c.id) };
    },
  },
  {
    route: 'GET /api/v1/engagements/:id/sla-policy/versions',
    async seed(_t, org) {
      const cal = await aCalendar(org.handle);
      const made = await each(ROWS, () => anSlaPolicy(org.handle, { engagementId: org.engagementId, calendarId: cal.id }));
      return { url: `/api/v1/engagements/${org.engagementId}/sla-policy/versions`, ids: made.map((p) => p.id) };
    },
  },
  {
    route: 'GET /api/v1/engagements/:id/outages',
    async seed(_t, org) {
      // Two records at the same start: the id decides their order.
      const starts = ['2026-01-10T10:00:00Z', '2026-01-10T10:00:00Z', '2026-01-11T10:00:00Z'];
      const made = await each(ROWS, (i) => anOutage(org.handle, { engagementId: org.engagementId, startAt: starts[i % starts.length], endAt: '2026-01-12T10:00:00Z' }));
      return { url: `/api/v1/engagements/${org.engagementId}/outages`, ids: made.map((o) => o.id) };
    },
  },
  {
    route: 'GET /api/v1/engagements/:id/ticket-imports',
    async seed(_t, org) {
      const made = await each(ROWS, () => someTickets(org.handle, { engagementId: org.engagementId, tickets: 1 }));
      return { url: `/api/v1/engagements/${org.engagementId}/ticket-imports`, ids: made.map((m) => m.import.id) };
    },
  },
  {
    route: 'GET /api/v1/ticket-mappings',
    async seed(_t, org) {
      const made = await each(ROWS, (i) => aTicketMapping(org.handle, { name: `Paged mapping ${i}` }));
      return { url: '/api/v1/ticket-mappings', ids: made.map((m) => m.id) };
    },
  },
  {
    route: 'GET /api/v1/engagements/:id/sla/tickets',
    async seed(_t, org) {
      await anSlaPolicy(org.handle, { engagementId: org.engagementId });
      // Two tickets opened at the same instant: the id decides their order.
      const opened = Date.UTC(2026, 0, 5, 9);
      const { tickets } = await someTickets(org.handle, {
        engagementId: org.engagementId,
        tickets: Array.from({ length: ROWS + 1 }, (_, i) => ({ openedAt: opened + Math.min(i, 1) * H, resolvedAt: opened + 5 * H })),
      });
      return { url: `/api/v1/engagements/${org.engagementId}/sla/tickets`, ids: tickets.map((t) => t.id) };
    },
  },
];
