/**
 * Monthly SLA report per engagement: attainment per priority, availability and the
 * service credit owed.
 *
 * Rules chosen:
 * - Months are calendar months in the time zone of the policy's calendar: a month runs
 *   from the first instant whose local wall clock reads the 1st, 00:00 (the transition
 *   itself if midnight falls in a DST gap) to the same instant of the next month.
 * - A ticket belongs to the month of its final resolve. An open ticket counts only once
 *   it is breached, in the month its first target elapsed (so a breach is never hidden
 *   by leaving the ticket open); open tickets within target are not reported yet. A
 *   report is a snapshot as of the evaluation instant used for the tickets.
 * - Attainment = share of a priority's tickets with no breach (response nor resolution).
 *   A response that is not measured is no breach; responseNotMeasured says how many.
 *   A month without tickets of a priority has attainment null and is met.
 * - Availability = (scheduled − downtime) / scheduled, where scheduled = month length
 *   minus planned maintenance, and downtime = unplanned outage time outside maintenance.
 *   Overlapping records are merged and everything is clipped to the month.
 * - Credit = highest applicable availability tier + for each priority that missed its
 *   attainment target its highest applicable tier, summed, capped at creditCapPct.
 * monthlyReport() takes an array of evaluations; MonthlyTally is the same computation
 * fed one evaluation at a time, or by evaluateBatch without verdict objects, for passes
 * too large to keep every verdict.
 */
import type { CreditTier, CalendarRegistry, SlaPolicy } from './policy.ts';
import type { TicketEvaluation, TicketMeasurement, TicketProblem, TicketSink, TicketVerdict } from './ticket.ts';
import { firstInstantAtOrAfterLocal, offsetTimeline } from './tz.ts';

const DAY = 86_400_000;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** An outage or, with planned: true, a maintenance window; UTC epoch ms, end exclusive. */
export interface OutageRecord {
  readonly startMs: number;
  readonly endMs: number;
  readonly planned?: boolean;
}

export interface PriorityMonth {
  readonly priority: string;
  readonly tickets: number;
  /** Tickets with any breach. */
  readonly breached: number;
  readonly responseBreaches: number;
  readonly resolutionBreaches: number;
  /**
   * Tickets whose first response the data cannot say (see ticket.ts): neither met nor
   * breached on response; they count in `tickets` and attainment by their resolution.
   */
  readonly responseNotMeasured: number;
  /** Share of tickets without breach; null when there were no tickets. */
  readonly attainment: number | null;
  readonly target: number | null;
  /** null when the priority has no attainment target. */
  readonly met: boolean | null;
  readonly creditPct: number;
}

export interface AvailabilityMonth {
  readonly scheduledMs: number;
  readonly maintenanceMs: number;
  readonly downtimeMs: number;
  readonly availability: number;
  readonly target: number | null;
  readonly met: boolean | null;
  readonly creditPct: number;
}

export interface MonthReport {
  /** 'YYYY-MM' */
  readonly month: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly priorities: PriorityMonth[];
  /** null when no outage data was given. */
  readonly availability: AvailabilityMonth | null;
  /** Sum of tier credits before the cap. */
  readonly uncappedCreditPct: number;
  readonly creditPct: number;
  /** creditPct of monthlyFeeMinor, rounded to the minor unit; null without a fee. */
  readonly creditMinor: number | null;
}

export interface MonthlyReport {
  readonly months: MonthReport[];
  /** Tickets that could not be measured: excluded from every month, listed here. */
  readonly problems: TicketProblem[];
  /** Outage records that were ignored, with the reason. */
  readonly outageProblems: string[];
}

/** Rounds a fraction to 1e-9 so contract thresholds compare without float noise. */
const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

/**
 * Credit % for an actual share against a target: the highest tier whose band the
 * shortfall (target − actual) exceeds; 0 when the target is met.
 */
export function creditPctFor(tiers: readonly CreditTier[] | undefined, target: number, actual: number): number {
  const shortfall = round9(target - actual);
  if (!tiers || shortfall <= 0) return 0;
  let pct = 0;
  for (const t of tiers) if (shortfall > round9(t.shortfallOver) && t.creditPct > pct) pct = t.creditPct;
  return pct;
}

/** [start, end) of a 'YYYY-MM' month in `timeZone`, as UTC epoch ms. */
export function monthBounds(timeZone: string, month: string): { startMs: number; endMs: number } {
  const m = MONTH_RE.exec(month);
  if (!m) throw new RangeError(`month: expected YYYY-MM, got "${month}"`);
  const y = +m[1];
  const mo = +m[2] - 1;
  const localStart = Date.UTC(y, mo, 1);
  const localEnd = Date.UTC(y, mo + 1, 1);
  const tl = offsetTimeline(timeZone, localStart - 2 * DAY, localEnd + 2 * DAY);
  return { startMs: firstInstantAtOrAfterLocal(tl, localStart), endMs: firstInstantAtOrAfterLocal(tl, localEnd) };
}

/** Sorts and merges intervals given as [start, end) pairs; empty or invalid ones are dropped. */
export function mergeIntervals(list: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = list.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Total length of merged intervals `a` clipped to [from, to). */
function clippedLength(a: ReadonlyArray<readonly [number, number]>, from: number, to: number): number {
  let sum = 0;
  for (const [s, e] of a) {
    const lo = s > from ? s : from;
    const hi = e < to ? e : to;
    if (hi > lo) sum += hi - lo;
  }
  return sum;
}

/** Length of the intersection of two merged interval lists, clipped to [from, to). */
function overlapLength(a: ReadonlyArray<readonly [number, number]>, b: ReadonlyArray<readonly [number, number]>, from: number, to: number): number {
  let sum = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const lo = Math.max(a[i][0], b[j][0], from);
    const hi = Math.min(a[i][1], b[j][1], to);
    if (hi > lo) sum += hi - lo;
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return sum;
}

/**
 * Availability over [startMs, endMs) from outage records; planned records are
 * maintenance windows, excluded from both downtime and scheduled time.
 */
export function availabilityFor(
  outages: readonly OutageRecord[],
  startMs: number,
  endMs: number,
): { scheduledMs: number; maintenanceMs: number; downtimeMs: number; availability: number } {
  const down = mergeIntervals(outages.filter((o) => !o.planned).map((o) => [o.startMs, o.endMs] as const));
  const maint = mergeIntervals(outages.filter((o) => o.planned).map((o) => [o.startMs, o.endMs] as const));
  const maintenanceMs = clippedLength(maint, startMs, endMs);
  const downtimeMs = clippedLength(down, startMs, endMs) - overlapLength(down, maint, startMs, endMs);
  const scheduledMs = endMs - startMs - maintenanceMs;
  const availability = scheduledMs > 0 ? (scheduledMs - downtimeMs) / scheduledMs : 1;
  return { scheduledMs, maintenanceMs, downtimeMs, availability };
}

/** Counters per (month, priority): tickets, breached, response and resolution breaches, responses not measured. */
const FIELDS = 5;
const BUCKET_MS = 2 ** 26;
const PER_BUCKET = 2 ** -26;
/** Month index buckets kept at most (≈ 2,000 years): beyond, months are binary-searched. */
const MAX_BUCKETS = 2 ** 20;

/**
 * Streaming form of monthlyReport: add() each evaluation as it is produced (or pass the
 * tally as the sink of evaluateBatch), then report(). Lets a pass over millions of
 * tickets keep only counters, not every verdict.
 * @throws Error when the policy's calendar is missing; RangeError for a malformed month.
 */
export class MonthlyTally implements TicketSink {
  private readonly names: string[];
  private readonly bounds: Array<{ startMs: number; endMs: number }>;
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly priorities: string[];
  private readonly priorityIndex: Map<string, number>;
  /** [(month · priorities + priority) · FIELDS + field] */
  private readonly counts: Float64Array;
  /**
   * Month lookup without a search: monthAt[b] is the last month starting at or before
   * the start of bucket b (2^26 ms ≈ 18.6 h, shorter than any month, so at most one
   * month starts inside a bucket), −1 before the first. Empty when the months span too
   * long a range to index (then a binary search is used).
   */
  private readonly monthAt: Int32Array;
  private readonly base: number;
  private readonly problems: TicketProblem[] = [];

  constructor(
    private readonly policy: SlaPolicy,
    calendars: CalendarRegistry,
    months: readonly string[],
  ) {
    const cal = calendars[policy.calendarId];
    if (!cal) throw new Error(`SLA policy refers to unknown calendar "${policy.calendarId}"`);
    this.names = [...new Set(months)].sort();
    this.bounds = this.names.map((m) => monthBounds(cal.spec.timeZone, m));
    this.starts = Float64Array.from(this.bounds, (b) => b.startMs);
    this.ends = Float64Array.from(this.bounds, (b) => b.endMs);
    this.priorities = Object.keys(policy.priorities);
    this.priorityIndex = new Map(this.priorities.map((p, i) => [p, i]));
    this.counts = new Float64Array(this.names.length * this.priorities.length * FIELDS);
    const n = this.names.length;
    this.base = n > 0 ? this.starts[0] : 0;
    const buckets = n > 0 ? Math.ceil((this.ends[n - 1] - this.base) * PER_BUCKET) : 0;
    this.monthAt = new Int32Array(buckets <= MAX_BUCKETS ? buckets : 0);
    for (let b = 0, k = -1; b < this.monthAt.length; b++) {
      const bucketStart = this.base + b * BUCKET_MS;
      while (k + 1 < n && this.starts[k + 1] <= bucketStart) k++;
      this.monthAt[b] = k;
    }
  }

  /** Counts one evaluation in its month (see the rules above); problems are listed. */
  add(ev: TicketEvaluation): void {
    if (ev.problem !== null) {
      this.problems.push(ev as TicketProblem);
      return;
    }
    const v = ev as TicketVerdict;
    const k = this.priorityIndex.get(v.priority);
    if (k === undefined || v.reportAt === null) return;
    this.count(k, v.reportAt, v.breached, v.response.breached, v.resolution.breached, !v.response.measured);
  }

  /** TicketSink: counts a measured ticket exactly as add() counts its verdict. */
  measured(m: TicketMeasurement): void {
    let k = m.priorityIndex;
    if (k < 0 || this.priorities[k] !== m.priority) {
      const found = this.priorityIndex.get(m.priority);
      if (found === undefined) return;
      k = found;
    }
    this.count(k, m.reportAt, m.breached, m.responseBreached, m.resolutionBreached, !m.responseMeasured);
  }

  /** TicketSink: lists a ticket that could not be measured. */
  problem(p: TicketProblem): void {
    this.problems.push(p);
  }

  /**
   * Counts verdicts already tallied elsewhere (stored verdicts grouped by month and
   * priority in a database): the same as add() of each of them. A month or priority the
   * report does not cover is ignored, as add() ignores such verdicts.
   */
  addCounts(month: string, priority: string, n: { tickets: number; breached: number; responseBreaches: number; resolutionBreaches: number; responseNotMeasured?: number }): void {
    const k = this.names.indexOf(month);
    const p = this.priorityIndex.get(priority);
    if (k < 0 || p === undefined) return;
    const o = (k * this.priorities.length + p) * FIELDS;
    this.counts[o] += n.tickets;
    this.counts[o + 1] += n.breached;
    this.counts[o + 2] += n.responseBreaches;
    this.counts[o + 3] += n.resolutionBreaches;
    this.counts[o + 4] += n.responseNotMeasured ?? 0;
  }

  /**
   * Counts everything `other` has counted, as if its evaluations had been added here: a
   * tally of tickets whose verdicts can no longer change, kept and added to a fresh tally
   * of the others, instead of counting every ticket again.
   * @throws Error when `other` covers other months or priorities (its counts would land
   * in the wrong cells).
   */
  addTally(other: MonthlyTally): void {
    const same = other.names.length === this.names.length && other.names.every((m, i) => m === this.names[i]) && other.priorities.length === this.priorities.length && other.priorities.every((p, i) => p === this.priorities[i]);
    if (!same || other.starts.some((s, i) => s !== this.starts[i])) throw new Error('MonthlyTally.addTally: the tallies cover different months or priorities');
    for (let i = 0; i < this.counts.length; i++) this.counts[i] += other.counts[i];
    for (const p of other.problems) this.problems.push(p);
  }

  private count(priority: number, at: number, breached: boolean, response: boolean, resolution: boolean, unmeasured: boolean): void {
    if (at !== at) return; // NaN: not reported yet
    // Last month starting at or before `at`, then check it has not ended.
    const starts = this.starts;
    let k: number;
    const b = Math.floor((at - this.base) * PER_BUCKET);
    if (b >= 0 && b < this.monthAt.length) {
      k = this.monthAt[b];
      if (k + 1 < starts.length && starts[k + 1] <= at) k++;
    } else {
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (starts[mid] <= at) lo = mid + 1;
        else hi = mid;
      }
      k = lo - 1;
    }
    if (k < 0 || at >= this.ends[k]) return;
    const c = this.counts;
    const o = (k * this.priorities.length + priority) * FIELDS;
    c[o]++;
    if (breached) c[o + 1]++;
    if (response) c[o + 2]++;
    if (resolution) c[o + 3]++;
    if (unmeasured) c[o + 4]++;
  }

  /** The report so far; `outages` (undefined = no availability data) as in monthlyReport. */
  report(outages?: readonly OutageRecord[]): MonthlyReport {
    const policy = this.policy;
    const outageProblems: string[] = [];
    const validOutages = (outages ?? []).filter((o, i) => {
      const ok = Number.isFinite(o.startMs) && Number.isFinite(o.endMs) && o.endMs >= o.startMs;
      if (!ok) outageProblems.push(`outages[${i}]: expected finite startMs ≤ endMs`);
      return ok;
    });
    const result: MonthReport[] = this.names.map((month, k) => {
      const { startMs, endMs } = this.bounds[k];
      let uncapped = 0;
      const rows: PriorityMonth[] = this.priorities.map((p, i) => {
        const o = (k * this.priorities.length + i) * FIELDS;
        const tickets = this.counts[o];
        const breached = this.counts[o + 1];
        const target = policy.priorities[p].monthlyAttainment ?? null;
        const attainment = tickets > 0 ? (tickets - breached) / tickets : null;
        const met = target === null ? null : attainment === null || round9(attainment) >= round9(target);
        const creditPct = met === false ? creditPctFor(policy.attainmentCredits, target as number, attainment as number) : 0;
        uncapped += creditPct;
        const responseBreaches = this.counts[o + 2];
        const resolutionBreaches = this.counts[o + 3];
        const responseNotMeasured = this.counts[o + 4];
        return { priority: p, tickets, breached, responseBreaches, resolutionBreaches, responseNotMeasured, attainment, target, met, creditPct };
      });
      let availability: AvailabilityMonth | null = null;
      if (outages) {
        const a = availabilityFor(validOutages, startMs, endMs);
        const target = policy.availability?.target ?? null;
        const met = target === null ? null : round9(a.availability) >= round9(target);
        const creditPct = met === false ? creditPctFor(policy.availability?.credits, target as number, a.availability) : 0;
        uncapped += creditPct;
        availability = { ...a, target, met, creditPct };
      }
      const creditPct = policy.creditCapPct !== undefined ? Math.min(uncapped, policy.creditCapPct) : uncapped;
      const creditMinor = policy.monthlyFeeMinor !== undefined ? Math.round((policy.monthlyFeeMinor * creditPct) / 100) : null;
      return { month, startMs, endMs, priorities: rows, availability, uncappedCreditPct: uncapped, creditPct, creditMinor };
    });
    return { months: result, problems: [...this.problems], outageProblems };
  }
}

/**
 * Builds the monthly report of one engagement for `months` ('YYYY-MM', any order;
 * returned sorted) from evaluated tickets and optional outage records (undefined = no
 * availability data). For very large passes use MonthlyTally directly.
 * @throws Error when the policy's calendar is missing; RangeError for a malformed month.
 */
export function monthlyReport(
  policy: SlaPolicy,
  calendars: CalendarRegistry,
  evaluations: readonly TicketEvaluation[],
  outages: readonly OutageRecord[] | undefined,
  months: readonly string[],
): MonthlyReport {
  const tally = new MonthlyTally(policy, calendars, months);
  for (const ev of evaluations) tally.add(ev);
  return tally.report(outages);
}
