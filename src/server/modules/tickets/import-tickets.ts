import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../domain/errors.ts';
import { detectDateOrder, mostlyNumbers } from '../../../domain/tickets/dates.ts';
import { mappingFor, type ResolvedMapping } from '../../../domain/tickets/mapping.ts';
import { refusalFor } from '../../../domain/tickets/refusal.ts';
import { dateColumns, rowNormaliser, type TicketEvent } from '../../../domain/tickets/rows.ts';
import { cutOffRejection, exportKindHint } from '../../../domain/tickets/warnings.ts';
import type { TicketFormat, TicketImportResult, TicketImportWarning, TicketMapping, TicketRejection } from '../../../shared/contracts/tickets.ts';
import type { Ctx } from '../../context.ts';
import { change } from '../audit/audit.public.ts';
import { requireEngagement } from '../engagements/engagements.public.ts';
import { insertTicketImport, type TicketImportInsert } from './ticket-imports.repo.ts';
import { readDelimited, type RowSink } from './ticket-reader.ts';
import { openSource } from './ticket-source.ts';
import { openStaging, upsertFromStaging, type MappedField } from './ticket-staging.repo.ts';
import { readXlsx } from './ticket-xlsx.ts';
import { ticketImportPolicy } from './tickets.policy.ts';
import { presentImport } from './tickets.presenter.ts';

const BATCH = 5_000;
/** Rows read before the date order (when the mapping leaves it out) and numeric date columns are decided from the data. */
const ORDER_SAMPLE = 2_000;
/** Rejections kept for the downloadable report; the count is always exact. */
export const MAX_STORED_REJECTIONS = 100_000;

export interface TicketImportOptions {
  engagementId: string;
  format: TicketFormat;
  mapping?: TicketMapping;
  timeZone?: string;
  dateOrder?: TicketMapping['dateOrder'];
  /** All or nothing on rows too: any rejected row rejects the whole file. */
  strict?: boolean;
  fileName?: string | null;
  onProgress?: (p: { rows: number; rejected: number }) => void;
}

/** The ticket fields a file maps, so a re-import keeps what a narrower export does not carry. */
function mappedFields(mapping: ResolvedMapping): Set<MappedField> {
  const cols = mapping.columns;
  const mapped = new Set<MappedField>((['priority', 'status', 'title', 'firstResponseAt', 'resolvedAt', 'closedAt'] as const).filter((f) => cols[f] !== undefined));
  // Event logs infer the first response from the first status change; Zendesk gives minutes.
  if ((mapping.shape === 'events' && cols.status) || mapping.firstResponseMinutesColumn) mapped.add('firstResponseAt');
  return mapped;
}

/**
 * Imports a ticket export into an engagement. Streams the file (bounded memory), keeps
 * valid rows and reports every rejected one with line, column and reason — or, in strict
 * mode, stores nothing when any row is rejected. The whole import is one change: a crash
 * or a lost database leaves the tickets as they were. Re-importing the same or an
 * overlapping file creates no duplicates and updates only what changed.
 */
export async function importTickets(ctx: Ctx, source: AsyncIterable<Buffer | Uint8Array | string>, opts: TicketImportOptions): Promise<TicketImportResult> {
  ticketImportPolicy.check(ctx.actor, 'create');
  let mapping = mappingFor(opts.format, opts);
  await requireEngagement(ctx, 'read', opts.engagementId);
  const orgId = ctx.actor.orgId;
  const importId = randomUUID();
  const record: Omit<TicketImportInsert, 'status'> = {
    id: importId,
    orgId,
    engagementId: opts.engagementId,
    format: opts.format,
    fileName: opts.fileName ?? null,
    createdBy: ctx.actor.userId,
    startedAt: ctx.now,
    finishedAt: ctx.now,
  };
  const rejected: TicketRejection[] = [];
  let rejectedCount = 0;
  const reject = (r: TicketRejection) => {
    rejectedCount++;
    if (rejected.length < MAX_STORED_REJECTIONS) rejected.push(r);
  };
  let hint = null as TicketImportWarning | null;

  try {
    const row = await change(ctx, async (tx) => {
      const staging = await openStaging(tx.db);
      let normalise: ReturnType<typeof rowNormaliser> | null = null;
      let batch: TicketEvent[] = [];
      let rows = 0;
      let header: string[] = [];
      // The first rows wait until their dates have shown the date order (unless chosen) and
      // which date columns hold numbers (Excel serials, epoch times) rather than text.
      let sample: Array<[string[], number]> | null = [];
      const decideOrder = () => {
        if (!sample) return;
        const cols = dateColumns(header, mapping);
        const detected = mapping.dateOrderGiven ? null : detectDateOrder(sample.flatMap(([cells]) => cols.map(({ index }) => cells[index] ?? '')));
        if (detected) mapping = { ...mapping, dateOrder: detected };
        const numericDates = cols.filter(({ index }) => mostlyNumbers(sample!.map(([cells]) => cells[index] ?? ''))).map(({ field }) => field);
        if (numericDates.length) mapping = { ...mapping, numericDates };
        normalise = rowNormaliser(header, mapping);
        const waiting = sample;
        sample = null;
        for (const [cells, line] of waiting) {
          const ev = normalise(cells, line, reject);
          if (ev) batch.push(ev);
        }
      };
      const sink: RowSink = {
        header: (columns) => {
          header = columns;
          hint = exportKindHint(columns, opts.format);
          normalise = rowNormaliser(columns, mapping);
        },
        cutOff: (line, why) => {
          rows++;
          decideOrder();
          reject(cutOffRejection(line, why));
        },
        row: (cells, line) => {
          rows++;
          if (sample) {
            sample.push([cells, line]);
            if (sample.length >= ORDER_SAMPLE) decideOrder();
            return;
          }
          const ev = normalise!(cells, line, reject);
          if (ev) batch.push(ev);
        },
        flush: async () => {
          if (sample) return;
          if (batch.length >= BATCH) {
            const b = batch;
            batch = [];
            await staging.write(b);
            opts.onProgress?.({ rows, rejected: rejectedCount });
          }
        },
      };
      let rowsRead: number;
      try {
        const { kind, stream } = await openSource(source, opts.fileName);
        rowsRead = kind === 'xlsx' ? await readXlsx(stream, sink) : await readDelimited(stream, sink);
        decideOrder();
        await staging.write(batch);
        batch = [];
        await staging.finish();
      } catch (err) {
        await staging.abort(err);
        throw err;
      }
      if (opts.strict && rejectedCount > 0) {
        throw new DomainError('import_rejected', `${rejectedCount} ${rejectedCount === 1 ? 'row was' : 'rows were'} rejected in strict mode; nothing was imported.`, { rejected: rejected.slice(0, 1000), rejectedCount });
      }
      const refusal = refusalFor(rowsRead, rejectedCount, rejected, mapping.dateOrder);
      if (refusal) throw refusal;
      const counts = await upsertFromStaging(tx.db, { orgId, engagementId: opts.engagementId, importId, mergeHistory: mapping.shape === 'events', mapped: mappedFields(mapping) });
      const done = await insertTicketImport(tx.db, {
        ...record,
        status: 'succeeded',
        rowsRead,
        ticketsCreated: counts.created,
        ticketsUpdated: counts.updated,
        ticketsUnchanged: counts.unchanged,
        rejectedCount,
        rejected,
      });
      await tx.audit({
        action: 'tickets.import',
        objectType: 'engagement',
        objectId: opts.engagementId,
        after: { importId, format: opts.format, fileName: opts.fileName ?? null, rowsRead, ...counts, rejectedCount },
      });
      return done;
    });
    return presentImport(row, hint ? [hint] : []);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'import_rejected') {
      await recordRefusal(ctx, record, err, rejected, rejectedCount);
      // A refusal of a file that looks like another export says so: that is the fix.
      if (hint) throw new DomainError(err.code, `${err.message} ${hint.message}`, { ...err.details, hint: hint.message });
    }
    throw err;
  }
}

/**
 * A refused file still leaves a record, so its rejected rows can be downloaded; the
 * refusal's details then name it. If even that record cannot be written, the refusal is
 * still what the user gets, and the second failure goes to the log instead of vanishing.
 */
async function recordRefusal(ctx: Ctx, record: Omit<TicketImportInsert, 'status'>, err: DomainError, rejected: TicketRejection[], rejectedCount: number) {
  const list = ((err.details?.rejected as TicketRejection[] | undefined) ?? rejected).slice(0, MAX_STORED_REJECTIONS);
  try {
    // Nothing of the engagement changed, so the record is the trace: no audit row.
    const failed = await change(ctx, (tx) => insertTicketImport(tx.db, { ...record, status: 'failed', rejectedCount: Math.max(rejectedCount, list.length), rejected: list }));
    if (err.details) err.details.importId = failed.id;
  } catch (recordErr) {
    ctx.log.error({ err: recordErr, importId: record.id, refusal: err.message }, 'A refused ticket import could not be recorded');
  }
}
