import { and, eq, getTableColumns, getTableName, ilike, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { idScope } from '../../db/any.ts';
import type { Db } from '../../db/client.ts';
import { copyInto, ROWS_PER_CHECKED_COPY } from '../../db/copy.ts';
import { BinaryRows } from '../../db/copy-binary.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { containsPattern } from '../../db/like.ts';
import { slaTicketVerdicts as v, slaVerdictSets as sets, tickets, type VerdictTallies } from '../../db/schema.ts';

export type VerdictRow = typeof v.$inferSelect;
/** Verdict rows to store, read a slice at a time (an array is one; so is a source that makes them as they are copied). */
export interface VerdictRows {
  readonly length: number;
  slice(from: number, to: number): readonly VerdictRow[];
}
export type { VerdictCountKey, VerdictTallies } from '../../db/schema.ts';
export type VerdictSetRow = typeof sets.$inferSelect;

/** What the ticket list filters by; the same words as the API's query. */
export interface VerdictFilter {
  filter: 'all' | 'breached' | 'at-risk' | 'open' | 'problems';
  priority?: string;
  month?: string;
  q?: string;
}

export async function findSets(db: Db, orgId: string, engagementIds: readonly string[]): Promise<Map<string, VerdictSetRow>> {
  if (engagementIds.length === 0) return new Map();
  const scope = idScope(sets.engagementId, engagementIds);
  const rows = scope.keep(await db.select().from(sets).where(and(eq(sets.orgId, orgId), scope.where)), (r) => r.engagementId);
  return new Map(rows.map((r) => [r.engagementId, r]));
}

/** Tickets whose stored verdict depends on the time it is read, per engagement. */
export async function volatileTicketIds(db: Db, orgId: string, engagementIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (engagementIds.length === 0) return out;
  const scope = idScope(v.engagementId, engagementIds);
  const rows = scope.keep(
    await db
      .select({ engagementId: v.engagementId, ticketId: v.ticketId })
      .from(v)
      .where(and(eq(v.orgId, orgId), scope.where, eq(v.volatile, true))),
    (r) => r.engagementId,
  );
  for (const r of rows) {
    const list = out.get(r.engagementId);
    if (list) list.push(r.ticketId);
    else out.set(r.engagementId, [r.ticketId]);
  }
  return out;
}

// COPY writes the columns in the table's own order, in PostgreSQL's binary format
// (copy-binary.ts): as CSV, a million verdicts' doubles, instants and ids were turned into
// text here and parsed back by the database. Each column is written by its type, so a
// column added to the table is written too, or refused here if its type is not one of these.
type Put = (b: BinaryRows, x: unknown) => void;
const PUT: Record<string, Put> = {
  PgUUID: (b, x) => b.uuid(x as string | null),
  PgTimestamp: (b, x) => b.instant(x === null ? null : (x as Date).getTime()),
  PgText: (b, x) => b.text(x as string | null),
  PgBoolean: (b, x) => b.bool(x as boolean | null),
  PgDoublePrecision: (b, x) => b.float8(x as number | null),
  PgInteger: (b, x) => b.int4(x as number | null),
};
const COLUMNS = Object.entries(getTableColumns(v)).map(([field, c]) => {
  const put = PUT[c.columnType];
  if (!put) throw new Error(`sla_ticket_verdicts.${c.name}: no binary COPY writer for ${c.columnType}`);
  return { field: field as keyof VerdictRow, name: c.name, put };
});
function toBinary(rows: readonly VerdictRow[]): Buffer {
  const out = new BinaryRows();
  for (const r of rows) {
    out.row(COLUMNS.length);
    for (const c of COLUMNS) c.put(out, r[c.field] ?? null);
  }
  return out.take();
}

/** A COPY statement per ROWS_PER_CHECKED_COPY rows: the verdicts' trigger checks each statement's rows at once. */
async function copyRows(tx: Db, table: string, rows: VerdictRows) {
  for (let from = 0; from < rows.length; from += ROWS_PER_CHECKED_COPY) {
    const copy = await copyInto(
      tx,
      table,
      COLUMNS.map((c) => c.name),
      'binary',
    );
    try {
      const to = Math.min(rows.length, from + ROWS_PER_CHECKED_COPY);
      for (let i = from; i < to; i += 5_000) await copy.write(toBinary(rows.slice(i, Math.min(i + 5_000, to))));
      await copy.finish();
    } catch (err) {
      await copy.abort(err);
      throw err;
    }
  }
}

const INCOMING = 'sla_incoming_verdicts';
const sameRow = sql.raw(COLUMNS.map((c) => `i."${c.name}" IS NOT DISTINCT FROM v."${c.name}"`).join(' AND '));

/**
 * An engagement measured whole again (a policy or calendar edit, an import) mostly gets
 * the verdicts it had: tightening the P1 targets changes the P1 tickets only. Deleting and
 * copying back every verdict paid six indexes per ticket twice; instead the new verdicts go
 * into an unindexed temporary table, and only the rows that differ are deleted and
 * inserted (tickets gone from the engagement are deleted with them).
 */
async function replaceChanged(tx: Db, orgId: string, engagementId: string, rows: VerdictRows) {
  await tx.execute(sql.raw(`CREATE TEMP TABLE ${INCOMING} (LIKE sla_ticket_verdicts) ON COMMIT DROP`));
  await copyRows(tx, INCOMING, rows);
  // The planner has no statistics for a table made a moment ago; without them it may join row by row.
  if (rows.length > 10_000) await tx.execute(sql.raw(`ANALYZE ${INCOMING}`));
  await tx.execute(sql`DELETE FROM sla_ticket_verdicts v WHERE v.org_id = ${orgId} AND v.engagement_id = ${engagementId}
    AND NOT EXISTS (SELECT 1 FROM ${sql.raw(INCOMING)} i WHERE i.ticket_id = v.ticket_id AND ${sameRow})`);
  await tx.execute(sql`INSERT INTO sla_ticket_verdicts SELECT i.* FROM ${sql.raw(INCOMING)} i
    WHERE NOT EXISTS (SELECT 1 FROM sla_ticket_verdicts v WHERE v.ticket_id = i.ticket_id)`);
  await tx.execute(sql.raw(`DROP TABLE ${INCOMING}`));
}

/**
 * Stores verdicts of one engagement measured under `inputs` at `measuredAt`: all of its
 * tickets (`only` null), or the given tickets again. Writers of one engagement take turns
 * on its set row; a re-measure of some tickets is dropped when, meanwhile, the whole
 * engagement was measured under other inputs (its rows would then be of two policies), and
 * a whole measurement when these inputs were stored meanwhile. Returns whether it wrote.
 */
export async function storeVerdicts(
  tx: Db,
  orgId: string,
  engagementId: string,
  p: { inputs: string; measuredAt: Date; rows: VerdictRows; only: readonly string[] | null; timeZone: string },
): Promise<boolean> {
  await tx.insert(sets).values({ engagementId, orgId, inputs: '', measuredAt: p.measuredAt }).onConflictDoNothing();
  const [set] = await tx
    .select()
    .from(sets)
    .where(and(eq(sets.orgId, orgId), eq(sets.engagementId, engagementId)))
    .for('update');
  if (!set || (p.only !== null && set.inputs !== p.inputs)) return false;
  // Another server (or an earlier read here) stored these inputs meanwhile: its rows are the same verdicts.
  if (p.only === null && set.inputs === p.inputs) return false;
  const mine = and(eq(v.orgId, orgId), eq(v.engagementId, engagementId));
  if (p.only === null && set.inputs !== '') await replaceChanged(tx, orgId, engagementId, p.rows);
  else {
    if (p.only === null) await tx.delete(v).where(mine);
    else if (p.only.length) await tx.delete(v).where(and(mine, inArray(v.ticketId, [...p.only])));
    await copyRows(tx, getTableName(v), p.rows);
  }
  // One pass counts the volatile verdicts and what each list filter matches (see `counts`).
  const [c] = await tx
    .select({
      volatile: sql<number>`count(*) FILTER (WHERE ${v.volatile})::int`,
      all: sql<number>`count(*)::int`,
      breached: sql<number>`count(*) FILTER (WHERE ${v.breached})::int`,
      atRisk: sql<number>`count(*) FILTER (WHERE ${v.atRisk})::int`,
      open: sql<number>`count(*) FILTER (WHERE ${v.state} IN ('open', 'paused'))::int`,
      problems: sql<number>`count(*) FILTER (WHERE ${v.problem} IS NOT NULL)::int`,
    })
    .from(v)
    .where(mine);
  const counts = { all: Number(c.all), breached: Number(c.breached), 'at-risk': Number(c.atRisk), open: Number(c.open), problems: Number(c.problems) };
  const tallies = await monthTallies(tx, orgId, engagementId, p.timeZone);
  await tx
    .update(sets)
    .set({ inputs: p.inputs, measuredAt: p.measuredAt, volatileCount: Number(c.volatile), counts, tallies })
    .where(and(eq(sets.orgId, orgId), eq(sets.engagementId, engagementId)));
  return true;
}

function filters(orgId: string, engagementId: string, f: VerdictFilter): SQL[] {
  const where: SQL[] = [eq(v.orgId, orgId), eq(v.engagementId, engagementId)];
  // Written as the partial indexes' predicates, literally, so the planner uses them.
  if (f.filter === 'breached') where.push(sql`${v.breached}`);
  if (f.filter === 'at-risk') where.push(sql`${v.atRisk}`);
  if (f.filter === 'open') where.push(sql`${v.state} IN ('open', 'paused')`);
  if (f.filter === 'problems') where.push(isNotNull(v.problem));
  if (f.priority) where.push(eq(v.priority, f.priority));
  if (f.month) where.push(eq(v.month, f.month));
  if (f.q) {
    const pattern = containsPattern(f.q);
    where.push(or(ilike(tickets.externalId, pattern), ilike(tickets.title, pattern))!);
  }
  return where;
}

// Newest first: the opening, then the ticket id (the text form of the instant keeps microseconds).
const SORT: KeysetSort = { cols: [key(sql`${v.openedAt}`, 'timestamptz'), key(sql`${v.ticketId}`, 'uuid')], desc: true };
export type ListedVerdict = { verdict: VerdictRow; externalId: string; title: string | null; status: string | null; openedAtText: string };
export const VERDICT_SORT = { arity: SORT.cols.length, key: (r: ListedVerdict) => [r.openedAtText, r.verdict.ticketId] };

/** One page of an engagement's verdicts with the ticket's own fields (the ticket is joined read-only, to label and search). */
export async function listVerdicts(db: Db, orgId: string, engagementId: string, f: VerdictFilter, after: unknown[] | null, limit: number): Promise<ListedVerdict[]> {
  return db
    .select({ verdict: v, externalId: tickets.externalId, title: tickets.title, status: tickets.status, openedAtText: sql<string>`${v.openedAt}::text` })
    .from(v)
    .innerJoin(tickets, eq(tickets.id, v.ticketId))
    .where(and(...filters(orgId, engagementId, f), afterCursor(SORT, after)))
    .orderBy(...keysetOrder(SORT))
    .limit(limit);
}

export async function countVerdicts(db: Db, orgId: string, engagementId: string, f: VerdictFilter): Promise<number> {
  if (!f.q && !f.priority && !f.month) {
    // Only the filter: the count stored with the verdicts answers without scanning them.
    const [set] = await db.select({ counts: sets.counts }).from(sets).where(and(eq(sets.orgId, orgId), eq(sets.engagementId, engagementId)));
    const stored = set?.counts[f.filter];
    if (stored !== undefined) return stored;
  }
  const base = db.select({ n: sql<number>`count(*)::int` }).from(v);
  const q = f.q ? base.innerJoin(tickets, eq(tickets.id, v.ticketId)) : base;
  const [{ n }] = await q.where(and(...filters(orgId, engagementId, f)));
  return Number(n);
}

/** An engagement's verdicts counted per report month in `timeZone` and priority (what `tallies` holds). */
async function monthTallies(tx: Db, orgId: string, engagementId: string, timeZone: string): Promise<VerdictTallies> {
  const month = sql<string>`to_char(${v.reportAt} AT TIME ZONE ${timeZone}, 'YYYY-MM')`;
  const rows = await tx
    .select({
      month,
      priority: v.priority,
      tickets: sql<number>`count(*)::int`,
      breached: sql<number>`count(*) FILTER (WHERE ${v.breached})::int`,
      responseBreaches: sql<number>`count(*) FILTER (WHERE ${v.responseBreached})::int`,
      resolutionBreaches: sql<number>`count(*) FILTER (WHERE ${v.resolutionBreached})::int`,
      responseNotMeasured: sql<number>`count(*) FILTER (WHERE NOT ${v.responseMeasured} AND ${v.problem} IS NULL)::int`,
    })
    .from(v)
    .where(and(eq(v.orgId, orgId), eq(v.engagementId, engagementId), isNotNull(v.reportAt), isNotNull(v.priority)))
    .groupBy(sql`1`, v.priority); // by position: the zone is a parameter, so the expression is not repeated
  const out: VerdictTallies = {};
  for (const r of rows) {
    (out[r.month] ??= {})[r.priority!] = {
      tickets: Number(r.tickets),
      breached: Number(r.breached),
      responseBreaches: Number(r.responseBreaches),
      resolutionBreaches: Number(r.resolutionBreaches),
      responseNotMeasured: Number(r.responseNotMeasured),
    };
  }
  return out;
}

