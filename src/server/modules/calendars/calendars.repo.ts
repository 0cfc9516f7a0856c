import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { calendars } from '../../db/schema.ts';
import { rowVersionsSql, type Fragment } from '../../db/fragment.ts';

export type CalendarRow = typeof calendars.$inferSelect;
export type CalendarInsert = typeof calendars.$inferInsert;

const SORT: KeysetSort = { cols: [key(sql`lower(${calendars.name})`, 'text'), key(sql`${calendars.id}`, 'uuid')], desc: false };
export const CALENDAR_SORT = { arity: SORT.cols.length, key: (r: CalendarRow & { lowerName: string }) => [r.lowerName, r.id] };

/** Sorted by name; `lowerName` is the sort key exactly as the database computed it. */
export async function listCalendars(db: Db, orgId: string, after: unknown[] | null, limit: number) {
  const rows = await db
    .select({ row: calendars, lowerName: sql<string>`lower(${calendars.name})` })
    .from(calendars)
    .where(and(eq(calendars.orgId, orgId), afterCursor(SORT, after)))
    .orderBy(...keysetOrder(SORT))
    .limit(limit);
  return rows.map((r) => ({ ...r.row, lowerName: r.lowerName }));
}

export async function findCalendar(db: Db, orgId: string, id: string): Promise<CalendarRow | null> {
  const rows = await db.select().from(calendars).where(and(eq(calendars.orgId, orgId), eq(calendars.id, id))).limit(1);
  return rows[0] ?? null;
}

/** Row lock for read-modify-write, so two editors cannot interleave their audit rows. */
export async function lockCalendar(db: Db, orgId: string, id: string): Promise<CalendarRow | null> {
  const rows = await db.select().from(calendars).where(and(eq(calendars.orgId, orgId), eq(calendars.id, id))).for('update').limit(1);
  return rows[0] ?? null;
}

/** A calendar's revision (its last edit, epoch milliseconds as text) as a scalar subquery over a calendar id expression. */
export function calendarRevisionSql(orgId: string, calendarId: SQL<string | null>): SQL<string | null> {
  return sql<string | null>`(SELECT floor(extract(epoch FROM ${calendars.updatedAt}) * 1000)::bigint::text FROM ${calendars} WHERE ${calendars.orgId} = ${orgId} AND ${calendars.id}::text = ${calendarId})`;
}

export async function calendarsByIds(db: Db, orgId: string, ids: readonly string[]): Promise<CalendarRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(calendars).where(and(eq(calendars.orgId, orgId), inArray(calendars.id, [...ids])));
}

export async function insertCalendar(db: Db, row: CalendarInsert): Promise<CalendarRow> {
  const [r] = await db.insert(calendars).values(row).returning();
  return r;
}

export async function updateCalendar(db: Db, orgId: string, id: string, patch: Partial<CalendarInsert>): Promise<CalendarRow> {
  const [r] = await db.update(calendars).set(patch).where(and(eq(calendars.orgId, orgId), eq(calendars.id, id))).returning();
  return r;
}

/** A fingerprint of the organisation's calendars (changes with any write), for a caller's statement. */
export function calendarRowVersionsSql(orgId: string): Fragment<string> {
  return rowVersionsSql(calendars, calendars.orgId, orgId);
}
