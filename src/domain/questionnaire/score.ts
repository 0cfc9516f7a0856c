/**
 * Scoring answers: 0–100 per topic and overall, with the arithmetic spelled out so a
 * reviewer (or an auditor) can redo it by hand — "evidence over opinion".
 *
 * Rules:
 * - A question counts when it is visible and has weight > 0. Hidden questions never
 *   count, whatever was sent for them.
 * - Its answer score is in [0, 1]: yes/no uses yesScore (default 1) / noScore (default
 *   0); single choice uses the chosen choice's score; multiple choice the weakest
 *   selected choice's score (or the strongest, with `scoreBy: 'strongest'`), so ticking
 *   one bad option is not averaged away; text, number, date and file questions score 1
 *   when answered (their content is judged by a reviewer, not by arithmetic).
 * - Contribution = weight × answer score; a topic earns the sum of contributions out of
 *   the sum of weights ("possible").
 * - Unanswered optional questions are left out (neither earned nor possible).
 *   Unanswered REQUIRED questions count as 0 of their weight: otherwise skipping a
 *   mandatory question would raise the score, and a half-finished assessment would look
 *   better than an honest complete one.
 * - An answer with a finding (raised on it, or marked "finding" in review) counts 0 of
 *   its weight, whatever was answered and whatever the finding's severity or status: the
 *   reviewer judged the answer wrong, so it must not earn the points the vendor claimed.
 *   The computation lists these answers. Findings not tied to an answer leave the score
 *   alone (there is no answer to take points from); the computation says how many.
 * - Topic score = 100 × earned / possible, rounded to one decimal; null when nothing in
 *   the topic counts. Overall = 100 × Σ earned / Σ possible over all topics, i.e. topics
 *   weigh by their points; `topicWeights` replaces that with a weighted mean of the
 *   topic ratios (topics left out of `topicWeights` weigh 1).
 */
import { type AnswerValue, type Answers, evaluateAnswers, isAnswered } from './answers.ts';
import { type Question, type Severity, type Template, type Topic, TOPICS, TOPIC_LABELS, severityRank } from './template.ts';

export interface QuestionScore {
  readonly id: string;
  readonly weight: number;
  /** 0..1; null when the question is required but unanswered (it then counts as 0). */
  readonly answerScore: number | null;
  readonly contribution: number;
  readonly status: 'answered' | 'unanswered_required' | 'finding';
}

export interface TopicScore {
  readonly topic: Topic;
  readonly label: string;
  /** 0..100, one decimal; null when no question of the topic counts. */
  readonly score: number | null;
  readonly earned: number;
  readonly possible: number;
  readonly questions: readonly QuestionScore[];
}

export interface ScoreResult {
  readonly overall: number | null;
  /** Every topic, in TOPICS order, including those with nothing to score. */
  readonly topics: readonly TopicScore[];
  /** Human-readable lines, e.g. "Access control: 7.5 of 9 points = 83.3". */
  readonly computation: readonly string[];
}

export interface ScoreOptions {
  /** Weighted mean of topic ratios instead of pooling points (see the file comment). */
  readonly topicWeights?: Partial<Record<Topic, number>>;
  /** The reviewer's judgement: answers with a finding, and how many findings name no answer (see the file comment). */
  readonly findings?: ScoreFindings;
}

export interface ScoreFindings {
  /** Question id → what to show: the finding's severity, or 'marked finding' when only the review says so. */
  readonly onAnswers: ReadonlyMap<string, string>;
  /** Findings raised on the assessment as a whole. */
  readonly withoutAnswer: number;
}

/** Rounds to one decimal; the epsilon keeps 83.25 from becoming 83.2 through binary noise. */
export function round1(x: number): number {
  return Math.round(x * 10 + 1e-9) / 10;
}

/** Points as people write them: at most two decimals, no trailing zeros. */
function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * How good one (valid, answered) value is, 0..1, regardless of the question's weight.
 * @returns null when the value is not an answer.
 */
export function answerScore(question: Question, value: AnswerValue | undefined): number | null {
  if (!isAnswered(value)) return null;
  switch (question.type) {
    case 'yes_no':
      return value === true ? (question.yesScore ?? 1) : (question.noScore ?? 0);
    case 'single_choice':
      return question.choices?.find((c) => c.id === value)?.score ?? null;
    case 'multiple_choice': {
      const scores = (value as string[]).map((id) => question.choices?.find((c) => c.id === id)?.score).filter((s): s is number => s !== undefined);
      if (scores.length === 0) return null;
      return question.scoreBy === 'strongest' ? Math.max(...scores) : Math.min(...scores);
    }
    default:
      return 1;
  }
}

/**
 * Scores a set of answers (see the file comment for every rule).
 * @returns per-topic and overall scores, per-question contributions, and the computation as text.
 */
export function scoreAnswers(template: Template, answers: Answers, opts: ScoreOptions = {}): ScoreResult {
  const { visible, values } = evaluateAnswers(template, answers);
  const perTopic = new Map<Topic, QuestionScore[]>(TOPICS.map((t) => [t, []]));
  const unansweredRequired: string[] = [];
  const judged: string[] = [];
  const onAnswers = opts.findings?.onAnswers ?? new Map<string, string>();

  for (const section of template.sections) {
    for (const q of section.questions) {
      if (q.weight <= 0 || !visible.get(q.id)) continue;
      const v = values.get(q.id);
      if (v !== undefined) {
        const s = answerScore(q, v) ?? 0;
        const finding = onAnswers.get(q.id);
        if (finding !== undefined) judged.push(`${q.id} (${finding})`);
        perTopic.get(q.topic)!.push({ id: q.id, weight: q.weight, answerScore: s, contribution: finding === undefined ? q.weight * s : 0, status: finding === undefined ? 'answered' : 'finding' });
      } else if (q.required) {
        unansweredRequired.push(q.id);
        perTopic.get(q.topic)!.push({ id: q.id, weight: q.weight, answerScore: null, contribution: 0, status: 'unanswered_required' });
      }
    }
  }

  const topics: TopicScore[] = TOPICS.map((topic) => {
    const questions = perTopic.get(topic)!;
    const earned = questions.reduce((n, q) => n + q.contribution, 0);
    const possible = questions.reduce((n, q) => n + q.weight, 0);
    return { topic, label: TOPIC_LABELS[topic], score: possible > 0 ? round1((100 * earned) / possible) : null, earned, possible, questions };
  });

  const computation: string[] = [];
  for (const t of topics) {
    if (t.possible > 0) computation.push(`${t.label}: ${fmt(t.earned)} of ${fmt(t.possible)} points = ${t.score}`);
  }
  const empty = topics.filter((t) => t.possible === 0).map((t) => t.label);
  if (empty.length > 0) computation.push(`Not scored (no visible scored question): ${empty.join(', ')}`);
  if (unansweredRequired.length > 0) computation.push(`Unanswered required questions count as 0: ${unansweredRequired.join(', ')}`);
  if (judged.length > 0) computation.push(`Answers with a finding count as 0: ${judged.join(', ')}`);
  const loose = opts.findings?.withoutAnswer ?? 0;
  if (loose > 0) computation.push(`${loose} finding${loose === 1 ? '' : 's'} not tied to an answer ${loose === 1 ? 'does' : 'do'} not change the score`);

  const scored = topics.filter((t) => t.possible > 0);
  let overall: number | null = null;
  if (opts.topicWeights) {
    const parts = scored.map((t) => ({ t, w: Math.max(0, opts.topicWeights![t.topic] ?? 1) })).filter((p) => p.w > 0);
    const wsum = parts.reduce((n, p) => n + p.w, 0);
    if (wsum > 0) {
      overall = round1(parts.reduce((n, p) => n + (p.w * 100 * p.t.earned) / p.t.possible, 0) / wsum);
      const terms = parts.map((p) => `${fmt(p.w)} × ${round1((100 * p.t.earned) / p.t.possible)}`).join(' + ');
      computation.push(`Overall: (${terms}) / ${fmt(wsum)} = ${overall}`);
    }
  } else {
    const earned = scored.reduce((n, t) => n + t.earned, 0);
    const possible = scored.reduce((n, t) => n + t.possible, 0);
    if (possible > 0) {
      overall = round1((100 * earned) / possible);
      computation.push(`Overall: ${fmt(earned)} of ${fmt(possible)} points = ${overall}`);
    }
  }
  if (overall === null) computation.push('Overall: nothing to score yet');
  return { overall, topics, computation };
}

export interface BadAnswer {
  readonly questionId: string;
  readonly severity: Severity;
  /** Suggested finding title: the question's `finding`, else its text shortened. */
  readonly title: string;
  /** What was answered, e.g. `Answered "No"`. */
  readonly reason: string;
  readonly answerScore: number;
}

export interface BadAnswerOptions {
  /** Lowest severity reported (default 'medium'). */
  readonly minSeverity?: Severity;
  /** Answers scoring below this are bad (default 0.5). */
  readonly below?: number;
}

function describe(q: Question, v: AnswerValue): string {
  const label = (id: string) => q.choices?.find((c) => c.id === id)?.label ?? id;
  const short = (s: string) => (s.length > 120 ? `${s.slice(0, 117)}…` : s);
  if (q.type === 'yes_no') return `Answered "${v === true ? 'Yes' : 'No'}"`;
  if (q.type === 'single_choice') return `Answered "${short(label(v as string))}"`;
  if (q.type === 'multiple_choice') {
    const weak = (v as string[]).filter((id) => (q.choices?.find((c) => c.id === id)?.score ?? 1) < 0.5);
    return `Selected ${(weak.length > 0 ? weak : (v as string[])).map((id) => `"${short(label(id))}"`).join(', ')}`;
  }
  return `Answered ${short(JSON.stringify(v))}`;
}

/**
 * Answers that suggest a finding: visible, scored (weight > 0) questions whose answer
 * scores below 0.5 and whose severity is at least medium. Unscored questions (weight 0)
 * never raise findings, so a scoping question such as "Do you use subcontractors?"
 * answered "No" is not a weakness.
 */
export function badAnswers(template: Template, answers: Answers, opts: BadAnswerOptions = {}): BadAnswer[] {
  const minRank = severityRank(opts.minSeverity ?? 'medium');
  const below = opts.below ?? 0.5;
  const { values } = evaluateAnswers(template, answers);
  const out: BadAnswer[] = [];
  for (const section of template.sections) {
    for (const q of section.questions) {
      const v = values.get(q.id);
      if (v === undefined || q.weight <= 0 || severityRank(q.severity) < minRank) continue;
      const s = answerScore(q, v);
      if (s === null || s >= below) continue;
      const title = q.finding ?? (q.text.length > 120 ? `${q.text.slice(0, 117)}…` : q.text);
      out.push({ questionId: q.id, severity: q.severity, title, reason: describe(q, v), answerScore: s });
    }
  }
  return out;
}
