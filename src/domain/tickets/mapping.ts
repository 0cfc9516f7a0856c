import type { TicketField, TicketFormat, TicketMapping } from '../../shared/contracts/tickets.ts';
import { TICKET_PRESETS, type DateOrder } from '../../shared/ticket-formats.ts';
import { DomainError } from '../errors.ts';

/**
 * How one file is read: a mapping, with the other header names each column may carry.
 * `dateOrderGiven` is false when neither the caller nor a saved mapping chose the order:
 * the import then detects it from the values and `dateOrder` is only the fallback.
 */
export type ResolvedMapping = Omit<TicketMapping, 'dateOrder'> & {
  dateOrder: DateOrder;
  dateOrderGiven: boolean;
  alternates: Partial<Record<TicketField, string[]>>;
  /** Date fields whose column holds mostly numbers (Excel serials, epoch times), detected from the values. */
  numericDates?: TicketField[];
};

/** The preset with the caller's time zone and date order applied, or the generic mapping. */
export function mappingFor(format: TicketFormat, overrides: { mapping?: TicketMapping; timeZone?: string; dateOrder?: TicketMapping['dateOrder'] }): ResolvedMapping {
  if (format === 'generic') {
    if (!overrides.mapping) throw DomainError.invalid('mapping', 'The generic format needs a mapping.');
    const order = overrides.dateOrder ?? overrides.mapping.dateOrder;
    return { ...overrides.mapping, dateOrder: order ?? 'dmy', dateOrderGiven: order !== undefined, alternates: {} };
  }
  const p = TICKET_PRESETS[format];
  return { ...p, timeZone: overrides.timeZone ?? p.timeZone, dateOrder: overrides.dateOrder ?? p.dateOrder ?? 'dmy', dateOrderGiven: overrides.dateOrder !== undefined, alternates: p.alternates ?? {} };
}
