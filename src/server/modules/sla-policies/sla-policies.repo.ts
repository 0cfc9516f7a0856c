import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { slaPolicies, users } from '../../db/schema.ts';

export type SlaPolicyRow = typeof slaPolicies.$inferSelect;

const withAuthor = { policy: slaPolicies, createdByName: users.name };

/** The policy in force (highest version), or a given version. */
export async function findPolicy(db: Db, orgId: string, engagementId: string, version?: number) {
  const where = [eq(slaPolicies.orgId, orgId), eq(slaPolicies.engagementId, engagementId)];
  if (version !== undefined) where.push(eq(slaPolicies.version, version));
  const rows = await db
    .select(withAuthor)
    .from(slaPolicies)
    .leftJoin(users, eq(users.id, slaPolicies.createdBy))
    .where(and(...where))
    .orderBy(desc(slaPolicies.version))
    .limit(1);
  return rows[0] ?? null;
}

export async function listPolicyVersions(db: Db, orgId: string, engagementId: string) {
  return db
    .select(withAuthor)
    .from(slaPolicies)
    .leftJoin(users, eq(users.id, slaPolicies.createdBy))
    .where(and(eq(slaPolicies.orgId, orgId), eq(slaPolicies.engagementId, engagementId)))
    .orderBy(desc(slaPolicies.version))
    .limit(200);
}

/** Current policy of every engagement of the organisation (for the portfolio overview). */
export async function currentPolicies(db: Db, orgId: string): Promise<SlaPolicyRow[]> {
  const rows = await db.select().from(slaPolicies).where(eq(slaPolicies.orgId, orgId)).orderBy(slaPolicies.engagementId, desc(slaPolicies.version));
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.engagementId) && seen.add(r.engagementId));
}

export async function insertPolicy(db: Db, row: typeof slaPolicies.$inferInsert): Promise<SlaPolicyRow> {
  const [r] = await db.insert(slaPolicies).values(row).returning();
  return r;
}
