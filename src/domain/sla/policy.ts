/**
 * SLA policy as plain data: what an engagement's contract promises. No behaviour lives
 * here beyond validation, so a policy can be stored as JSON and edited in the UI.
 *
 * Representation choices (and why):
 * - Durations are integer milliseconds, like every instant in the engine, so nothing
 *   converts units on the hot path. Use `hours()`/`minutes()` when writing them.
 * - Each target says which clock measures it: 'business' (the policy's calendar) or
 *   'calendar' (24×7 elapsed time, e.g. P1 incidents promised round the clock).
 * - Shares (attainment, availability) are fractions in [0, 1]: 0.95 means 95 %.
 * - Credit tiers are shortfall bands, because contracts say "missed by more than X":
 *   a tier applies when target − actual > `shortfallOver` (both fractions; the first
 *   tier usually has shortfallOver 0 = "any miss"). The highest applicable tier wins,
 *   tiers do not add up. Comparisons are made at 1e-9 resolution so 0.999 − 0.99 is
 *   exactly 0.009, not 0.009000000000000008.
 * - Credits are a percentage of the monthly fee; the availability credit and one
 *   attainment credit per priority that missed its target are summed, then capped by
 *   `creditCapPct`. Money is in minor units (cents) so it stays an integer.
 */
import type { CompiledCalendar } from './calendar.ts';

export type ClockKind = 'business' | 'calendar';

/** One time target, e.g. "first response within 4 business hours". */
export interface SlaTarget {
  readonly ms: number;
  readonly clock: ClockKind;
}

/** Targets for one priority ('P1', 'Critical', … any string key). */
export interface PriorityTargets {
  /** Time to first response; this clock never pauses (see ticket.ts). */
  readonly response?: SlaTarget;
  /** Time to resolution; paused while the ticket is in a pause status. */
  readonly resolution?: SlaTarget;
  /** Required monthly share of tickets with no breach, e.g. 0.95. */
  readonly monthlyAttainment?: number;
}

/** A shortfall band: applies when target − actual > shortfallOver; pays creditPct % of the fee. */
export interface CreditTier {
  readonly shortfallOver: number;
  readonly creditPct: number;
}

export interface AvailabilityTarget {
  /** Required monthly availability, e.g. 0.999. Planned maintenance is excluded. */
  readonly target: number;
  readonly credits?: readonly CreditTier[];
}

export interface SlaPolicy {
  /** Key into the calendar registry: business clocks and report month boundaries use it. */
  readonly calendarId: string;
  readonly priorities: Readonly<Record<string, PriorityTargets>>;
  /**
   * Statuses that stop the resolution clock because the client holds the ball
   * (e.g. 'Awaiting User Info'). A vendor's own waits ('Awaiting Vendor') do not belong
   * here: they are the vendor's time. Matched case-insensitively, trimmed.
   */
  readonly pauseStatuses: readonly string[];
  /** Statuses meaning resolved/closed (e.g. 'Resolved', 'Closed'); leaving one = reopen. */
  readonly resolvedStatuses: readonly string[];
  readonly availability?: AvailabilityTarget;
  /** Tiers applied per priority whose monthly attainment misses its target. */
  readonly attainmentCredits?: readonly CreditTier[];
  /** Cap on the total monthly credit, % of the monthly fee (e.g. 20). */
  readonly creditCapPct?: number;
  /** Monthly fee in minor currency units; without it credits are reported in % only. */
  readonly monthlyFeeMinor?: number;
  /** ISO 4217 code of the fee and credits; absent on policies saved before it existed (EUR). */
  readonly currency?: string;
  /** Share of a target that must be used for an open ticket to be "at risk"; default 0.75. */
  readonly atRiskShare?: number;
}

/** Compiled calendars by id, as passed to evaluateTicket and monthlyReport. */
export type CalendarRegistry = Readonly<Record<string, CompiledCalendar>>;

export const DEFAULT_AT_RISK_SHARE = 0.75;

/** Milliseconds in `n` minutes. */
export const minutes = (n: number): number => n * 60_000;
/** Milliseconds in `n` hours. */
export const hours = (n: number): number => n * 3_600_000;

function checkTiers(path: string, tiers: readonly CreditTier[] | undefined, out: string[]): void {
  tiers?.forEach((t, i) => {
    if (!(t.shortfallOver >= 0 && t.shortfallOver < 1)) out.push(`${path}[${i}].shortfallOver: expected a fraction in [0, 1)`);
    if (!(t.creditPct >= 0 && t.creditPct <= 100)) out.push(`${path}[${i}].creditPct: expected 0–100`);
  });
}

function checkShare(path: string, v: number | undefined, out: string[]): void {
  if (v !== undefined && !(v >= 0 && v <= 1)) out.push(`${path}: expected a fraction in [0, 1], got ${v}`);
}

/**
 * Lists what is wrong with a policy (empty when valid), each message naming the field,
 * so an API can reject a bad policy before any ticket is measured against it.
 */
export function validatePolicy(policy: SlaPolicy, calendars?: CalendarRegistry): string[] {
  const out: string[] = [];
  if (!policy.calendarId) out.push('calendarId: required');
  else if (calendars && !calendars[policy.calendarId]) out.push(`calendarId: no calendar "${policy.calendarId}"`);
  for (const [p, t] of Object.entries(policy.priorities)) {
    for (const kind of ['response', 'resolution'] as const) {
      const target = t[kind];
      if (!target) continue;
      if (!(Number.isFinite(target.ms) && target.ms >= 0)) out.push(`priorities.${p}.${kind}.ms: expected ms ≥ 0`);
      if (target.clock !== 'business' && target.clock !== 'calendar') out.push(`priorities.${p}.${kind}.clock: expected business or calendar`);
    }
    checkShare(`priorities.${p}.monthlyAttainment`, t.monthlyAttainment, out);
  }
  const norm = (s: string) => s.trim().toLowerCase();
  const resolved = new Set(policy.resolvedStatuses.map(norm));
  for (const s of policy.pauseStatuses) if (resolved.has(norm(s))) out.push(`pauseStatuses: "${s}" is also a resolved status`);
  if (policy.resolvedStatuses.length === 0) out.push('resolvedStatuses: at least one status is required');
  checkShare('availability.target', policy.availability?.target, out);
  checkTiers('availability.credits', policy.availability?.credits, out);
  checkTiers('attainmentCredits', policy.attainmentCredits, out);
  checkShare('atRiskShare', policy.atRiskShare, out);
  if (policy.creditCapPct !== undefined && !(policy.creditCapPct >= 0 && policy.creditCapPct <= 100)) out.push('creditCapPct: expected 0–100');
  if (policy.monthlyFeeMinor !== undefined && !(Number.isInteger(policy.monthlyFeeMinor) && policy.monthlyFeeMinor >= 0)) {
    out.push('monthlyFeeMinor: expected a non-negative integer (minor currency units)');
  }
  return out;
}
