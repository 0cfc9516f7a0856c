/**
 * A questionnaire as the vendor answering it sees it: the questions, their types, choice
 * labels, whether they are required and the conditions that show or hide them — so the
 * portal can hide questions live — and nothing of how the client scores the answers
 * (weights, severities, per-choice scores, suggested findings, topics, import sources).
 * A vendor that saw the scores could pick the highest-scoring answers.
 *
 * The answer checks (answers.ts) and the reopen rule (reopen.ts) work on this shape, so
 * the server and the portal run the same code over the same data.
 */
import type { Condition } from './condition.ts';
import type { Template } from './template.ts';
import type { QuestionType } from './template.ts';

export interface FormChoice {
  readonly id: string;
  readonly label: string;
}

export interface FormQuestion {
  readonly id: string;
  readonly type: QuestionType;
  readonly text: string;
  readonly help?: string;
  readonly required: boolean;
  readonly choices?: FormChoice[];
  readonly condition?: Condition;
}

export interface FormSection {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly condition?: Condition;
  readonly questions: FormQuestion[];
}

export interface QuestionnaireForm {
  readonly name: string;
  readonly description?: string;
  readonly sections: FormSection[];
}

const opt = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

/**
 * The vendor's view of a questionnaire. Fields are copied one by one rather than
 * stripped, so a scoring field added to the questionnaire later stays internal unless
 * someone decides here that the vendor may see it.
 */
export function formOf(t: Template): QuestionnaireForm {
  return {
    name: t.name,
    ...opt('description', t.description),
    sections: t.sections.map((s) => ({
      id: s.id,
      title: s.title,
      ...opt('description', s.description),
      ...opt('condition', s.condition),
      questions: s.questions.map((q) => ({
        id: q.id,
        type: q.type,
        text: q.text,
        ...opt('help', q.help),
        required: q.required,
        ...opt(
          'choices',
          q.choices?.map((c) => ({ id: c.id, label: c.label })),
        ),
        ...opt('condition', q.condition),
      })),
    })),
  };
}

/** A question by id, with its section. */
export function findQuestion<Q extends FormQuestion, S extends { questions: readonly Q[] }>(form: { sections: readonly S[] }, id: string): { question: Q; section: S } | null {
  for (const section of form.sections) {
    const question = section.questions.find((q) => q.id === id);
    if (question) return { question, section };
  }
  return null;
}
