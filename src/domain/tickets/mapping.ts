import type { TicketField, TicketFormat, TicketMapping } from '../../shared/contracts/tickets.ts';
import { TICKET_PRESETS } from '../../shared/ticket-formats.ts';
import { DomainError } from '../errors.ts';

/** How one file is read: a mapping, with the other header names each column may carry. */
export type ResolvedMapping = TicketMapping & { alternates: Partial<Record<TicketField, string[]>> };

/** The preset with the caller's time zone and date order applied, or the generic mapping. */
export function mappingFor(format: TicketFormat, overrides: { mapping?: TicketMapping; timeZone?: string; dateOrder?: TicketMapping['dateOrder'] }): ResolvedMapping {
  if (format === 'generic') {
    if (!overrides.mapping) throw DomainError.invalid('mapping', 'The generic format needs a mapping.');
    return { ...overrides.mapping, alternates: {} };
  }
  const p = TICKET_PRESETS[format];
  return { ...p, timeZone: overrides.timeZone ?? p.timeZone, dateOrder: overrides.dateOrder ?? p.dateOrder, alternates: p.alternates ?? {} };
}
