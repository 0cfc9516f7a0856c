import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assessmentAnswers, assessmentComments, assessments, findings, questionnaireTemplates, questionnaireVersions, users, vendors } from '../../db/schema.ts';

export type AssessmentRow = typeof assessments.$inferSelect;
export type AnswerRow = typeof assessmentAnswers.$inferSelect;
export type CommentRow = typeof assessmentComments.$inferSelect;
export type FindingRow = typeof findings.$inferSelect;

const listColumns = {
  assessment: assessments,
  vendorName: vendors.name,
  templateId: questionnaireVersions.templateId,
  templateName: questionnaireTemplates.name,
  templateVersion: questionnaireVersions.version,
};

function listQuery(db: Db, where: SQL[]) {
  return db
    .select(listColumns)
    .from(assessments)
    .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, assessments.templateVersionId))
    .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, questionnaireVersions.templateId))
    .where(and(...where))
    .orderBy(desc(assessments.sentAt))
    .limit(500);
}

export async function listAssessments(db: Db, orgId: string, f: { vendorId?: string; status?: string }) {
  const where: SQL[] = [eq(assessments.orgId, orgId)];
  if (f.vendorId) where.push(eq(assessments.vendorId, f.vendorId));
  if (f.status) where.push(eq(assessments.status, f.status));
  return listQuery(db, where);
}

export async function findAssessment(db: Db, orgId: string, id: string, forUpdate = false): Promise<AssessmentRow | null> {
  const q = db.select().from(assessments).where(and(eq(assessments.orgId, orgId), eq(assessments.id, id))).limit(1);
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export async function findAssessmentWithNames(db: Db, orgId: string, id: string) {
  const rows = await listQuery(db, [eq(assessments.orgId, orgId), eq(assessments.id, id)]);
  return rows[0] ?? null;
}

/** The latest assessment of a vendor with the same questionnaire, to start a re-assessment from. */
export async function findPreviousAssessment(db: Db, orgId: string, vendorId: string, templateId: string): Promise<AssessmentRow | null> {
  const rows = await db
    .select({ a: assessments })
    .from(assessments)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, assessments.templateVersionId))
    .where(and(eq(assessments.orgId, orgId), eq(assessments.vendorId, vendorId), eq(questionnaireVersions.templateId, templateId), inArray(assessments.status, ['submitted', 'completed'])))
    .orderBy(desc(assessments.sentAt))
    .limit(1);
  return rows[0]?.a ?? null;
}

export async function insertAssessment(db: Db, row: typeof assessments.$inferInsert): Promise<AssessmentRow> {
  const [r] = await db.insert(assessments).values(row).returning();
  return r;
}

export async function updateAssessment(db: Db, orgId: string, id: string, patch: Partial<typeof assessments.$inferInsert>): Promise<AssessmentRow> {
  const [r] = await db.update(assessments).set(patch).where(and(eq(assessments.orgId, orgId), eq(assessments.id, id))).returning();
  return r;
}

export async function listAnswers(db: Db, assessmentId: string): Promise<AnswerRow[]> {
  return db.select().from(assessmentAnswers).where(eq(assessmentAnswers.assessmentId, assessmentId));
}

export async function upsertAnswer(db: Db, row: typeof assessmentAnswers.$inferInsert): Promise<AnswerRow> {
  const [r] = await db
    .insert(assessmentAnswers)
    .values(row)
    .onConflictDoUpdate({ target: [assessmentAnswers.assessmentId, assessmentAnswers.questionId], set: { value: row.value, reviewStatus: row.reviewStatus, carriedOver: row.carriedOver, updatedBy: row.updatedBy, updatedAt: row.updatedAt } })
    .returning();
  return r;
}

export async function deleteAnswers(db: Db, assessmentId: string, questionIds: string[]) {
  if (questionIds.length === 0) return;
  await db.delete(assessmentAnswers).where(and(eq(assessmentAnswers.assessmentId, assessmentId), inArray(assessmentAnswers.questionId, questionIds)));
}

export async function setReviewStatus(db: Db, assessmentId: string, questionId: string, status: string, at: Date): Promise<AnswerRow | null> {
  const rows = await db
    .update(assessmentAnswers)
    .set({ reviewStatus: status, updatedAt: at })
    .where(and(eq(assessmentAnswers.assessmentId, assessmentId), eq(assessmentAnswers.questionId, questionId)))
    .returning();
  return rows[0] ?? null;
}

export async function confirmCarriedOver(db: Db, assessmentId: string) {
  await db.update(assessmentAnswers).set({ carriedOver: 0 }).where(eq(assessmentAnswers.assessmentId, assessmentId));
}

/** Comments of an assessment; `vendorOnly` leaves out internal notes (the portal's view). */
export async function listComments(db: Db, assessmentId: string, vendorOnly: boolean) {
  const where: SQL[] = [eq(assessmentComments.assessmentId, assessmentId)];
  if (vendorOnly) where.push(eq(assessmentComments.visibility, 'vendor'));
  return db
    .select({ comment: assessmentComments, authorName: users.name, authorRole: users.role })
    .from(assessmentComments)
    .leftJoin(users, eq(users.id, assessmentComments.authorId))
    .where(and(...where))
    .orderBy(asc(assessmentComments.createdAt))
    .limit(2000);
}

export async function insertComment(db: Db, row: typeof assessmentComments.$inferInsert): Promise<CommentRow> {
  const [r] = await db.insert(assessmentComments).values(row).returning();
  return r;
}

export async function listFindings(db: Db, orgId: string, f: { id?: string; vendorId?: string; assessmentId?: string; status?: string }) {
  const where: SQL[] = [eq(findings.orgId, orgId)];
  if (f.id) where.push(eq(findings.id, f.id));
  if (f.vendorId) where.push(eq(findings.vendorId, f.vendorId));
  if (f.assessmentId) where.push(eq(findings.assessmentId, f.assessmentId));
  if (f.status) where.push(eq(findings.status, f.status));
  return db
    .select({ finding: findings, vendorName: vendors.name, ownerName: users.name })
    .from(findings)
    .innerJoin(vendors, eq(vendors.id, findings.vendorId))
    .leftJoin(users, eq(users.id, findings.ownerId))
    .where(and(...where))
    .orderBy(desc(findings.createdAt))
    .limit(1000);
}

export async function findFinding(db: Db, orgId: string, id: string): Promise<FindingRow | null> {
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

/** Open assessments due on the given dates or overdue: what the reminder job looks at. */
export async function openAssessmentsForReminders(db: Db, dueBy: string) {
  return db
    .select({ assessment: assessments, vendorName: vendors.name, contactEmail: users.email })
    .from(assessments)
    .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
    .innerJoin(users, eq(users.id, assessments.contactUserId))
    .where(and(inArray(assessments.status, ['sent', 'in_progress']), isNull(users.disabledAt), sql`${assessments.dueDate} <= ${dueBy}::date`))
    .limit(5000);
}
