import { checkAnswers, validateAnswer, visibleQuestionIds, type AnswerValue } from '../../../domain/questionnaire/answers.ts';
import { conditionLeaves } from '../../../domain/questionnaire/condition.ts';
import type { Template } from '../../../domain/questionnaire/template.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/record.ts';
import { findEvidence } from '../evidence/evidence.repo.ts';
import { findUser } from '../users/users.repo.ts';
import { findVendor } from '../vendors/vendors.repo.ts';
import * as repo from './assessments.repo.ts';
import { loadDefinition, mailLink, type MailContext } from './assessments.service.ts';
import { answersOf, questionText } from './assessments.view.ts';

const OPEN = new Set(['sent', 'in_progress']);
const REOPENED = new Set(['clarification', 'updated']);

/** A vendor contact's assessment; another vendor's (or organisation's) is simply not found. */
async function ownAssessment(ctx: Ctx, id: string, forUpdate = false) {
  const a = await repo.findAssessment(ctx.db, ctx.actor.orgId, id, forUpdate);
  if (!a || a.vendorId !== ctx.actor.vendorId || a.status === 'cancelled') throw AppError.notFound('The questionnaire');
  return a;
}

/** The questions whose answers decide whether `id` is shown (its own and its section's condition). */
function dependsOn(t: Template, id: string): string[] {
  for (const s of t.sections) {
    const q = s.questions.find((x) => x.id === id);
    if (!q) continue;
    return [s.condition, q.condition].flatMap((c) => (c ? conditionLeaves(c).map((l) => l.leaf.question) : []));
  }
  return [];
}

function questionOf(t: Template, id: string) {
  for (const s of t.sections) for (const q of s.questions) if (q.id === id) return q;
  return null;
}

/**
 * Autosaves one answer. Refused after submission (except answers sent back for
 * clarification), for questions hidden by their condition, and for values of the wrong
 * type; answers that the change hides are removed, as the vendor can no longer see them.
 */
export async function saveAnswer(ctx: Ctx, assessmentId: string, questionId: string, value: unknown) {
  return ctx.db.transaction(async (tx) => {
    const a = await ownAssessment({ ...ctx, db: tx }, assessmentId, true);
    const definition = await loadDefinition(tx, ctx.actor.orgId, a.templateVersionId);
    const question = questionOf(definition, questionId);
    if (!question) throw AppError.notFound('The question');
    const rows = await repo.listAnswers(tx, assessmentId);
    const current = rows.find((r) => r.questionId === questionId);
    // After submission the vendor may change what the reviewer sent back, as often as it
    // likes, and answer questions that such a change reveals; nothing else.
    const reopenedIds = new Set(rows.filter((r) => REOPENED.has(r.reviewStatus)).map((r) => r.questionId));
    const revealed = !current && dependsOn(definition, questionId).some((id) => reopenedIds.has(id));
    const reopened = a.status === 'submitted' && (current ? REOPENED.has(current.reviewStatus) : revealed);
    if (!OPEN.has(a.status) && !reopened) throw new AppError('conflict', 'This questionnaire was submitted; answers can no longer change.');
    const problem = validateAnswer(question, value);
    if (problem) throw AppError.invalid('value', problem);
    if (question.type === 'file' && Array.isArray(value)) {
      for (const evidenceId of value) {
        const e = typeof evidenceId === 'string' ? await findEvidence(tx, ctx.actor.orgId, evidenceId) : null;
        if (!e || e.vendorId !== a.vendorId) throw AppError.invalid('value', 'Attach documents you uploaded for this questionnaire.');
      }
    }
    const answers: Record<string, AnswerValue> = { ...answersOf(rows), [questionId]: value as AnswerValue };
    if (!visibleQuestionIds(definition, answers).includes(questionId)) {
      throw AppError.invalid('questionId', 'This question is not shown for your earlier answers, so it cannot be answered.');
    }
    const visible = new Set(visibleQuestionIds(definition, answers));
    await repo.deleteAnswers(tx, assessmentId, Object.keys(answers).filter((id) => !visible.has(id)));
    const saved = await repo.upsertAnswer(tx, {
      assessmentId,
      orgId: ctx.actor.orgId,
      questionId,
      value: value as AnswerValue,
      reviewStatus: reopened ? 'updated' : 'pending',
      carriedOver: 0,
      updatedBy: ctx.actor.userId,
      updatedAt: ctx.now,
    });
    if (a.status === 'sent') await repo.updateAssessment(tx, ctx.actor.orgId, assessmentId, { status: 'in_progress', updatedAt: ctx.now });
    return { questionId, value: saved.value as AnswerValue, removedHidden: Object.keys(answers).filter((id) => !visible.has(id)) };
  });
}

/** Confirms every answer carried over from the previous assessment as still true. */
export async function confirmCarriedOver(ctx: Ctx, assessmentId: string) {
  await ctx.db.transaction(async (tx) => {
    const a = await ownAssessment({ ...ctx, db: tx }, assessmentId, true);
    if (!OPEN.has(a.status)) throw new AppError('conflict', 'This questionnaire was submitted.');
    await repo.confirmCarriedOver(tx, assessmentId);
  });
}

/** Submits: every visible required question answered, nothing carried over left unconfirmed. */
export async function submitAssessment(ctx: Ctx, assessmentId: string, mail: MailContext) {
  const a = await ctx.db.transaction(async (tx) => {
    const before = await ownAssessment({ ...ctx, db: tx }, assessmentId, true);
    const rows = await repo.listAnswers(tx, assessmentId);
    // Submitting again tells the reviewer about answers changed after a clarification request.
    const changed = rows.filter((r) => r.reviewStatus === 'updated').map((r) => r.questionId);
    const reopened = before.status === 'submitted' && changed.length > 0;
    if (!OPEN.has(before.status) && !reopened) throw new AppError('conflict', 'This questionnaire was already submitted.');
    const definition = await loadDefinition(tx, ctx.actor.orgId, before.templateVersionId);
    const check = checkAnswers(definition, answersOf(rows));
    const carried = rows.filter((r) => r.carriedOver === 1).map((r) => r.questionId);
    const issues = [
      ...check.missingRequired.map((id) => ({ path: id, message: `Required: ${questionText(definition, id) ?? id}` })),
      ...carried.map((id) => ({ path: id, message: 'Carried over from last time: confirm or change it' })),
      ...check.issues.map((i) => ({ path: i.questionId, message: i.message })),
    ];
    if (issues.length) throw new AppError('validation_failed', `${issues.length} answer(s) need attention before you can submit.`, { issues });
    for (const id of changed) await repo.setReviewStatus(tx, assessmentId, id, 'pending', ctx.now);
    const after = await repo.updateAssessment(tx, ctx.actor.orgId, assessmentId, { status: 'submitted', submittedAt: ctx.now, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'assessment.submit', objectType: 'assessment', objectId: assessmentId, before, after });
    return after;
  });
  const reviewer = a.reviewerId ? await findUser(ctx.db, ctx.actor.orgId, a.reviewerId) : null;
  const vendor = await findVendor(ctx.db, ctx.actor.orgId, a.vendorId);
  if (reviewer && !reviewer.disabledAt) {
    await mail.mailer.send({
      to: reviewer.email,
      subject: `${vendor?.vendor.name ?? 'A vendor'} submitted its questionnaire`,
      text: `Hello ${reviewer.name},\n\n${vendor?.vendor.name ?? 'A vendor'} submitted its due-diligence questionnaire. Review it here:\n\n${mail.baseUrl}/assessments/${a.id}\n`,
    });
  }
}

/** The reviewer's verdict on one answer; asking for clarification reopens it for the vendor. */
export async function reviewAnswer(ctx: Ctx, assessmentId: string, questionId: string, status: 'pending' | 'accepted' | 'clarification' | 'finding', mail: MailContext) {
  const notify = await ctx.db.transaction(async (tx) => {
    const a = await repo.findAssessment(tx, ctx.actor.orgId, assessmentId, true);
    if (!a) throw AppError.notFound('The assessment');
    if (a.status !== 'submitted') throw new AppError('conflict', 'Answers are reviewed after the vendor submits.');
    const before = (await repo.listAnswers(tx, assessmentId)).find((r) => r.questionId === questionId);
    if (!before) throw AppError.notFound('The answer');
    const after = await repo.setReviewStatus(tx, assessmentId, questionId, status, ctx.now);
    await recordAudit(tx, ctx, { action: 'assessment.review', objectType: 'assessment', objectId: assessmentId, before: { questionId, reviewStatus: before.reviewStatus }, after: { questionId, reviewStatus: after?.reviewStatus } });
    return status === 'clarification' && before.reviewStatus !== 'clarification' ? a : null;
  });
  if (notify?.contactUserId) {
    const contact = await findUser(ctx.db, ctx.actor.orgId, notify.contactUserId);
    const vendor = await findVendor(ctx.db, ctx.actor.orgId, notify.vendorId);
    if (contact && !contact.disabledAt) {
      await mailLink(ctx.db, mail, { orgId: ctx.actor.orgId, assessmentId, contactId: contact.id, email: contact.email, kind: 'clarification', vendorName: vendor?.vendor.name ?? '', dueDate: notify.dueDate, now: ctx.now });
    }
  }
}

/** A comment in the thread with the vendor, or an internal note the vendor never sees. */
export async function addComment(ctx: Ctx, assessmentId: string, input: { questionId?: string | null; body: string; visibility: 'vendor' | 'internal' }) {
  const isContact = ctx.actor.role === 'vendor_contact';
  const a = isContact ? await ownAssessment(ctx, assessmentId) : await repo.findAssessment(ctx.db, ctx.actor.orgId, assessmentId);
  if (!a) throw AppError.notFound('The assessment');
  if (input.questionId) {
    const definition = await loadDefinition(ctx.db, ctx.actor.orgId, a.templateVersionId);
    if (!questionOf(definition, input.questionId)) throw AppError.invalid('questionId', 'No such question in this questionnaire.');
  }
  return ctx.db.transaction(async (tx) => {
    const c = await repo.insertComment(tx, { orgId: ctx.actor.orgId, assessmentId, questionId: input.questionId ?? null, visibility: isContact ? 'vendor' : input.visibility, authorId: ctx.actor.userId, body: input.body, createdAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'assessment.comment', objectType: 'assessment', objectId: assessmentId, after: c });
    return { id: c.id, questionId: c.questionId, visibility: c.visibility, body: c.body, authorName: ctx.actor.name, fromVendor: isContact, createdAt: c.createdAt.toISOString() };
  });
}
