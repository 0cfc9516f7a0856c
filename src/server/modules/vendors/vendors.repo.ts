import { and, arrayOverlaps, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { VendorListQuery } from '../../../shared/contracts/vendors.ts';
import { queryRows, type Db } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { engagements, users, vendors } from '../../db/schema.ts';
import { rowVersionsSql, type Fragment } from '../../db/fragment.ts';

export type VendorRow = typeof vendors.$inferSelect;
export type VendorInsert = typeof vendors.$inferInsert;

const withExtras = {
  vendor: vendors,
  internalOwnerName: users.name,
  // The organisation too, so the (org_id, vendor_id) index is searched, not scanned: 1.5 s → 0.15 s for 10,000 vendors.
  engagementCount: sql<number>`(SELECT count(*)::int FROM ${engagements} e WHERE e.org_id = ${vendors.orgId} AND e.vendor_id = ${vendors.id} AND e.archived_at IS NULL)`,
  // The text form keeps microseconds, which a JS Date would lose in a cursor.
  updatedAtText: sql<string>`${vendors.updatedAt}::text`,
  createdAtText: sql<string>`${vendors.createdAt}::text`,
};
export type VendorWithExtras = { vendor: VendorRow; internalOwnerName: string | null; engagementCount: number; updatedAtText: string; createdAtText: string };

// Each sort is a tuple of columns compared as a row value for keyset paging; the id ends it.
const byName = [key(sql`lower(${vendors.name})`, 'text'), key(sql`${vendors.id}`, 'uuid')];
const byTier = [key(sql`${vendors.tier}`, 'int'), ...byName];
const byUpdated = [key(sql`${vendors.updatedAt}`, 'timestamptz'), key(sql`${vendors.id}`, 'uuid')];
const byCreated = [key(sql`${vendors.createdAt}`, 'timestamptz'), key(sql`${vendors.id}`, 'uuid')];
const nameKey = (r: VendorWithExtras) => [r.vendor.name.toLowerCase(), r.vendor.id];
const SORTS: Record<VendorListQuery['sort'], KeysetSort & { key: (r: VendorWithExtras) => unknown[] }> = {
  name: { cols: byName, desc: false, key: nameKey },
  '-name': { cols: byName, desc: true, key: nameKey },
  tier: { cols: byTier, desc: false, key: (r) => [r.vendor.tier, ...nameKey(r)] },
  '-tier': { cols: byTier, desc: true, key: (r) => [r.vendor.tier, ...nameKey(r)] },
  updatedAt: { cols: byUpdated, desc: false, key: (r) => [r.updatedAtText, r.vendor.id] },
  '-updatedAt': { cols: byUpdated, desc: true, key: (r) => [r.updatedAtText, r.vendor.id] },
  createdAt: { cols: byCreated, desc: false, key: (r) => [r.createdAtText, r.vendor.id] },
  '-createdAt': { cols: byCreated, desc: true, key: (r) => [r.createdAtText, r.vendor.id] },
};

/** The cursor of a sort: how many values it holds and how a row yields them. */
export function vendorSort(sort: VendorListQuery['sort']) {
  return { arity: SORTS[sort].cols.length, key: SORTS[sort].key };
}

function filters(orgId: string, q: Omit<VendorListQuery, 'limit' | 'cursor' | 'sort'>): SQL[] {
  const where: SQL[] = [eq(vendors.orgId, orgId)];
  if (q.archived === 'false') where.push(isNull(vendors.archivedAt));
  if (q.archived === 'true') where.push(isNotNull(vendors.archivedAt));
  if (q.q) {
    const pattern = containsPattern(q.q);
    where.push(or(ilike(vendors.name, pattern), ilike(vendors.legalName, pattern), ilike(vendors.contactName, pattern))!);
  }
  if (q.status?.length) where.push(inArray(vendors.status, q.status));
  if (q.tier?.length) where.push(inArray(vendors.tier, q.tier));
  if (q.kind?.length) where.push(inArray(vendors.kind, q.kind));
  if (q.tag?.length) where.push(arrayOverlaps(vendors.tags, q.tag));
  return where;
}

export async function listVendors(db: Db, orgId: string, q: VendorListQuery, after: unknown[] | null, limit: number) {
  const sort = SORTS[q.sort];
  const where = [...filters(orgId, q), afterCursor(sort, after)];
  return db
    .select(withExtras)
    .from(vendors)
    .leftJoin(users, eq(users.id, vendors.internalOwnerId))
    .where(and(...where))
    .orderBy(...keysetOrder(sort))
    .limit(limit);
}

/** Every match in one statement, in the sort's order (exports and portfolio-wide reads). */
export async function allVendors(db: Db, orgId: string, q: Omit<VendorListQuery, 'limit' | 'cursor'>) {
  return db
    .select(withExtras)
    .from(vendors)
    .leftJoin(users, eq(users.id, vendors.internalOwnerId))
    .where(and(...filters(orgId, q)))
    .orderBy(...keysetOrder(SORTS[q.sort]));
}

export async function findVendor(db: Db, orgId: string, id: string): Promise<VendorWithExtras | null> {
  const rows = await db
    .select(withExtras)
    .from(vendors)
    .leftJoin(users, eq(users.id, vendors.internalOwnerId))
    .where(and(eq(vendors.orgId, orgId), eq(vendors.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

/** Row lock for read-modify-write, so two editors cannot interleave their audit rows. */
export async function lockVendor(db: Db, orgId: string, id: string): Promise<VendorRow | null> {
  const rows = await db
    .select()
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), eq(vendors.id, id)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

export async function findVendorsByNames(db: Db, orgId: string, lowerNames: string[]): Promise<VendorRow[]> {
  if (lowerNames.length === 0) return [];
  return db
    .select()
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), inArray(sql`lower(${vendors.name})`, lowerNames)));
}

export async function insertVendor(db: Db, row: VendorInsert): Promise<VendorRow> {
  const [created] = await db.insert(vendors).values(row).returning();
  return created;
}

export async function updateVendor(db: Db, orgId: string, id: string, patch: Partial<VendorInsert>): Promise<VendorRow> {
  const [updated] = await db
    .update(vendors)
    .set(patch)
    .where(and(eq(vendors.orgId, orgId), eq(vendors.id, id)))
    .returning();
  return updated;
}

export async function listTags(db: Db, orgId: string): Promise<string[]> {
  const rows = await queryRows<{ tag: string }>(db, 
    sql`SELECT DISTINCT unnest(tags) AS tag FROM ${vendors} WHERE org_id = ${orgId} ORDER BY 1 LIMIT 500`,
  );
  return rows.map((r) => r.tag);
}

export async function findVendorRow(db: Db, orgId: string, id: string): Promise<VendorRow | null> {
  const rows = await db
    .select()
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), eq(vendors.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function vendorNamesByIds(db: Db, orgId: string, ids: string[]): Promise<Array<{ id: string; name: string }>> {
  if (ids.length === 0) return [];
  return db
    .select({ id: vendors.id, name: vendors.name })
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), inArray(vendors.id, ids)));
}

/** Active (not archived) vendors counted by status and tier, for the home screen. */
export async function countVendorsByStatusAndTier(db: Db, orgId: string) {
  return queryRows<{ status: string; tier: number; n: number }>(
    db,
    sql`SELECT status, tier, count(*)::int AS n FROM ${vendors} WHERE org_id = ${orgId} AND archived_at IS NULL GROUP BY status, tier`,
  );
}

/** A fingerprint of the organisation's vendors (changes with any write), for a caller's statement. */
export function vendorRowVersionsSql(orgId: string): Fragment<string> {
  return rowVersionsSql(vendors, vendors.orgId, orgId);
}
