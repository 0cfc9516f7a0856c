/**
 * Columnar tickets: the fast input of the SLA engine for large passes.
 *
 * TicketColumns holds many tickets as typed arrays — per ticket its four instants and
 * where its status changes start; per status change its instant and a status code from
 * a dictionary of the distinct status strings (dictionary encoding, as columnar stores
 * do) — so a pass reads a few contiguous arrays instead of chasing a dozen objects per
 * ticket, and compares no strings: each distinct status is categorized once per pass.
 * The columns do not depend on any policy, so one set serves every policy and instant.
 *
 * evaluateColumns gives exactly the results of evaluateTicket on each ticket (the same
 * measuring core, see measure.ts), delivered to a TicketSink such as MonthlyTally.
 * Building columns applies findProblem's checks that do not involve the evaluation
 * instant; a ticket failing one is kept as it is and reported by evaluateTicket itself.
 */
import {
  evidenceCode,
  MISSING_PRIORITY,
  OPENED_AFTER_NOW,
  TicketMeasurement,
  noTargets,
  nowInvalid,
  walk,
  MAX_MS,
  MIN_MS,
} from './measure.ts';
import { loadEvents, loadFields } from './load.ts';
import { StatusDictionary, categoriesFor, planOf, prepare, type Plan, type Prepared } from './prepared.ts';
import type { CompiledCalendar } from './calendar.ts';
import type { CalendarRegistry, SlaPolicy } from './policy.ts';
import { evaluateTicket, type StatusChange, type TicketInput, type TicketProblem, type TicketSink } from './ticket.ts';

function grownF64(a: Float64Array<ArrayBuffer>, need: number): Float64Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Float64Array(Math.max(need, 2 * a.length));
  b.set(a);
  return b;
}

function grownI32(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, 2 * a.length));
  b.set(a);
  return b;
}

/**
 * Tickets in columns. Append with add() (or build with TicketColumns.from); the arrays
 * are public for reading only. Instants are UTC epoch ms, NaN where absent.
 */
export class TicketColumns {
  /** Number of tickets. */
  count = 0;
  readonly ids: string[] = [];
  /** Per ticket i, fields[4i … 4i+3] = openedAt, firstResponseAt, resolvedAt, closedAt. */
  fields = new Float64Array(64);
  /** Ticket i's status changes are [eventStart[i], eventStart[i + 1]). */
  eventStart = new Int32Array(17);
  /** Per ticket, its response evidence as EVIDENCE_* of measure.ts. */
  evidence = new Int8Array(16);
  eventAt = new Float64Array(128);
  /** Codes into `statuses`. */
  eventStatus = new Int32Array(128);
  readonly statuses = new StatusDictionary();
  /** Per ticket, a code into priorityValues of `priority ?? null`. */
  priority = new Int32Array(16);
  /** Ticket i's priority changes are [priorityStart[i], priorityStart[i + 1]). */
  priorityStart = new Int32Array(17);
  priorityAt = new Float64Array(16);
  priorityCode = new Int32Array(16);
  /** The distinct priority values (usually strings), by code. */
  readonly priorityValues: unknown[] = [];
  private readonly priorityCodes = new Map<unknown, number>();
  /**
   * Tickets that fail a check not involving the evaluation instant (their openedAt
   * field is NaN), kept as given so evaluateColumns reports them as evaluateTicket does.
   */
  readonly invalid = new Map<number, TicketInput>();

  /** Columns of `tickets`, in order (sized up front). */
  static from(tickets: readonly TicketInput[]): TicketColumns {
    const c = new TicketColumns();
    let events = 0;
    let priorities = 0;
    for (let i = 0; i < tickets.length; i++) {
      events += tickets[i].statusHistory?.length ?? 0;
      priorities += tickets[i].priorityHistory?.length ?? 0;
    }
    const n = tickets.length;
    c.fields = new Float64Array(4 * n);
    c.eventStart = new Int32Array(n + 1);
    c.priorityStart = new Int32Array(n + 1);
    c.priority = new Int32Array(n);
    c.evidence = new Int8Array(n);
    c.eventAt = new Float64Array(events);
    c.eventStatus = new Int32Array(events);
    c.priorityAt = new Float64Array(priorities);
    c.priorityCode = new Int32Array(priorities);
    for (let i = 0; i < n; i++) c.add(tickets[i]);
    return c;
  }

  private priorityCodeOf(value: unknown): number {
    let code = this.priorityCodes.get(value);
    if (code === undefined) {
      code = this.priorityValues.length;
      this.priorityValues.push(value);
      this.priorityCodes.set(value, code);
    }
    return code;
  }

  /** Appends one ticket (its data is copied; the object is kept only if it is invalid). */
  add(t: TicketInput): void {
    const i = this.count;
    this.ids.push(t.id);
    this.fields = grownF64(this.fields, 4 * (i + 1));
    this.eventStart = grownI32(this.eventStart, i + 2);
    this.priorityStart = grownI32(this.priorityStart, i + 2);
    this.priority = grownI32(this.priority, i + 1);
    if (this.evidence.length < i + 1) {
      const e = new Int8Array(Math.max(i + 1, 2 * this.evidence.length));
      e.set(this.evidence);
      this.evidence = e;
    }
    this.evidence[i] = evidenceCode(t.responseEvidence);
    const e0 = this.eventStart[i];
    const p0 = this.priorityStart[i];
    let events = 0;
    let priorities = 0;
    let ok = loadFields(t, this.fields, 4 * i);
    if (ok) {
      const sh = t.statusHistory;
      const n = sh ? sh.length : 0;
      if (n > 0) {
        this.eventAt = grownF64(this.eventAt, e0 + n);
        this.eventStatus = grownI32(this.eventStatus, e0 + n);
        events = loadEvents(sh as readonly StatusChange[], this.fields[4 * i], this.statuses, this.eventAt, this.eventStatus, e0);
        ok = events >= 0;
      }
    }
    if (ok) {
      this.priority[i] = this.priorityCodeOf(t.priority ?? null);
      const ph = t.priorityHistory;
      const n = ph ? ph.length : 0;
      if (n > 0) {
        this.priorityAt = grownF64(this.priorityAt, p0 + n);
        this.priorityCode = grownI32(this.priorityCode, p0 + n);
        for (let k = 0; k < n; k++) {
          const change = (ph as NonNullable<TicketInput['priorityHistory']>)[k];
          this.priorityAt[p0 + k] = change.atMs;
          this.priorityCode[p0 + k] = this.priorityCodeOf(change.priority);
        }
        priorities = n;
      }
    } else {
      this.fields[4 * i] = NaN;
      this.priority[i] = -1;
      events = 0;
      this.invalid.set(i, t);
    }
    this.eventStart[i + 1] = e0 + events;
    this.priorityStart[i + 1] = p0 + priorities;
    this.count = i + 1;
  }
}

/** Tickets per call of ColumnsPass.run: small enough that run() is called often. */
const CHUNK = 1024;

/**
 * One evaluateColumns call. The ticket loop runs in chunks through run(), a function
 * called many times per pass: V8 then optimizes it as a whole after the first chunks,
 * instead of a single long-running loop waiting for on-stack replacement.
 */
class ColumnsPass {
  readonly m = new TicketMeasurement();
  readonly catOf: Int8Array;
  readonly plans: Array<Plan | null | undefined>;
  readonly now: number;
  readonly nowOk: boolean;

  constructor(
    readonly policy: SlaPolicy,
    readonly calendars: CalendarRegistry,
    readonly cal: CompiledCalendar,
    readonly p: Prepared,
    readonly columns: TicketColumns,
    readonly nowMs: number,
    readonly sink: TicketSink,
  ) {
    // Each distinct status and priority is looked up once per pass, not once per ticket.
    this.catOf = categoriesFor(p, columns.statuses);
    this.plans = new Array<Plan | null | undefined>(columns.priorityValues.length).fill(undefined);
    this.now = +nowMs;
    this.nowOk = typeof nowMs === 'number' && this.now >= MIN_MS && this.now < MAX_MS;
  }

  run(i0: number, i1: number): void {
    const { p, policy, cal, catOf, plans, now, nowOk, nowMs, m, sink, columns } = this;
    const { fields, eventStart, eventAt, eventStatus, priority, priorityStart, priorityAt, priorityCode, ids, evidence } = columns;
    const values = columns.priorityValues;
    for (let i = i0; i < i1; i++) {
      const opened = fields[4 * i];
      if (opened !== opened) {
        sink.problem(evaluateTicket(policy, this.calendars, columns.invalid.get(i) as TicketInput, nowMs) as TicketProblem, i);
        continue;
      }
      let problem: unknown = null;
      if (!nowOk) problem = nowInvalid(nowMs);
      else if (opened > now) problem = OPENED_AFTER_NOW;
      else {
        // The final priority: the last change at or before now, else the ticket's priority.
        let code = priority[i];
        for (let k = priorityStart[i + 1] - 1; k >= priorityStart[i]; k--) {
          if (priorityAt[k] <= now) {
            code = priorityCode[k];
            break;
          }
        }
        const value = values[code];
        if (!value) problem = MISSING_PRIORITY;
        else {
          let plan = plans[code];
          if (plan === undefined) plan = plans[code] = planOf(p, policy, value);
          if (plan === null) problem = noTargets(value);
          else {
            problem = walk(plan, cal, fields, 4 * i, eventAt, eventStatus, catOf, eventStart[i], eventStart[i + 1], nowMs, m, evidence[i]);
            if (problem === null) {
              m.index = i;
              m.id = ids[i];
              m.priority = value as string;
              m.priorityIndex = plan.index;
              sink.measured(m);
              continue;
            }
          }
        }
      }
      sink.problem({ id: ids[i], problem: problem as string }, i);
    }
  }
}

/**
 * Measures every ticket of `columns` against one policy as of `nowMs`, with exactly the
 * results of evaluateTicket, handed to `sink` in ticket order (see evaluateBatch in
 * ticket.ts): the fast path for large passes. No allocation per measured ticket.
 * @throws Error when the policy's calendar is not in `calendars` (configuration, not data).
 */
export function evaluateColumns(policy: SlaPolicy, calendars: CalendarRegistry, columns: TicketColumns, nowMs: number, sink: TicketSink): void {
  const cal = calendars[policy.calendarId];
  if (!cal) throw new Error(`SLA policy refers to unknown calendar "${policy.calendarId}"`);
  const pass = new ColumnsPass(policy, calendars, cal, prepare(policy), columns, nowMs, sink);
  for (let i = 0; i < columns.count; i += CHUNK) pass.run(i, Math.min(columns.count, i + CHUNK));
}
