import { z } from 'zod';
import { FIRST_RESPONSE_RULES } from '../../domain/sla/first-response.ts';

export const TICKET_FORMATS = ['servicenow', 'servicenow-events', 'jira', 'zendesk', 'generic'] as const;
export const TicketFormat = z.enum(TICKET_FORMATS);
export type TicketFormat = z.infer<typeof TicketFormat>;

/** What an import reads from each row; the mapping names the column for each. */
export const TICKET_FIELDS = ['externalId', 'priority', 'status', 'openedAt', 'firstResponseAt', 'resolvedAt', 'closedAt', 'eventAt', 'sequence', 'title', 'assignee'] as const;
export const TicketField = z.enum(TICKET_FIELDS);
export type TicketField = z.infer<typeof TicketField>;

/**
 * How to read one export. Presets exist for the common tools; the generic format is a
 * mapping the user builds by picking columns (saved by name, exported as a JSON file
 * the CLI accepts).
 */
export const TicketMapping = z
  .object({
    /** 'tickets': one row per ticket; 'events': one row per update (an audit log). */
    shape: z.enum(['tickets', 'events']),
    /** Canonical field → the column header in the file (matched case-insensitively). */
    columns: z.partialRecord(TicketField, z.string().trim().min(1).max(200)),
    /** Left out: detected from the values (a day above 12 shows the order), else day first. */
    dateOrder: z.enum(['dmy', 'mdy', 'ymd']).optional(),
    /** The export's time zone, for values without an offset. */
    timeZone: z.string().min(1).max(64),
    /** Raw priority → the policy's priority key, e.g. "1 - Critical" → "P1". Unmapped values pass through. */
    priorityMap: z.record(z.string().max(200), z.string().max(50)).default({}),
    /** Raw status → status name used by the policy (pause and resolved statuses). */
    statusMap: z.record(z.string().max(200), z.string().max(100)).default({}),
    /** Cell values that mean "no value", e.g. "?" in some exports. */
    missingValues: z.array(z.string().max(20)).max(20).default([]),
    /** Zendesk-style: a column with minutes from opening to first reply. */
    firstResponseMinutesColumn: z.string().max(200).optional(),
    /**
     * Event logs: how the first response is taken from the updates when no first-response
     * column says it (src/domain/sla/first-response.ts). Left out: 'working-status'.
     */
    firstResponse: z.enum(FIRST_RESPONSE_RULES).optional(),
    /** Event logs, 'working-status': the statuses of a ticket nobody has taken on yet. Left out: ["New"]. */
    openingStatuses: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
  })
  .strict()
  .refine((m) => !!m.columns.externalId, { message: 'Map the ticket id column', path: ['columns', 'externalId'] })
  .refine((m) => !!m.columns.openedAt, { message: 'Map the opened-at column', path: ['columns', 'openedAt'] })
  .refine((m) => m.shape === 'tickets' || !!m.columns.eventAt, { message: 'An event log needs the column with each update\'s time', path: ['columns', 'eventAt'] });
export type TicketMapping = z.output<typeof TicketMapping>;

export const TicketRejection = z.object({ line: z.number(), field: z.string(), reason: z.string(), value: z.string().optional() });
export type TicketRejection = z.infer<typeof TicketRejection>;

/** Something the user must know about an import besides its counts; `message` is in words. */
export const TicketImportWarning = z.object({
  /** 'cut_off': the file ends inside a row; 'other_export': the header looks like another kind of export. */
  kind: z.enum(['cut_off', 'other_export']),
  message: z.string(),
  line: z.number().optional(),
});
export type TicketImportWarning = z.infer<typeof TicketImportWarning>;

export const TicketImportResult = z.object({
  id: z.string(),
  engagementId: z.string(),
  format: z.string(),
  fileName: z.string().nullable(),
  status: z.enum(['succeeded', 'failed']),
  rowsRead: z.number(),
  ticketsCreated: z.number(),
  ticketsUpdated: z.number(),
  ticketsUnchanged: z.number(),
  rejectedCount: z.number(),
  /** The first rejections; `rejectedComplete` says whether that is all of them. */
  rejected: z.array(TicketRejection),
  rejectedComplete: z.boolean(),
  /** Where every rejected row can be downloaded (CSV: line, field, reason, value). */
  rejectedReport: z.string(),
  /** Said with the counts, never instead of them: a cut-off file, a file that looks like another export. */
  warnings: z.array(TicketImportWarning),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TicketImportResult = z.infer<typeof TicketImportResult>;

/** A finished import: its record, and how many tickets the engagement now has in all. */
export const TicketImportDone = TicketImportResult.extend({ engagementTickets: z.number() });
export type TicketImportDone = z.infer<typeof TicketImportDone>;

/** Where a running import is, for the client that started it (the upload's progressKey). */
export const ImportProgressKey = z.uuid({ message: 'A random UUID chosen by the uploader' });
export const TicketImportProgress = z.object({
  /** False before the import starts, once it has ended, or when another server runs it. */
  running: z.boolean(),
  phase: z.enum(['reading', 'checking', 'saving']).nullable(),
  rowsRead: z.number(),
  rejectedCount: z.number(),
});
export type TicketImportProgress = z.infer<typeof TicketImportProgress>;

export const SavedMappingInput = z.object({ name: z.string().trim().min(1).max(200), mapping: TicketMapping }).strict();
export const SavedMapping = z.object({ id: z.string(), name: z.string(), mapping: TicketMapping, createdAt: z.string(), updatedAt: z.string() });
export type SavedMapping = z.infer<typeof SavedMapping>;
