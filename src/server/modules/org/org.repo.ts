import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgs } from '../../db/schema.ts';

export type OrgRow = typeof orgs.$inferSelect;
export type OrgInsert = typeof orgs.$inferInsert;

// An organisation's own row: `orgId` is its id.

export async function findOrg(db: Db, orgId: string): Promise<OrgRow | null> {
  const rows = await db.select().from(orgs).where(eq(orgs.id, orgId)).limit(1);
  return rows[0] ?? null;
}

/** Row lock for read-modify-write, so two renames cannot interleave their audit rows. */
export async function lockOrg(db: Db, orgId: string): Promise<OrgRow | null> {
  const rows = await db.select().from(orgs).where(eq(orgs.id, orgId)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function renameOrg(db: Db, orgId: string, name: string, at: Date): Promise<OrgRow> {
  const [o] = await db.update(orgs).set({ name, updatedAt: at }).where(eq(orgs.id, orgId)).returning();
  return o;
}

/** Creates an organisation; the caller may choose its id (set-up names the owner's audit actor before inserting). */
export async function insertOrg(db: Db, row: OrgInsert): Promise<OrgRow> {
  const [o] = await db.insert(orgs).values(row).returning();
  return o;
}

/** How many organisations the installation holds (all of them: first set-up and the demo seed ask "none yet?"). */
export async function countOrgs(db: Db): Promise<number> {
  const rows = await db.select({ n: count() }).from(orgs);
  return Number(rows[0]?.n ?? 0);
}

/** The installation's oldest organisations, across all of them, up to `limit` (the CLI asks "none, one or several?"). */
export async function listOrgIds(db: Db, limit: number): Promise<string[]> {
  const rows = await db.select({ id: orgs.id }).from(orgs).orderBy(asc(orgs.createdAt), asc(orgs.id)).limit(limit);
  return rows.map((r) => r.id);
}
