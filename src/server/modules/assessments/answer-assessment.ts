import type { z } from 'zod';
import { checkAnswers, validateAnswer, visibleQuestionIds, type AnswerValue } from '../../../domain/questionnaire/answers.ts';
import { findQuestion } from '../../../domain/questionnaire/form.ts';
import { answerWindows, submitWindow } from '../../../domain/questionnaire/reopen.ts';
import type { SavedAnswer } from '../../../shared/contracts/due-diligence.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import type { MailContext } from '../../mail/mailer.ts';
import { change } from '../audit/audit.public.ts';
import { referenceEvidence } from '../evidence/evidence.public.ts';
import { definitionOfVersion } from '../questionnaires/questionnaires.public.ts';
import { assessmentPolicy } from './assessments.policy.ts';
import { answersOf } from './assessments.presenter.ts';
import * as repo from './assessments.repo.ts';

/** The vendor's side of an assessment: answering (autosave), confirming what was carried over, submitting. */

/**
 * Autosaves one answer. Refused once the reopen rule closes the question
 * (src/domain/questionnaire/reopen.ts), for questions hidden by their condition, and for
 * values of the wrong type; answers that the change hides are removed, as the vendor can
 * no longer see them. Each save is an audit row: the vendor's answers are evidence too.
 */
export async function saveAnswer(ctx: Ctx, assessmentId: string, questionId: string, value: unknown): Promise<z.output<typeof SavedAnswer>> {
  assessmentPolicy.check(ctx.actor, 'answer');
  const orgId = ctx.actor.orgId;
  return change(ctx, async (tx) => {
    const a = assessmentPolicy.authorize(ctx.actor, 'answer', await repo.lockAssessment(tx.db, orgId, assessmentId));
    const definition = await definitionOfVersion(tx, a.templateVersionId);
    const question = findQuestion(definition, questionId)?.question;
    if (!question) throw AppError.notFound('The question');
    const rows = await repo.listAnswers(tx.db, orgId, assessmentId);
    const window = answerWindows(a.status, definition, rows)(questionId);
    if (window === 'closed') throw new AppError('conflict', 'This questionnaire was submitted; answers can no longer change.');
    const problem = validateAnswer(question, value);
    if (problem) throw AppError.invalid('value', problem);
    if (question.type === 'file' && Array.isArray(value)) await referenceEvidence(tx, value as string[], a.vendorId);
    const answers: Record<string, AnswerValue> = { ...answersOf(rows), [questionId]: value as AnswerValue };
    const visible = new Set(visibleQuestionIds(definition, answers));
    if (!visible.has(questionId)) throw AppError.invalid('questionId', 'This question is not shown for your earlier answers, so it cannot be answered.');
    const removedHidden = Object.keys(answers).filter((id) => !visible.has(id));
    await repo.deleteAnswers(tx.db, orgId, assessmentId, removedHidden);
    const before = rows.find((r) => r.questionId === questionId) ?? null;
    const saved = await repo.upsertAnswer(tx.db, {
      assessmentId,
      orgId,
      questionId,
      value: value as AnswerValue,
      reviewStatus: window === 'reopened' ? 'updated' : 'pending',
      carriedOver: 0,
      updatedBy: ctx.actor.userId,
      updatedAt: ctx.now,
    });
    if (a.status === 'sent') await repo.updateAssessment(tx.db, orgId, assessmentId, { status: 'in_progress', updatedAt: ctx.now });
    await tx.audit({
      action: 'assessment.answer',
      objectType: 'assessment',
      objectId: assessmentId,
      before: { questionId, value: before?.value ?? null, reviewStatus: before?.reviewStatus ?? null },
      after: { questionId, value: saved.value, reviewStatus: saved.reviewStatus, removedHidden },
    });
    return { questionId, value: saved.value as AnswerValue, removedHidden };
  });
}

/** Confirms every answer carried over from the previous assessment as still true. */
export async function confirmCarriedOver(ctx: Ctx, assessmentId: string): Promise<void> {
  assessmentPolicy.check(ctx.actor, 'confirm');
  await change(ctx, async (tx) => {
    assessmentPolicy.authorize(ctx.actor, 'confirm', await repo.lockAssessment(tx.db, ctx.actor.orgId, assessmentId));
    const confirmed = await repo.confirmCarriedOver(tx.db, ctx.actor.orgId, assessmentId);
    if (confirmed.length) await tx.audit({ action: 'assessment.confirm', objectType: 'assessment', objectId: assessmentId, after: { questionIds: confirmed.map((r) => r.questionId) } });
  });
}

/** Submits: every visible required question answered, nothing carried over left unconfirmed. */
export async function submitAssessment(ctx: Ctx, assessmentId: string, mail: MailContext): Promise<void> {
  assessmentPolicy.check(ctx.actor, 'submit');
  const orgId = ctx.actor.orgId;
  await change(ctx, async (tx) => {
    const before = assessmentPolicy.authorize(ctx.actor, 'submit', await repo.lockAssessment(tx.db, orgId, assessmentId));
    const rows = await repo.listAnswers(tx.db, orgId, assessmentId);
    // Submitting again tells the reviewer about answers changed after a clarification request.
    if (submitWindow(before.status, rows) === 'closed') throw new AppError('conflict', 'This questionnaire was already submitted.');
    const definition = await definitionOfVersion(tx, before.templateVersionId);
    const check = checkAnswers(definition, answersOf(rows));
    const carried = rows.filter((r) => r.carriedOver === 1).map((r) => r.questionId);
    const issues = [
      ...check.missingRequired.map((id) => ({ path: id, message: `Required: ${findQuestion(definition, id)?.question.text ?? id}` })),
      ...carried.map((id) => ({ path: id, message: 'Carried over from last time: confirm or change it' })),
      ...check.issues.map((i) => ({ path: i.questionId, message: i.message })),
    ];
    if (issues.length) throw new AppError('validation_failed', `${issues.length} answer(s) need attention before you can submit.`, { issues });
    const changed = rows.filter((r) => r.reviewStatus === 'updated').map((r) => r.questionId);
    await repo.setReviewStatus(tx.db, orgId, assessmentId, changed, 'pending', ctx.now);
    const after = await repo.updateAssessment(tx.db, orgId, assessmentId, { status: 'submitted', submittedAt: ctx.now, updatedAt: ctx.now });
    await tx.audit({ action: 'assessment.submit', objectType: 'assessment', objectId: assessmentId, before, after });
  });
  const people = await repo.findAssessmentPeople(ctx.db, orgId, assessmentId);
  const reviewer = people?.reviewer;
  if (reviewer && !reviewer.disabledAt) {
    const vendorName = people.vendorName;
    await mail.mailer.send({
      to: reviewer.email,
      subject: `${vendorName} submitted its questionnaire`,
      text: `Hello ${reviewer.name},\n\n${vendorName} submitted its due-diligence questionnaire. Review it here:\n\n${mail.baseUrl}/assessments/${assessmentId}\n`,
    });
  }
}
