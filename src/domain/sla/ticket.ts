/**
 * Per-ticket SLA evaluation. Rules (each one a deliberate choice, tested):
 *
 * - Evaluation is "as of nowMs": events, responses and resolutions after nowMs are not
 *   yet known, so the same data can be replayed for any past instant.
 * - Priority: a ticket is measured against the targets of its final priority (the last
 *   priorityHistory entry at or before now, else `priority`) from the moment it opened.
 *   A P3 raised to P1 after three hours is a P1 that has used three hours.
 * - Response clock: openedAt → first response, never paused (it is about first contact,
 *   and waiting for the user cannot delay a first contact). Resolving a ticket is a
 *   contact too: the clock stops at the earlier of firstResponseAt and the first resolve.
 * - Resolution clock: runs from openedAt while the ticket is in any status that is
 *   neither a pause status nor a resolved status. Pause statuses (client-side waits) stop
 *   it; a vendor's own wait is not a pause unless the policy lists it. Moving out of a
 *   resolved status is a reopen: the clock resumes, and the final resolution is the last
 *   resolve. Time between a resolve and a reopen is not counted.
 * - Status history is authoritative; resolvedAt (else closedAt) is used only when the
 *   history never reaches a resolved status, as a final resolve at that instant.
 * - Breach: elapsed > target (exactly on target is met). `dueAt` is the instant the
 *   target elapsed or will elapse if the clock keeps running.
 * - Missing or inconsistent data (no openedAt, resolved before opened, unordered history,
 *   no targets for the priority, instants outside 1900–2199) yields `problem` and no
 *   verdict: the engine never guesses.
 */
import { MAX_SUPPORTED_MS, MIN_SUPPORTED_MS, businessReading, instantAtReading, type CompiledCalendar } from './calendar.ts';
import { DEFAULT_AT_RISK_SHARE, type CalendarRegistry, type ClockKind, type SlaPolicy } from './policy.ts';

export interface StatusChange {
  readonly atMs: number;
  readonly status: string;
}

export interface PriorityChange {
  readonly atMs: number;
  readonly priority: string;
}

/** A ticket as imported; instants are UTC epoch ms. */
export interface TicketInput {
  readonly id: string;
  /** Final priority; used when priorityHistory is absent or empty. */
  readonly priority?: string | null;
  readonly priorityHistory?: readonly PriorityChange[] | null;
  readonly openedAt?: number | null;
  readonly firstResponseAt?: number | null;
  /** Status changes in time order (equal instants keep their order). */
  readonly statusHistory?: readonly StatusChange[] | null;
  readonly resolvedAt?: number | null;
  readonly closedAt?: number | null;
}

/** The state of one SLA clock (response or resolution) of a ticket. */
export interface ClockVerdict {
  readonly clock: ClockKind;
  /** null when the priority has no target for this clock: never breached, never at risk. */
  readonly targetMs: number | null;
  /** Time on this clock until it stopped (or until now): business ms for business clocks. */
  readonly elapsedMs: number;
  /** Response given / ticket resolved. */
  readonly stopped: boolean;
  readonly breached: boolean;
  /** When the target elapsed or will elapse; null if it was never reached, no target, or paused. */
  readonly dueAt: number | null;
  /** Open clocks with a target: what is left (≥ 0); null otherwise. */
  readonly leftMs: number | null;
  /** Running or paused, not breached, and ≥ atRiskShare (75 %) of the target used. */
  readonly atRisk: boolean;
}

export interface TicketVerdict {
  readonly id: string;
  readonly problem: null;
  readonly priority: string;
  readonly state: 'open' | 'paused' | 'resolved';
  readonly openedAt: number;
  /** When the response clock stopped (first response or first resolve). */
  readonly respondedAt: number | null;
  /** The final resolve, or null while open. */
  readonly resolvedAt: number | null;
  readonly reopenCount: number;
  readonly response: ClockVerdict;
  readonly resolution: ClockVerdict;
  /** Time spent in pause statuses, on the resolution target's clock. */
  readonly pausedMs: number;
  /** Response and/or resolution breached. */
  readonly breached: boolean;
  /** The instant that decides the report month (see report.ts); null = not reported yet. */
  readonly reportAt: number | null;
}

/** A ticket that could not be measured, with the reason. */
export interface TicketProblem {
  readonly id: string;
  readonly problem: string;
}

export type TicketEvaluation = TicketVerdict | TicketProblem;

const RUN = 0;
const PAUSE = 1;
const DONE = 2;

interface Prepared {
  readonly pause: ReadonlySet<string>;
  readonly done: ReadonlySet<string>;
  /**
   * Raw status string → category. A status vocabulary is a handful of strings, so a
   * short list compared with === (pointer-equal for repeated strings) beats a Map here;
   * the Map catches the rest.
   */
  readonly recentStatus: string[];
  readonly recentCategory: number[];
  readonly category: Map<string, number>;
  readonly atRiskShare: number;
}

const RECENT = 16;
const prepared = new WeakMap<SlaPolicy, Prepared>();
let lastPolicy: SlaPolicy | null = null;
let lastPrepared: Prepared | null = null;
const norm = (s: string) => s.trim().toLowerCase();

function prepare(policy: SlaPolicy): Prepared {
  if (policy === lastPolicy) return lastPrepared as Prepared;
  let p = prepared.get(policy);
  if (!p) {
    p = {
      pause: new Set(policy.pauseStatuses.map(norm)),
      done: new Set(policy.resolvedStatuses.map(norm)),
      recentStatus: [],
      recentCategory: [],
      category: new Map(),
      atRiskShare: policy.atRiskShare ?? DEFAULT_AT_RISK_SHARE,
    };
    prepared.set(policy, p);
  }
  lastPolicy = policy;
  lastPrepared = p;
  return p;
}

function categorize(p: Prepared, status: string): number {
  const keys = p.recentStatus;
  for (let i = 0; i < keys.length; i++) if (keys[i] === status) return p.recentCategory[i];
  let c = p.category.get(status);
  if (c === undefined) {
    const n = norm(status);
    c = p.done.has(n) ? DONE : p.pause.has(n) ? PAUSE : RUN;
    // Bounded so hostile input with endless distinct statuses cannot grow memory.
    if (p.category.size < 10_000) p.category.set(status, c);
  }
  if (keys.length < RECENT) {
    keys.push(status);
    p.recentCategory.push(c);
  }
  return c;
}

const isInstant = (v: number | null | undefined): v is number => typeof v === 'number' && v >= MIN_SUPPORTED_MS && v < MAX_SUPPORTED_MS;
const isAbsent = (v: unknown) => v === undefined || v === null;

/**
 * A clock as an odometer: reading(b) − reading(a) is the time on the clock in [a, b).
 * For the calendar clock the reading is the instant itself. Readings let the walk below
 * look each boundary up once.
 */
function reading(cal: CompiledCalendar, clock: ClockKind, t: number): number {
  return clock === 'business' ? businessReading(cal, t) : t;
}

/** The instant `ms` of clock time after the instant `t` whose reading is `r`. */
function advance(cal: CompiledCalendar, clock: ClockKind, t: number, r: number, ms: number): number {
  if (!(ms > 0)) return t;
  return clock === 'business' ? instantAtReading(cal, r + ms) : t + ms;
}

/** Problem with one optional instant field, or null. */
function instantProblem(name: string, v: number | null | undefined, opened: number): string | null {
  if (isAbsent(v)) return null;
  if (!isInstant(v)) return `${name} is not a valid instant (${v})`;
  return v < opened ? `${name} is before openedAt` : null;
}

/** First data problem of a ticket, or null. Checked before any measuring. */
function findProblem(t: TicketInput, nowMs: number): string | null {
  const opened = t.openedAt;
  if (isAbsent(opened)) return 'missing openedAt';
  if (!isInstant(opened)) return `openedAt is not a valid instant (${opened})`;
  if (!isInstant(nowMs)) return `evaluation instant is not valid (${nowMs})`;
  if (opened > nowMs) return 'opened after the evaluation instant';
  const bad =
    instantProblem('firstResponseAt', t.firstResponseAt, opened) ??
    instantProblem('resolvedAt', t.resolvedAt, opened) ??
    instantProblem('closedAt', t.closedAt, opened);
  if (bad) return bad;
  if (isInstant(t.resolvedAt) && isInstant(t.closedAt) && t.closedAt < t.resolvedAt) return 'closedAt is before resolvedAt';
  const sh = t.statusHistory;
  if (sh) {
    for (let i = 0; i < sh.length; i++) {
      const e = sh[i];
      if (!isInstant(e.atMs)) return `statusHistory[${i}].atMs is not a valid instant`;
      if (e.atMs < opened) return `statusHistory[${i}] is before openedAt`;
      if (i > 0 && e.atMs < sh[i - 1].atMs) return `statusHistory[${i}] is out of order`;
      const st = e.status;
      // Only strings starting with a blank pay for trim(): this loop runs per event.
      if (typeof st !== 'string' || st.length === 0 || (st.charCodeAt(0) <= 32 && st.trim() === '')) {
        return `statusHistory[${i}].status is empty`;
      }
    }
  }
  const ph = t.priorityHistory;
  if (ph) {
    for (let i = 0; i < ph.length; i++) {
      if (!isInstant(ph[i].atMs)) return `priorityHistory[${i}].atMs is not a valid instant`;
      if (i > 0 && ph[i].atMs < ph[i - 1].atMs) return `priorityHistory[${i}] is out of order`;
    }
  }
  return null;
}

function finalPriority(t: TicketInput, nowMs: number): string | null {
  const ph = t.priorityHistory;
  if (ph) for (let i = ph.length - 1; i >= 0; i--) if (ph[i].atMs <= nowMs) return ph[i].priority;
  return t.priority ?? null;
}

/**
 * Measures one ticket against its policy as of `nowMs`. Returns a verdict, or a
 * TicketProblem (never a guess) when the data is missing or inconsistent. Policies are
 * treated as immutable values (derived status sets are cached per policy object).
 * To report many tickets without keeping every verdict, feed them to MonthlyTally.
 * @throws Error when the policy's calendar is not in `calendars` (configuration, not data).
 */
export function evaluateTicket(policy: SlaPolicy, calendars: CalendarRegistry, ticket: TicketInput, nowMs: number): TicketEvaluation {
  const cal = calendars[policy.calendarId];
  if (!cal) throw new Error(`SLA policy refers to unknown calendar "${policy.calendarId}"`);
  const problem = findProblem(ticket, nowMs);
  if (problem) return { id: ticket.id, problem };
  const priority = finalPriority(ticket, nowMs);
  if (!priority) return { id: ticket.id, problem: 'missing priority' };
  const targets = policy.priorities[priority];
  if (!targets) return { id: ticket.id, problem: `no SLA targets for priority "${priority}"` };
  const p = prepare(policy);
  const opened = ticket.openedAt as number;

  // Resolution clock: one pass over the status history, each step closing the segment
  // [t, at) spent in category `cat`. Written without closures: this runs per ticket.
  const resClock: ClockKind = targets.resolution?.clock ?? 'business';
  const need = targets.resolution ? targets.resolution.ms : Infinity;
  let acc = 0;
  let paused = 0;
  let due: number | null = null;
  let reopenCount = 0;
  let firstResolve: number | null = null;
  let lastResolve: number | null = null;
  let cat = RUN;
  let t = opened;
  // resolvedAt (else closedAt) acts as a final resolve only if the history never resolves.
  let fallback = isAbsent(ticket.resolvedAt) ? ticket.closedAt : ticket.resolvedAt;
  if (!isInstant(fallback) || fallback > nowMs) fallback = null;
  const sh = ticket.statusHistory;
  const len = sh ? sh.length : 0;
  const rOpened = reading(cal, resClock, opened);
  let r = rOpened;
  for (let i = 0; ; ) {
    let at: number;
    let c: number;
    let last = false;
    if (i < len && (sh as readonly StatusChange[])[i].atMs <= nowMs) {
      const e = (sh as readonly StatusChange[])[i++];
      at = e.atMs;
      c = categorize(p, e.status);
    } else if (firstResolve === null && fallback !== null) {
      if (fallback < t) return { id: ticket.id, problem: 'resolvedAt is before the last status change, but no status resolves the ticket' };
      at = fallback;
      c = DONE;
      fallback = null;
    } else {
      if (cat === DONE) break; // resolved: nothing runs until now
      at = nowMs;
      c = cat;
      last = true;
    }
    if (at > t) {
      const rAt = reading(cal, resClock, at);
      if (cat === RUN) {
        const piece = rAt - r;
        if (due === null && acc + piece >= need) due = advance(cal, resClock, t, r, need - acc);
        acc += piece;
      } else if (cat === PAUSE) paused += rAt - r;
      t = at;
      r = rAt;
    }
    if (last) break;
    if (c === DONE && cat !== DONE) {
      lastResolve = at;
      if (firstResolve === null) firstResolve = at;
    } else if (cat === DONE && c !== DONE) reopenCount++;
    cat = c;
  }
  const resolved = cat === DONE;
  const resBreached = acc > need;
  let resDue: number | null = due;
  if (resDue === null && !resolved && cat === RUN && targets.resolution) resDue = advance(cal, resClock, nowMs, r, need - acc);
  const resolution: ClockVerdict = {
    clock: resClock,
    targetMs: targets.resolution ? need : null,
    elapsedMs: acc,
    stopped: resolved,
    breached: resBreached,
    dueAt: resDue,
    leftMs: !resolved && targets.resolution ? Math.max(0, need - acc) : null,
    atRisk: !resolved && !resBreached && acc >= p.atRiskShare * need,
  };

  // Response clock: openedAt → first response or first resolve, whichever is earlier.
  const fr = ticket.firstResponseAt;
  let respondedAt = isInstant(fr) && fr <= nowMs ? fr : null;
  if (firstResolve !== null && (respondedAt === null || firstResolve < respondedAt)) respondedAt = firstResolve;
  const rt = targets.response;
  const respClock: ClockKind = rt?.clock ?? 'business';
  const rOpen = respClock === resClock ? rOpened : reading(cal, respClock, opened);
  const respElapsed = reading(cal, respClock, respondedAt ?? nowMs) - rOpen;
  const respBreached = rt !== undefined && respElapsed > rt.ms;
  let respDue: number | null = null;
  if (rt && (respondedAt === null || respElapsed >= rt.ms)) respDue = advance(cal, respClock, opened, rOpen, rt.ms);
  const response: ClockVerdict = {
    clock: respClock,
    targetMs: rt ? rt.ms : null,
    elapsedMs: respElapsed,
    stopped: respondedAt !== null,
    breached: respBreached,
    dueAt: respDue,
    leftMs: respondedAt === null && rt ? Math.max(0, rt.ms - respElapsed) : null,
    atRisk: respondedAt === null && rt !== undefined && !respBreached && respElapsed >= p.atRiskShare * rt.ms,
  };

  const breached = respBreached || resBreached;
  // Resolved tickets report in the month of their final resolve; open ones only once
  // breached, in the month the first target elapsed (see report.ts).
  let reportAt: number | null = resolved ? lastResolve : null;
  if (!resolved && breached) {
    const a = respBreached ? (respDue as number) : Infinity;
    const b = resBreached ? (resDue as number) : Infinity;
    reportAt = Math.min(a, b);
  }
  return {
    id: ticket.id,
    problem: null,
    priority,
    state: resolved ? 'resolved' : cat === PAUSE ? 'paused' : 'open',
    openedAt: opened,
    respondedAt,
    resolvedAt: resolved ? lastResolve : null,
    reopenCount,
    response,
    resolution,
    pausedMs: paused,
    breached,
    reportAt,
  };
}
