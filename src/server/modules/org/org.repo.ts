import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgs } from '../../db/schema.ts';

export type OrgRow = typeof orgs.$inferSelect;

export async function lockOrg(db: Db, orgId: string): Promise<OrgRow> {
  const [o] = await db.select().from(orgs).where(eq(orgs.id, orgId)).for('update');
  return o;
}

export async function renameOrg(db: Db, orgId: string, name: string, at: Date): Promise<OrgRow> {
  const [o] = await db.update(orgs).set({ name, updatedAt: at }).where(eq(orgs.id, orgId)).returning();
  return o;
}

export async function insertOrg(db: Db, row: typeof orgs.$inferInsert): Promise<OrgRow> {
  const [o] = await db.insert(orgs).values(row).returning();
  return o;
}

export async function countOrgs(db: Db): Promise<number> {
  const rows = await db.select({ n: count() }).from(orgs);
  return Number(rows[0]?.n ?? 0);
}

/** The oldest organisations, up to `limit` (the CLI asks "none, one or several?"). */
export async function listOrgIds(db: Db, limit: number): Promise<string[]> {
  const rows = await db.select({ id: orgs.id }).from(orgs).orderBy(asc(orgs.createdAt), asc(orgs.id)).limit(limit);
  return rows.map((r) => r.id);
}
