import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { contracts, engagements, findings, fourthParties, riskActions, riskScores, riskSettings, riskSignals, risks, users, vendors } from '../../db/schema.ts';

export type RiskRow = typeof risks.$inferSelect;
export type RiskInsert = typeof risks.$inferInsert;
export type RiskActionRow = typeof riskActions.$inferSelect;
export type RiskSignalRow = typeof riskSignals.$inferSelect;
export type FourthPartyRow = typeof fourthParties.$inferSelect;
export type RiskSettingsRow = typeof riskSettings.$inferSelect;

// ---------------------------------------------------------------- settings

export async function findSettings(db: Db, orgId: string): Promise<RiskSettingsRow | null> {
  const rows = await db.select().from(riskSettings).where(eq(riskSettings.orgId, orgId)).limit(1);
  return rows[0] ?? null;
}

export async function upsertSettings(db: Db, orgId: string, values: { matrix: unknown; rules: unknown; updatedAt: Date }): Promise<RiskSettingsRow> {
  const [r] = await db.insert(riskSettings).values({ orgId, ...values }).onConflictDoUpdate({ target: riskSettings.orgId, set: values }).returning();
  return r;
}

// ---------------------------------------------------------------- risks

const owner = alias(users, 'risk_owner');
const approver = alias(users, 'risk_approver');
export type RiskWithNames = {
  risk: RiskRow;
  vendorName: string | null;
  engagementName: string | null;
  contractTitle: string | null;
  findingTitle: string | null;
  ownerName: string | null;
  approverName: string | null;
  openActions: number;
  signalActive: boolean | null;
};
const riskQuery = (db: Db) =>
  db
    .select({
      risk: risks,
      vendorName: vendors.name,
      engagementName: engagements.name,
      contractTitle: contracts.title,
      findingTitle: findings.title,
      ownerName: owner.name,
      approverName: approver.name,
      openActions: sql<number>`(select count(*)::int from ${riskActions} a where a.risk_id = ${risks.id} and a.org_id = ${risks.orgId} and a.status in ('open', 'in_progress'))`,
      signalActive: sql<boolean | null>`(select bool_or(s.status = 'active') from ${riskSignals} s where s.risk_id = ${risks.id} and s.org_id = ${risks.orgId})`,
    })
    .from(risks)
    .leftJoin(vendors, eq(vendors.id, risks.vendorId))
    .leftJoin(engagements, eq(engagements.id, risks.engagementId))
    .leftJoin(contracts, eq(contracts.id, risks.contractId))
    .leftJoin(findings, eq(findings.id, risks.findingId))
    .leftJoin(owner, eq(owner.id, risks.ownerId))
    .leftJoin(approver, eq(approver.id, risks.acceptedById));

const RISK_SORT: KeysetSort = { cols: [key(sql`${risks.residualLevel}`, 'int'), key(sql`${risks.id}`, 'uuid')], desc: true };
export const riskSort = { arity: 2, key: (r: RiskWithNames) => [r.risk.residualLevel, r.risk.id] };

export interface RiskFilter {
  vendorId?: string;
  category?: string;
  status?: string;
  score?: 'inherent' | 'residual';
  likelihood?: number;
  impact?: number;
  /** Levels above the appetite: residual level > this. */
  levelAbove?: number;
  levelAtMost?: number;
  accepted?: boolean;
  source?: string;
  q?: string;
}

function riskWhere(orgId: string, f: RiskFilter): SQL[] {
  const where: SQL[] = [eq(risks.orgId, orgId)];
  if (f.vendorId) where.push(eq(risks.vendorId, f.vendorId));
  if (f.category) where.push(eq(risks.category, f.category));
  if (f.status) where.push(eq(risks.status, f.status));
  if (f.source) where.push(eq(risks.source, f.source));
  const inherent = f.score === 'inherent';
  if (f.likelihood !== undefined) where.push(eq(inherent ? risks.inherentLikelihood : risks.residualLikelihood, f.likelihood));
  if (f.impact !== undefined) where.push(eq(inherent ? risks.inherentImpact : risks.residualImpact, f.impact));
  if (f.levelAbove !== undefined) where.push(sql`${risks.residualLevel} > ${f.levelAbove}`);
  if (f.levelAtMost !== undefined) where.push(lte(risks.residualLevel, f.levelAtMost));
  if (f.accepted !== undefined) where.push(f.accepted ? isNotNull(risks.acceptedAt) : isNull(risks.acceptedAt));
  if (f.q) where.push(ilike(risks.title, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return where;
}

export async function listRisks(db: Db, orgId: string, f: RiskFilter, after: unknown[] | null, limit: number): Promise<RiskWithNames[]> {
  return riskQuery(db)
    .where(and(...riskWhere(orgId, f), afterCursor(RISK_SORT, after)))
    .orderBy(...keysetOrder(RISK_SORT))
    .limit(limit);
}

export async function countRisks(db: Db, orgId: string, f: RiskFilter): Promise<number> {
  const [r] = await db.select({ n: count() }).from(risks).where(and(...riskWhere(orgId, f)));
  return Number(r.n);
}

export async function findRisk(db: Db, orgId: string, id: string): Promise<RiskWithNames | null> {
  const rows = await riskQuery(db)
    .where(and(eq(risks.orgId, orgId), eq(risks.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function lockRisk(db: Db, orgId: string, id: string): Promise<RiskRow | null> {
  const rows = await db.select().from(risks).where(and(eq(risks.orgId, orgId), eq(risks.id, id))).for('update').limit(1);
  return rows[0] ?? null;
}

export async function insertRisk(db: Db, row: typeof risks.$inferInsert): Promise<RiskRow> {
  const [r] = await db.insert(risks).values(row).returning();
  return r;
}

export async function updateRisk(db: Db, orgId: string, id: string, patch: Partial<typeof risks.$inferInsert>): Promise<RiskRow> {
  const [r] = await db.update(risks).set(patch).where(and(eq(risks.orgId, orgId), eq(risks.id, id))).returning();
  return r;
}

/** Every open risk's cells (the heat map; an organisation has thousands at most). */
export async function openRiskCells(db: Db, orgId: string, vendorId?: string) {
  const where: SQL[] = [eq(risks.orgId, orgId), eq(risks.status, 'open')];
  if (vendorId) where.push(eq(risks.vendorId, vendorId));
  return db
    .select({ il: risks.inherentLikelihood, ii: risks.inherentImpact, rl: risks.residualLikelihood, ri: risks.residualImpact })
    .from(risks)
    .where(and(...where));
}

/** Open risks of these vendors (the what-if screen). */
export async function risksOfVendors(db: Db, orgId: string, vendorIds: readonly string[]): Promise<RiskRow[]> {
  if (vendorIds.length === 0) return [];
  return db
    .select()
    .from(risks)
    .where(and(eq(risks.orgId, orgId), inArray(risks.vendorId, [...vendorIds]), ne(risks.status, 'closed')))
    .orderBy(desc(risks.residualLevel), asc(risks.title))
    .limit(200);
}

/** For the feed: open risks whose review date is on or before `until`, or whose acceptance expires by then. */
export async function risksDue(db: Db, orgId: string, until: string, limit: number) {
  return riskQuery(db)
    .where(and(eq(risks.orgId, orgId), eq(risks.status, 'open'), or(lte(risks.reviewOn, until), lte(risks.acceptanceExpiresOn, until))))
    .orderBy(asc(risks.reviewOn), asc(risks.id))
    .limit(limit);
}


// ---------------------------------------------------------------- history

export async function insertScore(db: Db, row: typeof riskScores.$inferInsert) {
  await db.insert(riskScores).values(row);
}

export async function scoresOf(db: Db, orgId: string, riskId: string) {
  return db
    .select({ s: riskScores, byName: users.name })
    .from(riskScores)
    .leftJoin(users, eq(users.id, riskScores.byUserId))
    .where(and(eq(riskScores.orgId, orgId), eq(riskScores.riskId, riskId)))
    .orderBy(asc(riskScores.at), asc(riskScores.id))
    .limit(500);
}

// ---------------------------------------------------------------- actions

export async function actionsOf(db: Db, orgId: string, riskId: string) {
  return db
    .select({ action: riskActions, ownerName: users.name })
    .from(riskActions)
    .leftJoin(users, eq(users.id, riskActions.ownerId))
    .where(and(eq(riskActions.orgId, orgId), eq(riskActions.riskId, riskId)))
    .orderBy(asc(riskActions.dueOn), asc(riskActions.createdAt), asc(riskActions.id))
    .limit(500);
}

export async function findAction(db: Db, orgId: string, id: string) {
  const rows = await db
    .select({ action: riskActions, riskStatus: risks.status, riskTitle: risks.title })
    .from(riskActions)
    .innerJoin(risks, eq(risks.id, riskActions.riskId))
    .where(and(eq(riskActions.orgId, orgId), eq(riskActions.id, id)))
    .for('update', { of: riskActions })
    .limit(1);
  return rows[0] ?? null;
}

export async function insertAction(db: Db, row: typeof riskActions.$inferInsert): Promise<RiskActionRow> {
  const [r] = await db.insert(riskActions).values(row).returning();
  return r;
}

export async function updateAction(db: Db, orgId: string, id: string, patch: Partial<typeof riskActions.$inferInsert>): Promise<RiskActionRow> {
  const [r] = await db.update(riskActions).set(patch).where(and(eq(riskActions.orgId, orgId), eq(riskActions.id, id))).returning();
  return r;
}

/** For the feed: open actions of open risks due on or before `until`. */
export async function actionsDue(db: Db, orgId: string, until: string, limit: number) {
  return db
    .select({ action: riskActions, riskTitle: risks.title, vendorId: risks.vendorId, vendorName: vendors.name })
    .from(riskActions)
    .innerJoin(risks, eq(risks.id, riskActions.riskId))
    .leftJoin(vendors, eq(vendors.id, risks.vendorId))
    .where(and(eq(riskActions.orgId, orgId), inArray(riskActions.status, ['open', 'in_progress']), eq(risks.status, 'open'), lte(riskActions.dueOn, until)))
    .orderBy(asc(riskActions.dueOn), asc(riskActions.id))
    .limit(limit);
}

// ---------------------------------------------------------------- signals

export async function signalsOf(db: Db, orgId: string): Promise<RiskSignalRow[]> {
  return db.select().from(riskSignals).where(eq(riskSignals.orgId, orgId));
}

export async function signalsOfRisk(db: Db, orgId: string, riskId: string): Promise<RiskSignalRow[]> {
  return db
    .select()
    .from(riskSignals)
    .where(and(eq(riskSignals.orgId, orgId), eq(riskSignals.riskId, riskId)))
    .orderBy(asc(riskSignals.raisedAt));
}

const SIGNAL_SORT: KeysetSort = { cols: [key(sql`${riskSignals.rule}`, 'text'), key(sql`${riskSignals.id}`, 'uuid')], desc: false };
export const signalSort = { arity: 2, key: (r: RiskSignalRow) => [r.rule, r.id] };
export async function listSignals(db: Db, orgId: string, f: { active?: boolean; rule?: string }, after: unknown[] | null, limit: number) {
  const where: SQL[] = [eq(riskSignals.orgId, orgId)];
  if (f.active !== undefined) where.push(eq(riskSignals.status, f.active ? 'active' : 'cleared'));
  if (f.rule) where.push(eq(riskSignals.rule, f.rule));
  return db
    .select()
    .from(riskSignals)
    .where(and(...where, afterCursor(SIGNAL_SORT, after)))
    .orderBy(...keysetOrder(SIGNAL_SORT))
    .limit(limit);
}

// ---------------------------------------------------------------- fourth parties

export type FourthPartyWithNames = { fp: FourthPartyRow; vendorName: string; sharedWith: number };
const FP_SORT: KeysetSort = { cols: [key(sql`${fourthParties.normalisedName}`, 'text'), key(sql`${fourthParties.id}`, 'uuid')], desc: false };
export const fourthPartySort = { arity: 2, key: (r: FourthPartyWithNames) => [r.fp.normalisedName, r.fp.id] };
const fpQuery = (db: Db) =>
  db
    .select({
      fp: fourthParties,
      vendorName: vendors.name,
      sharedWith: sql<number>`(select count(distinct o.vendor_id)::int from ${fourthParties} o where o.org_id = ${fourthParties.orgId} and o.normalised_name = ${fourthParties.normalisedName})`,
    })
    .from(fourthParties)
    .innerJoin(vendors, eq(vendors.id, fourthParties.vendorId));

export async function listFourthParties(db: Db, orgId: string, f: { vendorId?: string; normalisedName?: string }, after: unknown[] | null, limit: number) {
  const where: SQL[] = [eq(fourthParties.orgId, orgId)];
  if (f.vendorId) where.push(eq(fourthParties.vendorId, f.vendorId));
  if (f.normalisedName) where.push(eq(fourthParties.normalisedName, f.normalisedName));
  return fpQuery(db)
    .where(and(...where, afterCursor(FP_SORT, after)))
    .orderBy(...keysetOrder(FP_SORT))
    .limit(limit);
}

export async function allFourthParties(db: Db, orgId: string): Promise<FourthPartyWithNames[]> {
  return fpQuery(db).where(eq(fourthParties.orgId, orgId)).orderBy(asc(fourthParties.normalisedName), asc(fourthParties.id)).limit(10_000);
}

export async function findFourthParty(db: Db, orgId: string, id: string): Promise<FourthPartyWithNames | null> {
  const rows = await fpQuery(db)
    .where(and(eq(fourthParties.orgId, orgId), eq(fourthParties.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertFourthParty(db: Db, row: typeof fourthParties.$inferInsert): Promise<FourthPartyRow> {
  const [r] = await db.insert(fourthParties).values(row).returning();
  return r;
}

export async function updateFourthParty(db: Db, orgId: string, id: string, patch: Partial<typeof fourthParties.$inferInsert>): Promise<FourthPartyRow> {
  const [r] = await db.update(fourthParties).set(patch).where(and(eq(fourthParties.orgId, orgId), eq(fourthParties.id, id))).returning();
  return r;
}

export async function deleteFourthParty(db: Db, orgId: string, id: string): Promise<void> {
  await db.delete(fourthParties).where(and(eq(fourthParties.orgId, orgId), eq(fourthParties.id, id)));
}

/** Every risk's residual cell and stored level (the matrix changed: levels are worked out again). */
export async function riskCells(db: Db, orgId: string) {
  return db.select({ id: risks.id, l: risks.residualLikelihood, i: risks.residualImpact, level: risks.residualLevel }).from(risks).where(eq(risks.orgId, orgId));
}
