/**
 * A policy prepared for the hot path, once per policy object: statuses sorted into
 * running / paused / resolved categories, interned to small integers, and each
 * priority's targets flattened into a Plan. Internal to src/domain/sla (measure.ts,
 * ticket.ts and columns.ts use it).
 */
import { DEFAULT_AT_RISK_SHARE, type ClockKind, type PriorityTargets, type SlaPolicy } from './policy.ts';

/** Status categories: the clock runs, is paused, or the ticket is resolved. */
export const RUN = 0;
export const PAUSE = 1;
export const DONE = 2;

/** The targets of one priority, flattened once per policy for the hot path. */
export interface Plan {
  /** Position in Object.keys(policy.priorities), -1 if not an own key. */
  readonly index: number;
  readonly hasResolution: boolean;
  /** Infinity without a resolution target: never reached. */
  readonly resolutionMs: number;
  readonly resolutionClock: ClockKind;
  readonly resolutionBusiness: boolean;
  readonly hasResponse: boolean;
  /** NaN without a response target. */
  readonly responseMs: number;
  readonly responseClock: ClockKind;
  readonly responseBusiness: boolean;
}

/** Table slots (a power of two) and the most entries kept in them, so probing ends. */
const SLOTS = 32;
const RECENT = 16;

/** A status findProblem rejects: not a string, empty or blank. */
export function isBlankStatus(st: unknown): boolean {
  // Only strings starting with a blank pay for trim(): this runs per event.
  return typeof st !== 'string' || st.length === 0 || (st.charCodeAt(0) <= 32 && st.trim() === '');
}

/**
 * Distinct status strings → dense codes 0, 1, 2, … (dictionary encoding). A status
 * vocabulary is a handful of strings, so the first RECENT sit in a small open-addressing
 * table probed from their length and compared with === (pointer-equal for repeated
 * strings): usually one comparison per event. Later ones go to a Map.
 */
export class StatusDictionary {
  /** strings[code] is the status with that code. */
  readonly strings: string[] = [];
  private readonly slotKeys: string[] = new Array<string>(SLOTS).fill('');
  private readonly slotCodes = new Int32Array(SLOTS);
  private inSlots = 0;
  private readonly more = new Map<string, number>();

  get size(): number {
    return this.strings.length;
  }

  /** The code of a status, added if new; -1 for a blank status (see isBlankStatus). */
  code(status: string): number {
    if (typeof status !== 'string' || status.length === 0) return -1;
    const keys = this.slotKeys;
    for (let j = status.length & (SLOTS - 1); ; j = (j + 1) & (SLOTS - 1)) {
      const k = keys[j];
      if (k === status) return this.slotCodes[j];
      if (k === '') return this.codeOfNew(status, j);
    }
  }

  /** code() for a string not in the table; `free` is where it would go (out of line: rare). */
  private codeOfNew(status: string, free: number): number {
    if (isBlankStatus(status)) return -1;
    let c = this.more.get(status);
    if (c !== undefined) return c;
    c = this.strings.length;
    this.strings.push(status);
    if (this.inSlots < RECENT) {
      this.inSlots++;
      this.slotKeys[free] = status;
      this.slotCodes[free] = c;
    } else this.more.set(status, c);
    return c;
  }

  clear(): void {
    this.strings.length = 0;
    this.slotKeys.fill('');
    this.inSlots = 0;
    this.more.clear();
  }
}

/** What the engine derives from a policy once (policies are treated as immutable values). */
export interface Prepared {
  readonly pause: ReadonlySet<string>;
  readonly done: ReadonlySet<string>;
  /** Object.keys(policy.priorities): TicketMeasurement.priorityIndex refers to it. */
  readonly keys: readonly string[];
  readonly priorityKeys: string[];
  readonly priorityPlans: Array<Plan | null>;
  readonly plans: Map<unknown, Plan | null>;
  priorities: number;
  readonly atRiskShare: number;
  /** Codes of the statuses seen by the object entry points, and their categories. */
  readonly dict: StatusDictionary;
  catOf: Int8Array;
  catCount: number;
}

/** Bound on the strings cached per policy, so hostile input cannot grow memory without end. */
export const MAX_CACHED = 10_000;
const prepared = new WeakMap<SlaPolicy, Prepared>();
let lastPolicy: SlaPolicy | null = null;
let lastPrepared: Prepared | null = null;
const norm = (s: string) => s.trim().toLowerCase();

export function prepare(policy: SlaPolicy): Prepared {
  if (policy === lastPolicy) return lastPrepared as Prepared;
  let p = prepared.get(policy);
  if (!p) {
    p = {
      pause: new Set(policy.pauseStatuses.map(norm)),
      done: new Set(policy.resolvedStatuses.map(norm)),
      keys: Object.keys(policy.priorities),
      priorityKeys: new Array<string>(SLOTS).fill(''),
      priorityPlans: new Array<Plan | null>(SLOTS).fill(null),
      plans: new Map(),
      priorities: 0,
      atRiskShare: policy.atRiskShare ?? DEFAULT_AT_RISK_SHARE,
      dict: new StatusDictionary(),
      catOf: new Int8Array(16),
      catCount: 0,
    };
    prepared.set(policy, p);
  }
  lastPolicy = policy;
  lastPrepared = p;
  return p;
}

/** RUN, PAUSE or DONE for a (non-blank) status under the policy: trimmed, case-insensitive. */
export function categoryOf(p: Prepared, status: string): number {
  const n = norm(status);
  return p.done.has(n) ? DONE : p.pause.has(n) ? PAUSE : RUN;
}

/** Category of every code of `dict` under the policy. */
export function categoriesFor(p: Prepared, dict: StatusDictionary): Int8Array {
  const out = new Int8Array(dict.size);
  for (let c = 0; c < out.length; c++) out[c] = categoryOf(p, dict.strings[c]);
  return out;
}

/** Brings p.catOf up to date with the codes p.dict has handed out. */
export function syncCategories(p: Prepared): void {
  const n = p.dict.size;
  if (n > p.catOf.length) {
    const grown = new Int8Array(Math.max(n, 2 * p.catOf.length));
    grown.set(p.catOf.subarray(0, p.catCount));
    p.catOf = grown;
  }
  for (let c = p.catCount; c < n; c++) p.catOf[c] = categoryOf(p, p.dict.strings[c]);
  p.catCount = n;
}

function makePlan(targets: PriorityTargets, index: number): Plan {
  const res = targets.resolution;
  const resp = targets.response;
  const resolutionClock: ClockKind = res?.clock ?? 'business';
  const responseClock: ClockKind = resp?.clock ?? 'business';
  return {
    index,
    hasResolution: !!res,
    resolutionMs: res ? res.ms : Infinity,
    resolutionClock,
    resolutionBusiness: resolutionClock === 'business',
    hasResponse: !!resp,
    responseMs: resp ? resp.ms : NaN,
    responseClock,
    responseBusiness: responseClock === 'business',
  };
}

/** The plan of a priority as `policy.priorities[priority]` reads it; null without targets. */
export function planOf(p: Prepared, policy: SlaPolicy, priority: unknown): Plan | null {
  if (typeof priority === 'string' && priority.length > 0) {
    const keys = p.priorityKeys;
    for (let j = priority.length & (SLOTS - 1); ; j = (j + 1) & (SLOTS - 1)) {
      const k = keys[j];
      if (k === priority) return p.priorityPlans[j];
      if (k === '') return planOfNew(p, policy, priority, j);
    }
  }
  return planOfNew(p, policy, priority, -1);
}

function planOfNew(p: Prepared, policy: SlaPolicy, priority: unknown, free: number): Plan | null {
  let plan = p.plans.get(priority);
  if (plan === undefined) {
    const targets = policy.priorities[priority as string];
    plan = targets ? makePlan(targets, p.keys.indexOf(priority as string)) : null;
    if (p.plans.size < MAX_CACHED) p.plans.set(priority, plan);
  }
  if (free >= 0 && p.priorities < RECENT) {
    p.priorities++;
    p.priorityKeys[free] = priority as string;
    p.priorityPlans[free] = plan;
  }
  return plan;
}

