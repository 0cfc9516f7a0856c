import { getTableName } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { copyInto, ROWS_PER_CHECKED_COPY, type CopyIn } from '../../db/copy.ts';
import { BinaryRows, jsonbField, uuidField } from '../../db/copy-binary.ts';
import { tickets } from '../../db/schema.ts';
import { FirstSeen } from '../../../domain/tickets/first-seen.ts';
import type { TicketEvent } from '../../../domain/tickets/rows.ts';
import { createStaging, stageEvents, takeBackRepeated, upsertFromStaging, type MappedField, type StagedEvent, type Stager } from './ticket-staging.repo.ts';

/**
 * The first import of a one-row-per-ticket export, the largest an engagement gets, goes
 * straight into `tickets` with one COPY while the file is read: no staging table, no
 * second pass. (Through staging, a million tickets took about 30 s against 15–17 s for a
 * raw COPY of the file; saving from staging alone took longer than that COPY.)
 *
 * What the staging fold settles must still hold: a repeated id keeps its most recently
 * updated row. A row whose id hash an earlier row had (FirstSeen) is set aside in staging
 * with that earlier row's update time; at the end the tickets those ids name are taken
 * back and the fold decides among all their rows. The import's transaction and the
 * engagement's import lock (lockForImport) keep it all or nothing.
 */
export interface DirectLoad extends Stager {
  /** Settles the rows set aside; returns the tickets created. Call after finish(). */
  settle(p: { mapped: ReadonlySet<MappedField>; onSaving: () => void }): Promise<{ created: number; updated: 0; unchanged: 0 }>;
}

const COLUMNS = ['org_id', 'engagement_id', 'external_id', 'priority', 'status', 'title', 'opened_at', 'first_response_at', 'resolved_at', 'closed_at', 'history', 'import_id'] as const;
/** Rows set aside are staged in batches; each batch pauses the COPY into tickets. */
const SET_ASIDE_BATCH = 5_000;

export async function openDirectLoad(tx: Db, p: { orgId: string; engagementId: string; importId: string }): Promise<DirectLoad> {
  const table = getTableName(tickets);
  const seen = new FirstSeen();
  // Every row names the same organisation, engagement and import, made into fields once.
  // The rows go in binary: PostgreSQL then parses no instants or ids (copy-binary.ts).
  const [org, engagement, imported, noHistory] = [uuidField(p.orgId), uuidField(p.engagementId), uuidField(p.importId), jsonbField('[]')];
  const rows = new BinaryRows();
  const add = (e: TicketEvent) => {
    rows.row(COLUMNS.length);
    rows.field(org);
    rows.field(engagement);
    rows.text(e.externalId);
    rows.text(e.priority);
    rows.text(e.status);
    rows.text(e.title);
    rows.instant(e.openedAt);
    rows.instant(e.firstResponseAt);
    rows.instant(e.resolvedAt);
    rows.instant(e.closedAt);
    rows.field(noHistory);
    rows.field(imported);
  };

  let copy: CopyIn | null = await copyInto(tx, table, COLUMNS, 'binary');
  let aside: StagedEvent[] = [];
  let staging = false;
  let copied = 0;
  let inCopy = 0;
  let setAside = 0;

  // One connection runs one COPY at a time: the COPY into tickets ends while a batch is
  // staged, and a new one starts with the next rows.
  const stageAside = async () => {
    if (copy) await copy.finish();
    copy = null;
    if (!staging) await createStaging(tx);
    staging = true;
    await stageEvents(tx, aside);
    setAside += aside.length;
    aside = [];
  };

  return {
    async write(events) {
      let added = 0;
      for (const e of events) {
        const first = seen.see(e.externalId, e);
        if (first) aside.push({ ...e, first });
        else {
          add(e);
          added++;
        }
      }
      copied += added;
      if (added) {
        if (!copy) {
          copy = await copyInto(tx, table, COLUMNS, 'binary');
          inCopy = 0;
        }
        await copy.write(rows.take());
        inCopy += added;
        // The tickets trigger checks each statement's rows at once; see ROWS_PER_CHECKED_COPY.
        if (inCopy >= ROWS_PER_CHECKED_COPY) {
          await copy.finish();
          copy = null;
        }
      }
      if (aside.length >= SET_ASIDE_BATCH) await stageAside();
    },
    async finish() {
      if (copy) await copy.finish();
      copy = null;
      if (aside.length) await stageAside();
    },
    async abort(err) {
      if (copy) await copy.abort(err);
      copy = null;
    },
    async settle({ mapped, onSaving }) {
      onSaving();
      if (!setAside) return { created: copied, updated: 0, unchanged: 0 };
      const back = await takeBackRepeated(tx, p.orgId, p.engagementId);
      const folded = await upsertFromStaging(tx, { ...p, none: true, mergeHistory: false, mapped });
      return { created: copied - back + folded.created, updated: 0, unchanged: 0 };
    },
  };
}
