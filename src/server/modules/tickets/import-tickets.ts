import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { DomainError } from '../../../domain/errors.ts';
import { DEFAULT_FIRST_RESPONSE_RULE } from '../../../domain/sla/first-response.ts';
import { detectDateOrder, mostlyNumbers } from '../../../domain/tickets/dates.ts';
import { mappingFor, type ResolvedMapping } from '../../../domain/tickets/mapping.ts';
import { refusalFor } from '../../../domain/tickets/refusal.ts';
import { dateColumns, rowNormaliser, type TicketEvent } from '../../../domain/tickets/rows.ts';
import { cutOffRejection, exportKindHint } from '../../../domain/tickets/warnings.ts';
import type { TicketFormat, TicketImportDone, TicketImportWarning, TicketMapping, TicketRejection } from '../../../shared/contracts/tickets.ts';
import type { Ctx } from '../../context.ts';
import { change } from '../audit/audit.public.ts';
import { requireEngagement } from '../engagements/engagements.public.ts';
import { insertTicketImport, type TicketImportInsert } from './ticket-imports.repo.ts';
import { readDelimited, type RowSink } from './ticket-reader.ts';
import { openSource } from './ticket-source.ts';
import { openDirectLoad } from './ticket-direct.repo.ts';
import { lockForImport, openStaging, upsertFromStaging, type MappedField } from './ticket-staging.repo.ts';
import { readXlsx } from './ticket-xlsx.ts';
import { ticketImportPolicy } from './tickets.policy.ts';
import { countTickets } from './tickets.repo.ts';
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
  /** Event logs: how the first response is inferred, instead of the mapping's own rule. */
  firstResponse?: TicketMapping['firstResponse'];
  /** All or nothing on rows too: any rejected row rejects the whole file. */
  strict?: boolean;
  fileName?: string | null;
  /** Called as the import moves on: rows read and rejected so far, and what it is doing. */
  onProgress?: (p: ImportProgress) => void;
  /**
   * Aborted when whoever asked has gone away (the HTTP client hung up): reading and the
   * database work stop, the transaction rolls back, and nothing is stored — not even a
   * record of the import.
   */
  signal?: AbortSignal;
}

/**
 * What a long import is doing: reading the file (rows counted as they are staged), checking
 * the folded tickets against those stored, saving them. Rows are counted when a batch is
 * staged, so the count moves in steps of a few thousand. The first import of a list export
 * saves its tickets while reading (ticket-direct.repo.ts); its checking and saving are short.
 */
export type ImportPhase = 'reading' | 'checking' | 'saving';
export interface ImportProgress {
  phase: ImportPhase;
  rows: number;
  rejected: number;
}

/**
 * Every import says when it starts and when it has settled (stored, refused or rolled
 * back) — for whoever must wait until no import is running, such as a test that hangs up
 * mid-upload and then looks at what was stored.
 */
export const ticketImportEvents = new EventEmitter<{ started: [importId: string]; settled: [importId: string] }>();

/** The ticket fields a file maps, so a re-import keeps what a narrower export does not carry. */
function mappedFields(mapping: ResolvedMapping): Set<MappedField> {
  const cols = mapping.columns;
  const mapped = new Set<MappedField>((['priority', 'status', 'title', 'firstResponseAt', 'resolvedAt', 'closedAt'] as const).filter((f) => cols[f] !== undefined));
  // Event logs infer the first response by the mapping's rule; Zendesk gives minutes.
  if (mapping.shape === 'events' || mapping.firstResponseMinutesColumn) mapped.add('firstResponseAt');
  return mapped;
}

/**
 * Imports a ticket export into an engagement. Streams the file (bounded memory), keeps
 * valid rows and reports every rejected one with line, column and reason — or, in strict
 * mode, stores nothing when any row is rejected. The whole import is one change: a crash
 * or a lost database leaves the tickets as they were. Re-importing the same or an
 * overlapping file creates no duplicates and updates only what changed.
 */
export async function importTickets(ctx: Ctx, source: AsyncIterable<Buffer | Uint8Array | string>, opts: TicketImportOptions): Promise<TicketImportDone> {
  ticketImportPolicy.check(ctx.actor, 'create');
  const importId = randomUUID();
  ticketImportEvents.emit('started', importId);
  try {
    return await runImport(ctx, importId, source, opts);
  } finally {
    ticketImportEvents.emit('settled', importId);
  }
}

async function runImport(ctx: Ctx, importId: string, source: AsyncIterable<Buffer | Uint8Array | string>, opts: TicketImportOptions): Promise<TicketImportDone> {
  const { signal } = opts;
  let mapping = mappingFor(opts.format, opts);
  await requireEngagement(ctx, 'read', opts.engagementId);
  const orgId = ctx.actor.orgId;
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
    let rows = 0;
    const progress = (phase: ImportPhase) => opts.onProgress?.({ phase, rows, rejected: rejectedCount });
    const row = await change(ctx, async (tx) => {
      progress('reading');
      // Taken before reading: a first import stays the first until it commits.
      const { empty } = await lockForImport(tx.db, orgId, opts.engagementId);
      const direct = empty && mapping.shape !== 'events' ? await openDirectLoad(tx.db, { orgId, engagementId: opts.engagementId, importId }) : null;
      const staging = direct ?? (await openStaging(tx.db));
      let normalise: ReturnType<typeof rowNormaliser> | null = null;
      let batch: TicketEvent[] = [];
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
          signal?.throwIfAborted();
          if (sample) return;
          if (batch.length >= BATCH) {
            const b = batch;
            batch = [];
            await staging.write(b);
            progress('reading');
          }
        },
      };
      let rowsRead: number;
      try {
        const limits = { maxUnpackedBytes: ctx.config.maxUnpackedBytes, signal };
        const { kind, stream } = await openSource(source, opts.fileName, limits);
        rowsRead = kind === 'xlsx' ? await readXlsx(stream, sink, limits) : await readDelimited(stream, sink);
        decideOrder();
        signal?.throwIfAborted();
        await staging.write(batch);
        batch = [];
        await staging.finish();
      } catch (err) {
        await staging.abort(err);
        throw err;
      }
      rows = rowsRead;
      progress('checking');
      if (opts.strict && rejectedCount > 0) {
        throw new DomainError('import_rejected', `${rejectedCount} ${rejectedCount === 1 ? 'row was' : 'rows were'} rejected in strict mode; nothing was imported.`, { rejected: rejected.slice(0, 1000), rejectedCount });
      }
      const refusal = refusalFor(rowsRead, rejectedCount, rejected, mapping.dateOrder);
      if (refusal) throw refusal;
      signal?.throwIfAborted();
      const onPhase = (phase: ImportPhase) => {
        signal?.throwIfAborted();
        progress(phase);
      };
      const counts = direct
        ? await direct.settle({ mapped: mappedFields(mapping), onSaving: () => onPhase('saving') })
        : await upsertFromStaging(tx.db, {
            orgId,
            engagementId: opts.engagementId,
            importId,
            none: empty,
            mergeHistory: mapping.shape === 'events',
            mapped: mappedFields(mapping),
            firstResponse: { rule: mapping.firstResponse ?? DEFAULT_FIRST_RESPONSE_RULE, openingStatuses: mapping.openingStatuses },
            onPhase,
          });
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
      return { done, engagementTickets: await countTickets(tx.db, orgId, opts.engagementId) };
    });
    return { ...presentImport(row.done, hint ? [hint] : []), engagementTickets: row.engagementTickets };
  } catch (err) {
    // Nobody is waiting for a refusal any more: nothing is recorded.
    if (err instanceof DomainError && err.code === 'import_rejected' && !signal?.aborted) {
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
