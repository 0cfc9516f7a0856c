import { randomUUID } from 'node:crypto';
import type { TicketFormat, TicketImportResult, TicketMapping, TicketRejection } from '../../../shared/contracts/tickets.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/record.ts';
import { findEngagement } from '../engagements/engagements.repo.ts';
import { mappingFor } from './ticket-formats.ts';
import { insertTicketImport, type TicketImportRow } from './ticket-imports.repo.ts';
import { readDelimited, type RowSink } from './ticket-reader.ts';
import { rowNormaliser, type TicketEvent } from './ticket-rows.ts';
import { openSource } from './ticket-source.ts';
import { readXlsx } from './ticket-xlsx.ts';
import { openStaging, upsertFromStaging, type MappedField } from './tickets.load.ts';

const BATCH = 5_000;
/** Rejections kept for the downloadable report; the count is always exact. */
export const MAX_STORED_REJECTIONS = 100_000;
/** Rejections returned inline in the API answer. */
const INLINE_REJECTIONS = 200;

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

export function toImportResult(r: TicketImportRow): TicketImportResult {
  const rejected = r.rejected as TicketRejection[];
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
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Imports a ticket export into an engagement. Streams the file (bounded memory), keeps
 * valid rows and reports every rejected one with line, column and reason — or, in strict
 * mode, stores nothing when any row is rejected. The whole import is one transaction:
 * a crash or a lost database leaves the tickets as they were. Re-importing the same or an
 * overlapping file creates no duplicates and updates only what changed.
 */
export async function importTickets(ctx: Ctx, source: AsyncIterable<Buffer | Uint8Array | string>, opts: TicketImportOptions): Promise<TicketImportResult> {
  const engagement = await findEngagement(ctx.db, ctx.actor.orgId, opts.engagementId);
  if (!engagement) throw AppError.notFound('The engagement');
  let mapping: ReturnType<typeof mappingFor>;
  try {
    mapping = mappingFor(opts.format, opts);
  } catch (err) {
    throw AppError.invalid('mapping', (err as Error).message);
  }
  const importId = randomUUID();
  const startedAt = ctx.now;
  const rejected: TicketRejection[] = [];
  let rejectedCount = 0;
  const reject = (r: TicketRejection) => {
    rejectedCount++;
    if (rejected.length < MAX_STORED_REJECTIONS) rejected.push(r);
  };

  // A refused file still leaves a record, so its rejected rows can be downloaded.
  const recordFailure = async (err: unknown) => {
    if (!(err instanceof AppError) || err.code !== 'import_rejected') return;
    const list = ((err.details?.rejected as TicketRejection[] | undefined) ?? rejected).slice(0, MAX_STORED_REJECTIONS);
    const failed = await insertTicketImport(ctx.db, {
      id: importId,
      orgId: ctx.actor.orgId,
      engagementId: opts.engagementId,
      format: opts.format,
      fileName: opts.fileName ?? null,
      status: 'failed',
      rejectedCount: Math.max(rejectedCount, list.length),
      rejected: list,
      createdBy: ctx.actor.userId,
      startedAt,
      finishedAt: new Date(),
    });
    if (err.details) err.details.importId = failed.id;
  };

  const row = await ctx.db.transaction(async (tx) => {
    const staging = await openStaging(tx);
    let normalise: ReturnType<typeof rowNormaliser> | null = null;
    let batch: TicketEvent[] = [];
    let rows = 0;
    const sink: RowSink = {
      header: (columns) => {
        normalise = rowNormaliser(columns, mapping);
      },
      row: (cells, line) => {
        rows++;
        const ev = normalise!(cells, line, reject);
        if (ev) batch.push(ev);
      },
      flush: async () => {
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
      const { kind, stream } = await openSource(source);
      rowsRead = kind === 'xlsx' ? await readXlsx(stream, sink) : await readDelimited(stream, sink);
      await staging.write(batch);
      batch = [];
      await staging.finish();
    } catch (err) {
      await staging.abort(err);
      throw err;
    }
    if (opts.strict && rejectedCount > 0) {
      throw new AppError('import_rejected', `${rejectedCount} ${rejectedCount === 1 ? 'row was' : 'rows were'} rejected in strict mode; nothing was imported.`, { rejected: rejected.slice(0, 1000), rejectedCount });
    }
    const cols = mapping.columns;
    const mapped = new Set<MappedField>(
      (['priority', 'status', 'title', 'firstResponseAt', 'resolvedAt', 'closedAt'] as const).filter((f) => cols[f] !== undefined),
    );
    // Event logs infer the first response from the first status change; Zendesk gives minutes.
    if ((mapping.shape === 'events' && cols.status) || mapping.firstResponseMinutesColumn) mapped.add('firstResponseAt');
    const counts = await upsertFromStaging(tx, { orgId: ctx.actor.orgId, engagementId: opts.engagementId, importId, mergeHistory: mapping.shape === 'events', mapped });
    const record = await insertTicketImport(tx, {
      id: importId,
      orgId: ctx.actor.orgId,
      engagementId: opts.engagementId,
      format: opts.format,
      fileName: opts.fileName ?? null,
      status: 'succeeded',
      rowsRead,
      ticketsCreated: counts.created,
      ticketsUpdated: counts.updated,
      ticketsUnchanged: counts.unchanged,
      rejectedCount,
      rejected,
      createdBy: ctx.actor.userId,
      startedAt,
      finishedAt: new Date(),
    });
    await recordAudit(tx, ctx, {
      action: 'tickets.import',
      objectType: 'engagement',
      objectId: opts.engagementId,
      after: { importId, format: opts.format, fileName: opts.fileName ?? null, rowsRead, ...counts, rejectedCount },
    });
    return record;
  }).catch(async (err) => {
    await recordFailure(err).catch(() => {});
    throw err;
  });
  return toImportResult(row);
}
