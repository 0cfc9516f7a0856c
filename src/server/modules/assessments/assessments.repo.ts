import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { assessmentAnswers, assessmentComments, assessments, findings, questionnaireTemplates, questionnaireVersions, users, vendors } from '../../db/schema.ts';

export type AssessmentRow = typeof assessments.$inferSelect;
export type AnswerRow = typeof assessmentAnswers.$inferSelect;
export type CommentRow = typeof assessmentComments.$inferSelect;
export type FindingRow = typeof findings.$inferSelect;

// Another module's tables are joined read-only, to label and filter this module's rows.
const contact = alias(users, 'contact');
const listColumns = {
  assessment: assessments,
  vendorName: vendors.name,
  questionnaireId: questionnaireVersions.templateId,
  questionnaireName: questionnaireTemplates.name,
  questionnaireVersion: questionnaireVersions.version,
  contactEmail: contact.email,
  // The text form keeps microseconds, which a JS Date would lose in a cursor.
  sentAtText: sql<string>`${assessments.sentAt}::text`,
};
export type AssessmentListRow = {
  assessment: AssessmentRow;
  vendorName: string;
  questionnaireId: string;
  questionnaireName: string;
  questionnaireVersion: number;
  contactEmail: string | null;
  sentAtText: string;
};

function listQuery(db: Db) {
  return db
    .select(listColumns)
    .from(assessments)
    .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, assessments.templateVersionId))
    .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, questionnaireVersions.templateId))
    .leftJoin(contact, eq(contact.id, assessments.contactUserId));
}

/** Newest request first; the id breaks ties. */
const BY_SENT: KeysetSort = { cols: [key(sql`${assessments.sentAt}`, 'timestamptz'), key(sql`${assessments.id}`, 'uuid')], desc: true };
export const ASSESSMENT_SORT = { arity: BY_SENT.cols.length, key: (r: AssessmentListRow) => [r.sentAtText, r.assessment.id] };

export interface AssessmentFilter {
  vendorId?: string;
  status?: readonly string[];
  /** Only those still open whose due date is before this day. */
  dueBefore?: string;
}

function filters(orgId: string, f: AssessmentFilter): SQL[] {
  const where: SQL[] = [eq(assessments.orgId, orgId)];
  if (f.vendorId) where.push(eq(assessments.vendorId, f.vendorId));
  if (f.status?.length) where.push(inArray(assessments.status, [...f.status]));
  if (f.dueBefore) where.push(lt(assessments.dueDate, f.dueBefore));
  return where;
}

export async function listAssessments(db: Db, orgId: string, f: AssessmentFilter, after: unknown[] | null, limit: number): Promise<AssessmentListRow[]> {
  return listQuery(db)
    .where(and(...filters(orgId, f), afterCursor(BY_SENT, after)))
    .orderBy(...keysetOrder(BY_SENT))
    .limit(limit);
}

export async function findAssessment(db: Db, orgId: string, id: string): Promise<AssessmentListRow | null> {
  const rows = await listQuery(db)
    .where(and(eq(assessments.orgId, orgId), eq(assessments.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

/** Row lock for a change: two reviewers (or a reviewer and the vendor) do not interleave. */
export async function lockAssessment(db: Db, orgId: string, id: string): Promise<AssessmentRow | null> {
  const rows = await db.select().from(assessments).where(and(eq(assessments.orgId, orgId), eq(assessments.id, id))).for('update').limit(1);
  return rows[0] ?? null;
}

/** Who hears about an assessment: its reviewer and its vendor contact, with the vendor's name. */
export async function findAssessmentPeople(db: Db, orgId: string, id: string) {
  const reviewer = alias(users, 'reviewer');
  const rows = await db
    .select({
      vendorName: vendors.name,
      reviewer: { id: reviewer.id, email: reviewer.email, name: reviewer.name, disabledAt: reviewer.disabledAt },
      contact: { id: contact.id, email: contact.email, disabledAt: contact.disabledAt },
    })
    .from(assessments)
    .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
    .leftJoin(reviewer, and(eq(reviewer.id, assessments.reviewerId), eq(reviewer.orgId, orgId)))
    .leftJoin(contact, and(eq(contact.id, assessments.contactUserId), eq(contact.orgId, orgId)))
    .where(and(eq(assessments.orgId, orgId), eq(assessments.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

/** The latest assessment of a vendor with the same questionnaire, to start a re-assessment from. */
export async function findPreviousAssessment(db: Db, orgId: string, vendorId: string, questionnaireId: string): Promise<AssessmentRow | null> {
  const rows = await db
    .select({ a: assessments })
    .from(assessments)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, assessments.templateVersionId))
    .where(and(eq(assessments.orgId, orgId), eq(assessments.vendorId, vendorId), eq(questionnaireVersions.templateId, questionnaireId), inArray(assessments.status, ['submitted', 'completed'])))
    .orderBy(desc(assessments.sentAt), desc(assessments.id))
    .limit(1);
  return rows[0]?.a ?? null;
}

/** Each vendor's most recently completed assessment (the overview's "last score"). */
export async function lastCompletedPerVendor(db: Db, orgId: string): Promise<Array<{ vendorId: string; overallScore: number | null; completedAt: Date | null }>> {
  return db
    .selectDistinctOn([assessments.vendorId], { vendorId: assessments.vendorId, overallScore: assessments.overallScore, completedAt: assessments.completedAt })
    .from(assessments)
    .where(and(eq(assessments.orgId, orgId), eq(assessments.status, 'completed')))
    .orderBy(assessments.vendorId, desc(assessments.sentAt), desc(assessments.id));
}

export async function insertAssessment(db: Db, row: typeof assessments.$inferInsert): Promise<AssessmentRow> {
  const [r] = await db.insert(assessments).values(row).returning();
  return r;
}

export async function updateAssessment(db: Db, orgId: string, id: string, patch: Partial<typeof assessments.$inferInsert>): Promise<AssessmentRow> {
  const [r] = await db.update(assessments).set(patch).where(and(eq(assessments.orgId, orgId), eq(assessments.id, id))).returning();
  return r;
}

const answerOf = (orgId: string, assessmentId: string) => [eq(assessmentAnswers.orgId, orgId), eq(assessmentAnswers.assessmentId, assessmentId)];

export async function listAnswers(db: Db, orgId: string, assessmentId: string): Promise<AnswerRow[]> {
  return db
    .select()
    .from(assessmentAnswers)
    .where(and(...answerOf(orgId, assessmentId)));
}

export async function upsertAnswer(db: Db, row: typeof assessmentAnswers.$inferInsert): Promise<AnswerRow> {
  const [r] = await db
    .insert(assessmentAnswers)
    .values(row)
    .onConflictDoUpdate({ target: [assessmentAnswers.assessmentId, assessmentAnswers.questionId], set: { value: row.value, reviewStatus: row.reviewStatus, carriedOver: row.carriedOver, updatedBy: row.updatedBy, updatedAt: row.updatedAt } })
    .returning();
  return r;
}

export async function deleteAnswers(db: Db, orgId: string, assessmentId: string, questionIds: string[]): Promise<void> {
  if (questionIds.length === 0) return;
  await db.delete(assessmentAnswers).where(and(...answerOf(orgId, assessmentId), inArray(assessmentAnswers.questionId, questionIds)));
}

export async function setReviewStatus(db: Db, orgId: string, assessmentId: string, questionIds: string[], status: string, at: Date): Promise<AnswerRow[]> {
  if (questionIds.length === 0) return [];
  return db
    .update(assessmentAnswers)
    .set({ reviewStatus: status, updatedAt: at })
    .where(and(...answerOf(orgId, assessmentId), inArray(assessmentAnswers.questionId, questionIds)))
    .returning();
}

export async function confirmCarriedOver(db: Db, orgId: string, assessmentId: string): Promise<AnswerRow[]> {
  return db
    .update(assessmentAnswers)
    .set({ carriedOver: 0 })
    .where(and(...answerOf(orgId, assessmentId), eq(assessmentAnswers.carriedOver, 1)))
    .returning();
}

const author = alias(users, 'author');
export type CommentListRow = { comment: CommentRow; authorName: string | null; authorRole: string | null };

/** The comments of an assessment, oldest first; `vendorOnly` leaves out internal notes (the portal's view). */
export async function listComments(db: Db, orgId: string, assessmentId: string, vendorOnly: boolean): Promise<CommentListRow[]> {
  const where: SQL[] = [eq(assessmentComments.orgId, orgId), eq(assessmentComments.assessmentId, assessmentId)];
  if (vendorOnly) where.push(eq(assessmentComments.visibility, 'vendor'));
  return db
    .select({ comment: assessmentComments, authorName: author.name, authorRole: author.role })
    .from(assessmentComments)
    .leftJoin(author, eq(author.id, assessmentComments.authorId))
    .where(and(...where))
    .orderBy(asc(assessmentComments.createdAt), asc(assessmentComments.id));
}

export async function insertComment(db: Db, row: typeof assessmentComments.$inferInsert): Promise<CommentRow> {
  const [r] = await db.insert(assessmentComments).values(row).returning();
  return r;
}

const findingOwner = alias(users, 'finding_owner');
const findingColumns = { finding: findings, vendorName: vendors.name, ownerName: findingOwner.name, createdAtText: sql<string>`${findings.createdAt}::text` };
export type FindingListRow = { finding: FindingRow; vendorName: string; ownerName: string | null; createdAtText: string };

function findingQuery(db: Db) {
  return db.select(findingColumns).from(findings).innerJoin(vendors, eq(vendors.id, findings.vendorId)).leftJoin(findingOwner, eq(findingOwner.id, findings.ownerId));
}

/** Newest finding first; the id breaks ties. */
const FINDING_BY_CREATED: KeysetSort = { cols: [key(sql`${findings.createdAt}`, 'timestamptz'), key(sql`${findings.id}`, 'uuid')], desc: true };
export const FINDING_SORT = { arity: FINDING_BY_CREATED.cols.length, key: (r: FindingListRow) => [r.createdAtText, r.finding.id] };

export async function listFindings(db: Db, orgId: string, f: { vendorId?: string; status?: readonly string[] }, after: unknown[] | null, limit: number): Promise<FindingListRow[]> {
  const where: SQL[] = [eq(findings.orgId, orgId)];
  if (f.vendorId) where.push(eq(findings.vendorId, f.vendorId));
  if (f.status?.length) where.push(inArray(findings.status, [...f.status]));
  return findingQuery(db)
    .where(and(...where, afterCursor(FINDING_BY_CREATED, after)))
    .orderBy(...keysetOrder(FINDING_BY_CREATED))
    .limit(limit);
}

/** Every open finding of the organisation, in one statement (for the risk signals, which must see all of them). */
export async function allOpenFindings(db: Db, orgId: string): Promise<FindingListRow[]> {
  return findingQuery(db)
    .where(and(eq(findings.orgId, orgId), inArray(findings.status, ['open', 'in_progress'])))
    .orderBy(...keysetOrder(FINDING_BY_CREATED));
}

/** The findings raised in one assessment (a review raises a handful). */
export async function listAssessmentFindings(db: Db, orgId: string, assessmentId: string): Promise<FindingListRow[]> {
  return findingQuery(db)
    .where(and(eq(findings.orgId, orgId), eq(findings.assessmentId, assessmentId)))
    .orderBy(...keysetOrder(FINDING_BY_CREATED));
}

export async function findFinding(db: Db, orgId: string, id: string): Promise<FindingListRow | null> {
  const rows = await findingQuery(db)
    .where(and(eq(findings.orgId, orgId), eq(findings.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

/** A vendor's findings due from `from` to `to`, by due date (a vendor has tens, not thousands). */
export async function findingsDueBetween(db: Db, orgId: string, vendorId: string, from: string, to: string): Promise<FindingRow[]> {
  return db
    .select()
    .from(findings)
    .where(and(eq(findings.orgId, orgId), eq(findings.vendorId, vendorId), gte(findings.dueDate, from), lte(findings.dueDate, to)))
    .orderBy(findings.dueDate, findings.id);
}

export async function lockFinding(db: Db, orgId: string, id: string): Promise<FindingRow | null> {
  const rows = await db.select().from(findings).where(and(eq(findings.orgId, orgId), eq(findings.id, id))).for('update').limit(1);
  return rows[0] ?? null;
}

export async function insertFinding(db: Db, row: typeof findings.$inferInsert): Promise<FindingRow> {
  const [r] = await db.insert(findings).values(row).returning();
  return r;
}

export async function updateFinding(db: Db, orgId: string, id: string, patch: Partial<typeof findings.$inferInsert>): Promise<FindingRow> {
  const [r] = await db.update(findings).set(patch).where(and(eq(findings.orgId, orgId), eq(findings.id, id))).returning();
  return r;
}

/**
 * The reminder job's view, across every organisation: open assessments due by `dueBy`
 * (or overdue) whose contact can still sign in.
 */
export async function openAssessmentsAcrossOrgs(db: Db, dueBy: string) {
  return db
    .select({ assessment: assessments, vendorName: vendors.name, contactEmail: contact.email })
    .from(assessments)
    .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
    .innerJoin(contact, eq(contact.id, assessments.contactUserId))
    .where(and(inArray(assessments.status, ['sent', 'in_progress']), isNull(contact.disabledAt), sql`${assessments.dueDate} <= ${dueBy}::date`))
    .orderBy(asc(assessments.dueDate), asc(assessments.id));
}

/** The open request of a vendor contact due soonest (the one a returning vendor most likely wants), with its vendor's name. */
export async function nextOpenAssessmentOfContact(db: Db, orgId: string, contactUserId: string) {
  const rows = await db
    .select({ assessment: assessments, vendorName: vendors.name })
    .from(assessments)
    .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
    .where(and(eq(assessments.orgId, orgId), eq(assessments.contactUserId, contactUserId), inArray(assessments.status, ['sent', 'in_progress', 'submitted'])))
    .orderBy(asc(assessments.dueDate), asc(assessments.id))
    .limit(1);
  return rows[0] ?? null;
}

export type ThreadMessageRow = { assessmentId: string; questionId: string | null; byVendor: boolean; createdAt: Date; closedAt: Date | null };

/**
 * The messages of the clarification threads (never internal notes) of a vendor's
 * assessments still open at `from` or sent since, oldest first: who wrote (a vendor contact
 * or the client) and when the assessment was closed (completed, or cancelled at its last
 * update).
 */
export async function threadMessagesOfVendor(db: Db, orgId: string, vendorId: string, from: Date): Promise<ThreadMessageRow[]> {
  return db
    .select({
      assessmentId: assessmentComments.assessmentId,
      questionId: assessmentComments.questionId,
      byVendor: sql<boolean>`${author.vendorId} is not null`,
      createdAt: assessmentComments.createdAt,
      closedAt: sql<Date | null>`case when ${assessments.status} = 'completed' then ${assessments.completedAt} when ${assessments.status} = 'cancelled' then ${assessments.updatedAt} end`.mapWith((v) => (v === null ? null : new Date(v))),
    })
    .from(assessmentComments)
    .innerJoin(assessments, and(eq(assessments.id, assessmentComments.assessmentId), eq(assessments.orgId, orgId)))
    .leftJoin(author, eq(author.id, assessmentComments.authorId))
    .where(
      and(
        eq(assessmentComments.orgId, orgId),
        eq(assessments.vendorId, vendorId),
        eq(assessmentComments.visibility, 'vendor'),
        sql`(${assessments.completedAt} is null or ${assessments.completedAt} >= ${from.toISOString()}) and (${assessments.status} <> 'cancelled' or ${assessments.updatedAt} >= ${from.toISOString()})`,
      ),
    )
    .orderBy(asc(assessmentComments.createdAt), asc(assessmentComments.id));
}
