import type { SlaTicket } from './contracts/sla.ts';
import { safeCell } from './csv-cell.ts';

/**
 * The one column set of an SLA ticket list written out as a file: the API's tickets.csv
 * and `outsight sla tickets` (CSV, and its JSON records) both write these, in this order.
 * Snake case, as spreadsheets and scripts expect of a CSV header; `id` is the ticket's id
 * in the vendor's tool (the id people search for), durations are ms on the policy's clock.
 */
export const SLA_TICKET_COLUMNS = [
  'id',
  'priority',
  'opened',
  'first_response',
  'resolved',
  'business_response_ms',
  'business_resolution_ms',
  'paused_ms',
  'breached',
  'response_breached',
  'resolution_breached',
  'state',
  'problem',
] as const;
export type SlaTicketColumn = (typeof SLA_TICKET_COLUMNS)[number];
export type SlaTicketRecord = { [K in SlaTicketColumn]: string | number | boolean | null };

/** A ticket of the list as one record of the file. */
export function slaTicketRecord(t: SlaTicket): SlaTicketRecord {
  return {
    id: t.externalId,
    priority: t.priority,
    opened: t.openedAt,
    first_response: t.respondedAt,
    resolved: t.resolvedAt,
    business_response_ms: t.responseMs,
    business_resolution_ms: t.resolutionMs,
    paused_ms: t.pausedMs,
    breached: t.breached,
    response_breached: t.responseBreached,
    resolution_breached: t.resolutionBreached,
    state: t.state,
    problem: t.problem,
  };
}

/** A record's cells in column order, formula-safe (ids and titles come from vendors' exports). */
export function slaTicketCells(r: SlaTicketRecord): string[] {
  return SLA_TICKET_COLUMNS.map((c) => safeCell(r[c]));
}
