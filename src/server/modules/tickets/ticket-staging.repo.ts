import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { copyInto, csvText } from '../../db/copy.ts';
import { tickets } from '../../db/schema.ts';
import { DEFAULT_FIRST_RESPONSE_RULE, openingStatusSet, type FirstResponseRule } from '../../../domain/sla/first-response.ts';
import type { FirstRow } from '../../../domain/tickets/first-seen.ts';
import type { TicketEvent } from '../../../domain/tickets/rows.ts';

/**
 * Bulk loading of an import: normalised rows are streamed into a temporary staging table
 * with COPY (temporary tables skip the write-ahead log, and on a PostgreSQL server the
 * COPY stream overlaps with parsing), then one statement folds them into tickets. Both
 * run in the import's transaction, so a failure anywhere leaves the previous tickets
 * exactly as they were.
 */
export interface Stager {
  write(events: StagedEvent[]): Promise<void>;
  finish(): Promise<void>;
  /** Ends an unfinished COPY so the transaction can roll back instead of waiting on it. */
  abort(err: unknown): Promise<void>;
}

// A per-transaction scratch table, not part of the schema: it exists only inside an import.
const STAGING = 'ticket_staging';
const STAGING_COLUMNS = ['external_id', 'seq', 'line', 'event_at', 'status', 'priority', 'opened_at', 'first_response_at', 'resolved_at', 'closed_at', 'title', 'assigned', 'first_seq', 'first_event_at'] as const;

/**
 * A staged row. A row of a first import that repeats an earlier row's id hash (see
 * ticket-direct.repo.ts) carries that earlier row's sequence and update time: the earlier
 * row went straight into tickets and comes back to staging to be compared.
 */
export type StagedEvent = TicketEvent & { first?: FirstRow };

const csvNum = (v: number | null) => (v === null ? '' : String(v));

function toCsv(events: StagedEvent[]): string {
  let out = '';
  for (const e of events) {
    const first = e.first ? `${e.first.seq},${csvNum(e.first.eventAt)}` : ',';
    out += `${csvText(e.externalId)},${e.seq},${e.line},${csvNum(e.eventAt)},${csvText(e.status)},${csvText(e.priority)},${e.openedAt},${csvNum(e.firstResponseAt)},${csvNum(e.resolvedAt)},${csvNum(e.closedAt)},${csvText(e.title)},${e.assigned ? 't' : 'f'},${first}\n`;
  }
  return out;
}

/** Creates the (empty) staging table in the import's transaction. */
export async function createStaging(tx: Db): Promise<void> {
  await tx.execute(sql`
    CREATE TEMP TABLE ${sql.identifier(STAGING)} (
      external_id text NOT NULL, seq bigint NOT NULL, line integer NOT NULL, event_at bigint,
      status text, priority text, opened_at bigint NOT NULL, first_response_at bigint,
      resolved_at bigint, closed_at bigint, title text, assigned boolean NOT NULL,
      first_seq bigint, first_event_at bigint
    ) ON COMMIT DROP`);
}

/** Stages rows with one COPY of their own (the staging table exists). */
export async function stageEvents(tx: Db, events: StagedEvent[]): Promise<void> {
  const copy = await copyInto(tx, STAGING, STAGING_COLUMNS);
  try {
    await copy.write(toCsv(events));
    await copy.finish();
  } catch (err) {
    await copy.abort(err);
    throw err;
  }
}

/** Creates the staging table in the import's transaction and opens a COPY into it. */
export async function openStaging(tx: Db): Promise<Stager> {
  await createStaging(tx);
  const copy = await copyInto(tx, STAGING, STAGING_COLUMNS);
  return {
    write: (events) => copy.write(events.length ? toCsv(events) : ''),
    finish: () => copy.finish(),
    abort: (err) => copy.abort(err),
  };
}

const ts = (col: string) => sql.raw(`CASE WHEN ${col} IS NULL THEN NULL ELSE to_timestamp(${col} / 1000.0) END`);

// Imports into one engagement run one at a time (pg_advisory_xact_lock's two-key form: this
// class, the engagement): new tickets go in with a plain INSERT or COPY, which checks no
// conflicts row by row, so no other import may add the same ids between the check and the
// insert; and a first import must stay the first until it commits.
const SAVE_LOCK_CLASS = 7_310_001;

/**
 * Takes the engagement's import lock for the rest of the transaction and says whether the
 * engagement has no tickets yet, which stays true under the lock until the import commits.
 */
export async function lockForImport(tx: Db, orgId: string, engagementId: string): Promise<{ empty: boolean }> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${SAVE_LOCK_CLASS}::int, hashtext(${engagementId}))`);
  const [held] = await queryRows<{ any: boolean }>(tx, sql`SELECT EXISTS (SELECT 1 FROM ${tickets} WHERE org_id = ${orgId}::uuid AND engagement_id = ${engagementId}::uuid) AS any`);
  return { empty: !held.any };
}

/**
 * After a direct load (ticket-direct.repo.ts): the tickets whose ids rows set aside in
 * staging repeat go back to staging as the rows they came from (the first row's sequence
 * and update time travelled with the later rows), so the fold decides between all of them.
 * Returns how many tickets were taken back. Only for an engagement whose tickets all came
 * from this import, under its lock.
 */
export async function takeBackRepeated(tx: Db, orgId: string, engagementId: string): Promise<number> {
  const ms = (col: string) => `(extract(epoch FROM ${col}) * 1000)::bigint`;
  const [r] = await queryRows<{ n: number }>(
    tx,
    sql`WITH ids AS (SELECT DISTINCT external_id, first_seq, first_event_at FROM ${sql.identifier(STAGING)} WHERE first_seq IS NOT NULL),
      moved AS (
        DELETE FROM ${tickets} t USING ids
        WHERE t.org_id = ${orgId}::uuid AND t.engagement_id = ${engagementId}::uuid AND t.external_id = ids.external_id
        RETURNING t.external_id, ids.first_seq, ids.first_event_at, t.status, t.priority, t.opened_at, t.first_response_at, t.resolved_at, t.closed_at, t.title
      ),
      back AS (
        INSERT INTO ${sql.identifier(STAGING)} (external_id, seq, line, event_at, status, priority, opened_at, first_response_at, resolved_at, closed_at, title, assigned)
        SELECT external_id, first_seq, 0, first_event_at, status, priority, ${sql.raw(ms('opened_at'))}, ${sql.raw(ms('first_response_at'))}, ${sql.raw(ms('resolved_at'))}, ${sql.raw(ms('closed_at'))}, title, false
        FROM moved RETURNING 1
      )
    SELECT count(*)::int AS n FROM back`,
  );
  return Number(r.n);
}

const FOLDED = 'ticket_folded';

export type SavePhase = 'checking' | 'saving';

/**
 * Folds staged rows into tickets: one ticket per external id, its history the ordered
 * status changes. Event logs merge with the stored history (an overlapping export adds
 * what is new and duplicates nothing); one-row-per-ticket exports replace the ticket.
 * Rows that would change nothing are not written, so re-imports report them unchanged.
 *
 * New tickets are a plain INSERT … SELECT: `INSERT … ON CONFLICT` pays a speculative
 * insertion per row, about 1.5× the cost of the insert itself; only tickets already stored
 * go through ON CONFLICT … DO UPDATE. When none of the staged ids is stored (an event log's
 * first import, or the rows a direct load set aside) no comparison is needed: one statement
 * folds and inserts. The caller holds the engagement's import lock (lockForImport).
 */
export async function upsertFromStaging(
  tx: Db,
  p: {
    orgId: string;
    engagementId: string;
    importId: string;
    /** No staged id is stored yet (lockForImport said so, or the direct load took them back): a plain insert. */
    none: boolean;
    mergeHistory: boolean;
    mapped: ReadonlySet<MappedField>;
    firstResponse?: FirstResponse;
    onPhase?: (phase: SavePhase) => void;
  },
) {
  const next = nextValues(p.mergeHistory, p.mapped);
  const firstResponse = p.firstResponse ?? { rule: DEFAULT_FIRST_RESPONSE_RULE, openingStatuses: undefined };
  const fold = p.mergeHistory ? eventsAgg(firstResponse) : SNAPSHOT_AGG;
  const columns = sql`(org_id, engagement_id, external_id, priority, status, title, opened_at, first_response_at, first_response_source, resolved_at, closed_at, history, import_id)`;
  const values = sql`${p.orgId}::uuid, ${p.engagementId}::uuid, external_id, priority, status, title,
        ${ts('opened_at')}, ${ts('first_response_at')}, first_response_source, ${ts('resolved_at')}, ${ts('closed_at')}, history, ${p.importId}::uuid`;
  if (p.none) {
    p.onPhase?.('saving');
    const [r] = await queryRows<{ n: number }>(tx, sql`WITH ${fold}, ins AS (INSERT INTO ${tickets} ${columns} SELECT ${values} FROM agg RETURNING 1) SELECT count(*)::int AS n FROM ins`);
    return { created: Number(r.n), updated: 0, unchanged: 0 };
  }
  p.onPhase?.('checking');
  // Folded once, with whether each ticket is stored already; the lock keeps that true until commit.
  await tx.execute(sql`CREATE TEMP TABLE ${sql.identifier(FOLDED)} ON COMMIT DROP AS
    WITH ${fold}
    SELECT agg.*, EXISTS (SELECT 1 FROM ${tickets} x WHERE x.engagement_id = ${p.engagementId}::uuid AND x.external_id = agg.external_id) AS stored FROM agg`);
  p.onPhase?.('saving');
  const [u] = await queryRows<{ n: number }>(
    tx,
    sql`
    WITH up AS (
      INSERT INTO ${tickets} AS t ${columns}
      SELECT ${values} FROM ${sql.identifier(FOLDED)} WHERE stored
      ON CONFLICT (engagement_id, external_id) DO UPDATE SET
        priority = ${next.priority}, status = ${next.status}, title = ${next.title}, opened_at = ${next.opened_at},
        first_response_at = ${next.first_response_at}, first_response_source = ${next.first_response_source}, resolved_at = ${next.resolved_at}, closed_at = ${next.closed_at},
        history = ${next.history},
        import_id = excluded.import_id,
        updated_at = now()
      WHERE (t.priority, t.status, t.title, t.opened_at, t.first_response_at, t.first_response_source, t.resolved_at, t.closed_at)
              IS DISTINCT FROM (${next.priority}, ${next.status}, ${next.title}, ${next.opened_at}, ${next.first_response_at}, ${next.first_response_source}, ${next.resolved_at}, ${next.closed_at})
         OR (CASE WHEN ${p.mergeHistory} THEN NOT (t.history @> excluded.history) ELSE t.history IS DISTINCT FROM excluded.history END)
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM up`,
  );
  const [c] = await queryRows<{ n: number; total: number }>(
    tx,
    sql`WITH ins AS (INSERT INTO ${tickets} ${columns} SELECT ${values} FROM ${sql.identifier(FOLDED)} WHERE NOT stored RETURNING 1)
      SELECT count(*)::int AS n, (SELECT count(*)::int FROM ${sql.identifier(FOLDED)}) AS total FROM ins`,
  );
  const created = Number(c.n);
  const updated = Number(u.n);
  return { created, updated, unchanged: Number(c.total) - created - updated };
}

/** How an event log's first response is inferred: the mapping's rule (first-response.ts). */
export interface FirstResponse {
  rule: FirstResponseRule;
  openingStatuses: readonly string[] | undefined;
}

/**
 * Event logs: one ticket from many rows. The history is every status change in order; the
 * other fields are the last non-empty value. Without a first-response value in the file,
 * the first response is inferred by the mapping's rule (src/domain/sla/first-response.ts),
 * and first_response_source names the rule so the engine and the timeline know it.
 */
function eventsAgg(fr: FirstResponse) {
  const opening = openingStatusSet(fr.openingStatuses);
  const working = opening.length ? sql`status IS NOT NULL AND lower(btrim(status)) NOT IN (${sql.join(opening.map((o) => sql`${o}`), sql`, `)})` : sql`status IS NOT NULL`;
  const inferred =
    fr.rule === 'working-status' ? sql`min(event_at) FILTER (WHERE ${working})` : fr.rule === 'assignment' ? sql`min(event_at) FILTER (WHERE assigned)` : sql`NULL::bigint`;
  return sql`agg AS (
      SELECT external_id,
        min(opened_at) AS opened_at,
        coalesce(min(first_response_at), ${inferred}) AS first_response_at,
        CASE WHEN min(first_response_at) IS NULL THEN ${fr.rule}::text END AS first_response_source,
        (array_agg(resolved_at ORDER BY event_at DESC NULLS LAST, seq DESC) FILTER (WHERE resolved_at IS NOT NULL))[1] AS resolved_at,
        (array_agg(closed_at ORDER BY event_at DESC NULLS LAST, seq DESC) FILTER (WHERE closed_at IS NOT NULL))[1] AS closed_at,
        (array_agg(status ORDER BY event_at DESC NULLS LAST, seq DESC) FILTER (WHERE status IS NOT NULL))[1] AS status,
        (array_agg(priority ORDER BY event_at DESC NULLS LAST, seq DESC) FILTER (WHERE priority IS NOT NULL))[1] AS priority,
        (array_agg(title ORDER BY event_at DESC NULLS LAST, seq DESC) FILTER (WHERE title IS NOT NULL))[1] AS title,
        coalesce(jsonb_agg(jsonb_build_array(event_at, status, seq, priority) ORDER BY event_at, seq)
                 FILTER (WHERE event_at IS NOT NULL AND status IS NOT NULL), '[]'::jsonb) AS history
      FROM ${sql.raw(STAGING)} GROUP BY external_id
    )`;
}

/**
 * One row per ticket (list exports): the row is the ticket's current state; if an id
 * repeats, its most recently updated row wins. One sort, no aggregation.
 */
const SNAPSHOT_AGG = sql.raw(`agg AS (
      SELECT DISTINCT ON (external_id) external_id, opened_at, first_response_at, NULL::text AS first_response_source, resolved_at, closed_at, status, priority, title, '[]'::jsonb AS history
      FROM ${STAGING} ORDER BY external_id, event_at DESC NULLS LAST, seq DESC
    )`);

export type MappedField = 'priority' | 'status' | 'title' | 'firstResponseAt' | 'resolvedAt' | 'closedAt';

/**
 * The value each column takes when a ticket is imported again. A column the file does not
 * map keeps what is stored (a narrower export must not blank it); an event log merges
 * (earliest opening, last word from the newest update); a snapshot replaces.
 */
function nextValues(merge: boolean, mapped: ReadonlySet<MappedField>) {
  const latest = (col: string, field: MappedField) =>
    sql.raw(mapped.has(field) ? (merge ? `CASE WHEN ${NEWER} THEN excluded.${col} ELSE t.${col} END` : `excluded.${col}`) : `t.${col}`);
  return {
    priority: latest('priority', 'priority'),
    status: latest('status', 'status'),
    title: sql.raw(mapped.has('title') ? 'coalesce(excluded.title, t.title)' : 't.title'),
    opened_at: sql.raw(merge ? 'least(t.opened_at, excluded.opened_at)' : 'excluded.opened_at'),
    first_response_at: sql.raw(
      mapped.has('firstResponseAt') ? (merge ? 'coalesce(least(t.first_response_at, excluded.first_response_at), t.first_response_at, excluded.first_response_at)' : 'excluded.first_response_at') : 't.first_response_at',
    ),
    // The rule of the import that gave the (earliest) first response.
    first_response_source: sql.raw(
      mapped.has('firstResponseAt')
        ? merge
          ? 'CASE WHEN t.first_response_at IS NOT NULL AND (excluded.first_response_at IS NULL OR t.first_response_at < excluded.first_response_at) THEN t.first_response_source ELSE excluded.first_response_source END'
          : 'excluded.first_response_source'
        : 't.first_response_source',
    ),
    resolved_at: latest('resolved_at', 'resolvedAt'),
    closed_at: latest('closed_at', 'closedAt'),
    history: merge
      ? sql.raw(`(SELECT coalesce(jsonb_agg(e ORDER BY (e->>0)::bigint, (e->>2)::bigint), '[]'::jsonb)
          FROM (SELECT DISTINCT e FROM jsonb_array_elements(t.history || excluded.history) AS x(e)) d)`)
      : sql.raw('excluded.history'),
  };
}

// The incoming ticket's last update is at least as recent as the stored one's.
const NEWER = `coalesce((excluded.history->-1->>0)::bigint, 0) >= coalesce((t.history->-1->>0)::bigint, 0)`;
