import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { findOrg } from '../auth/auth.repo.ts';
import { listEvidence } from '../evidence/evidence.repo.ts';
import { toEvidence } from '../evidence/evidence.view.ts';
import * as repo from '../assessments/assessments.repo.ts';
import { loadDefinition } from '../assessments/assessments.service.ts';
import { answersOf, toAnswer, toAssessmentSummary, toComment } from '../assessments/assessments.view.ts';
import { visibleQuestionIds } from '../../../domain/questionnaire/answers.ts';
import { findVendor } from '../vendors/vendors.repo.ts';

function vendorIdOf(ctx: Ctx): string {
  if (!ctx.actor.vendorId) throw AppError.notFound('Your vendor');
  return ctx.actor.vendorId;
}

/** The portal's home: the contact's vendor and its open and past requests. */
export async function portalHome(ctx: Ctx) {
  const vendorId = vendorIdOf(ctx);
  const vendor = await findVendor(ctx.db, ctx.actor.orgId, vendorId);
  if (!vendor) throw AppError.notFound('Your vendor');
  const org = await findOrg(ctx.db, ctx.actor.orgId);
  const requests = (await repo.listAssessments(ctx.db, ctx.actor.orgId, { vendorId })).filter((r) => r.assessment.status !== 'cancelled');
  return {
    vendor: { id: vendor.vendor.id, name: vendor.vendor.name },
    org: { name: org?.name ?? '' },
    requests: requests.map((r) => {
      const s = toAssessmentSummary(r, ctx.now);
      // The reviewer's score is the client's business, not the vendor's.
      return { id: s.id, templateName: s.templateName, status: s.status, dueDate: s.dueDate, overdue: s.overdue, sentAt: s.sentAt, submittedAt: s.submittedAt };
    }),
  };
}

/** One request as the vendor sees it: questions, its answers, the thread addressed to it. */
export async function portalAssessment(ctx: Ctx, id: string) {
  const vendorId = vendorIdOf(ctx);
  const row = await repo.findAssessmentWithNames(ctx.db, ctx.actor.orgId, id);
  if (!row || row.assessment.vendorId !== vendorId || row.assessment.status === 'cancelled') throw AppError.notFound('The questionnaire');
  const definition = await loadDefinition(ctx.db, ctx.actor.orgId, row.assessment.templateVersionId);
  const answerRows = await repo.listAnswers(ctx.db, id);
  const s = toAssessmentSummary(row, ctx.now);
  return {
    id: s.id,
    templateName: s.templateName,
    status: s.status,
    dueDate: s.dueDate,
    overdue: s.overdue,
    definition,
    visible: visibleQuestionIds(definition, answersOf(answerRows)),
    answers: answerRows.map(toAnswer),
    comments: (await repo.listComments(ctx.db, id, true)).map(toComment),
    evidence: (await listEvidence(ctx.db, ctx.actor.orgId, { assessmentId: id })).filter((e) => e.vendorId === vendorId).map((e) => toEvidence(e, ctx.now)),
  };
}

export async function portalEvidence(ctx: Ctx) {
  const vendorId = vendorIdOf(ctx);
  return (await listEvidence(ctx.db, ctx.actor.orgId, { vendorId })).map((e) => toEvidence(e, ctx.now));
}
