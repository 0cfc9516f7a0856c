/**
 * Answers to a questionnaire (the vendor's form, form.ts — a full questionnaire fits too): value checks, conditional visibility, and the checks run before
 * answers are saved or an assessment is submitted.
 *
 * Answer values are JSON (stored as-is in `assessment_answers.value`):
 *   yes_no → boolean; single_choice → choice id; multiple_choice → choice ids;
 *   short_text / long_text → string; number → finite number; date → 'YYYY-MM-DD';
 *   file → evidence ids (string[]); null → not answered.
 * "Answered" means: not null, not a blank string, not an empty list. An empty selection
 * of a multiple-choice question is therefore "not answered" — a form cannot tell an
 * untouched group of check boxes from a deliberate "none", so a question that needs an
 * explicit "none" offers it as a choice.
 *
 * Visibility is computed top to bottom in one pass (template.ts guarantees conditions
 * only read earlier questions). A condition only sees answers of questions that are
 * visible and whose value is valid: an answer left behind on a question that became
 * hidden never shows or hides anything, and `checkAnswers` refuses it.
 */
import { type Condition, evaluateCondition } from './condition.ts';
import type { FormQuestion, QuestionnaireForm } from './form.ts';

export type AnswerValue = boolean | string | string[] | number | null;
/** Answers by question id; a missing key is the same as null. */
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

export const ANSWER_LIMITS = { shortText: 500, longText: 20_000, files: 50, evidenceId: 200 } as const;

/** Reads an answer without ever touching inherited properties (`__proto__`, `constructor`, …). */
export function answerOf(answers: Answers, questionId: string): AnswerValue | undefined {
  return Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
}

/** Whether a value counts as an answer: not null/undefined, not blank text, not an empty list. */
export function isAnswered(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is a real calendar date written 'YYYY-MM-DD' (years 1000–9999). */
export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null;
}

/**
 * Checks one value against its question.
 * @returns null when the value is acceptable (null always is: "not answered"), else a
 *   message for the person answering.
 */
export function validateAnswer(question: FormQuestion, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (question.type) {
    case 'yes_no':
      return typeof value === 'boolean' ? null : 'Expected yes or no (true or false)';
    case 'single_choice':
      if (typeof value !== 'string') return 'Expected one choice id';
      return question.choices?.some((c) => c.id === value) ? null : `"${value}" is not one of the choices`;
    case 'multiple_choice': {
      const ids = stringList(value);
      if (!ids) return 'Expected a list of choice ids';
      const unknown = ids.find((id) => !question.choices?.some((c) => c.id === id));
      if (unknown !== undefined) return `"${unknown}" is not one of the choices`;
      return new Set(ids).size === ids.length ? null : 'A choice is selected twice';
    }
    case 'short_text':
    case 'long_text': {
      if (typeof value !== 'string') return 'Expected text';
      const max = question.type === 'short_text' ? ANSWER_LIMITS.shortText : ANSWER_LIMITS.longText;
      return value.length <= max ? null : `Text is too long (${value.length} characters, at most ${max})`;
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'Expected a finite number';
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? null : 'Expected a date as YYYY-MM-DD';
    case 'file': {
      const ids = stringList(value);
      if (!ids) return 'Expected a list of evidence ids';
      if (ids.length > ANSWER_LIMITS.files) return `Too many files (${ids.length}, at most ${ANSWER_LIMITS.files})`;
      if (ids.some((id) => id.trim() === '' || id.length > ANSWER_LIMITS.evidenceId)) return 'Evidence ids must be non-empty and at most 200 characters';
      return new Set(ids).size === ids.length ? null : 'A file is listed twice';
    }
  }
}

/** The result of one top-to-bottom pass: which questions show, and the answers that count. */
export interface AnswerState {
  readonly visible: Map<string, boolean>;
  /** Visible, answered, valid values only: what conditions and scores read. */
  readonly values: Map<string, AnswerValue>;
}

/**
 * One top-to-bottom pass over the template: visibility of every question and the
 * answers that count (visible, answered, valid). Everything else here builds on it.
 */
export function evaluateAnswers(template: QuestionnaireForm, answers: Answers): AnswerState {
  const visible = new Map<string, boolean>();
  const values = new Map<string, AnswerValue>();
  const lookup = (id: string): unknown => values.get(id);
  const holds = (c: Condition | undefined): boolean => c === undefined || evaluateCondition(c, lookup);
  for (const section of template.sections) {
    const sectionShown = holds(section.condition);
    for (const q of section.questions) {
      const shown = sectionShown && holds(q.condition);
      visible.set(q.id, shown);
      const v = answerOf(answers, q.id);
      if (shown && isAnswered(v) && validateAnswer(q, v) === null) values.set(q.id, v as AnswerValue);
    }
  }
  return { visible, values };
}

/**
 * Whether a question is shown for these answers (its section's and its own condition
 * hold). Unknown ids are not visible. For many questions use `visibleQuestionIds`.
 */
export function isVisible(template: QuestionnaireForm, answers: Answers, questionId: string): boolean {
  return evaluateAnswers(template, answers).visible.get(questionId) ?? false;
}

/** Ids of the questions shown for these answers, in template order. */
export function visibleQuestionIds(template: QuestionnaireForm, answers: Answers): string[] {
  return [...evaluateAnswers(template, answers).visible].filter(([, v]) => v).map(([id]) => id);
}

/**
 * The answers that count: visible, answered and valid, by question id. Scores read
 * these; a server can store exactly these to drop answers left on hidden questions.
 */
export function effectiveAnswers(template: QuestionnaireForm, answers: Answers): Map<string, AnswerValue> {
  return evaluateAnswers(template, answers).values;
}

export interface AnswerIssue {
  readonly questionId: string;
  readonly message: string;
}

export interface AnswerCheck {
  /** Unknown question ids and values of the wrong type or out of range. */
  readonly issues: readonly AnswerIssue[];
  /** Questions answered although their condition hides them: such answers are refused. */
  readonly hidden: readonly string[];
  /** Visible required questions without an answer (blocks submission, not saving a draft). */
  readonly missingRequired: readonly string[];
  /** True when all three lists are empty. */
  readonly ok: boolean;
}

/**
 * Checks a full set of answers against a template. A draft may be saved when `issues`
 * and `hidden` are empty; it may be submitted when `ok`.
 */
export function checkAnswers(template: QuestionnaireForm, answers: Answers): AnswerCheck {
  const issues: AnswerIssue[] = [];
  const hidden: string[] = [];
  const missingRequired: string[] = [];
  const { visible } = evaluateAnswers(template, answers);
  const byId = new Map<string, FormQuestion>();
  for (const s of template.sections) for (const q of s.questions) byId.set(q.id, q);

  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) issues.push({ questionId: id, message: 'No such question in this questionnaire' });
  }
  for (const [id, q] of byId) {
    const v = answerOf(answers, id);
    const problem = validateAnswer(q, v);
    if (problem) issues.push({ questionId: id, message: problem });
    const shown = visible.get(id) ?? false;
    if (!shown && isAnswered(v)) hidden.push(id);
    if (shown && q.required && !isAnswered(v)) missingRequired.push(id);
  }
  return { issues, hidden, missingRequired, ok: issues.length === 0 && hidden.length === 0 && missingRequired.length === 0 };
}

/**
 * The numbers a person sees ("2.3"), counted over what is shown: sections with no
 * visible question are skipped and hidden questions take no number, so the vendor never
 * reads 1.1, 1.3, 1.6. Numbers move when an answer reveals a question, as in any form.
 */
export function visibleNumbers(template: QuestionnaireForm, visible: ReadonlySet<string>): Map<string, { section: number; number: string }> {
  const out = new Map<string, { section: number; number: string }>();
  let section = 0;
  for (const s of template.sections) {
    const shown = s.questions.filter((q) => visible.has(q.id));
    if (shown.length === 0) continue;
    section++;
    shown.forEach((q, i) => out.set(q.id, { section, number: `${section}.${i + 1}` }));
  }
  return out;
}
