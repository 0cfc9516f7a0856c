import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { z } from 'zod';
import { CalendarInput, OutageInput, SlaPolicyInput, type Calendar, type Outage, type SlaPolicy } from '../../../shared/contracts/sla.ts';
import { SavedMappingInput, TicketMapping, type SavedMapping, type TicketImportResult } from '../../../shared/contracts/tickets.ts';
import { createCalendar } from '../../modules/calendars/calendars.public.ts';
import { savePolicy } from '../../modules/sla-policies/sla-policies.public.ts';
import { addOutage } from '../../modules/sla/sla.public.ts';
import { importTickets, saveMapping, ticketIdsByExternalId } from '../../modules/tickets/tickets.public.ts';
import { anEngagement, orgOf, type OrgHandle, type World } from './core.ts';

/**
 * Builders for the SLA area: calendars, policies, tickets (through the real import),
 * outages and saved mappings. Like the core builders they go through the services, so
 * through the same policies and audit trail, and build in a new organisation unless given one.
 */

const H = 3_600_000;
const uniq = () => randomUUID().slice(0, 8);
const ALL_DAY = [{ from: '00:00', to: '24:00' }];
/** Every day, all day: business time is calendar time. */
export const WEEK_24X7 = { 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY, 7: ALL_DAY };

/** A business calendar (24×7 in UTC unless told otherwise). */
export async function aCalendar(on: World | OrgHandle, o: Partial<CalendarInput> = {}): Promise<Calendar> {
  const org = await orgOf(on);
  return createCalendar(org.ctx(), CalendarInput.parse({ name: `Calendar ${uniq()}`, timeZone: 'UTC', week: WEEK_24X7, ...o }));
}

/**
 * A new version of an engagement's SLA policy: P1 responded in 30 minutes and resolved in
 * 4 hours, 95 % a month, on a new 24×7 calendar, unless told otherwise. Without an
 * engagement, a new one.
 */
export async function anSlaPolicy(on: World | OrgHandle, o: Partial<SlaPolicyInput> & { engagementId?: string } = {}): Promise<SlaPolicy> {
  const org = await orgOf(on);
  const { engagementId, ...input } = o;
  const eng = engagementId ?? (await anEngagement(org)).id;
  const calendarId = input.calendarId ?? (await aCalendar(org)).id;
  return savePolicy(
    org.ctx(),
    eng,
    SlaPolicyInput.parse({
      priorities: { P1: { response: { ms: H / 2, clock: 'calendar' }, resolution: { ms: 4 * H, clock: 'calendar' }, monthlyAttainment: 0.95 } },
      pauseStatuses: ['Awaiting User Info'],
      resolvedStatuses: ['Resolved', 'Closed'],
      ...input,
      calendarId,
    }),
  );
}

/** One ticket as its export tells it: the status changes after opening (the first one opens it). */
export interface TicketSpec {
  externalId?: string;
  title?: string;
  priority?: string;
  openedAt: number | Date;
  /** Status changes in order; without any, the ticket is New since it opened. */
  events?: Array<{ at: number | Date; status: string }>;
  resolvedAt?: number | Date | null;
}

const ms = (v: number | Date) => (typeof v === 'number' ? v : v.getTime());
const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const EVENT_LOG = TicketMapping.parse({
  shape: 'events',
  columns: { externalId: 'id', title: 'title', priority: 'priority', status: 'status', openedAt: 'opened', eventAt: 'updated', resolvedAt: 'resolved', sequence: 'seq' },
  dateOrder: 'ymd',
  timeZone: 'UTC',
});

/** The tickets as an event log CSV: one row per status change, ISO instants. */
export function ticketEventLog(specs: readonly (TicketSpec & { externalId: string })[]): string {
  const lines = ['id,title,priority,status,opened,updated,resolved,seq'];
  for (const t of specs) {
    const opened = ms(t.openedAt);
    const events = t.events?.length ? t.events : [{ at: opened, status: 'New' }];
    const resolved = t.resolvedAt === undefined || t.resolvedAt === null ? '' : new Date(ms(t.resolvedAt)).toISOString();
    events.forEach((e, seq) => {
      lines.push([cell(t.externalId), cell(t.title ?? ''), cell(t.priority ?? 'P1'), cell(e.status), new Date(opened).toISOString(), new Date(ms(e.at)).toISOString(), resolved, String(seq)].join(','));
    });
  }
  return lines.join('\n') + '\n';
}

/**
 * Tickets of an engagement, imported through the real import from a small generated event
 * log. `tickets` is the list, or how many: that many P1 tickets, opened an hour apart in
 * January 2026, each resolved after two hours. Answers the import and the tickets' ids.
 */
export async function someTickets(
  on: World | OrgHandle,
  o: { engagementId?: string; tickets?: readonly TicketSpec[] | number; fileName?: string } = {},
): Promise<{ import: TicketImportResult; tickets: Array<{ id: string; externalId: string }> }> {
  const org = await orgOf(on);
  const engagementId = o.engagementId ?? (await anEngagement(org)).id;
  const start = Date.UTC(2026, 0, 5, 9);
  const given: readonly TicketSpec[] =
    typeof o.tickets === 'object'
      ? o.tickets
      : Array.from({ length: o.tickets ?? 3 }, (_, i) => {
          const opened = start + i * H;
          return { openedAt: opened, events: [{ at: opened, status: 'New' }, { at: opened + 2 * H, status: 'Resolved' }], resolvedAt: opened + 2 * H };
        });
  const specs = given.map((t) => ({ ...t, externalId: t.externalId ?? `INC-${uniq()}` }));
  const ctx = org.ctx();
  const result = await importTickets(ctx, Readable.from([Buffer.from(ticketEventLog(specs))]), { engagementId, format: 'generic', mapping: EVENT_LOG, fileName: o.fileName ?? 'tickets.csv' });
  const ids = await ticketIdsByExternalId(ctx, engagementId, specs.map((s) => s.externalId));
  return { import: result, tickets: specs.map((s) => ({ id: ids.get(s.externalId)!, externalId: s.externalId })) };
}

/** An unplanned outage of an hour (10:00–11:00 UTC on 10 January 2026) of an engagement, or of a new one. */
export async function anOutage(on: World | OrgHandle, o: Partial<z.input<typeof OutageInput>> & { engagementId?: string } = {}): Promise<Outage> {
  const org = await orgOf(on);
  const { engagementId, ...input } = o;
  const eng = engagementId ?? (await anEngagement(org)).id;
  return addOutage(org.ctx(), eng, OutageInput.parse({ startAt: '2026-01-10T10:00:00Z', endAt: '2026-01-10T11:00:00Z', ...input }));
}

/** A saved generic mapping (id and opened columns, ISO dates in UTC) under a new name unless told otherwise. */
export async function aTicketMapping(on: World | OrgHandle, o: { name?: string; mapping?: Partial<TicketMapping> } = {}): Promise<SavedMapping> {
  const org = await orgOf(on);
  return saveMapping(
    org.ctx(),
    SavedMappingInput.parse({ name: o.name ?? `Mapping ${uniq()}`, mapping: { shape: 'tickets', columns: { externalId: 'id', openedAt: 'opened' }, dateOrder: 'ymd', timeZone: 'UTC', ...o.mapping } }),
  );
}
