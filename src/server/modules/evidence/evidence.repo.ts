import { and, asc, desc, eq, gte, isNotNull, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { evidence, vendors } from '../../db/schema.ts';

export type EvidenceRow = typeof evidence.$inferSelect;

export async function listEvidence(db: Db, orgId: string, f: { vendorId?: string; assessmentId?: string }) {
  const where: SQL[] = [eq(evidence.orgId, orgId)];
  if (f.vendorId) where.push(eq(evidence.vendorId, f.vendorId));
  if (f.assessmentId) where.push(eq(evidence.assessmentId, f.assessmentId));
  return db.select().from(evidence).where(and(...where)).orderBy(desc(evidence.createdAt)).limit(1000);
}

export async function findEvidence(db: Db, orgId: string, id: string): Promise<EvidenceRow | null> {
  const rows = await db.select().from(evidence).where(and(eq(evidence.orgId, orgId), eq(evidence.id, id))).limit(1);
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

export async function deleteEvidence(db: Db, orgId: string, id: string): Promise<EvidenceRow | null> {
  const rows = await db.delete(evidence).where(and(eq(evidence.orgId, orgId), eq(evidence.id, id))).returning();
  return rows[0] ?? null;
}

/** Evidence valid until a date in [since, until] (all organisations unless `orgId`: the reminder job's view). */
export async function evidenceExpiringBy(db: Db, since: string, until: string, orgId?: string) {
  const where: SQL[] = [isNotNull(evidence.validUntil), lte(evidence.validUntil, until), gte(evidence.validUntil, since)];
  if (orgId) where.push(eq(evidence.orgId, orgId));
  return db
    .select({ evidence, vendorName: vendors.name, internalOwnerId: vendors.internalOwnerId })
    .from(evidence)
    .innerJoin(vendors, eq(vendors.id, evidence.vendorId))
    .where(and(...where))
    .orderBy(asc(evidence.validUntil))
    .limit(5000);
}
