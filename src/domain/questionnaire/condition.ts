/**
 * Conditional display: a small boolean AST over earlier answers.
 *
 * Why an AST and not an expression string: it is stored as JSON inside a template
 * version, validated field by field (every reference must name an earlier question and
 * an existing choice), evaluated without any parser at answer time, and rendered for
 * humans by `formatCondition`. VSAQ's `cond` strings are converted into it on import.
 *
 * Semantics (used by answers.ts):
 * - `answered`: the question is visible and has an answer (see `isAnswered` there);
 * - `equals`: the question is visible and its answer is exactly `value` (a choice id for
 *   single choice, a boolean for yes/no, a number, or a string);
 * - `includes`: the question is visible and its (multiple-choice) answer contains `choice`;
 * - `and` of no args is true and `or` of no args is false, so "always" and "never"
 *   need no extra node kinds (VSAQ's `false` literal imports as `or []`).
 * Answers to hidden questions never count, so a condition on a question that is itself
 * hidden is false — the same as VSAQ, whose references require the item to be shown.
 */
import { z } from 'zod';

export type Condition =
  | { readonly op: 'and'; readonly args: readonly Condition[] }
  | { readonly op: 'or'; readonly args: readonly Condition[] }
  | { readonly op: 'not'; readonly arg: Condition }
  | { readonly op: 'answered'; readonly question: string }
  | { readonly op: 'equals'; readonly question: string; readonly value: string | boolean | number }
  | { readonly op: 'includes'; readonly question: string; readonly choice: string };

/** Deeper nesting than this is refused: no real questionnaire needs it, and it bounds recursion. */
export const MAX_CONDITION_DEPTH = 32;
/** Upper bound on nodes per condition, so a template cannot smuggle in a huge expression. */
export const MAX_CONDITION_NODES = 500;
/** Upper bound on the arguments of one `and` / `or`. */
export const MAX_CONDITION_ARGS = 100;

/** Stable ids: letters, digits, `_ . : -`; VSAQ ids fit, and they are safe in URLs and paths. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
export const IdString = z.string().regex(ID_PATTERN, 'Expected an id of letters, digits, _ . : - (at most 128)');

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z.strictObject({ op: z.literal('and'), args: z.array(ConditionSchema).max(MAX_CONDITION_ARGS) }),
    z.strictObject({ op: z.literal('or'), args: z.array(ConditionSchema).max(MAX_CONDITION_ARGS) }),
    z.strictObject({ op: z.literal('not'), arg: ConditionSchema }),
    z.strictObject({ op: z.literal('answered'), question: IdString }),
    z.strictObject({
      op: z.literal('equals'),
      question: IdString,
      value: z.union([z.string().max(500), z.boolean(), z.number().refine(Number.isFinite, 'Expected a finite number')]),
    }),
    z.strictObject({ op: z.literal('includes'), question: IdString, choice: IdString }),
  ]),
  // Named, so the API document can refer to this recursive shape instead of inlining it forever.
).meta({ id: 'QuestionnaireCondition' });

/** A leaf of a condition: what it reads, for reference checks and dependency lists. */
export type ConditionLeaf = Extract<Condition, { question: string }>;

/**
 * Every leaf of a condition, each with its path relative to the condition
 * (e.g. `['args', 1, 'arg']`), in left-to-right order.
 */
export function conditionLeaves(cond: Condition): Array<{ leaf: ConditionLeaf; path: Array<string | number> }> {
  const out: Array<{ leaf: ConditionLeaf; path: Array<string | number> }> = [];
  const walk = (c: Condition, path: Array<string | number>): void => {
    switch (c.op) {
      case 'and':
      case 'or':
        c.args.forEach((a, i) => walk(a, [...path, 'args', i]));
        return;
      case 'not':
        walk(c.arg, [...path, 'arg']);
        return;
      default:
        out.push({ leaf: c, path });
    }
  };
  walk(cond, []);
  return out;
}

/**
 * Nesting depth (a leaf is 1), node count and widest `and`/`or`, computed iteratively so
 * hostile input cannot overflow the stack; counting stops early once far past the limits.
 */
export function conditionSize(cond: unknown): { depth: number; nodes: number; width: number } {
  let depth = 0;
  let nodes = 0;
  let width = 0;
  const stack: Array<[unknown, number]> = [[cond, 1]];
  while (stack.length > 0) {
    const [c, d] = stack.pop()!;
    nodes++;
    depth = Math.max(depth, d);
    if (nodes > MAX_CONDITION_NODES * 4 || depth > MAX_CONDITION_DEPTH * 4) break;
    if (typeof c !== 'object' || c === null) continue;
    const o = c as { args?: unknown; arg?: unknown };
    if (Array.isArray(o.args)) {
      width = Math.max(width, o.args.length);
      for (const a of o.args) stack.push([a, d + 1]);
    }
    if (o.arg !== undefined) stack.push([o.arg, d + 1]);
  }
  return { depth, nodes, width };
}

/** Whether a condition is within the depth, node and width limits. */
export function conditionWithinLimits(cond: unknown): boolean {
  const { depth, nodes, width } = conditionSize(cond);
  return depth <= MAX_CONDITION_DEPTH && nodes <= MAX_CONDITION_NODES && width <= MAX_CONDITION_ARGS;
}

/** How a condition reads an answer: the value of a visible question, or undefined if hidden or unanswered. */
export type AnswerLookup = (questionId: string) => unknown;

/**
 * Evaluates a condition against visible, answered values only (the caller's lookup must
 * return undefined for hidden or unanswered questions).
 */
export function evaluateCondition(cond: Condition, lookup: AnswerLookup): boolean {
  switch (cond.op) {
    case 'and':
      return cond.args.every((a) => evaluateCondition(a, lookup));
    case 'or':
      return cond.args.some((a) => evaluateCondition(a, lookup));
    case 'not':
      return !evaluateCondition(cond.arg, lookup);
    case 'answered':
      return lookup(cond.question) !== undefined;
    case 'equals':
      return lookup(cond.question) === cond.value;
    case 'includes': {
      const v = lookup(cond.question);
      return Array.isArray(v) && v.includes(cond.choice);
    }
  }
}

/**
 * A one-line, human-readable form for the UI and for reports, e.g.
 * `network_firewalls = network_firewalls_yes AND NOT (options ∋ req_sensitive)`.
 */
export function formatCondition(cond: Condition): string {
  const inner = (c: Condition): string => {
    switch (c.op) {
      case 'and':
      case 'or':
        if (c.args.length === 0) return c.op === 'and' ? 'ALWAYS' : 'NEVER';
        return c.args.length === 1 ? inner(c.args[0]) : `(${c.args.map(inner).join(c.op === 'and' ? ' AND ' : ' OR ')})`;
      case 'not':
        return `NOT ${inner(c.arg)}`;
      case 'answered':
        return `${c.question} answered`;
      case 'equals':
        return `${c.question} = ${typeof c.value === 'string' ? c.value : JSON.stringify(c.value)}`;
      case 'includes':
        return `${c.question} ∋ ${c.choice}`;
    }
  };
  const s = inner(cond);
  return s.startsWith('(') && s.endsWith(')') && (cond.op === 'and' || cond.op === 'or') ? s.slice(1, -1) : s;
}

/** Builds an `and`/`or`, flattening nested nodes of the same kind and unwrapping single arguments. */
export function combine(op: 'and' | 'or', parts: readonly Condition[]): Condition {
  const args: Condition[] = [];
  for (const p of parts) {
    if (p.op === op) args.push(...p.args);
    else args.push(p);
  }
  return args.length === 1 ? args[0] : { op, args };
}
