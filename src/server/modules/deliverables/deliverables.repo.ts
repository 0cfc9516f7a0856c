import { and, asc, eq, gte, inArray, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { contracts, deliverableFiles, deliverables, deliverableSubmissions, engagements, milestones, users, vendors } from '../../db/schema.ts';

export type MilestoneRow = typeof milestones.$inferSelect;
export type DeliverableRow = typeof deliverables.$inferSelect;
export type SubmissionRow = typeof deliverableSubmissions.$inferSelect;
export type DeliverableFileRow = typeof deliverableFiles.$inferSelect;

// ---------------------------------------------------------------- milestones

const milestoneExtras = {
  milestone: milestones,
  engagementName: engagements.name,
  vendorName: vendors.name,
  contractTitle: contracts.title,
  createdAtText: sql<string>`${milestones.createdAt}::text`,
  deliverableCount: sql<number>`(SELECT count(*)::int FROM ${deliverables} d WHERE d.org_id = ${milestones.orgId} AND d.milestone_id = ${milestones.id})`,
  acceptedCount: sql<number>`(SELECT count(*)::int FROM ${deliverables} d WHERE d.org_id = ${milestones.orgId} AND d.milestone_id = ${milestones.id} AND d.status = 'accepted')`,
};
export type MilestoneWithExtras = {
  milestone: MilestoneRow;
  engagementName: string;
  vendorName: string;
  contractTitle: string | null;
  createdAtText: string;
  deliverableCount: number;
  acceptedCount: number;
};
const MILESTONE_SORT: KeysetSort = {
  cols: [key(sql`${milestones.position}`, 'int'), key(sql`${milestones.createdAt}`, 'timestamptz'), key(sql`${milestones.id}`, 'uuid')],
  desc: false,
};
export const milestoneSort = { arity: 3, key: (r: MilestoneWithExtras) => [r.milestone.position, r.createdAtText, r.milestone.id] };

function milestoneQuery(db: Db) {
  return db
    .select(milestoneExtras)
    .from(milestones)
    .innerJoin(engagements, eq(engagements.id, milestones.engagementId))
    .innerJoin(vendors, eq(vendors.id, milestones.vendorId))
    .leftJoin(contracts, eq(contracts.id, milestones.contractId));
}

export async function listMilestones(db: Db, orgId: string, f: { engagementId?: string; contractId?: string }, after: unknown[] | null, limit: number): Promise<MilestoneWithExtras[]> {
  const where: SQL[] = [eq(milestones.orgId, orgId)];
  if (f.engagementId) where.push(eq(milestones.engagementId, f.engagementId));
  if (f.contractId) where.push(eq(milestones.contractId, f.contractId));
  return milestoneQuery(db)
    .where(and(...where, afterCursor(MILESTONE_SORT, after)))
    .orderBy(...keysetOrder(MILESTONE_SORT))
    .limit(limit);
}

export async function findMilestone(db: Db, orgId: string, id: string): Promise<MilestoneWithExtras | null> {
  const rows = await milestoneQuery(db)
    .where(and(eq(milestones.orgId, orgId), eq(milestones.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findMilestoneRow(db: Db, orgId: string, id: string): Promise<MilestoneRow | null> {
  const rows = await db.select().from(milestones).where(and(eq(milestones.orgId, orgId), eq(milestones.id, id))).limit(1);
  return rows[0] ?? null;
}

export async function lockMilestone(db: Db, orgId: string, id: string): Promise<MilestoneRow | null> {
  const rows = await db.select().from(milestones).where(and(eq(milestones.orgId, orgId), eq(milestones.id, id))).for('update').limit(1);
  return rows[0] ?? null;
}

export async function insertMilestone(db: Db, row: typeof milestones.$inferInsert): Promise<MilestoneRow> {
  const [r] = await db.insert(milestones).values(row).returning();
  return r;
}

export async function updateMilestone(db: Db, orgId: string, id: string, patch: Partial<typeof milestones.$inferInsert>): Promise<MilestoneRow> {
  const [r] = await db.update(milestones).set(patch).where(and(eq(milestones.orgId, orgId), eq(milestones.id, id))).returning();
  return r;
}

// ---------------------------------------------------------------- deliverables

const decider = alias(users, 'decider');
const deliverableExtras = {
  deliverable: deliverables,
  engagementName: engagements.name,
  vendorName: vendors.name,
  milestoneName: milestones.name,
  contractTitle: contracts.title,
  decidedByName: decider.name,
  submissionCount: sql<number>`(SELECT count(*)::int FROM ${deliverableSubmissions} s WHERE s.org_id = ${deliverables.orgId} AND s.deliverable_id = ${deliverables.id})`,
};
export type DeliverableWithExtras = {
  deliverable: DeliverableRow;
  engagementName: string;
  vendorName: string;
  milestoneName: string | null;
  contractTitle: string | null;
  decidedByName: string | null;
  submissionCount: number;
};
const DELIVERABLE_SORT: KeysetSort = { cols: [key(sql`${deliverables.dueDate}`, 'date'), key(sql`${deliverables.id}`, 'uuid')], desc: false };
export const deliverableSort = { arity: 2, key: (r: DeliverableWithExtras) => [r.deliverable.dueDate, r.deliverable.id] };

function deliverableQuery(db: Db) {
  return db
    .select(deliverableExtras)
    .from(deliverables)
    .innerJoin(engagements, eq(engagements.id, deliverables.engagementId))
    .innerJoin(vendors, eq(vendors.id, deliverables.vendorId))
    .leftJoin(milestones, eq(milestones.id, deliverables.milestoneId))
    .leftJoin(contracts, eq(contracts.id, deliverables.contractId))
    .leftJoin(decider, eq(decider.id, deliverables.decidedBy));
}

/** Not accepted by due date + grace: late now (open ones), or late when accepted. */
const lateSql = (today: string) =>
  sql`(CASE WHEN ${deliverables.status} = 'accepted' THEN ${deliverables.acceptedOn} ELSE ${today}::date END) > ${deliverables.dueDate} + ${deliverables.graceDays}`;

export interface DeliverableFilter {
  engagementId?: string;
  contractId?: string;
  vendorId?: string;
  milestoneId?: string;
  status?: string[];
  late?: 'true' | 'false';
}

export async function listDeliverables(db: Db, orgId: string, f: DeliverableFilter, today: string, after: unknown[] | null, limit: number): Promise<DeliverableWithExtras[]> {
  const where: SQL[] = [eq(deliverables.orgId, orgId)];
  if (f.engagementId) where.push(eq(deliverables.engagementId, f.engagementId));
  if (f.contractId) where.push(or(eq(deliverables.contractId, f.contractId), eq(milestones.contractId, f.contractId))!);
  if (f.vendorId) where.push(eq(deliverables.vendorId, f.vendorId));
  if (f.milestoneId) where.push(eq(deliverables.milestoneId, f.milestoneId));
  if (f.status?.length) where.push(inArray(deliverables.status, f.status));
  if (f.late === 'true') where.push(lateSql(today));
  if (f.late === 'false') where.push(sql`NOT (${lateSql(today)})`);
  return deliverableQuery(db)
    .where(and(...where, afterCursor(DELIVERABLE_SORT, after)))
    .orderBy(...keysetOrder(DELIVERABLE_SORT))
    .limit(limit);
}

export async function countDeliverables(db: Db, orgId: string, f: DeliverableFilter, today: string): Promise<number> {
  const where: SQL[] = [eq(deliverables.orgId, orgId)];
  if (f.engagementId) where.push(eq(deliverables.engagementId, f.engagementId));
  if (f.contractId) where.push(or(eq(deliverables.contractId, f.contractId), eq(milestones.contractId, f.contractId))!);
  if (f.vendorId) where.push(eq(deliverables.vendorId, f.vendorId));
  if (f.milestoneId) where.push(eq(deliverables.milestoneId, f.milestoneId));
  if (f.status?.length) where.push(inArray(deliverables.status, f.status));
  if (f.late === 'true') where.push(lateSql(today));
  if (f.late === 'false') where.push(sql`NOT (${lateSql(today)})`);
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(deliverables)
    .leftJoin(milestones, eq(milestones.id, deliverables.milestoneId))
    .where(and(...where));
  return Number(r?.n ?? 0);
}

export async function findDeliverable(db: Db, orgId: string, id: string): Promise<DeliverableWithExtras | null> {
  const rows = await deliverableQuery(db)
    .where(and(eq(deliverables.orgId, orgId), eq(deliverables.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findDeliverableRow(db: Db, orgId: string, id: string): Promise<DeliverableRow | null> {
  const rows = await db.select().from(deliverables).where(and(eq(deliverables.orgId, orgId), eq(deliverables.id, id))).limit(1);
  return rows[0] ?? null;
}

export async function lockDeliverable(db: Db, orgId: string, id: string): Promise<DeliverableRow | null> {
  const rows = await db.select().from(deliverables).where(and(eq(deliverables.orgId, orgId), eq(deliverables.id, id))).for('update').limit(1);
  return rows[0] ?? null;
}

export async function insertDeliverable(db: Db, row: typeof deliverables.$inferInsert): Promise<DeliverableRow> {
  const [r] = await db.insert(deliverables).values(row).returning();
  return r;
}

export async function updateDeliverable(db: Db, orgId: string, id: string, patch: Partial<typeof deliverables.$inferInsert>): Promise<DeliverableRow> {
  const [r] = await db.update(deliverables).set(patch).where(and(eq(deliverables.orgId, orgId), eq(deliverables.id, id))).returning();
  return r;
}

/** The deliverables of some milestones (a payment's hold), in due-date order. */
export async function deliverablesOfMilestones(db: Db, orgId: string, milestoneIds: readonly string[]): Promise<DeliverableRow[]> {
  if (milestoneIds.length === 0) return [];
  return db
    .select()
    .from(deliverables)
    .where(and(eq(deliverables.orgId, orgId), inArray(deliverables.milestoneId, [...milestoneIds])))
    .orderBy(asc(deliverables.dueDate), asc(deliverables.id));
}

/** Every deliverable of a vendor (the on-time rate; a vendor has hundreds at most). */
export async function deliverablesOfVendor(db: Db, orgId: string, vendorId: string): Promise<DeliverableRow[]> {
  return db
    .select()
    .from(deliverables)
    .where(and(eq(deliverables.orgId, orgId), eq(deliverables.vendorId, vendorId)))
    .orderBy(asc(deliverables.dueDate), asc(deliverables.id));
}

/** Open deliverables due (deadline = due + grace) on or before `until`, and accepted-late ones since `lateSince`; at most `limit`. */
export async function openDeliverablesDueBy(db: Db, orgId: string, until: string, limit: number): Promise<DeliverableWithExtras[]> {
  return deliverableQuery(db)
    .where(and(eq(deliverables.orgId, orgId), ne(deliverables.status, 'accepted'), lte(deliverables.dueDate, until)))
    .orderBy(asc(deliverables.dueDate), asc(deliverables.id))
    .limit(limit);
}

// ---------------------------------------------------------------- submissions and files

const submitter = alias(users, 'submitter');
const subDecider = alias(users, 'sub_decider');
export type SubmissionWithNames = { submission: SubmissionRow; submittedByName: string | null; decidedByName: string | null };

export async function submissionsOf(db: Db, orgId: string, deliverableId: string): Promise<SubmissionWithNames[]> {
  return db
    .select({ submission: deliverableSubmissions, submittedByName: submitter.name, decidedByName: subDecider.name })
    .from(deliverableSubmissions)
    .leftJoin(submitter, eq(submitter.id, deliverableSubmissions.submittedBy))
    .leftJoin(subDecider, eq(subDecider.id, deliverableSubmissions.decidedBy))
    .where(and(eq(deliverableSubmissions.orgId, orgId), eq(deliverableSubmissions.deliverableId, deliverableId)))
    .orderBy(asc(deliverableSubmissions.round));
}

/** Every hand-in of an engagement's deliverables from `from` to before `to`, with its decision if any. */
export async function submissionsOfEngagement(db: Db, orgId: string, engagementId: string, from: Date, to: Date) {
  return db
    .select({ deliverableId: deliverableSubmissions.deliverableId, title: deliverables.title, round: deliverableSubmissions.round, submittedAt: deliverableSubmissions.submittedAt, decision: deliverableSubmissions.decision, decidedAt: deliverableSubmissions.decidedAt })
    .from(deliverableSubmissions)
    .innerJoin(deliverables, and(eq(deliverables.orgId, deliverableSubmissions.orgId), eq(deliverables.id, deliverableSubmissions.deliverableId)))
    .where(and(eq(deliverableSubmissions.orgId, orgId), eq(deliverables.engagementId, engagementId), gte(deliverableSubmissions.submittedAt, from), lt(deliverableSubmissions.submittedAt, to)))
    .orderBy(asc(deliverableSubmissions.submittedAt));
}

export async function lastRound(db: Db, orgId: string, deliverableId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${deliverableSubmissions.round}), 0)::int` })
    .from(deliverableSubmissions)
    .where(and(eq(deliverableSubmissions.orgId, orgId), eq(deliverableSubmissions.deliverableId, deliverableId)));
  return Number(r?.n ?? 0);
}

export async function insertSubmission(db: Db, row: typeof deliverableSubmissions.$inferInsert): Promise<SubmissionRow> {
  const [r] = await db.insert(deliverableSubmissions).values(row).returning();
  return r;
}

/** Records the decision on the latest undecided submission. */
export async function decideLatestSubmission(db: Db, orgId: string, deliverableId: string, patch: { decision: string; decisionReason: string | null; decidedBy: string; decidedAt: Date }) {
  await db
    .update(deliverableSubmissions)
    .set(patch)
    .where(
      and(
        eq(deliverableSubmissions.orgId, orgId),
        eq(deliverableSubmissions.deliverableId, deliverableId),
        isNull(deliverableSubmissions.decision),
        eq(deliverableSubmissions.round, sql`(SELECT max(s.round) FROM ${deliverableSubmissions} s WHERE s.org_id = ${orgId} AND s.deliverable_id = ${deliverableId})`),
      ),
    );
}

export async function filesOf(db: Db, orgId: string, deliverableId: string): Promise<DeliverableFileRow[]> {
  return db
    .select()
    .from(deliverableFiles)
    .where(and(eq(deliverableFiles.orgId, orgId), eq(deliverableFiles.deliverableId, deliverableId)))
    .orderBy(asc(deliverableFiles.createdAt), asc(deliverableFiles.id));
}

export async function findFile(db: Db, orgId: string, id: string): Promise<DeliverableFileRow | null> {
  const rows = await db.select().from(deliverableFiles).where(and(eq(deliverableFiles.orgId, orgId), eq(deliverableFiles.id, id))).limit(1);
  return rows[0] ?? null;
}

export async function insertFile(db: Db, row: typeof deliverableFiles.$inferInsert): Promise<DeliverableFileRow> {
  const [r] = await db.insert(deliverableFiles).values(row).returning();
  return r;
}

/** Hands pending files in with a submission; returns those attached. */
export async function attachFiles(db: Db, orgId: string, deliverableId: string, submissionId: string, ids: readonly string[]): Promise<DeliverableFileRow[]> {
  if (ids.length === 0) return [];
  return db
    .update(deliverableFiles)
    .set({ submissionId })
    .where(and(eq(deliverableFiles.orgId, orgId), eq(deliverableFiles.deliverableId, deliverableId), isNull(deliverableFiles.submissionId), inArray(deliverableFiles.id, [...ids])))
    .returning();
}

/** Late open deliverables (deadline passed, not accepted), oldest deadline first, at most `limit`, and how many there are. */
export async function lateOpenDeliverables(db: Db, orgId: string, today: string, limit: number) {
  const where = and(eq(deliverables.orgId, orgId), ne(deliverables.status, 'accepted'), lateSql(today));
  const rows = await deliverableQuery(db)
    .where(where)
    .orderBy(asc(deliverables.dueDate), asc(deliverables.id))
    .limit(limit);
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(deliverables).where(where);
  return { rows, count: Number(c?.n ?? 0) };
}

