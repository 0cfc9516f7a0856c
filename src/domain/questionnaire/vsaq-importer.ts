/**
 * The tree walk behind `importVsaq` (vsaq.ts explains the mapping). Kept apart so each
 * file stays readable: this one turns VSAQ items into sections and questions, resolves
 * `cond` ids and applies warning tips; vsaq.ts parses the file and assembles the result.
 */
import { type Condition, ID_PATTERN, combine, conditionWithinLimits } from './condition.ts';
import { type Question, type Section, type Severity, type Topic, SEVERITIES, TEMPLATE_LIMITS, severityRank } from './template.ts';
import { type VsaqCond, parseVsaqCondition } from './vsaq-cond.ts';
import { clip, htmlToText, inferTopic } from './vsaq-text.ts';

export interface VsaqSkipped {
  readonly id?: string;
  readonly type?: string;
  readonly reason: string;
}

/** The input is not a VSAQ questionnaire at all (not parseable, no questionnaire, no questions). */
export class VsaqImportError extends Error {
  override name = 'VsaqImportError';
}

export type Raw = Record<string, unknown>;
/** What an id inside a `cond` can point at; `visibility` null = always shown. */
type Target =
  | { kind: 'radio' | 'check'; question: string; choice: string; visibility: Condition | null }
  | { kind: 'bool' | 'radiogroup' | 'value'; question: string; visibility: Condition | null }
  | { kind: 'checkgroup'; question: string; choices: string[]; visibility: Condition | null }
  | { kind: 'tip' | 'block'; visibility: Condition | null };

interface Frame {
  baseId: string;
  titles: string[];
  rootTitle: string;
  cond: Condition | null;
  topic: Topic;
  sections: number;
}

export const MAX_ITEMS = 10_000;
const MAX_RAW_TEXT = 20_000;
/** Real questionnaires nest 4 deep; the limit keeps hostile input from exhausting the stack. */
const MAX_BLOCK_DEPTH = 40;
export const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const and = (a: Condition | null, b: Condition | null): Condition | null => (a && b ? combine('and', [a, b]) : (a ?? b));

export class Importer {
  readonly skipped: VsaqSkipped[] = [];
  readonly sections: Section[] = [];
  private readonly targets = new Map<string, Target>();
  private readonly questions = new Map<string, Question>();
  private readonly sectionIds = new Set<string>();
  private readonly tipTouched = new Set<string>();
  private readonly frames: Frame[] = [];
  private current: Section | null = null;
  private pendingInfo: string[] = [];
  private items = 0;
  justifications = 0;

  constructor(private readonly allIds: ReadonlySet<string>) {}

  skip(item: Raw | undefined, reason: string, id?: string): void {
    this.skipped.push({ id: id ?? str(item?.id), type: str(item?.type), reason });
  }

  private text(raw: unknown, max: number, item?: Raw): string {
    const s = htmlToText(typeof raw === 'string' ? raw.slice(0, MAX_RAW_TEXT) : '');
    if (s.length > max) this.skip(item, `text of ${s.length} characters shortened to ${max}`);
    return clip(s, max);
  }

  private isFree(id: string): boolean {
    return !this.targets.has(id) && !this.questions.has(id);
  }

  private unique(base: string, taken: (s: string) => boolean): string {
    if (!taken(base)) return base;
    for (let n = 2; ; n++) if (!taken(`${base}_${n}`)) return `${base}_${n}`;
  }

  /** Imports the items of the outermost block; sections directly under it are titled `rootTitle`. */
  run(items: unknown[], rootTitle: string): void {
    this.frames.push({ baseId: this.unique('general', (s) => this.sectionIds.has(s) || this.allIds.has(s)), titles: [], rootTitle, cond: null, topic: inferTopic([rootTitle]), sections: 0 });
    this.sectionIds.add(this.frames[0].baseId);
    for (const it of items) this.item(it);
    this.flushInfo();
  }

  item(value: unknown): void {
    if (++this.items > MAX_ITEMS) throw new VsaqImportError(`Too many items (more than ${MAX_ITEMS})`);
    if (!isRecord(value)) return this.skip(undefined, 'item is not an object');
    let it: Raw = value;
    const id = str(it.id);
    if (id !== undefined && (!ID_PATTERN.test(id) || !this.isFree(id))) {
      const problem = ID_PATTERN.test(id) ? `duplicate id "${id}"` : `id "${clip(id, 60)}" is not usable (letters, digits, _ . : - only)`;
      // A block only loses its id (its questions still import); anything else is dropped.
      if (it.type !== 'block') return this.skip(it, problem);
      this.skip(it, `${problem}; the block is imported under a generated id`, clip(id, 60));
      it = { ...it, id: undefined };
    }
    switch (it.type) {
      case 'block':
        return this.block(it);
      case 'info':
        if (it.cond) return this.skip(it, 'conditional info text is not supported; dropped');
        return void this.pendingInfo.push(this.text(it.text, TEMPLATE_LIMITS.help, it));
      case 'tip':
        return this.tip(it);
      case 'radiogroup':
      case 'checkgroup':
        return this.group(it);
      case 'check':
      case 'yesno':
        return this.simple(it, 'yes_no', 'bool');
      case 'line':
        return this.simple(it, 'short_text', 'value');
      case 'box':
        return this.simple(it, 'long_text', 'value');
      case 'upload':
        return this.simple(it, 'file', 'value');
      case 'spacer':
        return this.skip(it, 'layout-only item');
      default:
        return this.skip(it, typeof it.type === 'string' ? `unknown item type "${clip(it.type, 40)}"` : 'item has no type');
    }
  }

  /** Converts an item's `cond`; on failure the reason is returned and the caller decides. */
  private cond(it: Raw, self?: string): { cond: Condition | null; raw: VsaqCond | null } | { error: string } {
    if (it.cond === undefined || it.cond === null) return { cond: null, raw: null };
    if (typeof it.cond !== 'string') return { error: 'cond is not a string' };
    const parsed = parseVsaqCondition(it.cond);
    if ('error' in parsed) return { error: `condition "${clip(it.cond, 200)}" not understood: ${parsed.error}` };
    if (!parsed.cond) return { cond: null, raw: null };
    try {
      const cond = this.resolve(parsed.cond, self);
      // "^id" inlines another item's condition, so chains of them could grow without bound.
      if (!conditionWithinLimits(cond)) throw new Error('too large once "^" references are expanded');
      return { cond, raw: parsed.cond };
    } catch (e) {
      return { error: `condition "${clip(it.cond, 200)}": ${(e as Error).message}` };
    }
  }

  private resolve(c: VsaqCond, self?: string): Condition {
    if (c.kind === 'not') return { op: 'not', arg: this.resolve(c.arg, self) };
    if (c.kind !== 'ref') return combine(c.kind, c.args.map((a) => this.resolve(a, self)));
    const visibility = c.name.startsWith('^');
    const suffix = /\/(yes|no|value)$/.exec(c.name)?.[1];
    const base = c.name.slice(visibility ? 1 : 0, suffix ? -suffix.length - 1 : undefined);
    if (base === 'false' && !visibility) return { op: 'or', args: [] };
    const t = this.targets.get(base);
    if (!t) throw new Error(this.allIds.has(base) ? `"${base}" comes later or was not imported` : `unknown id "${base}"`);
    if ('question' in t && t.question === self) throw new Error('refers to the item itself');
    if (visibility) return t.visibility ?? { op: 'and', args: [] };
    switch (t.kind) {
      case 'radio':
        return { op: 'equals', question: t.question, value: t.choice };
      case 'check':
        return { op: 'includes', question: t.question, choice: t.choice };
      case 'bool':
        return { op: 'equals', question: t.question, value: suffix !== 'no' };
      case 'radiogroup':
      case 'value':
        return { op: 'answered', question: t.question };
      case 'checkgroup':
        return combine('or', t.choices.map((choice) => ({ op: 'includes' as const, question: t.question, choice })));
      default:
        throw new Error(`"${base}" is a ${t.kind}; only "^${base}" (is shown) can be used`);
    }
  }

  private get frame(): Frame {
    return this.frames[this.frames.length - 1];
  }

  private ensureSection(): Section {
    if (this.current) return this.current;
    const f = this.frame;
    const n = f.sections++;
    const id = n === 0 ? f.baseId : this.unique(`${f.baseId}_${n + 1}`, (s) => this.sectionIds.has(s) || this.allIds.has(s));
    this.sectionIds.add(id);
    const title = clip((f.titles.join(' › ') || f.rootTitle || 'General') + (n > 0 ? ' (continued)' : ''), 300);
    this.current = { id, title, ...(f.cond ? { condition: f.cond } : {}), questions: [] };
    this.sections.push(this.current);
    return this.current;
  }

  private flushInfo(): void {
    if (this.pendingInfo.length === 0) return;
    const s = this.ensureSection();
    s.description = clip([s.description, ...this.pendingInfo].filter(Boolean).join('\n\n'), TEMPLATE_LIMITS.help);
    this.pendingInfo = [];
  }

  private block(it: Raw): void {
    if (!Array.isArray(it.items)) return this.skip(it, 'block without an items list');
    if (this.frames.length > MAX_BLOCK_DEPTH) return this.skip(it, `blocks nested more than ${MAX_BLOCK_DEPTH} deep; block dropped`);
    const c = this.cond(it);
    if ('error' in c) this.skip(it, `${c.error}; the block is imported without its condition`);
    const parent = this.frame;
    const title = this.text(it.text, 300, it) || str(it.id) || 'Untitled';
    const raw = str(it.id);
    const baseId = this.unique(raw ?? `section_${this.sectionIds.size + 1}`, (s) => this.sectionIds.has(s));
    this.sectionIds.add(baseId);
    const titles = [...parent.titles, title];
    const frame: Frame = { baseId, titles, rootTitle: parent.rootTitle, cond: and(parent.cond, 'error' in c ? null : c.cond), topic: inferTopic([...titles].reverse().concat(parent.rootTitle)), sections: 0 };
    if (raw) this.targets.set(raw, { kind: 'block', visibility: frame.cond });
    this.flushInfo();
    this.current = null;
    this.frames.push(frame);
    for (const child of it.items) this.item(child);
    this.flushInfo();
    this.frames.pop();
    this.current = null;
  }

  private emit(q: Question, hasOwnText: boolean): void {
    const s = this.ensureSection();
    if (this.pendingInfo.length > 0) {
      const info = this.pendingInfo.join('\n\n');
      if (!hasOwnText) q.text = clip(info, TEMPLATE_LIMITS.text);
      else if (s.questions.length === 0 && !s.description) s.description = info;
      else q.help = clip([info, q.help].filter(Boolean).join('\n\n'), TEMPLATE_LIMITS.help);
      this.pendingInfo = [];
    }
    s.questions.push(q);
    this.questions.set(q.id, q);
  }

  private base(it: Raw, id: string, type: Question['type'], cond: Condition | null, fallbackText: string): { q: Question; hasOwnText: boolean } {
    const text = this.text(it.text, TEMPLATE_LIMITS.text, it);
    const q: Question = {
      id,
      type,
      text: text || fallbackText,
      required: it.required === true,
      weight: 0,
      topic: this.frame.topic,
      severity: 'medium',
      ...(cond ? { condition: cond } : {}),
      source: { ...(str(it.id) ? { vsaqId: str(it.id) } : {}), vsaqType: String(it.type) },
    };
    return { q, hasOwnText: text !== '' };
  }

  private condFor(it: Raw, id: string): Condition | null {
    const c = this.cond(it, id);
    if (!('error' in c)) return c.cond;
    this.skip(it, `${c.error}; imported without its condition (always shown)`, id);
    return null;
  }

  private simple(it: Raw, type: Question['type'], kind: 'bool' | 'value'): void {
    const id = str(it.id) ?? this.unique(`${String(it.type)}_${this.items}`, (s) => !this.isFree(s) || this.allIds.has(s));
    const cond = this.condFor(it, id);
    const fallback = type === 'yes_no' ? 'Tick if this applies.' : 'Please answer.';
    const { q, hasOwnText } = this.base(it, id, type, cond, fallback);
    this.emit(q, hasOwnText);
    this.targets.set(id, { kind, question: id, visibility: and(this.frame.cond, cond) });
  }

  private groupId(choiceIds: string[]): string {
    let prefix = choiceIds.reduce((p, id) => {
      let i = 0;
      while (i < p.length && i < id.length && p[i] === id[i]) i++;
      return p.slice(0, i);
    });
    prefix = prefix.slice(0, Math.max(0, prefix.lastIndexOf('_'))).replace(/[_.:-]+$/, '');
    const taken = (s: string) => !this.isFree(s) || this.allIds.has(s);
    return this.unique(prefix.length >= 3 && ID_PATTERN.test(prefix) ? prefix : `${choiceIds[0]}_group`, taken);
  }

  private group(it: Raw): void {
    const multiple = it.type === 'checkgroup';
    if (!Array.isArray(it.choices)) return this.skip(it, 'choice group without a choices list');
    if (it.choices.length > TEMPLATE_LIMITS.choices) return this.skip(it, `more than ${TEMPLATE_LIMITS.choices} choices`);
    const choices: Array<{ id: string; label: string; score: number }> = [];
    for (const c of it.choices) {
      const key = isRecord(c) ? Object.keys(c)[0] : undefined;
      const type = multiple ? 'check' : 'radio';
      if (key === undefined || typeof (c as Raw)[key] !== 'string') this.skipped.push({ type, reason: 'choice is not {"id": "label"}' });
      else if (!ID_PATTERN.test(key)) this.skipped.push({ id: clip(key, 60), type, reason: 'choice id is not usable (letters, digits, _ . : - only)' });
      else if (!this.isFree(key) || choices.some((x) => x.id === key)) this.skipped.push({ id: key, type, reason: `duplicate id "${key}"` });
      else choices.push({ id: key, label: this.text((c as Raw)[key], 2000, it) || key, score: 1 });
    }
    if (choices.length === 0) return this.skip(it, 'choice group without usable choices');
    if (it.choicesConds !== undefined) this.skip(it, 'per-choice conditions (choicesConds) are not supported; every choice is shown');
    const id = str(it.id) ?? this.groupId(choices.map((c) => c.id));
    if (it.defaultChoice === true) choices.push({ id: this.unique(`${id}_none`, (s) => !this.isFree(s) || this.allIds.has(s) || choices.some((c) => c.id === s)), label: 'None of the above.', score: 1 });
    const cond = this.condFor(it, id);
    const { q, hasOwnText } = this.base(it, id, multiple ? 'multiple_choice' : 'single_choice', cond, multiple ? 'Select all that apply.' : 'Choose one.');
    q.choices = choices;
    this.emit(q, hasOwnText);
    const visibility = and(this.frame.cond, cond);
    if (multiple) this.targets.set(id, { kind: 'checkgroup', question: id, choices: choices.map((c) => c.id), visibility });
    else this.targets.set(id, { kind: 'radiogroup', question: id, visibility });
    for (const c of choices) this.targets.set(c.id, { kind: multiple ? 'check' : 'radio', question: id, choice: c.id, visibility });
  }

  /** The answers a warning's condition singles out (see the file comment), or [] when it does not. */
  private badAnswers(raw: VsaqCond): Array<{ question: string; choice?: string; bad?: boolean }> {
    const negated = raw.kind === 'not' && raw.arg.kind === 'ref';
    const refs = negated ? [raw.arg] : raw.kind === 'ref' ? [raw] : raw.kind === 'or' ? raw.args : [];
    const out: Array<{ question: string; choice?: string; bad?: boolean }> = [];
    for (const r of refs) {
      if (r.kind !== 'ref' || r.name.startsWith('^')) return [];
      const suffix = /\/(yes|no)$/.exec(r.name)?.[1];
      const t = this.targets.get(suffix ? r.name.slice(0, -suffix.length - 1) : r.name);
      if (t?.kind === 'bool') out.push({ question: t.question, bad: (suffix !== 'no') !== negated });
      else if ((t?.kind === 'radio' || t?.kind === 'check') && !negated) out.push({ question: t.question, choice: t.choice });
      else return [];
    }
    return out;
  }

  private tip(it: Raw): void {
    const id = str(it.id) ?? this.unique(`tip_${this.items}`, (s) => !this.isFree(s) || this.allIds.has(s));
    const c = this.cond(it, id);
    if ('error' in c) return this.skip(it, `${c.error}; tip not imported`, id);
    this.targets.set(id, { kind: 'tip', visibility: and(this.frame.cond, c.cond) });
    const warn = it.warn === 'yes' || it.warn === true;
    const sevRaw = str(it.severity);
    const severity: Severity = (SEVERITIES as readonly string[]).includes(sevRaw ?? '') ? (sevRaw as Severity) : 'medium';
    if (sevRaw !== undefined && sevRaw !== severity) this.skip(it, `unknown severity "${clip(sevRaw, 30)}"; medium used`, id);
    const name = this.text(it.name, 300, it);
    const why = this.text(it.why, TEMPLATE_LIMITS.text, it);
    const targets = warn && c.raw ? this.badAnswers(c.raw) : [];
    for (const t of targets) {
      const q = this.questions.get(t.question)!;
      if (t.choice) q.choices = q.choices?.map((ch) => (ch.id === t.choice ? { ...ch, score: 0 } : ch));
      else if (t.bad !== undefined) Object.assign(q, { yesScore: t.bad ? 0 : 1, noScore: t.bad ? 1 : 0 });
      q.weight = 1;
      if (!this.tipTouched.has(q.id) || severityRank(severity) > severityRank(q.severity)) q.severity = severity;
      this.tipTouched.add(q.id);
      if (q.finding === undefined && name) q.finding = name;
    }
    if (why) {
      const help = clip([name, this.text(it.text, TEMPLATE_LIMITS.help, it)].filter(Boolean).join('\n\n'), TEMPLATE_LIMITS.help);
      const q: Question = {
        id,
        type: 'long_text',
        text: why,
        ...(help ? { help } : {}),
        required: false,
        weight: 0,
        topic: this.frame.topic,
        severity: warn ? severity : 'info',
        ...(name ? { finding: name } : {}),
        ...(c.cond ? { condition: c.cond } : {}),
        source: { ...(str(it.id) ? { vsaqId: str(it.id) } : {}), vsaqType: 'tip' },
      };
      this.emit(q, true);
      this.justifications++;
    } else if (warn && targets.length === 0) {
      this.skip(it, `warning${name ? ` "${name}"` : ''} (${severity}) depends on a combination of answers (${clip(String(it.cond), 200)}): no single answer to mark as bad, and no answer box`, id);
    } else if (!warn) {
      this.skip(it, 'informational tip (no warning, no answer box): its text is not imported', id);
    }
  }
}

/** Every id in the raw tree (items and choices), iteratively, so generated ids never collide with a real one. */
export function collectIds(root: unknown): Set<string> {
  const ids = new Set<string>();
  const stack: unknown[] = [root];
  let seen = 0;
  while (stack.length > 0 && seen++ < MAX_ITEMS * 20) {
    const v = stack.pop();
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (isRecord(v)) {
      if (typeof v.id === 'string') ids.add(v.id);
      if (Array.isArray(v.choices)) for (const c of v.choices) if (isRecord(c)) for (const k of Object.keys(c)) ids.add(k);
      // Children live in `items`; the document root holds `questionnaire` or `extensions`.
      for (const key of ['items', 'questionnaire', 'extensions']) if (Array.isArray(v[key])) stack.push(v[key]);
    }
  }
  return ids;
}
