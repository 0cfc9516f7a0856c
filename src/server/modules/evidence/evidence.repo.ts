import { and, asc, eq, getTableColumns, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { evidence, users, vendors } from '../../db/schema.ts';

export type EvidenceRow = typeof evidence.$inferSelect;
/** Evidence with what its policy needs to know: whether the vendor itself uploaded it. */
export type EvidenceItem = EvidenceRow & { fromVendor: boolean; createdAtText: string };

const columns = {
  ...getTableColumns(evidence),
  // A read-only look at the uploader: one of the vendor's own contacts, or the client.
  // Spelled out in full: the subquery must not read the outer row's columns as its own.
  fromVendor: sql<boolean>`EXISTS (SELECT 1 FROM ${users} AS uploader WHERE uploader.id = ${evidence}.uploaded_by AND uploader.vendor_id = ${evidence}.vendor_id)`.mapWith(Boolean),
  // The text form keeps microseconds, which a JS Date would lose in a cursor.
  createdAtText: sql<string>`${evidence.createdAt}::text`,
};

/** Newest first; the id breaks ties. */
const SORT: KeysetSort = { cols: [key(sql`${evidence.createdAt}`, 'timestamptz'), key(sql`${evidence.id}`, 'uuid')], desc: true };
export const EVIDENCE_SORT = { arity: SORT.cols.length, key: (r: EvidenceItem) => [r.createdAtText, r.id] };

/** One page of a vendor's evidence; `sharedOnly` keeps what its contacts may see. */
export async function listVendorEvidence(db: Db, orgId: string, vendorId: string, f: { sharedOnly: boolean }, after: unknown[] | null, limit: number): Promise<EvidenceItem[]> {
  const where: SQL[] = [eq(evidence.orgId, orgId), eq(evidence.vendorId, vendorId)];
  if (f.sharedOnly) where.push(eq(evidence.sharedWithVendor, true));
  return db
    .select(columns)
    .from(evidence)
    .where(and(...where, afterCursor(SORT, after)))
    .orderBy(...keysetOrder(SORT))
    .limit(limit);
}

/** Evidence attached to one assessment (a questionnaire has a handful; a cap would hide one silently). */
export async function listAssessmentEvidence(db: Db, orgId: string, assessmentId: string): Promise<EvidenceItem[]> {
  return db
    .select(columns)
    .from(evidence)
    .where(and(eq(evidence.orgId, orgId), eq(evidence.assessmentId, assessmentId)))
    .orderBy(...keysetOrder(SORT));
}

export async function findEvidence(db: Db, orgId: string, id: string): Promise<EvidenceItem | null> {
  const rows = await db.select(columns).from(evidence).where(and(eq(evidence.orgId, orgId), eq(evidence.id, id))).limit(1);
  return rows[0] ?? null;
}

/** Several pieces of evidence in one query (a file answer lists up to 50). */
export async function findEvidenceByIds(db: Db, orgId: string, ids: readonly string[]): Promise<EvidenceItem[]> {
  if (ids.length === 0) return [];
  return db
    .select(columns)
    .from(evidence)
    .where(and(eq(evidence.orgId, orgId), inArray(evidence.id, [...ids])));
}

/** Bytes the vendor's own contacts have uploaded for it (its portal quota's use). */
export async function vendorUploadedBytes(db: Db, orgId: string, vendorId: string): Promise<number> {
  const [r] = await db
    .select({ total: sql<string>`coalesce(sum(${evidence.sizeBytes}), 0)::text` })
    .from(evidence)
    .where(and(eq(evidence.orgId, orgId), eq(evidence.vendorId, vendorId), columns.fromVendor));
  return Number(r?.total ?? 0);
}

export async function lockEvidence(db: Db, orgId: string, id: string): Promise<EvidenceItem | null> {
  const rows = await db.select(columns).from(evidence).where(and(eq(evidence.orgId, orgId), eq(evidence.id, id))).for('update', { of: evidence }).limit(1);
  return rows[0] ?? null;
}

export async function insertEvidence(db: Db, row: typeof evidence.$inferInsert): Promise<EvidenceRow> {
  const [r] = await db.insert(evidence).values(row).returning();
  return r;
}

export async function updateEvidence(db: Db, orgId: string, id: string, patch: Partial<typeof evidence.$inferInsert>): Promise<EvidenceRow> {
  const [r] = await db.update(evidence).set(patch).where(and(eq(evidence.orgId, orgId), eq(evidence.id, id))).returning();
  return r;
}

export async function deleteEvidence(db: Db, orgId: string, id: string): Promise<void> {
  await db.delete(evidence).where(and(eq(evidence.orgId, orgId), eq(evidence.id, id)));
}

/** Evidence of one organisation valid until a date in [since, until], soonest first, with its vendor's name; at most `limit`. */
export async function listExpiringEvidence(db: Db, orgId: string, since: string, until: string, limit: number) {
  return db
    .select({ evidence: columns, vendorName: vendors.name })
    .from(evidence)
    .innerJoin(vendors, eq(vendors.id, evidence.vendorId))
    .where(and(eq(evidence.orgId, orgId), isNotNull(evidence.validUntil), lte(evidence.validUntil, until), gte(evidence.validUntil, since)))
    .orderBy(asc(evidence.validUntil), asc(evidence.id))
    .limit(limit);
}

const owner = alias(users, 'owner');

/**
 * The reminder job's view, across every organisation: evidence valid until a date in
 * [since, until], with its vendor's name and internal owner (who hears about it).
 */
export async function evidenceExpiringAcrossOrgs(db: Db, since: string, until: string) {
  return db
    .select({
      evidence: getTableColumns(evidence),
      vendorName: vendors.name,
      owner: { id: owner.id, email: owner.email, name: owner.name, disabledAt: owner.disabledAt },
    })
    .from(evidence)
    .innerJoin(vendors, eq(vendors.id, evidence.vendorId))
    .leftJoin(owner, and(eq(owner.id, vendors.internalOwnerId), eq(owner.orgId, evidence.orgId)))
    .where(and(isNotNull(evidence.validUntil), lte(evidence.validUntil, until), gte(evidence.validUntil, since)))
    .orderBy(asc(evidence.validUntil), asc(evidence.id));
}

/**
 * For the risk module's signals: per vendor and document type, the dated document valid
 * longest (a renewed certificate supersedes the expired one it replaces).
 */
export async function longestValidByVendorAndType(db: Db, orgId: string) {
  return db
    .selectDistinctOn([evidence.vendorId, evidence.type], { id: evidence.id, vendorId: evidence.vendorId, type: evidence.type, title: evidence.title, validUntil: evidence.validUntil })
    .from(evidence)
    .where(and(eq(evidence.orgId, orgId), isNotNull(evidence.validUntil)))
    .orderBy(evidence.vendorId, evidence.type, sql`${evidence.validUntil} DESC`, evidence.id);
}
