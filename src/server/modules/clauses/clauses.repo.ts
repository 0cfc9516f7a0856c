import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { anyUuid } from '../../db/any.ts';
import type { Db } from '../../db/client.ts';
import { clauseLibrary, clauseRequirements, clauseReviews, clauseSettings, users } from '../../db/schema.ts';

export type ClauseRow = typeof clauseLibrary.$inferSelect;
export type ClauseInsert = typeof clauseLibrary.$inferInsert;
export type RequirementRow = typeof clauseRequirements.$inferSelect;
export type RequirementInsert = typeof clauseRequirements.$inferInsert;
export type ReviewRow = typeof clauseReviews.$inferSelect;
export type ReviewInsert = typeof clauseReviews.$inferInsert;
export type SettingsRow = typeof clauseSettings.$inferSelect;
export type ReviewWithName = ReviewRow & { reviewedByName: string | null };

/** More than any organisation keeps; a list cut here says so (`truncated`). */
export const LIST_CAP = 500;

// --- settings and seeding ---

export async function findSettings(db: Db, orgId: string): Promise<SettingsRow | null> {
  const rows = await db.select().from(clauseSettings).where(eq(clauseSettings.orgId, orgId)).limit(1);
  return rows[0] ?? null;
}

/** Claims the seeding of an organisation: true for the one caller that created the row. */
export async function claimSettings(db: Db, orgId: string, now: Date): Promise<boolean> {
  const rows = await db.insert(clauseSettings).values({ orgId, seededAt: now, updatedAt: now }).onConflictDoNothing().returning({ orgId: clauseSettings.orgId });
  return rows.length === 1;
}

export async function lockSettings(db: Db, orgId: string): Promise<SettingsRow | null> {
  const rows = await db.select().from(clauseSettings).where(eq(clauseSettings.orgId, orgId)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function updateSettings(db: Db, orgId: string, patch: Partial<SettingsRow>): Promise<SettingsRow> {
  const [row] = await db.update(clauseSettings).set(patch).where(eq(clauseSettings.orgId, orgId)).returning();
  return row;
}

// --- library ---

export async function insertClauses(db: Db, rows: ClauseInsert[]): Promise<ClauseRow[]> {
  if (rows.length === 0) return [];
  return db.insert(clauseLibrary).values(rows).onConflictDoNothing().returning();
}

// Spelled out: inside a select list the builder leaves columns unqualified, and "id" would name the review's.
const reviewCount = sql<number>`(SELECT count(*)::int FROM ${clauseReviews} r WHERE r.org_id = "clause_library"."org_id" AND r.clause_id = "clause_library"."id")`;
export type ClauseWithCount = { clause: ClauseRow; reviewCount: number };

/** The library in checklist order; `retired`: only current, only retired, or all. */
export async function listClauses(db: Db, orgId: string, retired: 'true' | 'false' | 'all', limit = LIST_CAP): Promise<ClauseWithCount[]> {
  const where = [eq(clauseLibrary.orgId, orgId)];
  if (retired === 'false') where.push(isNull(clauseLibrary.retiredAt));
  if (retired === 'true') where.push(isNotNull(clauseLibrary.retiredAt));
  return db
    .select({ clause: clauseLibrary, reviewCount })
    .from(clauseLibrary)
    .where(and(...where))
    .orderBy(asc(clauseLibrary.position), asc(clauseLibrary.id))
    .limit(limit);
}

export async function findClause(db: Db, orgId: string, id: string): Promise<ClauseWithCount | null> {
  const rows = await db
    .select({ clause: clauseLibrary, reviewCount })
    .from(clauseLibrary)
    .where(and(eq(clauseLibrary.orgId, orgId), eq(clauseLibrary.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function lockClause(db: Db, orgId: string, id: string): Promise<ClauseRow | null> {
  const rows = await db
    .select()
    .from(clauseLibrary)
    .where(and(eq(clauseLibrary.orgId, orgId), eq(clauseLibrary.id, id)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

export async function insertClause(db: Db, row: ClauseInsert): Promise<ClauseRow> {
  const [created] = await db.insert(clauseLibrary).values(row).returning();
  return created;
}

export async function updateClause(db: Db, orgId: string, id: string, patch: Partial<ClauseInsert>): Promise<ClauseRow> {
  const [row] = await db
    .update(clauseLibrary)
    .set(patch)
    .where(and(eq(clauseLibrary.orgId, orgId), eq(clauseLibrary.id, id)))
    .returning();
  return row;
}

export async function nextPosition(db: Db, orgId: string): Promise<number> {
  const rows = await db
    .select({ p: sql<number>`coalesce(max(${clauseLibrary.position}), 0)::int` })
    .from(clauseLibrary)
    .where(eq(clauseLibrary.orgId, orgId));
  return Number(rows[0]?.p ?? 0) + 1;
}

// --- requirements ---

export async function listRequirements(db: Db, orgId: string, limit = LIST_CAP): Promise<RequirementRow[]> {
  return db
    .select()
    .from(clauseRequirements)
    .where(eq(clauseRequirements.orgId, orgId))
    .orderBy(asc(clauseRequirements.createdAt), asc(clauseRequirements.id))
    .limit(limit);
}

export async function insertRequirements(db: Db, rows: RequirementInsert[]): Promise<RequirementRow[]> {
  if (rows.length === 0) return [];
  return db.insert(clauseRequirements).values(rows).returning();
}

export async function lockRequirement(db: Db, orgId: string, id: string): Promise<RequirementRow | null> {
  const rows = await db
    .select()
    .from(clauseRequirements)
    .where(and(eq(clauseRequirements.orgId, orgId), eq(clauseRequirements.id, id)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

export async function updateRequirement(db: Db, orgId: string, id: string, patch: Partial<RequirementInsert>): Promise<RequirementRow> {
  const [row] = await db
    .update(clauseRequirements)
    .set(patch)
    .where(and(eq(clauseRequirements.orgId, orgId), eq(clauseRequirements.id, id)))
    .returning();
  return row;
}

export async function deleteRequirement(db: Db, orgId: string, id: string): Promise<void> {
  await db.delete(clauseRequirements).where(and(eq(clauseRequirements.orgId, orgId), eq(clauseRequirements.id, id)));
}

// --- reviews ---

const reviewColumns = {
  review: clauseReviews,
  reviewedByName: users.name,
};

/** Every review of these contracts, with the reviewer's name. */
export async function reviewsOfContracts(db: Db, orgId: string, contractIds: readonly string[]): Promise<ReviewWithName[]> {
  if (contractIds.length === 0) return [];
  const rows = await db
    .select(reviewColumns)
    .from(clauseReviews)
    .leftJoin(users, eq(users.id, clauseReviews.reviewedById))
    .where(and(eq(clauseReviews.orgId, orgId), anyUuid(clauseReviews.contractId, [...new Set(contractIds)])));
  return rows.map((r) => ({ ...r.review, reviewedByName: r.reviewedByName }));
}

export async function lockReview(db: Db, orgId: string, contractId: string, clauseId: string): Promise<ReviewRow | null> {
  const rows = await db
    .select()
    .from(clauseReviews)
    .where(and(eq(clauseReviews.orgId, orgId), eq(clauseReviews.contractId, contractId), eq(clauseReviews.clauseId, clauseId)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

/** Inserts or replaces the review of one clause of one contract. */
export async function upsertReview(db: Db, row: ReviewInsert): Promise<ReviewRow> {
  const { orgId: _o, contractId: _c, clauseId: _k, id: _i, ...rest } = row;
  const [saved] = await db
    .insert(clauseReviews)
    .values(row)
    .onConflictDoUpdate({ target: [clauseReviews.orgId, clauseReviews.contractId, clauseReviews.clauseId], set: rest })
    .returning();
  return saved;
}
