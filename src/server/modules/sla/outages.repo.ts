import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { outages } from '../../db/schema.ts';

export type OutageRow = typeof outages.$inferSelect;

export async function listOutages(db: Db, orgId: string, engagementId: string): Promise<OutageRow[]> {
  return db.select().from(outages).where(and(eq(outages.orgId, orgId), eq(outages.engagementId, engagementId))).orderBy(asc(outages.startAt)).limit(10_000);
}

export async function insertOutage(db: Db, row: typeof outages.$inferInsert): Promise<OutageRow> {
  const [r] = await db.insert(outages).values(row).returning();
  return r;
}

export async function deleteOutage(db: Db, orgId: string, id: string): Promise<OutageRow | null> {
  const rows = await db.delete(outages).where(and(eq(outages.orgId, orgId), eq(outages.id, id))).returning();
  return rows[0] ?? null;
}
