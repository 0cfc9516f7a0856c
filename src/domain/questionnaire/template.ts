/**
 * Questionnaire templates as plain data, with the zod schema that guards every way one
 * enters the system (editor, Outsight JSON import, VSAQ import, built-in template).
 *
 * Shape: Template → sections → questions. Sections are flat (no nesting) because a UI
 * pages through them and a vendor reads them top to bottom; imported nested blocks are
 * flattened (see vsaq.ts). Versioning is the server's job: a template version stores one
 * of these as its definition and never changes once sent.
 *
 * Rules checked beyond field types (each issue carries a path such as
 * `sections.2.questions.5.condition.args.0`):
 * - section ids are unique; question ids are unique across the whole template (answers,
 *   evidence and findings refer to them);
 * - choice questions have choices with unique ids, other types have none; `scoreBy`,
 *   `yesScore`/`noScore` only appear on the types they mean something for;
 * - a condition only reads questions that come earlier in the template (strictly before
 *   the question, or before the section for a section condition), so there are no
 *   cycles and a form can be evaluated top to bottom in one pass; `equals` compares with
 *   a value of the right type (an existing choice id for single choice), `includes`
 *   needs a multiple-choice question and an existing choice.
 */
import { z } from 'zod';
import {
  type Condition,
  ConditionSchema,
  IdString,
  MAX_CONDITION_DEPTH,
  MAX_CONDITION_NODES,
  conditionLeaves,
  conditionSize,
} from './condition.ts';

export const QUESTION_TYPES = ['yes_no', 'single_choice', 'multiple_choice', 'short_text', 'long_text', 'number', 'date', 'file'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const TOPICS = [
  'data_security',
  'access_control',
  'encryption',
  'incident_response',
  'business_continuity',
  'compliance',
  'people',
  'subcontractors',
  'physical_security',
  'source_code_ip',
  'exit',
] as const;
export type Topic = (typeof TOPICS)[number];
export const TOPIC_LABELS: Record<Topic, string> = {
  data_security: 'Data security',
  access_control: 'Access control',
  encryption: 'Encryption',
  incident_response: 'Incident response',
  business_continuity: 'Business continuity',
  compliance: 'Compliance',
  people: 'People',
  subcontractors: 'Subcontractors',
  physical_security: 'Physical security',
  source_code_ip: 'Source code and IP',
  exit: 'Exit',
};

/** Severity of a bad answer, lowest first; the order is used for comparisons. */
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** Rank of a severity (info = 0 … critical = 4). */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** Upper bounds, so no field can carry megabytes and no template can grow without limit. */
export const TEMPLATE_LIMITS = { questions: 2000, sections: 300, choices: 100, text: 5000, help: 10_000, jsonDepth: 100, jsonChars: 5_000_000 } as const;

const score01 = z.number().min(0).max(1);
const plain = (max: number) => z.string().max(max);
const nonEmpty = (max: number) => z.string().trim().min(1, 'Required').max(max);

export const ChoiceSchema = z.strictObject({
  id: IdString,
  label: nonEmpty(2000),
  /** How good this answer is, 0 (bad) … 1 (good). */
  score: score01,
});
export type Choice = z.infer<typeof ChoiceSchema>;

export const QuestionSchema = z.strictObject({
  /** Stable id, unique in the template; answers, evidence and findings refer to it. */
  id: IdString,
  type: z.enum(QUESTION_TYPES),
  text: nonEmpty(TEMPLATE_LIMITS.text),
  help: plain(TEMPLATE_LIMITS.help).optional(),
  required: z.boolean(),
  /** Points the question is worth; 0 = not scored. */
  weight: z.number().min(0).max(100),
  topic: z.enum(TOPICS),
  /** How serious a bad answer (scoring below 0.5) is: it sets the severity of the suggested finding. */
  severity: z.enum(SEVERITIES),
  /** Title of the finding a bad answer suggests, e.g. "No firewall". */
  finding: plain(300).optional(),
  /** Choices for single and multiple choice, in display order. */
  choices: z.array(ChoiceSchema).min(1).max(TEMPLATE_LIMITS.choices).optional(),
  /** Multiple choice: whether the weakest (default) or the strongest selected choice sets the answer's score. */
  scoreBy: z.enum(['weakest', 'strongest']).optional(),
  /** Yes/no: score of each answer (defaults: yes 1, no 0). */
  yesScore: score01.optional(),
  noScore: score01.optional(),
  /** Show the question only when this holds. */
  condition: ConditionSchema.optional(),
  /** Where an imported question came from. */
  source: z.strictObject({ vsaqId: plain(200).optional(), vsaqType: plain(50).optional() }).optional(),
});
export type Question = z.infer<typeof QuestionSchema>;

export const SectionSchema = z.strictObject({
  id: IdString,
  title: nonEmpty(300),
  description: plain(TEMPLATE_LIMITS.help).optional(),
  /** Show the whole section only when this holds. */
  condition: ConditionSchema.optional(),
  questions: z.array(QuestionSchema).max(TEMPLATE_LIMITS.questions),
});
export type Section = z.infer<typeof SectionSchema>;

/** The fields of a questionnaire without the cross-reference rules: what a stored (already checked) one looks like. */
export const TemplateShape = z.strictObject({
  name: nonEmpty(200),
  description: plain(TEMPLATE_LIMITS.help).optional(),
  sections: z.array(SectionSchema).min(1).max(TEMPLATE_LIMITS.sections),
});
export type Template = z.infer<typeof TemplateShape>;

/** A problem found in a template; `path` is dot-joined, e.g. `sections.2.questions.5.condition`. */
export interface TemplateIssue {
  readonly path: string;
  readonly message: string;
}

type Path = Array<string | number>;

/** Cross-field rules that zod field types cannot express (see the file comment). */
function checkTemplate(t: Template, report: (path: Path, message: string) => void): void {
  const sectionIds = new Map<string, number>();
  // Questions seen so far, in document order: conditions may only read these.
  const earlier = new Map<string, Question>();
  const firstPath = new Map<string, string>();
  let total = 0;

  const checkCondition = (cond: Condition, at: Path): void => {
    const size = conditionSize(cond);
    if (size.depth > MAX_CONDITION_DEPTH || size.nodes > MAX_CONDITION_NODES) {
      report(at, `Condition too large (depth ${size.depth}, ${size.nodes} nodes; limits ${MAX_CONDITION_DEPTH} and ${MAX_CONDITION_NODES})`);
      return;
    }
    for (const { leaf, path } of conditionLeaves(cond)) {
      const p = [...at, ...path];
      const q = earlier.get(leaf.question);
      if (!q) {
        const later = t.sections.some((s) => s.questions.some((x) => x.id === leaf.question));
        report(p, later ? `Condition refers to question "${leaf.question}", which does not come earlier in the template` : `Condition refers to unknown question "${leaf.question}"`);
        continue;
      }
      if (leaf.op === 'includes') {
        if (q.type !== 'multiple_choice') report(p, `"includes" needs a multiple-choice question; "${q.id}" is ${q.type}`);
        else if (!q.choices?.some((c) => c.id === leaf.choice)) report(p, `Question "${q.id}" has no choice "${leaf.choice}"`);
      } else if (leaf.op === 'equals') {
        const msg = equalsProblem(q, leaf.value);
        if (msg) report(p, msg);
      }
    }
  };

  t.sections.forEach((section, si) => {
    const sp: Path = ['sections', si];
    const prevSection = sectionIds.get(section.id);
    if (prevSection !== undefined) report([...sp, 'id'], `Duplicate section id "${section.id}" (first used by sections.${prevSection})`);
    else sectionIds.set(section.id, si);
    if (section.condition) checkCondition(section.condition, [...sp, 'condition']);

    section.questions.forEach((q, qi) => {
      const qp: Path = [...sp, 'questions', qi];
      total++;
      if (q.condition) checkCondition(q.condition, [...qp, 'condition']);
      checkQuestionShape(q, qp, report);
      const first = firstPath.get(q.id);
      if (first) report([...qp, 'id'], `Duplicate question id "${q.id}" (first used at ${first})`);
      else {
        firstPath.set(q.id, qp.join('.'));
        earlier.set(q.id, q);
      }
    });
  });
  if (total > TEMPLATE_LIMITS.questions) report(['sections'], `Too many questions: ${total} (at most ${TEMPLATE_LIMITS.questions})`);
}

function checkQuestionShape(q: Question, qp: Path, report: (path: Path, message: string) => void): void {
  const isChoice = q.type === 'single_choice' || q.type === 'multiple_choice';
  if (isChoice && !q.choices) report([...qp, 'choices'], `A ${q.type} question needs choices`);
  if (!isChoice && q.choices) report([...qp, 'choices'], `Only choice questions have choices; this one is ${q.type}`);
  const seen = new Set<string>();
  q.choices?.forEach((c, ci) => {
    if (seen.has(c.id)) report([...qp, 'choices', ci, 'id'], `Duplicate choice id "${c.id}"`);
    seen.add(c.id);
  });
  if (q.scoreBy !== undefined && q.type !== 'multiple_choice') report([...qp, 'scoreBy'], 'scoreBy only applies to multiple choice');
  if (q.type !== 'yes_no') {
    if (q.yesScore !== undefined) report([...qp, 'yesScore'], 'yesScore only applies to yes/no questions');
    if (q.noScore !== undefined) report([...qp, 'noScore'], 'noScore only applies to yes/no questions');
  }
}

function equalsProblem(q: Question, value: string | boolean | number): string | null {
  switch (q.type) {
    case 'yes_no':
      return typeof value === 'boolean' ? null : `"${q.id}" is yes/no: compare with true or false`;
    case 'single_choice':
      if (typeof value !== 'string') return `"${q.id}" is single choice: compare with a choice id`;
      return q.choices?.some((c) => c.id === value) ? null : `Question "${q.id}" has no choice "${value}"`;
    case 'number':
      return typeof value === 'number' ? null : `"${q.id}" is a number question: compare with a number`;
    case 'multiple_choice':
      return `"${q.id}" is multiple choice: use "includes", not "equals"`;
    case 'file':
      return `"${q.id}" is a file question: only "answered" applies`;
    default:
      return typeof value === 'string' ? null : `"${q.id}" is ${q.type}: compare with a string`;
  }
}

/**
 * The template schema: field types plus the cross-reference rules above. Use
 * `validateTemplate` to get issues with dot-joined paths instead of a ZodError.
 */
export const TemplateSchema = TemplateShape.superRefine((t, ctx) =>
  checkTemplate(t, (path, message) => ctx.addIssue({ code: 'custom', path, message })),
);

export type TemplateParseResult = { readonly template: Template } | { readonly issues: readonly TemplateIssue[] };

/** Nesting depth of a JSON value, computed iteratively so hostile input cannot overflow the stack. */
function jsonDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > limit) return max;
    if (typeof v === 'object' && v !== null) for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/**
 * Validates any value as a template.
 * @returns `{ template }` (a parsed copy) or `{ issues }` with dot-joined paths.
 */
export function validateTemplate(value: unknown): TemplateParseResult {
  if (jsonDepth(value, TEMPLATE_LIMITS.jsonDepth) > TEMPLATE_LIMITS.jsonDepth) {
    return { issues: [{ path: '', message: `Nested too deeply (more than ${TEMPLATE_LIMITS.jsonDepth} levels)` }] };
  }
  const r = TemplateSchema.safeParse(value);
  if (r.success) return { template: r.data };
  return { issues: r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}

/** The wrapper written by `exportTemplate`. */
export const EXPORT_FORMAT = 'outsight-questionnaire';
export const EXPORT_VERSION = 1;

function parseJsonText(text: string): { value: unknown } | { issues: TemplateIssue[] } {
  if (text.length > TEMPLATE_LIMITS.jsonChars) return { issues: [{ path: '', message: `File too large (more than ${TEMPLATE_LIMITS.jsonChars} characters)` }] };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    return { issues: [{ path: '', message: `Not valid JSON: ${(e as Error).message}` }] };
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Serialises a template in the Outsight exchange format:
 * `{ "format": "outsight-questionnaire", "version": 1, "template": { … } }`.
 */
export function exportTemplate(template: Template): string {
  // Passing through the schema writes keys in schema order, so export → import → export
  // is byte-identical and diffs between versions stay small.
  const canonical = TemplateShape.safeParse(template);
  return JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, template: canonical.success ? canonical.data : template }, null, 2);
}

/**
 * Reads a file written by `exportTemplate`. The wrapper is required (so a random JSON
 * file is not mistaken for a template); issue paths are relative to the template.
 */
export function importTemplate(text: string): TemplateParseResult {
  const parsed = parseJsonText(text);
  if ('issues' in parsed) return parsed;
  const v = parsed.value;
  if (!isRecord(v) || v.format !== EXPORT_FORMAT) return { issues: [{ path: 'format', message: `Expected "format": "${EXPORT_FORMAT}"` }] };
  if (v.version !== EXPORT_VERSION) return { issues: [{ path: 'version', message: `Unsupported version ${JSON.stringify(v.version)}; this Outsight reads version ${EXPORT_VERSION}` }] };
  return validateTemplate(v.template);
}

/**
 * Parses template JSON as the API receives it: either an exported file (with the
 * wrapper) or a bare template object.
 */
export function parseTemplateJson(text: string): TemplateParseResult {
  const parsed = parseJsonText(text);
  if ('issues' in parsed) return parsed;
  if (isRecord(parsed.value) && 'format' in parsed.value) return importTemplate(text);
  return validateTemplate(parsed.value);
}

/** Every question in document order, with where it sits. */
export function listQuestions(template: Template): Array<{ question: Question; section: Section; sectionIndex: number; questionIndex: number }> {
  const out: Array<{ question: Question; section: Section; sectionIndex: number; questionIndex: number }> = [];
  template.sections.forEach((section, sectionIndex) =>
    section.questions.forEach((question, questionIndex) => out.push({ question, section, sectionIndex, questionIndex })),
  );
  return out;
}

/** Number of questions (what a template version stores as `question_count`). */
export function questionCount(template: Template): number {
  return template.sections.reduce((n, s) => n + s.questions.length, 0);
}
