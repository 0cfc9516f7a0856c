/**
 * The reopen rule: which answers a vendor may still change, and when it may submit.
 *
 * Before the vendor submits (`sent`, `in_progress`) every answer is open. Once submitted,
 * only what the reviewer sent back for clarification reopens — as often as the vendor
 * likes, until it submits again — together with a question nobody has answered yet whose
 * visibility depends on a reopened answer (the changed answer may reveal it). Everything
 * else, and every answer of a completed or cancelled assessment, is closed.
 *
 * The server enforces this and the portal renders it (which questions show an input),
 * both from this one function.
 */
import { conditionLeaves } from './condition.ts';
import { findQuestion, type QuestionnaireForm } from './form.ts';

export type AnswerWindow = 'open' | 'reopened' | 'closed';

/** Review statuses that reopen an answer: sent back for clarification, or already changed since. */
export const REOPENING_REVIEW_STATUSES: readonly string[] = ['clarification', 'updated'];

/** An answer as far as the rule cares: which question, and what the review made of it (null: nothing the vendor may know). */
export interface AnswerMark {
  readonly questionId: string;
  readonly reviewStatus: string | null;
}

const OPEN_STATUSES: readonly string[] = ['sent', 'in_progress'];

/** The questions whose answers decide whether `questionId` is shown (its own and its section's condition). */
function dependsOn(form: QuestionnaireForm, questionId: string): string[] {
  const found = findQuestion(form, questionId);
  if (!found) return [];
  return [found.section.condition, found.question.condition].flatMap((c) => (c ? conditionLeaves(c).map((l) => l.leaf.question) : []));
}

/**
 * For an assessment in `status` with these answers: a function telling, per question,
 * whether its answer is open, reopened after submission, or closed.
 */
export function answerWindows(status: string, form: QuestionnaireForm, answers: readonly AnswerMark[]): (questionId: string) => AnswerWindow {
  if (OPEN_STATUSES.includes(status)) return () => 'open';
  if (status !== 'submitted') return () => 'closed';
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
  const reopened = new Set(answers.filter((a) => a.reviewStatus !== null && REOPENING_REVIEW_STATUSES.includes(a.reviewStatus)).map((a) => a.questionId));
  return (questionId) => {
    if (reopened.size === 0) return 'closed';
    const current = byQuestion.get(questionId);
    if (current) return reopened.has(questionId) ? 'reopened' : 'closed';
    return dependsOn(form, questionId).some((id) => reopened.has(id)) ? 'reopened' : 'closed';
  };
}

/**
 * Whether the vendor may submit: the first time while the assessment is open, and again
 * after changing answers the reviewer sent back (which tells the reviewer).
 */
export function submitWindow(status: string, answers: readonly AnswerMark[]): 'first' | 'again' | 'closed' {
  if (OPEN_STATUSES.includes(status)) return 'first';
  if (status === 'submitted' && answers.some((a) => a.reviewStatus === 'updated')) return 'again';
  return 'closed';
}
