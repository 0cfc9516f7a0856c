import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { calendars } from '../../db/schema.ts';

export type CalendarRow = typeof calendars.$inferSelect;

export async function listCalendars(db: Db, orgId: string): Promise<CalendarRow[]> {
  return db.select().from(calendars).where(eq(calendars.orgId, orgId)).orderBy(asc(sql`lower(${calendars.name})`)).limit(500);
}

export async function findCalendar(db: Db, orgId: string, id: string, forUpdate = false): Promise<CalendarRow | null> {
  const q = db.select().from(calendars).where(and(eq(calendars.orgId, orgId), eq(calendars.id, id))).limit(1);
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export async function insertCalendar(db: Db, row: typeof calendars.$inferInsert): Promise<CalendarRow> {
  const [r] = await db.insert(calendars).values(row).returning();
  return r;
}

export async function updateCalendar(db: Db, orgId: string, id: string, patch: Partial<typeof calendars.$inferInsert>): Promise<CalendarRow> {
  const [r] = await db.update(calendars).set(patch).where(and(eq(calendars.orgId, orgId), eq(calendars.id, id))).returning();
  return r;
}
