import { visibleQuestionIds, type AnswerValue } from '../../../domain/questionnaire/answers.ts';
import type { AnswerT, AssessmentDetailT, CommentT, EvidenceT } from './types.ts';

export type ReviewFilter = 'all' | 'pending' | 'clarification' | 'finding';

export interface ReviewModel {
  answers: Map<string, AnswerT>;
  visible: Set<string>;
  commentsByQuestion: Map<string, CommentT[]>;
  general: CommentT[];
  evidence: Map<string, EvidenceT>;
  counts: { pending: number; accepted: number; clarification: number; finding: number; answered: number; visible: number };
  /** Answers nobody has judged yet (pending, or changed after a clarification): completing with them needs a confirmation. */
  unreviewed: number;
  /** Pending answers with no finding on them: what "Accept unflagged answers" accepts (the server decides the same way). */
  unflagged: number;
}

const NONE: CommentT[] = [];
export const noComments = NONE;

/** Everything the review screen derives from one assessment (computed once per fetch). */
export function reviewModel(a: AssessmentDetailT, vendorEvidence: EvidenceT[] | undefined): ReviewModel {
  const answers = new Map(a.answers.map((x) => [x.questionId, x]));
  const values: Record<string, AnswerValue> = Object.fromEntries(a.answers.map((x) => [x.questionId, x.value]));
  const visible = new Set(visibleQuestionIds(a.definition, values));
  const commentsByQuestion = new Map<string, CommentT[]>();
  const general: CommentT[] = [];
  for (const c of a.comments) {
    if (!c.questionId) general.push(c);
    else commentsByQuestion.set(c.questionId, [...(commentsByQuestion.get(c.questionId) ?? []), c]);
  }
  const evidence = new Map<string, EvidenceT>();
  for (const e of vendorEvidence ?? []) evidence.set(e.id, e);
  for (const e of a.evidence) evidence.set(e.id, e);
  const counts = { pending: 0, accepted: 0, clarification: 0, updated: 0, finding: 0, answered: 0, visible: visible.size };
  const flagged = new Set(a.findings.map((f) => f.questionId));
  let unflagged = 0;
  for (const x of a.answers) {
    if (x.reviewStatus === 'pending' && !flagged.has(x.questionId)) unflagged++;
    if (!visible.has(x.questionId) || x.value === null) continue;
    counts.answered++;
    counts[x.reviewStatus]++;
  }
  return { answers, visible, commentsByQuestion, general, evidence, counts, unreviewed: counts.pending + counts.updated, unflagged };
}

/** Whether a question passes the review filter. */
export function matchesFilter(filter: ReviewFilter, answer: AnswerT | undefined, visible: boolean): boolean {
  if (filter === 'all') return true;
  if (!visible || !answer || answer.value === null) return false;
  return answer.reviewStatus === filter;
}
