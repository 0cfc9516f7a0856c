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
 * - Where the first response comes from (TicketInput.responseEvidence, see
 *   first-response.ts): 'recorded' (the default: the export has a first-response value,
 *   and the rule above applies); 'events' (inferred from an event log: a resolve is then
 *   NOT a response, because the log cannot say when the ticket was first answered — a
 *   ticket resolved with no inferred response strictly before its first resolve has its
 *   response "not measured"; while it is open and unanswered the clock runs); 'none' (the
 *   data cannot say at all: never measured). A response that is not measured is neither
 *   met nor breached, and reports count it apart (PriorityMonth.responseNotMeasured).
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
 *
 * Entry points, all computed by the same core (measure.ts), so they cannot disagree:
 * evaluateTicket (one ticket → a verdict object), evaluateBatch (TicketInput[] → a
 * TicketSink, no objects per ticket) and evaluateColumns in columns.ts (columnar
 * tickets → a TicketSink: the fast path for passes over millions of tickets).
 */
import {
  MAX_MS,
  MIN_MS,
  MISSING_PRIORITY,
  OPENED_AFTER_NOW,
  TicketMeasurement,
  noTargets,
  nowInvalid,
} from './measure.ts';
import { loadTicket, walkLoaded } from './load.ts';
import { isBlankStatus, planOf, prepare, type Plan, type Prepared } from './prepared.ts';
import type { CalendarRegistry, ClockKind, SlaPolicy } from './policy.ts';

export { TicketMeasurement };

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
  /** What firstResponseAt rests on (see the rules above); 'recorded' when absent. */
  readonly responseEvidence?: ResponseEvidence | null;
}

/** 'recorded': the export says; 'events': inferred from an event log; 'none': the data cannot say. */
export type ResponseEvidence = 'recorded' | 'events' | 'none';

/** The state of one SLA clock (response or resolution) of a ticket. */
export interface ClockVerdict {
  readonly clock: ClockKind;
  /** null when the priority has no target for this clock: never breached, never at risk. */
  readonly targetMs: number | null;
  /**
   * False when the data cannot say when the clock stopped (a response not measured):
   * then elapsedMs is NaN, and the clock is neither breached nor at risk.
   */
  readonly measured: boolean;
  /** Time on this clock until it stopped (or until now): business ms for business clocks; NaN if not measured. */
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
  /** When the response clock stopped (first response, or first resolve for recorded evidence); null while running or not measured. */
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

/** Receives the tickets of an evaluateBatch / evaluateColumns call, in order. MonthlyTally is one. */
export interface TicketSink {
  /** A measured ticket; `m` is overwritten by the next ticket once this returns. */
  measured(m: TicketMeasurement): void;
  /** A ticket that could not be measured: the very object evaluateTicket returns. */
  problem(p: TicketProblem, index: number): void;
}

const isInstant = (v: number | null | undefined): v is number => typeof v === 'number' && v >= MIN_MS && v < MAX_MS;
const isAbsent = (v: unknown) => v === undefined || v === null;
/** NaN (the measurement's "none") → null. */
const orNull = (x: number): number | null => (x === x ? x : null);

/** Problem with one optional instant field, or null. */
function instantProblem(name: string, v: number | null | undefined, opened: number): string | null {
  if (isAbsent(v)) return null;
  if (!isInstant(v)) return `${name} is not a valid instant (${v})`;
  return v < opened ? `${name} is before openedAt` : null;
}

/**
 * First data problem of a ticket, or null: the wording of every problem. The measuring
 * core (measure.ts) repeats these checks in its own pass; both are tested to agree.
 */
function findProblem(t: TicketInput, nowMs: number): string | null {
  const opened = t.openedAt;
  if (isAbsent(opened)) return 'missing openedAt';
  if (!isInstant(opened)) return `openedAt is not a valid instant (${opened})`;
  if (!isInstant(nowMs)) return nowInvalid(nowMs);
  if (opened > nowMs) return OPENED_AFTER_NOW;
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
      if (isBlankStatus(e.status)) return `statusHistory[${i}].status is empty`;
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

/** evaluateTicket's scratch measurement (it copies the fields out before returning). */
const scratch = new TicketMeasurement();

/**
 * Measures one ticket against its policy as of `nowMs`. Returns a verdict, or a
 * TicketProblem (never a guess) when the data is missing or inconsistent. Policies are
 * treated as immutable values (derived status sets and targets are cached per policy
 * object). To measure many tickets, evaluateBatch and evaluateColumns (columns.ts) give
 * the same results without building a verdict per ticket.
 * @throws Error when the policy's calendar is not in `calendars` (configuration, not data).
 */
export function evaluateTicket(policy: SlaPolicy, calendars: CalendarRegistry, ticket: TicketInput, nowMs: number): TicketEvaluation {
  const cal = calendars[policy.calendarId];
  if (!cal) throw new Error(`SLA policy refers to unknown calendar "${policy.calendarId}"`);
  const problem = findProblem(ticket, nowMs);
  if (problem) return { id: ticket.id, problem };
  const priority = finalPriority(ticket, nowMs);
  if (!priority) return { id: ticket.id, problem: MISSING_PRIORITY };
  const p = prepare(policy);
  const plan = planOf(p, policy, priority);
  if (!plan) return { id: ticket.id, problem: noTargets(priority) };
  const m = scratch;
  // findProblem passed, so loading passes too: only the walk's own problem remains.
  const walkProblem = loadTicket(p, ticket) ? walkLoaded(p, plan, cal, nowMs, m) : 'internal error: input checks disagree';
  if (walkProblem) return { id: ticket.id, problem: walkProblem };
  return buildVerdict(p, plan, ticket.id, priority, m);
}

/**
 * The verdict object of a ticket an evaluateBatch / evaluateColumns pass handed to its
 * sink: exactly what evaluateTicket returns for it (both build it here). For a sink that
 * keeps verdicts of a few tickets, e.g. those measured again at a minute's turn.
 */
export function verdictOf(policy: SlaPolicy, m: TicketMeasurement): TicketVerdict {
  const p = prepare(policy);
  const plan = planOf(p, policy, m.priority);
  if (!plan) throw new Error(`no SLA targets for the measured priority "${m.priority}"`);
  return buildVerdict(p, plan, m.id, m.priority, m);
}

function buildVerdict(p: Prepared, plan: Plan, id: string, priority: string, m: TicketMeasurement): TicketVerdict {
  const resolved = m.state === 'resolved';
  const need = plan.resolutionMs;
  const acc = m.resolutionElapsedMs;
  const resolution: ClockVerdict = {
    clock: plan.resolutionClock,
    targetMs: plan.hasResolution ? need : null,
    measured: true,
    elapsedMs: acc,
    stopped: resolved,
    breached: m.resolutionBreached,
    dueAt: orNull(m.resolutionDueAt),
    leftMs: !resolved && plan.hasResolution ? Math.max(0, need - acc) : null,
    atRisk: !resolved && !m.resolutionBreached && acc >= p.atRiskShare * need,
  };
  const measured = m.responseMeasured;
  const responded = m.respondedAt === m.respondedAt || !measured;
  const rms = plan.responseMs;
  const respElapsed = m.responseElapsedMs;
  const response: ClockVerdict = {
    clock: plan.responseClock,
    targetMs: plan.hasResponse ? rms : null,
    measured,
    elapsedMs: respElapsed,
    stopped: responded,
    breached: m.responseBreached,
    dueAt: orNull(m.responseDueAt),
    leftMs: !responded && plan.hasResponse ? Math.max(0, rms - respElapsed) : null,
    atRisk: !responded && plan.hasResponse && !m.responseBreached && respElapsed >= p.atRiskShare * rms,
  };
  return {
    id,
    problem: null,
    priority,
    state: m.state,
    openedAt: m.openedAt,
    respondedAt: orNull(m.respondedAt),
    resolvedAt: orNull(m.resolvedAt),
    reopenCount: m.reopenCount,
    response,
    resolution,
    pausedMs: m.pausedMs,
    breached: m.breached,
    reportAt: orNull(m.reportAt),
  };
}

/**
 * Measures `tickets` against one policy as of `nowMs`, like evaluateTicket on each, but
 * hands every result to `sink` instead of building verdict objects: a measured ticket as
 * a reused TicketMeasurement, a problem as the exact TicketProblem evaluateTicket gives.
 * For large passes, e.g. `evaluateBatch(policy, calendars, tickets, now, tally)` with a
 * MonthlyTally; evaluateColumns (columns.ts) is faster still on columnar tickets.
 * No allocation per measured ticket.
 * @throws Error when the policy's calendar is not in `calendars` (configuration, not data).
 */
export function evaluateBatch(
  policy: SlaPolicy,
  calendars: CalendarRegistry,
  tickets: readonly TicketInput[],
  nowMs: number,
  sink: TicketSink,
): void {
  const cal = calendars[policy.calendarId];
  if (!cal) throw new Error(`SLA policy refers to unknown calendar "${policy.calendarId}"`);
  const p = prepare(policy);
  const m = new TicketMeasurement();
  const nowOk = isInstant(nowMs);
  for (let i = 0; i < tickets.length; i++) {
    const ticket = tickets[i];
    // loadTicket makes findProblem's checks (but the one on now) in the pass it makes anyway.
    if (nowOk && loadTicket(p, ticket) && (ticket.openedAt as number) <= nowMs) {
      const priority = finalPriority(ticket, nowMs);
      const plan = priority ? planOf(p, policy, priority) : null;
      if (plan !== null && walkLoaded(p, plan, cal, nowMs, m) === null) {
        m.index = i;
        m.id = ticket.id;
        m.priority = priority as string;
        m.priorityIndex = plan.index;
        sink.measured(m);
        continue;
      }
    }
    // Rare: let evaluateTicket word the problem, so both paths report it identically.
    sink.problem(evaluateTicket(policy, calendars, ticket, nowMs) as TicketProblem, i);
  }
}
