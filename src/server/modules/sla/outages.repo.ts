import { and, eq, sql, type SQL } from 'drizzle-orm';
import { idScope } from '../../db/any.ts';
import type { Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { outages } from '../../db/schema.ts';

export type OutageRow = typeof outages.$inferSelect;
type Listed = OutageRow & { startAtText: string };

// In time order; the text form of the instant keeps microseconds in the cursor.
const SORT: KeysetSort = { cols: [key(sql`${outages.startAt}`, 'timestamptz'), key(sql`${outages.id}`, 'uuid')], desc: false };
export const OUTAGE_SORT = { arity: SORT.cols.length, key: (r: Listed) => [r.startAtText, r.id] };

export async function listOutages(db: Db, orgId: string, engagementId: string, after: unknown[] | null, limit: number): Promise<Listed[]> {
  const rows = await db
    .select({ row: outages, startAtText: sql<string>`${outages.startAt}::text` })
    .from(outages)
    .where(and(eq(outages.orgId, orgId), eq(outages.engagementId, engagementId), afterCursor(SORT, after)))
    .orderBy(...keysetOrder(SORT))
    .limit(limit);
  return rows.map((r) => ({ ...r.row, startAtText: r.startAtText }));
}

/** Every outage record of these engagements, for availability: a report needs all of them. */
export async function outagesOf(db: Db, orgId: string, engagementIds: readonly string[]): Promise<OutageRow[]> {
  if (engagementIds.length === 0) return [];
  const scope = idScope(outages.engagementId, engagementIds);
  return scope.keep(await db.select().from(outages).where(and(eq(outages.orgId, orgId), scope.where)).orderBy(outages.startAt), (r) => r.engagementId);
}

/**
 * The outage records of one engagement as the report reads them (start, end in epoch
 * milliseconds; planned), in time order, as JSON text: a scalar subquery for the
 * statement that gathers a report's inputs.
 */
export function outageRecordsJsonSql(orgId: string, engagementId: string): SQL<string> {
  return sql<string>`(SELECT coalesce(json_agg(json_build_object('startMs', floor(extract(epoch FROM ${outages.startAt}) * 1000), 'endMs', floor(extract(epoch FROM ${outages.endAt}) * 1000), 'planned', ${outages.planned}) ORDER BY ${outages.startAt}, ${outages.id}), '[]')::text FROM ${outages} WHERE ${outages.orgId} = ${orgId} AND ${outages.engagementId} = ${engagementId})`;
}

export async function insertOutage(db: Db, row: typeof outages.$inferInsert): Promise<OutageRow> {
  const [r] = await db.insert(outages).values(row).returning();
  return r;
}

export async function lockOutage(db: Db, orgId: string, id: string): Promise<OutageRow | null> {
  const rows = await db.select().from(outages).where(and(eq(outages.orgId, orgId), eq(outages.id, id))).for('update').limit(1);
  return rows[0] ?? null;
}

export async function deleteOutage(db: Db, orgId: string, id: string): Promise<void> {
  await db.delete(outages).where(and(eq(outages.orgId, orgId), eq(outages.id, id)));
}
