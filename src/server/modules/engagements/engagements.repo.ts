import { and, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { containsPattern } from '../../db/like.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { engagements, users, vendors } from '../../db/schema.ts';
import { rowVersionsSql, type Fragment } from '../../db/fragment.ts';

export type EngagementRow = typeof engagements.$inferSelect;
export type EngagementInsert = typeof engagements.$inferInsert;

const owner = alias(users, 'owner');
const columns = { engagement: engagements, vendorName: vendors.name, internalOwnerName: owner.name };
export type EngagementWithExtras = { engagement: EngagementRow; vendorName: string; internalOwnerName: string | null };

export interface EngagementFilter {
  q?: string;
  vendorId?: string;
  status?: string;
  serviceType?: string;
  archived: 'true' | 'false' | 'all';
}

function base(db: Db) {
  return db
    .select(columns)
    .from(engagements)
    .innerJoin(vendors, eq(vendors.id, engagements.vendorId))
    .leftJoin(owner, eq(owner.id, engagements.internalOwnerId));
}

const SORT: KeysetSort = {
  cols: [key(sql`lower(${vendors.name})`, 'text'), key(sql`lower(${engagements.name})`, 'text'), key(sql`${engagements.id}`, 'uuid')],
  desc: false,
};
export const ENGAGEMENT_SORT = {
  arity: SORT.cols.length,
  key: (r: EngagementWithExtras) => [r.vendorName.toLowerCase(), r.engagement.name.toLowerCase(), r.engagement.id],
};

/** Sorted by vendor name, engagement name, id; `after` is the previous page's last key. */
function whereOf(orgId: string, f: EngagementFilter): SQL[] {
  const where: SQL[] = [eq(engagements.orgId, orgId)];
  if (f.archived === 'false') where.push(isNull(engagements.archivedAt));
  if (f.archived === 'true') where.push(isNotNull(engagements.archivedAt));
  if (f.vendorId) where.push(eq(engagements.vendorId, f.vendorId));
  if (f.status) where.push(eq(engagements.status, f.status));
  if (f.serviceType) where.push(eq(engagements.serviceType, f.serviceType));
  if (f.q) {
    const pattern = containsPattern(f.q);
    where.push(or(ilike(engagements.name, pattern), ilike(vendors.name, pattern), ilike(engagements.description, pattern))!);
  }
  return where;
}

export async function listEngagements(db: Db, orgId: string, f: EngagementFilter, after: unknown[] | null, limit: number) {
  return base(db)
    .where(and(...whereOf(orgId, f), afterCursor(SORT, after)))
    .orderBy(...keysetOrder(SORT))
    .limit(limit);
}

/** Every match in one statement, in the list's order: a page sorts the whole join again, so reading thousands page by page sorts them hundreds of times. */
export async function allEngagements(db: Db, orgId: string, f: EngagementFilter) {
  return base(db)
    .where(and(...whereOf(orgId, f)))
    .orderBy(...keysetOrder(SORT));
}

// Nearly every read of an engagement's data starts here: built once (`preparedQuery`).
const engagementById = preparedQuery('engagements_find', (db) =>
  base(db)
    .where(and(eq(engagements.orgId, sql.placeholder('orgId')), eq(engagements.id, sql.placeholder('id'))))
    .limit(1),
);

export async function findEngagement(db: Db, orgId: string, id: string): Promise<EngagementWithExtras | null> {
  const rows = await engagementById(db).execute({ orgId, id });
  return rows[0] ?? null;
}

/**
 * The engagement's vendor as a scalar subquery, NULL when the organisation has no such
 * engagement: what its read authorization needs, for a caller's statement that reads the
 * engagement's data in the same round trip.
 */
export function engagementVendorSql(orgId: string, id: string): Fragment<string | null> {
  return sql<string | null>`(SELECT ${engagements.vendorId}::text FROM ${engagements} WHERE ${engagements.orgId} = ${orgId} AND ${engagements.id} = ${id})`;
}

export async function lockEngagement(db: Db, orgId: string, id: string): Promise<EngagementRow | null> {
  const rows = await db
    .select()
    .from(engagements)
    .where(and(eq(engagements.orgId, orgId), eq(engagements.id, id)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

export async function insertEngagement(db: Db, row: EngagementInsert): Promise<EngagementRow> {
  const [created] = await db.insert(engagements).values(row).returning();
  return created;
}

export async function updateEngagement(db: Db, orgId: string, id: string, patch: Partial<EngagementInsert>): Promise<EngagementRow> {
  const [updated] = await db
    .update(engagements)
    .set(patch)
    .where(and(eq(engagements.orgId, orgId), eq(engagements.id, id)))
    .returning();
  return updated;
}

/** Engagements whose name is exactly `name` (case-insensitive); the CLI accepts ids or names. */
export async function findEngagementsByName(db: Db, orgId: string, name: string): Promise<EngagementWithExtras[]> {
  return base(db)
    .where(and(eq(engagements.orgId, orgId), sql`lower(${engagements.name}) = ${name.toLowerCase()}`))
    .limit(10);
}

/** Engagements of these vendors whose lowercased name is one of `lowerNames`. */
export async function findEngagementsOfVendorsByNames(db: Db, orgId: string, vendorIds: string[], lowerNames: string[]): Promise<EngagementRow[]> {
  if (vendorIds.length === 0 || lowerNames.length === 0) return [];
  return db
    .select()
    .from(engagements)
    .where(and(eq(engagements.orgId, orgId), inArray(engagements.vendorId, vendorIds), inArray(sql`lower(${engagements.name})`, lowerNames)));
}

export async function countEngagements(db: Db, orgId: string) {
  const rows = await queryRows<{ total: number; active: number }>(
    db,
    sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'active')::int AS active
        FROM ${engagements} WHERE org_id = ${orgId} AND archived_at IS NULL`,
  );
  return { total: Number(rows[0]?.total ?? 0), active: Number(rows[0]?.active ?? 0) };
}

/** A vendor's engagements not archived, by name (a vendor contact's choices in the portal). */
export async function engagementsOfVendor(db: Db, orgId: string, vendorId: string): Promise<EngagementRow[]> {
  return db
    .select()
    .from(engagements)
    .where(and(eq(engagements.orgId, orgId), eq(engagements.vendorId, vendorId), isNull(engagements.archivedAt)))
    .orderBy(engagements.name, engagements.id)
    .limit(500);
}

/** A fingerprint of the organisation's engagements (changes with any write), for a caller's statement. */
export function engagementRowVersionsSql(orgId: string): Fragment<string> {
  return rowVersionsSql(engagements, engagements.orgId, orgId);
}
