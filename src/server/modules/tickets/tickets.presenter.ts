import { cutOffWarning } from '../../../domain/tickets/warnings.ts';
import { TicketMapping, type SavedMapping, type TicketImportResult, type TicketImportWarning, type TicketRejection } from '../../../shared/contracts/tickets.ts';
import type { TicketImportRow } from './ticket-imports.repo.ts';
import type { TicketMappingRow } from './ticket-mappings.repo.ts';

/** Rejections returned inline in the API answer; all of them are in the downloadable report. */
const INLINE_REJECTIONS = 200;

/** `hints` are what only the import itself knew (the file's header); a cut-off file shows in its rejections. */
export function presentImport(r: TicketImportRow, hints: TicketImportWarning[] = []): TicketImportResult {
  const rejected = r.rejected as TicketRejection[];
  const cutOff = cutOffWarning(rejected);
  return {
    id: r.id,
    engagementId: r.engagementId,
    format: r.format,
    fileName: r.fileName,
    status: r.status as TicketImportResult['status'],
    rowsRead: r.rowsRead,
    ticketsCreated: r.ticketsCreated,
    ticketsUpdated: r.ticketsUpdated,
    ticketsUnchanged: r.ticketsUnchanged,
    rejectedCount: r.rejectedCount,
    rejected: rejected.slice(0, INLINE_REJECTIONS),
    rejectedComplete: r.rejectedCount <= INLINE_REJECTIONS,
    rejectedReport: `/api/v1/ticket-imports/${r.id}/rejections.csv`,
    warnings: [...(cutOff ? [cutOff] : []), ...hints],
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

export function presentMapping(r: TicketMappingRow): SavedMapping {
  return { id: r.id, name: r.name, mapping: TicketMapping.parse(r.mapping), createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

/** Every rejected row of an import as CSV records (line, field, reason, value). */
export function rejectionRecords(r: TicketImportRow): Array<[number, string, string, string | undefined]> {
  return (r.rejected as TicketRejection[]).map((x) => [x.line, x.field, x.reason, x.value]);
}
