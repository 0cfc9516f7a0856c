import type { z } from 'zod';
import type { AnswerValue } from '../../../domain/questionnaire/answers.ts';
import type { Answer, AssessmentSummary, Comment, Finding } from '../../../shared/contracts/due-diligence.ts';
import type { PortalAnswer, PortalComment, PortalRequest } from '../../../shared/contracts/portal.ts';
import type { AnswerRow, AssessmentListRow, CommentListRow, FindingListRow } from './assessments.repo.ts';

/** `now` decides "overdue": the request's clock, so tests and replays agree. */
export function presentAssessmentSummary(r: AssessmentListRow, now: Date): AssessmentSummary {
  const a = r.assessment;
  return {
    id: a.id,
    vendorId: a.vendorId,
    vendorName: r.vendorName,
    templateId: r.questionnaireId,
    templateName: r.questionnaireName,
    templateVersion: r.questionnaireVersion,
    status: a.status as AssessmentSummary['status'],
    dueDate: a.dueDate,
    overdue: (a.status === 'sent' || a.status === 'in_progress') && a.dueDate < now.toISOString().slice(0, 10),
    reviewerId: a.reviewerId,
    overallScore: a.overallScore,
    sentAt: a.sentAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    completedAt: a.completedAt?.toISOString() ?? null,
  };
}

export function answersOf(rows: AnswerRow[]): Record<string, AnswerValue> {
  return Object.fromEntries(rows.map((r) => [r.questionId, r.value as AnswerValue]));
}

export function presentAnswer(r: AnswerRow): z.output<typeof Answer> {
  return { questionId: r.questionId, value: r.value as AnswerValue, reviewStatus: r.reviewStatus as z.output<typeof Answer>['reviewStatus'], carriedOver: r.carriedOver === 1, updatedAt: r.updatedAt.toISOString() };
}

export function presentComment(r: CommentListRow): z.output<typeof Comment> {
  return {
    id: r.comment.id,
    questionId: r.comment.questionId,
    visibility: r.comment.visibility as 'vendor' | 'internal',
    body: r.comment.body,
    authorName: r.authorName ?? 'Outsight',
    fromVendor: r.authorRole === 'vendor_contact',
    createdAt: r.comment.createdAt.toISOString(),
  };
}

export function presentFinding(r: FindingListRow): Finding {
  const f = r.finding;
  return {
    id: f.id,
    vendorId: f.vendorId,
    vendorName: r.vendorName,
    assessmentId: f.assessmentId,
    questionId: f.questionId,
    title: f.title,
    description: f.description,
    severity: f.severity as Finding['severity'],
    ownerId: f.ownerId,
    ownerName: r.ownerName,
    dueDate: f.dueDate,
    status: f.status as Finding['status'],
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}

// ── What the vendor sees ────────────────────────────────────────────────────

/** A request in the vendor's portal: no reviewer, no score. */
export function presentPortalRequest(r: AssessmentListRow, now: Date): z.output<typeof PortalRequest> {
  const s = presentAssessmentSummary(r, now);
  return { id: s.id, templateName: s.templateName, status: s.status, dueDate: s.dueDate, overdue: s.overdue, sentAt: s.sentAt, submittedAt: s.submittedAt };
}

/** The review's verdict stays with the client, except that an answer was sent back (and since changed). */
export function vendorReviewStatus(reviewStatus: string): 'clarification' | 'updated' | null {
  return reviewStatus === 'clarification' || reviewStatus === 'updated' ? reviewStatus : null;
}

export function presentPortalAnswer(r: AnswerRow): z.output<typeof PortalAnswer> {
  return { questionId: r.questionId, value: r.value as AnswerValue, reviewStatus: vendorReviewStatus(r.reviewStatus), carriedOver: r.carriedOver === 1, updatedAt: r.updatedAt.toISOString() };
}

export function presentPortalComment(r: CommentListRow): z.output<typeof PortalComment> {
  const c = presentComment(r);
  return { id: c.id, questionId: c.questionId, visibility: 'vendor', body: c.body, authorName: c.authorName, fromVendor: c.fromVendor, createdAt: c.createdAt };
}
