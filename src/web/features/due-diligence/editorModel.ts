/**
 * The questionnaire editor's draft: the domain Template with a hidden `_key` on every
 * section and question, so React keeps each editor's state while ids are edited and
 * questions move. `toTemplate` strips the keys before validation and saving.
 */
import type { Condition } from '../../../domain/questionnaire/condition.ts';
import type { Question, QuestionType, Section, Template } from '../../../domain/questionnaire/template.ts';

export type DraftQuestion = Question & { _key: string };
export type DraftSection = Omit<Section, 'questions'> & { _key: string; questions: DraftQuestion[] };
export type Draft = Omit<Template, 'sections'> & { sections: DraftSection[] };

let counter = 0;
const key = () => `k${++counter}`;

export function fromTemplate(t: Template): Draft {
  return { ...t, sections: t.sections.map((s) => ({ ...s, _key: key(), questions: s.questions.map((q) => ({ ...q, _key: key() })) })) };
}

export function toTemplate(d: Draft): Template {
  return {
    ...d,
    sections: d.sections.map(({ _key: _s, questions, ...s }) => ({ ...s, questions: questions.map(({ _key: _q, ...q }) => q) })),
  };
}

export function blankTemplate(name: string): Template {
  return {
    name,
    sections: [
      {
        id: 'general',
        title: 'General',
        questions: [{ id: 'q1', type: 'yes_no', text: 'Do you have a documented information security policy?', required: true, weight: 1, topic: 'compliance', severity: 'medium' }],
      },
    ],
  };
}

function allIds(d: Draft): Set<string> {
  const ids = new Set<string>();
  for (const s of d.sections) for (const q of s.questions) ids.add(q.id);
  return ids;
}

function uniqueId(taken: Set<string>, prefix: string): string {
  let n = taken.size + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function newQuestion(d: Draft, section: DraftSection): DraftQuestion {
  const topic = section.questions.at(-1)?.topic ?? 'data_security';
  return { _key: key(), id: uniqueId(allIds(d), 'q'), type: 'yes_no', text: '', required: true, weight: 1, topic, severity: 'medium' };
}

export function newSection(d: Draft): DraftSection {
  const id = uniqueId(new Set(d.sections.map((s) => s.id)), 'section_');
  return { _key: key(), id, title: '', questions: [] };
}

/** Switching type keeps what still applies: choices for choice types, yes/no scores for yes/no. */
export function changeType(q: DraftQuestion, type: QuestionType): DraftQuestion {
  const { choices, scoreBy, yesScore, noScore, ...rest } = q;
  const next: DraftQuestion = { ...rest, type };
  if (type === 'single_choice' || type === 'multiple_choice') {
    next.choices = choices ?? [
      { id: `${q.id}_good`, label: 'Yes, fully', score: 1 },
      { id: `${q.id}_partly`, label: 'Partly', score: 0.5 },
      { id: `${q.id}_no`, label: 'No', score: 0 },
    ];
    if (type === 'multiple_choice' && scoreBy) next.scoreBy = scoreBy;
  }
  if (type === 'yes_no') {
    if (yesScore !== undefined) next.yesScore = yesScore;
    if (noScore !== undefined) next.noScore = noScore;
  }
  return next;
}

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** Questions that come before position (si, qi): the only ones a condition may read. */
export function earlierQuestions(d: Draft, si: number, qi: number): DraftQuestion[] {
  const out: DraftQuestion[] = [];
  d.sections.forEach((s, i) => {
    if (i < si) out.push(...s.questions);
    else if (i === si) out.push(...s.questions.slice(0, qi));
  });
  return out;
}

/** A condition the simple builder can edit: "show only when <question> is/includes <value>" or "is answered". */
export interface SimpleCondition {
  question: string;
  /** 'true'/'false' for yes/no, a choice id for choice questions, '' for "is answered". */
  value: string;
}

export function toSimple(cond: Condition | undefined, earlier: readonly Question[]): SimpleCondition | null {
  if (!cond) return null;
  const q = 'question' in cond ? earlier.find((x) => x.id === cond.question) : undefined;
  if (!q) return null;
  if (cond.op === 'answered') return q.type === 'yes_no' || q.type === 'single_choice' || q.type === 'multiple_choice' ? null : { question: q.id, value: '' };
  if (cond.op === 'equals' && q.type === 'yes_no' && typeof cond.value === 'boolean') return { question: q.id, value: String(cond.value) };
  if (cond.op === 'equals' && q.type === 'single_choice' && typeof cond.value === 'string') return { question: q.id, value: cond.value };
  if (cond.op === 'includes' && q.type === 'multiple_choice') return { question: q.id, value: cond.choice };
  return null;
}

export function fromSimple(s: SimpleCondition, q: Question): Condition {
  switch (q.type) {
    case 'yes_no':
      return { op: 'equals', question: q.id, value: s.value !== 'false' };
    case 'single_choice':
      return { op: 'equals', question: q.id, value: s.value || (q.choices?.[0]?.id ?? '') };
    case 'multiple_choice':
      return { op: 'includes', question: q.id, choice: s.value || (q.choices?.[0]?.id ?? '') };
    default:
      return { op: 'answered', question: q.id };
  }
}

/** The options of the value picker for a question the condition reads. */
export function conditionValues(q: Question): { value: string; label: string }[] {
  if (q.type === 'yes_no') return [{ value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }];
  if (q.type === 'single_choice' || q.type === 'multiple_choice') return (q.choices ?? []).map((c) => ({ value: c.id, label: c.label }));
  return [];
}

/** Every input the editor shows, as API paths (`definition.sections.0.questions.2.text`), for useFormErrors. */
export function fieldPaths(d: Draft): string[] {
  const out = ['name', 'definition.name', 'definition.description'];
  d.sections.forEach((s, si) => {
    const sp = `definition.sections.${si}`;
    out.push(sp, `${sp}.id`, `${sp}.title`, `${sp}.description`, `${sp}.condition`);
    s.questions.forEach((q, qi) => {
      const qp = `${sp}.questions.${qi}`;
      out.push(qp, ...['id', 'type', 'text', 'help', 'required', 'weight', 'topic', 'severity', 'finding', 'choices', 'scoreBy', 'yesScore', 'noScore', 'condition'].map((f) => `${qp}.${f}`));
      q.choices?.forEach((_, ci) => out.push(`${qp}.choices.${ci}.id`, `${qp}.choices.${ci}.label`, `${qp}.choices.${ci}.score`));
    });
  });
  return out;
}

/** Place issues on the deepest known field of their path (the same walk as useFormErrors); the rest stay in a list. */
export function placeIssues(known: ReadonlySet<string>, issues: readonly { path: string; message: string }[]) {
  const byField: Record<string, string> = {};
  const rest: { path: string; message: string }[] = [];
  for (const issue of issues) {
    const parts = issue.path.split('.');
    let placed = false;
    while (parts.length > 0) {
      const candidate = parts.join('.');
      if (known.has(candidate)) {
        byField[candidate] ??= issue.message;
        placed = true;
        break;
      }
      parts.pop();
    }
    if (!placed) rest.push(issue);
  }
  return { byField, rest };
}

/** Messages under a prefix (a question or section), for the "has problems" badge of a collapsed row. */
export function countUnder(errors: Record<string, string>, prefix: string): number {
  return Object.keys(errors).filter((p) => p === prefix || p.startsWith(`${prefix}.`)).length;
}

/** JSON with keys sorted, so two templates compare equal whatever order their keys were written in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
