import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { idScope } from '../../db/any.ts';
import type { Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { slaPolicies, users } from '../../db/schema.ts';
import { rowVersionsSql, type Fragment } from '../../db/fragment.ts';

export type SlaPolicyRow = typeof slaPolicies.$inferSelect;
export type PolicyWithAuthor = { policy: SlaPolicyRow; createdByName: string | null };

const withAuthor = { policy: slaPolicies, createdByName: users.name };

/**
 * One column of the policy in force (or of a given version) as a scalar subquery, as text:
 * for a reader that gathers its inputs from several modules in one statement.
 */
export function policyColumnSql(orgId: string, engagementId: string, version: number | undefined, column: 'id' | 'calendarId'): SQL<string | null> {
  const col = column === 'id' ? slaPolicies.id : slaPolicies.calendarId;
  const ofVersion = version === undefined ? sql`` : sql` AND ${slaPolicies.version} = ${version}`;
  return sql<string | null>`(SELECT ${col}::text FROM ${slaPolicies} WHERE ${slaPolicies.orgId} = ${orgId} AND ${slaPolicies.engagementId} = ${engagementId}${ofVersion} ORDER BY ${slaPolicies.version} DESC LIMIT 1)`;
}

/** The policy in force (highest version), or a given version. */
export async function findPolicy(db: Db, orgId: string, engagementId: string, version?: number): Promise<PolicyWithAuthor | null> {
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

// Versions are unique per engagement: newest first, the version alone orders them.
const SORT: KeysetSort = { cols: [key(sql`${slaPolicies.version}`, 'int')], desc: true };
export const VERSION_SORT = { arity: SORT.cols.length, key: (r: PolicyWithAuthor) => [r.policy.version] };

export async function listPolicyVersions(db: Db, orgId: string, engagementId: string, after: unknown[] | null, limit: number): Promise<PolicyWithAuthor[]> {
  return db
    .select(withAuthor)
    .from(slaPolicies)
    .leftJoin(users, eq(users.id, slaPolicies.createdBy))
    .where(and(eq(slaPolicies.orgId, orgId), eq(slaPolicies.engagementId, engagementId), afterCursor(SORT, after)))
    .orderBy(...keysetOrder(SORT))
    .limit(limit);
}

/** The policy in force of each of these engagements (all of the organisation's when null) that has one. */
export async function currentPolicies(db: Db, orgId: string, engagementIds: readonly string[] | null): Promise<SlaPolicyRow[]> {
  if (engagementIds !== null && engagementIds.length === 0) return [];
  const scope = engagementIds === null ? null : idScope(slaPolicies.engagementId, engagementIds);
  const rows = await db
    .selectDistinctOn([slaPolicies.engagementId])
    .from(slaPolicies)
    .where(and(eq(slaPolicies.orgId, orgId), scope?.where))
    .orderBy(slaPolicies.engagementId, desc(slaPolicies.version));
  return scope ? scope.keep(rows, (r) => r.engagementId) : rows;
}

/**
 * Serialises saves of one engagement's policy until the transaction ends, so two editors
 * cannot both write version n+1. An advisory lock, because the first version has no row
 * to lock yet.
 */
export async function lockPolicyVersions(tx: Db, engagementId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`sla_policies:${engagementId}`}, 0))`);
}

export async function insertPolicy(db: Db, row: typeof slaPolicies.$inferInsert): Promise<SlaPolicyRow> {
  const [r] = await db.insert(slaPolicies).values(row).returning();
  return r;
}

/** A fingerprint of the organisation's SLA policies (changes with any write), for a caller's statement. */
export function policyRowVersionsSql(orgId: string): Fragment<string> {
  return rowVersionsSql(slaPolicies, slaPolicies.orgId, orgId);
}
