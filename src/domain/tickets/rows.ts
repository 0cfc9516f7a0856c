import type { TicketField, TicketRejection } from '../../shared/contracts/tickets.ts';
import { DomainError } from '../errors.ts';
import { readDateTime, type DateSpec } from './dates.ts';
import type { ResolvedMapping } from './mapping.ts';

/** One normalised row: a ticket (one-row-per-ticket exports) or one update of it (event logs). */
export interface TicketEvent {
  externalId: string;
  /** Order of updates at the same instant: the export's sequence column, else the line. */
  seq: number;
  line: number;
  eventAt: number | null;
  status: string | null;
  priority: string | null;
  openedAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  title: string | null;
  /** The row names an assignee (the mapped assignee column is not empty). */
  assigned: boolean;
}

const DATE_FIELDS = ['openedAt', 'firstResponseAt', 'resolvedAt', 'closedAt', 'eventAt'] as const;
const LIMITS: Partial<Record<TicketField, number>> = { externalId: 200, status: 100, priority: 100, title: 1000, assignee: 1000 };

/** The mapped date columns found in a header, for detecting the date order and numeric dates from values. */
export function dateColumns(header: string[], mapping: ResolvedMapping): Array<{ field: TicketField; index: number }> {
  const lower = header.map((h) => h.trim().toLowerCase());
  const out: Array<{ field: TicketField; index: number }> = [];
  for (const f of DATE_FIELDS) {
    const column = mapping.columns[f];
    if (column === undefined) continue;
    const at = [column, ...(mapping.alternates[f] ?? [])].map((n) => lower.indexOf(n.trim().toLowerCase())).find((i) => i >= 0);
    if (at !== undefined) out.push({ field: f, index: at });
  }
  return out;
}

/**
 * Turns raw cells into TicketEvents under a mapping: a row that cannot be read goes to
 * `reject` with its line, column and reason; a file without a required column throws.
 * Built once per file: resolving column positions up front keeps the per-row work to
 * array reads and date parsing.
 */
export function rowNormaliser(header: string[], mapping: ResolvedMapping) {
  const lower = header.map((h) => h.trim().toLowerCase());
  const index: Partial<Record<TicketField, number>> = {};
  const missing: string[] = [];
  for (const [field, column] of Object.entries(mapping.columns) as Array<[TicketField, string]>) {
    const names = [column, ...(mapping.alternates[field] ?? [])];
    const at = names.map((n) => lower.indexOf(n.trim().toLowerCase())).find((i) => i >= 0);
    if (at !== undefined) index[field] = at;
    else if (field === 'externalId' || field === 'openedAt' || (field === 'eventAt' && mapping.shape === 'events')) missing.push(column);
  }
  if (missing.length) {
    throw new DomainError('import_rejected', `The file has no column ${missing.map((m) => `"${m}"`).join(', ')}. Check the format or the mapping.`, {
      rejected: missing.map((m) => ({ line: 1, field: m, reason: 'Required column is missing' })),
    });
  }
  const firstReplyIdx = mapping.firstResponseMinutesColumn ? lower.indexOf(mapping.firstResponseMinutesColumn.toLowerCase()) : -1;
  const missingValues = new Set(mapping.missingValues);
  const priorityMap = new Map(Object.entries(mapping.priorityMap).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const statusMap = new Map(Object.entries(mapping.statusMap).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const spec: DateSpec = { order: mapping.dateOrder, timeZone: mapping.timeZone };
  const numericSpec: DateSpec = { ...spec, numbers: true };
  const numeric = new Set(mapping.numericDates ?? []);
  const width = header.length;
  // Positions resolved once: the per-row loops below read arrays, not the mapping.
  const limited = (Object.entries(LIMITS) as Array<[TicketField, number]>).filter(([f]) => index[f] !== undefined).map(([field, max]) => ({ field, max }));
  const dated = DATE_FIELDS.filter((f) => index[f] !== undefined).map((field) => ({ field, spec: numeric.has(field) ? numericSpec : spec }));

  const cell = (cells: string[], field: TicketField): string | null => {
    const i = index[field];
    if (i === undefined) return null;
    const v = cells[i].trim();
    return v === '' || missingValues.has(v) ? null : v;
  };

  return (cells: string[], line: number, reject: (r: TicketRejection) => void): TicketEvent | null => {
    if (cells.length !== width) {
      reject({ line, field: '(row)', reason: `Expected ${width} columns, found ${cells.length}` });
      return null;
    }
    const externalId = cell(cells, 'externalId');
    if (!externalId) {
      reject({ line, field: mapping.columns.externalId!, reason: 'The ticket id is empty' });
      return null;
    }
    for (const { field, max } of limited) {
      const v = cell(cells, field);
      if (v && v.length > max) {
        reject({ line, field: mapping.columns[field]!, reason: `Longer than ${max} characters`, value: v.slice(0, 80) });
        return null;
      }
    }
    const dates: Record<(typeof DATE_FIELDS)[number], number | null> = { openedAt: null, firstResponseAt: null, resolvedAt: null, closedAt: null, eventAt: null };
    for (const { field: f, spec: fieldSpec } of dated) {
      const raw = cell(cells, f);
      if (raw === null) continue;
      const read = readDateTime(raw, fieldSpec);
      if ('reason' in read) {
        reject({ line, field: mapping.columns[f]!, reason: read.reason, value: raw.slice(0, 80) });
        return null;
      }
      dates[f] = read.ms;
    }
    if (dates.openedAt === null) {
      reject({ line, field: mapping.columns.openedAt!, reason: 'The opened-at time is empty' });
      return null;
    }
    if (mapping.shape === 'events' && dates.eventAt === null) {
      reject({ line, field: mapping.columns.eventAt!, reason: 'The update time is empty' });
      return null;
    }
    if (dates.firstResponseAt === null && firstReplyIdx >= 0) {
      const minutes = Number(cells[firstReplyIdx].trim());
      if (cells[firstReplyIdx].trim() !== '' && Number.isFinite(minutes) && minutes >= 0) dates.firstResponseAt = dates.openedAt + Math.round(minutes * 60_000);
    }
    const rawPriority = cell(cells, 'priority');
    const rawStatus = cell(cells, 'status');
    const seqRaw = cell(cells, 'sequence');
    const seq = seqRaw !== null && /^-?\d+$/.test(seqRaw) ? Number(seqRaw) : line;
    return {
      externalId,
      seq,
      line,
      eventAt: dates.eventAt,
      status: rawStatus === null ? null : (statusMap.get(rawStatus.toLowerCase()) ?? rawStatus),
      priority: rawPriority === null ? null : (priorityMap.get(rawPriority.toLowerCase()) ?? rawPriority),
      openedAt: dates.openedAt,
      firstResponseAt: dates.firstResponseAt,
      resolvedAt: dates.resolvedAt,
      closedAt: dates.closedAt,
      title: cell(cells, 'title'),
      assigned: cell(cells, 'assignee') !== null,
    };
  };
}
