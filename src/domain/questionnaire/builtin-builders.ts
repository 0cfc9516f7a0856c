/**
 * Small builders for writing the built-in questionnaire compactly: one call per question,
 * with the topic bound once per section. Only the built-in template files use them.
 */
import type { Condition } from './condition.ts';
import type { Question, Severity, Topic } from './template.ts';

export type Extra = Partial<Omit<Question, 'id' | 'type' | 'text' | 'weight' | 'severity' | 'topic'>>;
export type ChoiceSpec = readonly [id: string, label: string, score: number];

/** Condition: the question's answer equals `value`. */
export const is = (question: string, value: string | boolean): Condition => ({ op: 'equals', question, value });
/** Condition: the single-choice question's answer is one of `values`. */
export const anyOf = (question: string, ...values: string[]): Condition => ({ op: 'or', args: values.map((v) => is(question, v)) });

/** Question builders bound to a topic; every question is required unless `extra` says otherwise. */
export function builders(topic: Topic) {
  const base = (id: string, type: Question['type'], text: string, weight: number, severity: Severity, extra: Extra): Question => ({
    id,
    type,
    text,
    required: true,
    weight,
    topic,
    severity,
    ...extra,
  });
  return {
    yesNo: (id: string, text: string, weight: number, severity: Severity, extra: Extra = {}) => base(id, 'yes_no', text, weight, severity, extra),
    one: (id: string, text: string, choices: readonly ChoiceSpec[], weight: number, severity: Severity, extra: Extra = {}) =>
      base(id, 'single_choice', text, weight, severity, { choices: choices.map(([cid, label, score]) => ({ id: cid, label, score })), ...extra }),
    many: (id: string, text: string, choices: readonly ChoiceSpec[], weight: number, severity: Severity, extra: Extra = {}) =>
      base(id, 'multiple_choice', text, weight, severity, { choices: choices.map(([cid, label, score]) => ({ id: cid, label, score })), ...extra }),
    other: (id: string, type: 'short_text' | 'long_text' | 'number' | 'date' | 'file', text: string, weight: number, severity: Severity, extra: Extra = {}) =>
      base(id, type, text, weight, severity, extra),
  };
}

