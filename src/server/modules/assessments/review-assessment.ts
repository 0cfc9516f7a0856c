import type { z } from 'zod';
import { findQuestion } from '../../../domain/questionnaire/form.ts';
import type { Comment } from '../../../shared/contracts/due-diligence.ts';
import type { PortalComment } from '../../../shared/contracts/portal.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import type { MailContext } from '../../mail/mailer.ts';
import { change } from '../audit/audit.public.ts';
import { definitionOfVersion } from '../questionnaires/questionnaires.public.ts';
import { assessmentPolicy } from './assessments.policy.ts';
import { presentComment, presentPortalComment } from './assessments.presenter.ts';
import * as repo from './assessments.repo.ts';
import { mailLink } from './send-assessment.ts';

/** The reviewer's verdict on one answer; asking for clarification reopens it for the vendor (and tells the vendor). */
export async function reviewAnswer(ctx: Ctx, assessmentId: string, questionId: string, status: 'pending' | 'accepted' | 'clarification' | 'finding', mail: MailContext): Promise<void> {
  assessmentPolicy.check(ctx.actor, 'review');
  const orgId = ctx.actor.orgId;
  const notify = await change(ctx, async (tx) => {
    const a = assessmentPolicy.authorize(ctx.actor, 'review', await repo.lockAssessment(tx.db, orgId, assessmentId));
    const before = (await repo.listAnswers(tx.db, orgId, assessmentId)).find((r) => r.questionId === questionId);
    if (!before) throw AppError.notFound('The answer');
    const [after] = await repo.setReviewStatus(tx.db, orgId, assessmentId, [questionId], status, ctx.now);
    await tx.audit({ action: 'assessment.review', objectType: 'assessment', objectId: assessmentId, before: { questionId, reviewStatus: before.reviewStatus }, after: { questionId, reviewStatus: after.reviewStatus } });
    return status === 'clarification' && before.reviewStatus !== 'clarification' ? a : null;
  });
  if (!notify) return;
  const people = await repo.findAssessmentPeople(ctx.db, orgId, assessmentId);
  const contact = people?.contact;
  if (contact && !contact.disabledAt) {
    await mailLink(ctx.db, mail, { orgId, assessmentId, contactId: contact.id, email: contact.email, kind: 'clarification', vendorName: people.vendorName, dueDate: notify.dueDate, now: ctx.now });
  }
}

interface CommentInput {
  questionId?: string | null;
  body: string;
}

async function insertComment(ctx: Ctx, action: 'comment' | 'reply', assessmentId: string, input: CommentInput, visibility: 'vendor' | 'internal') {
  assessmentPolicy.check(ctx.actor, action);
  return change(ctx, async (tx) => {
    const found = await repo.findAssessment(tx.db, ctx.actor.orgId, assessmentId);
    const a = assessmentPolicy.authorize(ctx.actor, action, found?.assessment);
    if (input.questionId && !findQuestion(await definitionOfVersion(tx, a.templateVersionId), input.questionId)) {
      throw AppError.invalid('questionId', 'No such question in this questionnaire.');
    }
    const c = await repo.insertComment(tx.db, { orgId: ctx.actor.orgId, assessmentId, questionId: input.questionId ?? null, visibility, authorId: ctx.actor.userId, body: input.body, createdAt: ctx.now });
    await tx.audit({ action: 'assessment.comment', objectType: 'assessment', objectId: assessmentId, after: c });
    return { comment: c, authorName: ctx.actor.name, authorRole: ctx.actor.role };
  });
}

/** A reviewer's comment in the thread with the vendor, or an internal note the vendor never sees. */
export async function addComment(ctx: Ctx, assessmentId: string, input: CommentInput & { visibility: 'vendor' | 'internal' }): Promise<z.output<typeof Comment>> {
  return presentComment(await insertComment(ctx, 'comment', assessmentId, input, input.visibility));
}

/** The vendor's reply in the thread: always addressed to the client's reviewers, never an internal note. */
export async function addVendorReply(ctx: Ctx, assessmentId: string, input: CommentInput): Promise<z.output<typeof PortalComment>> {
  return presentPortalComment(await insertComment(ctx, 'reply', assessmentId, input, 'vendor'));
}
