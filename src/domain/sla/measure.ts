/**
 * The measuring core of the SLA engine, shared by every entry point so they cannot
 * give different answers: evaluateTicket and evaluateBatch (ticket.ts, TicketInput
 * objects) and evaluateColumns (columns.ts, columnar tickets). Internal to
 * src/domain/sla: use those modules. The rules it implements are listed in ticket.ts;
 * load.ts copies a ticket into the flat arrays the walk reads.
 *
 * Shape of the work: a ticket's status changes are first copied into flat arrays
 * (instant, status code), applying findProblem's checks that do not depend on the
 * evaluation instant; walk() then reads only typed arrays and writes its results into
 * a TicketMeasurement. Nothing here allocates per ticket.
 *
 * A V8 note that shaped the code (measured, not guessed): the walk's variables stay
 * raw doubles only while every value merged into them is known to be a number and none
 * is passed to a call that is not inlined; otherwise V8 boxes every new value into a
 * heap number (~200 bytes of garbage per ticket, and most of the time). Hence the unary
 * plus on numbers read from outside or returned by calls, no instants passed to calls
 * inside the loop, and instants handed over in Float64Arrays rather than as arguments.
 */
import { MAX_SUPPORTED_MS, MIN_SUPPORTED_MS, businessReading, type CompiledCalendar } from './calendar.ts';
import { instantAtReadingFrom } from './calendar-queries.ts';
import { DONE, PAUSE, RUN, type Plan } from './prepared.ts';
import type { TicketInput, TicketVerdict } from './ticket.ts';


/** What a step from category `cat` adds its clock time to, and transition tables by 3·from + to. */
const RUN_WEIGHT = new Float64Array([1, 0, 0]);
const PAUSE_WEIGHT = new Float64Array([0, 1, 0]);
const RESOLVES = new Int32Array([0, 0, 1, 0, 0, 1, 0, 0, 0]);
const REOPENS = new Int32Array([0, 0, 0, 0, 0, 0, 1, 1, 0]);

/** TicketInput.responseEvidence as a small integer for the walk. */
export const EVIDENCE_RECORDED = 0;
export const EVIDENCE_EVENTS = 1;
export const EVIDENCE_NONE = 2;
export function evidenceCode(e: TicketInput['responseEvidence']): number {
  return e === 'events' ? EVIDENCE_EVENTS : e === 'none' ? EVIDENCE_NONE : EVIDENCE_RECORDED;
}

export const MIN_MS = MIN_SUPPORTED_MS;
export const MAX_MS = MAX_SUPPORTED_MS;

/** Problems found after the input checks; ticket.ts words the others. */
export const RESOLVED_TOO_EARLY = 'resolvedAt is before the last status change, but no status resolves the ticket';
export const OPENED_AFTER_NOW = 'opened after the evaluation instant';
export const MISSING_PRIORITY = 'missing priority';
export const nowInvalid = (nowMs: unknown): string => `evaluation instant is not valid (${nowMs})`;
export const noTargets = (priority: unknown): string => `no SLA targets for priority "${priority}"`;

/**
 * One ticket's measurement as plain mutable fields: what evaluateTicket turns into a
 * TicketVerdict, and what evaluateBatch / evaluateColumns hand to a TicketSink without
 * building one. A batch reuses a single instance for every ticket, so read it inside
 * the callback and never keep it. Absent instants are NaN rather than null, so every
 * field keeps one machine representation and writing it allocates nothing.
 */
export class TicketMeasurement {
  /** Position of the ticket in the batch. */
  index = 0;
  id = '';
  /** The final priority, as in TicketVerdict.priority. */
  priority = '';
  /** Position of `priority` in Object.keys(policy.priorities); -1 if it is not an own key. */
  priorityIndex = -1;
  state: TicketVerdict['state'] = 'open';
  openedAt = NaN;
  /** NaN while the response clock runs or when it is not measured (TicketVerdict.respondedAt null). */
  respondedAt = NaN;
  /** False when the data cannot say when the first response was (see ticket.ts). */
  responseMeasured = true;
  /** NaN unless resolved (TicketVerdict.resolvedAt null). */
  resolvedAt = NaN;
  reopenCount = 0;
  pausedMs = NaN;
  responseElapsedMs = NaN;
  responseBreached = false;
  resolutionElapsedMs = NaN;
  resolutionBreached = false;
  breached = false;
  /** NaN where TicketVerdict.reportAt is null (not reported yet). */
  reportAt = NaN;

  /** NaN where ClockVerdict.dueAt is null. Computed when first read. */
  get responseDueAt(): number {
    if ((this.dues & 1) === 0) {
      this.dues |= 1;
      this.respDue = this.respDueT === this.respDueT ? advance(this.cal as CompiledCalendar, this.respBusiness, this.respDueT, this.respDueR, this.respDueLeft) : NaN;
    }
    return this.respDue;
  }

  /** NaN where ClockVerdict.dueAt is null. Computed when first read. */
  get resolutionDueAt(): number {
    if ((this.dues & 2) === 0) {
      this.dues |= 2;
      this.resDue = this.resDueT === this.resDueT ? advance(this.cal as CompiledCalendar, this.resBusiness, this.resDueT, this.resDueR, this.resDueLeft) : NaN;
    }
    return this.resDue;
  }

  // Internal to the engine: what the due instants are computed from (`advance` below).
  /** @internal */ cal: CompiledCalendar | null = null;
  /** @internal */ resDueT = NaN;
  /** @internal */ resDueR = NaN;
  /** @internal */ resDueLeft = NaN;
  /** @internal */ resBusiness = false;
  /** @internal */ respDueT = NaN;
  /** @internal */ respDueR = NaN;
  /** @internal */ respDueLeft = NaN;
  /** @internal */ respBusiness = false;
  /** @internal */ resDue = NaN;
  /** @internal */ respDue = NaN;
  /** @internal Bit 1: respDue computed, bit 2: resDue computed. */ dues = 0;
}

/**
 * The instant `ms` of clock time after the instant `t` whose reading is `r`. A clock is
 * an odometer: reading(b) − reading(a) is the time on it in [a, b); the calendar clock's
 * reading is the instant itself, the business clock's is businessReading.
 */
function advance(cal: CompiledCalendar, business: boolean, t: number, r: number, ms: number): number {
  if (!(ms > 0)) return t;
  return business ? instantAtReadingFrom(cal, t, r + ms) : t + ms;
}

/**
 * Measures one loaded ticket: fields[f…f+3] = openedAt, firstResponseAt, resolvedAt,
 * closedAt (NaN = absent), status changes in times/codes[e0, e1) with categories
 * catOf[code]. The ticket has passed the input checks and openedAt ≤ now, and `nowMs`
 * is a valid instant. Writes every field of `m` except index, id, priority and
 * priorityIndex; returns null, or RESOLVED_TOO_EARLY (then `m` is not written).
 * `evidence` is the ticket's response evidence (EVIDENCE_*, see ticket.ts).
 *
 * One pass over the status changes, one clock reading per change (an odometer value:
 * the time in [a, b) is reading(b) − reading(a)); the response clock reuses the
 * readings the walk took at the first response, the first resolve or now.
 */
export function walk(
  plan: Plan,
  cal: CompiledCalendar,
  fields: Float64Array,
  f: number,
  times: Float64Array,
  codes: Int32Array,
  catOf: Int8Array,
  e0: number,
  e1: number,
  nowMs: number,
  m: TicketMeasurement,
  evidence: number,
): string | null {
  const now = +nowMs;
  const opened = fields[f];
  const resBiz = plan.resolutionBusiness;
  const need = plan.resolutionMs;
  let fr = fields[f + 1];
  if (!(fr <= now)) fr = NaN; // a response after now is not known yet
  // resolvedAt (else closedAt) acts as a final resolve only if the history never resolves.
  const ra = fields[f + 2];
  let fallback = ra === ra ? ra : fields[f + 3];
  if (!(fallback <= now)) fallback = NaN;
  let acc = 0;
  let paused = 0;
  // The running segment in which the target was reached: its start, reading, and the rest.
  let dueT = NaN;
  let dueR = 0;
  let dueLeft = 0;
  let reopenCount = 0;
  let firstResolve = NaN;
  let lastResolve = NaN;
  let cat = RUN;
  // t = the last status change, r = the clock's reading there.
  let t = opened;
  const rOpened = resBiz ? +businessReading(cal, opened) : opened;
  let r = rOpened;
  // Readings at the first response / first resolve (reused by the response clock).
  let rFr = fr === opened ? rOpened : NaN;
  let rFirst = NaN;
  // The changes up to now. Each step is written with few branches that depend on the
  // data (the category sequence differs from ticket to ticket, and a mispredicted branch
  // costs more than arithmetic): a reading at every change, weights pick what it adds to.
  for (let j = e0; j < e1; j++) {
    const at = times[j];
    if (!(at <= now)) break;
    const c = catOf[codes[j]];
    // No reading needed at the instant of the previous change (r is always the reading at t).
    const rAt = resBiz && at !== t ? +businessReading(cal, at) : resBiz ? r : at;
    const piece = rAt - r;
    const accNew = acc + RUN_WEIGHT[cat] * piece;
    // Tested in this order so the usual outcome (false) is decided by the first test.
    if (accNew >= need && dueT !== dueT && cat === RUN && at > t) {
      dueT = t;
      dueR = r;
      dueLeft = need - acc;
    }
    acc = accNew;
    paused += PAUSE_WEIGHT[cat] * piece;
    if (at === fr) rFr = rAt;
    const tr = 3 * cat + c;
    reopenCount += REOPENS[tr];
    if (RESOLVES[tr] === 1) {
      lastResolve = at;
      if (firstResolve !== firstResolve) {
        firstResolve = at;
        rFirst = rAt;
      }
    }
    r = rAt;
    t = at;
    cat = c;
  }
  // resolvedAt (else closedAt) as the final resolve, when no status resolved the ticket.
  if (firstResolve !== firstResolve && fallback === fallback) {
    if (fallback < t) return RESOLVED_TOO_EARLY;
    const rAt = resBiz ? +businessReading(cal, fallback) : fallback;
    const piece = rAt - r;
    if (dueT !== dueT && cat === RUN && fallback > t && acc + piece >= need) {
      dueT = t;
      dueR = r;
      dueLeft = need - acc;
    }
    acc += RUN_WEIGHT[cat] * piece;
    paused += PAUSE_WEIGHT[cat] * piece;
    if (fallback === fr) rFr = rAt;
    lastResolve = firstResolve = fallback;
    rFirst = rAt;
    r = rAt;
    t = fallback;
    cat = DONE;
  }
  // The open stretch runs until now.
  if (cat !== DONE && now > t) {
    const rAt = resBiz ? +businessReading(cal, now) : now;
    const piece = rAt - r;
    if (dueT !== dueT && cat === RUN && acc + piece >= need) {
      dueT = t;
      dueR = r;
      dueLeft = need - acc;
    }
    acc += RUN_WEIGHT[cat] * piece;
    paused += PAUSE_WEIGHT[cat] * piece;
    r = rAt;
    t = now;
  }
  if (cat !== DONE && now === fr) rFr = r;
  const resolved = cat === DONE;
  const resBreached = acc > need;
  // Due instants are computed only when read (see TicketMeasurement): a monthly tally
  // needs them only for open breached tickets. Here: what to advance from, and by how much.
  let resDueT = dueT;
  let resDueR = dueR;
  let resDueLeft = dueLeft;
  if (dueT !== dueT && !resolved && cat === RUN && plan.hasResolution) {
    resDueT = now;
    resDueR = r;
    resDueLeft = need - acc;
  }

  // Response clock: openedAt → first response or first resolve, whichever is earlier.
  // Inferred from events, a resolve is no response: resolved with no response strictly
  // before the first resolve, the response is not measured; so it never is without evidence.
  let respondedAt = fr;
  let respMeasured = true;
  if (evidence === EVIDENCE_RECORDED) {
    if (firstResolve === firstResolve && !(firstResolve >= fr)) respondedAt = firstResolve;
  } else if (evidence === EVIDENCE_NONE || (firstResolve === firstResolve && !(fr < firstResolve))) {
    respMeasured = false;
    respondedAt = NaN;
  }
  const respBiz = plan.responseBusiness;
  const same = respBiz === resBiz;
  const rOpen = same ? rOpened : respBiz ? +businessReading(cal, opened) : opened;
  const until = respondedAt === respondedAt ? respondedAt : now;
  let rUntil: number;
  if (!respMeasured) rUntil = NaN;
  else if (!respBiz) rUntil = until;
  else if (same && until === firstResolve) rUntil = rFirst;
  else if (same && until === fr && rFr === rFr) rUntil = rFr;
  else if (same && until === now && !resolved) rUntil = r; // the walk ended at now
  else rUntil = +businessReading(cal, until);
  const respElapsed = rUntil - rOpen;
  const rms = plan.responseMs;
  const respBreached = plan.hasResponse && respElapsed > rms;
  const respDueT = respMeasured && plan.hasResponse && (respondedAt !== respondedAt || respElapsed >= rms) ? opened : NaN;

  m.cal = cal;
  m.resDueT = resDueT;
  m.resDueR = resDueR;
  m.resDueLeft = resDueLeft;
  m.resBusiness = resBiz;
  m.respDueR = rOpen;
  m.respDueT = respDueT;
  m.respDueLeft = rms;
  m.respBusiness = respBiz;
  m.resDue = NaN;
  m.respDue = NaN;
  m.dues = 0;

  const breached = respBreached || resBreached;
  // Resolved tickets report in the month of their final resolve; open ones only once
  // breached, in the month the first target elapsed (see report.ts).
  let reportAt = resolved ? lastResolve : NaN;
  if (!resolved && breached) reportAt = Math.min(respBreached ? m.responseDueAt : Infinity, resBreached ? m.resolutionDueAt : Infinity);

  m.state = resolved ? 'resolved' : cat === PAUSE ? 'paused' : 'open';
  m.openedAt = opened;
  m.respondedAt = respondedAt;
  m.responseMeasured = respMeasured;
  m.resolvedAt = resolved ? lastResolve : NaN;
  m.reopenCount = reopenCount;
  m.pausedMs = paused;
  m.responseElapsedMs = respElapsed;
  m.responseBreached = respBreached;
  m.resolutionElapsedMs = acc;
  m.resolutionBreached = resBreached;
  m.breached = breached;
  m.reportAt = reportAt;
  return null;
}
