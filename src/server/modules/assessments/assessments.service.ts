import type { z } from 'zod';
import { checkAnswers, visibleQuestionIds } from '../../../domain/questionnaire/answers.ts';
import { formOf } from '../../../domain/questionnaire/form.ts';
import { type ScoreFindings, scoreAnswers, type ScoreResult } from '../../../domain/questionnaire/score.ts';
import type { Db } from '../../db/client.ts';
import type { AssessmentDetail, AssessmentListQuery, AssessmentSummary, Score } from '../../../shared/contracts/due-diligence.ts';
import type { PortalAssessment, PortalRequest } from '../../../shared/contracts/portal.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { evidenceOfAssessment } from '../evidence/evidence.public.ts';
import { definitionOfVersion } from '../questionnaires/questionnaires.public.ts';
import { assessmentPolicy } from './assessments.policy.ts';
import { answersOf, presentAnswer, presentAssessmentSummary, presentComment, presentFinding, presentPortalAnswer, presentPortalComment, presentPortalRequest } from './assessments.presenter.ts';
import * as repo from './assessments.repo.ts';

/** One page of assessments, newest request first. */
export async function listAssessments(ctx: Ctx, q: z.output<typeof AssessmentListQuery>) {
  assessmentPolicy.check(ctx.actor, 'list');
  const f = { vendorId: q.vendorId, status: q.status ? [q.status] : undefined };
  return keysetPage(q, repo.ASSESSMENT_SORT, (after, limit) => repo.listAssessments(ctx.db, ctx.actor.orgId, f, after, limit), (r) => presentAssessmentSummary(r, ctx.now));
}

/** Everything a reviewer sees: questions, answers, both comment threads, findings, evidence and the live score. */
export async function getAssessment(ctx: Ctx, id: string): Promise<z.output<typeof AssessmentDetail>> {
  const row = await repo.findAssessment(ctx.db, ctx.actor.orgId, id);
  const a = assessmentPolicy.authorize(ctx.actor, 'read', row?.assessment);
  const definition = await definitionOfVersion(ctx, a.templateVersionId);
  const answerRows = await repo.listAnswers(ctx.db, ctx.actor.orgId, id);
  const answers = answersOf(answerRows);
  const findingRows = await repo.listAssessmentFindings(ctx.db, ctx.actor.orgId, id);
  return {
    ...presentAssessmentSummary(row!, ctx.now),
    contactEmail: row!.contactEmail,
    definition,
    answers: answerRows.map(presentAnswer),
    comments: (await repo.listComments(ctx.db, ctx.actor.orgId, id, false)).map(presentComment),
    findings: findingRows.map(presentFinding),
    evidence: await evidenceOfAssessment(ctx, id),
    missingRequired: [...checkAnswers(definition, answers).missingRequired],
    // The score's contract mirrors the domain's ScoreResult (readonly there).
    score: ((a.score as ScoreResult | null) ?? scoreAnswers(definition, answers, { findings: judgement(answerRows, findingRows) })) as z.output<typeof Score>,
  };
}

/** What the review says against the answers, in the score's terms: severity of the worst finding per answer. */
function judgement(answerRows: repo.AnswerRow[], findingRows: Array<{ finding: repo.FindingRow }>): ScoreFindings {
  const rank = ['low', 'medium', 'high', 'critical'];
  const onAnswers = new Map<string, string>();
  let withoutAnswer = 0;
  for (const { finding: f } of findingRows) {
    if (!f.questionId) {
      withoutAnswer += 1;
      continue;
    }
    const had = onAnswers.get(f.questionId);
    if (had === undefined || rank.indexOf(f.severity) > rank.indexOf(had)) onAnswers.set(f.questionId, f.severity);
  }
  for (const r of answerRows) if (r.reviewStatus === 'finding' && !onAnswers.has(r.questionId)) onAnswers.set(r.questionId, 'marked finding');
  return { onAnswers, withoutAnswer };
}

async function scoreNow(db: Db, orgId: string, id: string, definition: Parameters<typeof scoreAnswers>[0]): Promise<ScoreResult> {
  const answerRows = await repo.listAnswers(db, orgId, id);
  return scoreAnswers(definition, answersOf(answerRows), { findings: judgement(answerRows, await repo.listAssessmentFindings(db, orgId, id)) });
}

/** Answers the reviewer has not judged yet: neither accepted, sent back, nor marked a finding. */
const unreviewed = (rows: repo.AnswerRow[]) => rows.filter((r) => r.reviewStatus === 'pending' || r.reviewStatus === 'updated');

/**
 * Closes the review: freezes the score; the vendor's next review date follows from its
 * inherent risk. With answers nobody reviewed it refuses unless `confirmUnreviewed`: the
 * route passes what the reviewer sent; in-process callers (seeds, builders) that leave
 * `opts` out have decided already and complete as before.
 */
export async function completeAssessment(ctx: Ctx, id: string, opts: { confirmUnreviewed: boolean } = { confirmUnreviewed: true }) {
  assessmentPolicy.check(ctx.actor, 'complete');
  await change(ctx, async (tx) => {
    const before = assessmentPolicy.authorize(ctx.actor, 'complete', await repo.lockAssessment(tx.db, ctx.actor.orgId, id));
    const definition = await definitionOfVersion(tx, before.templateVersionId);
    const answerRows = await repo.listAnswers(tx.db, ctx.actor.orgId, id);
    // Only the answers the reviewer can see count, as on the review screen.
    const visible = new Set(visibleQuestionIds(definition, answersOf(answerRows)));
    const shown = answerRows.filter((r) => visible.has(r.questionId) && r.value !== null);
    const open = unreviewed(shown).length;
    // Completing freezes the score: doing it with answers nobody looked at must be a decision, not a slip.
    if (open > 0 && !opts.confirmUnreviewed) {
      throw new AppError('conflict', `${open} of ${shown.length} answers are not reviewed yet. Review them, or confirm completing with unreviewed answers (confirmUnreviewed: true).`, { unreviewed: open, answers: shown.length });
    }
    const score = await scoreNow(tx.db, ctx.actor.orgId, id, definition);
    const after = await repo.updateAssessment(tx.db, ctx.actor.orgId, id, { status: 'completed', completedAt: ctx.now, score, overallScore: score.overall, updatedAt: ctx.now });
    await tx.audit({ action: 'assessment.complete', objectType: 'assessment', objectId: id, before, after });
  });
  return getAssessment(ctx, id);
}

/**
 * Accepts, in one go, every answer nobody has flagged: pending, not sent back, with no
 * finding on it. An answer changed after a clarification ('updated') is left for a look.
 */
export async function acceptUnflagged(ctx: Ctx, id: string): Promise<{ accepted: number }> {
  assessmentPolicy.check(ctx.actor, 'review');
  const orgId = ctx.actor.orgId;
  return change(ctx, async (tx) => {
    assessmentPolicy.authorize(ctx.actor, 'review', await repo.lockAssessment(tx.db, orgId, id));
    const flagged = new Set((await repo.listAssessmentFindings(tx.db, orgId, id)).map((r) => r.finding.questionId));
    const ids = (await repo.listAnswers(tx.db, orgId, id)).filter((r) => r.reviewStatus === 'pending' && !flagged.has(r.questionId)).map((r) => r.questionId);
    const accepted = await repo.setReviewStatus(tx.db, orgId, id, ids, 'accepted', ctx.now);
    if (accepted.length > 0) await tx.audit({ action: 'assessment.review', objectType: 'assessment', objectId: id, before: { questionIds: ids, reviewStatus: 'pending' }, after: { questionIds: ids, reviewStatus: 'accepted' } });
    return { accepted: accepted.length };
  });
}

/** Withdraws the questionnaire: it leaves the vendor's portal. */
export async function cancelAssessment(ctx: Ctx, id: string) {
  assessmentPolicy.check(ctx.actor, 'cancel');
  await change(ctx, async (tx) => {
    const before = assessmentPolicy.authorize(ctx.actor, 'cancel', await repo.lockAssessment(tx.db, ctx.actor.orgId, id));
    const after = await repo.updateAssessment(tx.db, ctx.actor.orgId, id, { status: 'cancelled', updatedAt: ctx.now });
    await tx.audit({ action: 'assessment.cancel', objectType: 'assessment', objectId: id, before, after });
  });
  return getAssessment(ctx, id);
}

/**
 * An assessment id named by an evidence upload for `vendorId`: one the caller may see, of
 * that vendor, that still takes documents from the caller. Another organisation's, another
 * vendor's or an unknown id is an invalid field; a closed request a conflict.
 */
export async function referenceAssessmentForEvidence(ctx: Ctx, id: string, vendorId: string, message: string, field = 'assessmentId'): Promise<repo.AssessmentRow> {
  const found = await repo.findAssessment(ctx.db, ctx.actor.orgId, id);
  const a = assessmentPolicy.reference(ctx.actor, 'reference', found?.assessment, field, message);
  if (a.vendorId !== vendorId) throw AppError.invalid(field, message);
  return assessmentPolicy.authorize(ctx.actor, 'attachEvidence', a);
}

// ── The vendor's side ───────────────────────────────────────────────────────

/** The requests in a vendor contact's portal: its vendor's, newest first, without the cancelled ones. */
export async function listVendorRequests(ctx: Ctx): Promise<Array<z.output<typeof PortalRequest>>> {
  assessmentPolicy.check(ctx.actor, 'listAsVendor');
  if (!ctx.actor.vendorId) throw AppError.notFound('Your vendor');
  const out: Array<z.output<typeof PortalRequest>> = [];
  const f = { vendorId: ctx.actor.vendorId, status: ['sent', 'in_progress', 'submitted', 'completed'] };
  // A vendor has a few requests a year; the portal shows them all, page after page.
  let cursor: string | undefined;
  do {
    const page = await keysetPage({ cursor, limit: 200 }, repo.ASSESSMENT_SORT, (after, limit) => repo.listAssessments(ctx.db, ctx.actor.orgId, f, after, limit), (r) => r);
    for (const r of page.items) if (assessmentPolicy.can(ctx.actor, 'readAsVendor', r.assessment)) out.push(presentPortalRequest(r, ctx.now));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** One request as the vendor sees it: its form (no scores), its answers, the thread addressed to it, its evidence. */
export async function getVendorAssessment(ctx: Ctx, id: string): Promise<z.output<typeof PortalAssessment>> {
  const row = await repo.findAssessment(ctx.db, ctx.actor.orgId, id);
  const a = assessmentPolicy.authorize(ctx.actor, 'readAsVendor', row?.assessment);
  const definition = await definitionOfVersion(ctx, a.templateVersionId);
  const answerRows = await repo.listAnswers(ctx.db, ctx.actor.orgId, id);
  const s = presentAssessmentSummary(row!, ctx.now);
  return {
    id: s.id,
    templateName: s.templateName,
    status: s.status,
    dueDate: s.dueDate,
    overdue: s.overdue,
    definition: formOf(definition),
    visible: visibleQuestionIds(definition, answersOf(answerRows)),
    answers: answerRows.map(presentPortalAnswer),
    comments: (await repo.listComments(ctx.db, ctx.actor.orgId, id, true)).map(presentPortalComment),
    evidence: await evidenceOfAssessment(ctx, id),
  };
}

// ── The overview ────────────────────────────────────────────────────────────

/** Assessments in `status` (and due before `dueBefore`), newest first, at most `cap`; `truncated` when there were more. */
export async function assessmentsForOverview(ctx: Ctx, f: { status: string[]; dueBefore?: string }, cap: number): Promise<{ items: AssessmentSummary[]; truncated: boolean }> {
  assessmentPolicy.check(ctx.actor, 'list');
  const rows = await repo.listAssessments(ctx.db, ctx.actor.orgId, f, null, cap + 1);
  return { items: rows.slice(0, cap).map((r) => presentAssessmentSummary(r, ctx.now)), truncated: rows.length > cap };
}

/** Each vendor's last completed assessment: its score and when. */
export async function lastCompletedByVendor(ctx: Ctx): Promise<Map<string, { overallScore: number | null; completedAt: string | null }>> {
  assessmentPolicy.check(ctx.actor, 'list');
  const rows = await repo.lastCompletedPerVendor(ctx.db, ctx.actor.orgId);
  return new Map(rows.map((r) => [r.vendorId, { overallScore: r.overallScore, completedAt: r.completedAt?.toISOString() ?? null }]));
}

/**
 * The clarification threads with a vendor since `from` (for the client's own side, measured):
 * each message's thread (assessment and question), who wrote it, when, and when its
 * assessment was closed. Internal notes are not part of any thread.
 */
export async function clarificationThreadsOfVendor(ctx: Ctx, vendorId: string, from: Date) {
  assessmentPolicy.check(ctx.actor, 'list');
  const rows = await repo.threadMessagesOfVendor(ctx.db, ctx.actor.orgId, vendorId, from);
  return rows.map((r) => ({
    thread: `${r.assessmentId}/${r.questionId ?? ''}`,
    side: r.byVendor ? ('vendor' as const) : ('client' as const),
    atMs: r.createdAt.getTime(),
    closedAtMs: r.closedAt ? r.closedAt.getTime() : null,
  }));
}
