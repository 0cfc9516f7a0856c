import type { Template } from '../../../domain/questionnaire/template.ts';
import type { AnswerValue } from '../../../domain/questionnaire/answers.ts';
import * as repo from './assessments.repo.ts';

export type AssessmentListRow = Awaited<ReturnType<typeof repo.listAssessments>>[number];

/** `now` decides "overdue": the request's clock, so tests and replays agree. */
export function toAssessmentSummary(r: AssessmentListRow, now: Date) {
  const a = r.assessment;
  return {
    id: a.id,
    vendorId: a.vendorId,
    vendorName: r.vendorName,
    templateId: r.templateId,
    templateName: r.templateName,
    templateVersion: r.templateVersion,
    status: a.status,
    dueDate: a.dueDate,
    overdue: (a.status === 'sent' || a.status === 'in_progress') && a.dueDate < now.toISOString().slice(0, 10),
    reviewerId: a.reviewerId,
    overallScore: a.overallScore,
    sentAt: a.sentAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    completedAt: a.completedAt?.toISOString() ?? null,
  };
}

export function answersOf(rows: repo.AnswerRow[]): Record<string, AnswerValue> {
  return Object.fromEntries(rows.map((r) => [r.questionId, r.value as AnswerValue]));
}

export function toAnswer(r: repo.AnswerRow) {
  return { questionId: r.questionId, value: r.value as AnswerValue, reviewStatus: r.reviewStatus, carriedOver: r.carriedOver === 1, updatedAt: r.updatedAt.toISOString() };
}

export function toComment(r: Awaited<ReturnType<typeof repo.listComments>>[number]) {
  return {
    id: r.comment.id,
    questionId: r.comment.questionId,
    visibility: r.comment.visibility,
    body: r.comment.body,
    authorName: r.authorName ?? 'Outsight',
    fromVendor: r.authorRole === 'vendor_contact',
    createdAt: r.comment.createdAt.toISOString(),
  };
}

export function toFinding(r: Awaited<ReturnType<typeof repo.listFindings>>[number]) {
  const f = r.finding;
  return {
    id: f.id,
    vendorId: f.vendorId,
    vendorName: r.vendorName,
    assessmentId: f.assessmentId,
    questionId: f.questionId,
    title: f.title,
    description: f.description,
    severity: f.severity,
    ownerId: f.ownerId,
    ownerName: r.ownerName,
    dueDate: f.dueDate,
    status: f.status,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}

/** The question a vendor is asked, by id, for error messages. */
export function questionText(t: Template, id: string): string | null {
  for (const s of t.sections) for (const q of s.questions) if (q.id === id) return q.text;
  return null;
}
