import type { SlaPolicyInput } from '../../../shared/contracts/sla.ts';
import type { SlaPolicyT } from './types.ts';

/** The policy editor's values in the units people think in; `toPolicyInput` turns them into the API's. */
export type Unit = 'min' | 'h';
export type Clock = 'business' | 'calendar';
type Num = number | '';

export interface TargetValues {
  amount: Num;
  unit: Unit;
  clock: Clock;
}
export interface PriorityValues {
  /** Stable React key; the priority's name can change. */
  rowId: string;
  key: string;
  response: TargetValues;
  resolution: TargetValues;
  attainmentPct: Num;
}
export interface TierValues {
  rowId: string;
  /** Percentage points below target, e.g. 5 = "missed by more than 5 points". */
  shortfallPct: Num;
  creditPct: Num;
}
export interface PolicyValues {
  calendarId: string | null;
  priorities: PriorityValues[];
  pauseStatuses: string[];
  resolvedStatuses: string[];
  attainmentCredits: TierValues[];
  availabilityOn: boolean;
  availabilityPct: Num;
  availabilityCredits: TierValues[];
  creditCapPct: Num;
  /** In major units (e.g. 25000.00); the API stores cents. */
  monthlyFee: Num;
  atRiskPct: Num;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let seq = 0;
export const rowId = () => `row-${++seq}`;

/** Fractions and percentages without float noise: 0.95 ↔ 95, 0.999 ↔ 99.9. */
const toPct = (share: number) => Math.round(share * 100 * 1e6) / 1e6;
const toShare = (pct: number) => Math.round((pct / 100) * 1e9) / 1e9;

function targetValues(t: { ms: number; clock: Clock } | undefined, fallbackClock: Clock): TargetValues {
  if (!t) return { amount: '', unit: 'h', clock: fallbackClock };
  if (t.ms % HOUR === 0 && t.ms >= HOUR) return { amount: t.ms / HOUR, unit: 'h', clock: t.clock };
  return { amount: Math.round((t.ms / MINUTE) * 100) / 100, unit: 'min', clock: t.clock };
}

function tiers(list: readonly { shortfallOver: number; creditPct: number }[] | undefined): TierValues[] {
  return (list ?? []).map((t) => ({ rowId: rowId(), shortfallPct: toPct(t.shortfallOver), creditPct: t.creditPct }));
}

const target = (amount: number, unit: Unit, clock: Clock): TargetValues => ({ amount, unit, clock });

export function emptyPriority(key = ''): PriorityValues {
  return { rowId: rowId(), key, response: target(0, 'h', 'business'), resolution: target(0, 'h', 'business'), attainmentPct: 95 };
}

/**
 * A sensible starting point for a service desk: P1 round the clock, the rest in business
 * hours (3 business days = 24 business hours with an 8-hour working day).
 */
export function templatePolicy(calendarId: string | null): PolicyValues {
  const p = (key: string, response: TargetValues, resolution: TargetValues): PriorityValues => ({ rowId: rowId(), key, response, resolution, attainmentPct: 95 });
  return {
    calendarId,
    priorities: [
      p('P1', target(30, 'min', 'calendar'), target(4, 'h', 'calendar')),
      p('P2', target(1, 'h', 'business'), target(8, 'h', 'business')),
      p('P3', target(4, 'h', 'business'), target(24, 'h', 'business')),
      p('P4', target(8, 'h', 'business'), target(40, 'h', 'business')),
    ],
    pauseStatuses: ['Awaiting User Info'],
    resolvedStatuses: ['Resolved', 'Closed'],
    attainmentCredits: [
      { rowId: rowId(), shortfallPct: 0, creditPct: 5 },
      { rowId: rowId(), shortfallPct: 5, creditPct: 10 },
    ],
    availabilityOn: false,
    availabilityPct: 99.9,
    availabilityCredits: [],
    creditCapPct: 20,
    monthlyFee: '',
    atRiskPct: 75,
  };
}

export function policyValues(policy: SlaPolicyT): PolicyValues {
  return {
    calendarId: policy.calendarId,
    priorities: Object.entries(policy.priorities).map(([key, t]) => ({
      rowId: rowId(),
      key,
      response: targetValues(t.response, t.resolution?.clock ?? 'business'),
      resolution: targetValues(t.resolution, t.response?.clock ?? 'business'),
      attainmentPct: t.monthlyAttainment === undefined ? '' : toPct(t.monthlyAttainment),
    })),
    pauseStatuses: [...(policy.pauseStatuses ?? [])],
    resolvedStatuses: [...policy.resolvedStatuses],
    attainmentCredits: tiers(policy.attainmentCredits),
    availabilityOn: !!policy.availability,
    availabilityPct: policy.availability ? toPct(policy.availability.target) : 99.9,
    availabilityCredits: tiers(policy.availability?.credits),
    creditCapPct: policy.creditCapPct ?? '',
    monthlyFee: policy.monthlyFeeMinor === undefined ? '' : policy.monthlyFeeMinor / 100,
    atRiskPct: policy.atRiskShare === undefined ? '' : toPct(policy.atRiskShare),
  };
}

function targetInput(t: TargetValues) {
  if (t.amount === '') return undefined;
  return { ms: Math.round(t.amount * (t.unit === 'h' ? HOUR : MINUTE)), clock: t.clock };
}

const tierInput = (list: TierValues[]) =>
  list.filter((t) => t.shortfallPct !== '' || t.creditPct !== '').map((t) => ({ shortfallOver: toShare(Number(t.shortfallPct || 0)), creditPct: Number(t.creditPct || 0) }));

/** The API's SlaPolicyInput (validated by the caller with the shared schema). */
export function toPolicyInput(v: PolicyValues): SlaPolicyInput {
  const priorities: SlaPolicyInput['priorities'] = {};
  for (const p of v.priorities) {
    priorities[p.key.trim()] = {
      response: targetInput(p.response),
      resolution: targetInput(p.resolution),
      monthlyAttainment: p.attainmentPct === '' ? undefined : toShare(p.attainmentPct),
    };
  }
  const credits = tierInput(v.attainmentCredits);
  const availabilityCredits = tierInput(v.availabilityCredits);
  return {
    calendarId: v.calendarId ?? '',
    priorities,
    pauseStatuses: v.pauseStatuses,
    resolvedStatuses: v.resolvedStatuses,
    availability: v.availabilityOn && v.availabilityPct !== '' ? { target: toShare(v.availabilityPct), credits: availabilityCredits.length ? availabilityCredits : undefined } : undefined,
    attainmentCredits: credits.length ? credits : undefined,
    creditCapPct: v.creditCapPct === '' ? undefined : v.creditCapPct,
    monthlyFeeMinor: v.monthlyFee === '' ? undefined : Math.round(v.monthlyFee * 100),
    atRiskShare: v.atRiskPct === '' ? undefined : toShare(v.atRiskPct),
  };
}

/** Names the form can show an error at; anything else lands in the general alert. */
export function policyFields(v: PolicyValues): string[] {
  const fields = ['calendarId', 'priorities', 'pauseStatuses', 'resolvedStatuses', 'attainmentCredits', 'availability', 'availability.target', 'availability.credits', 'creditCapPct', 'monthlyFeeMinor', 'atRiskShare'];
  for (const p of v.priorities) {
    const k = p.key.trim();
    fields.push(`priorities.${k}.response`, `priorities.${k}.resolution`, `priorities.${k}.monthlyAttainment`);
  }
  return fields;
}

/** Problems the schema cannot see: two rows with the same priority name. */
export function duplicatePriority(v: PolicyValues): string | null {
  const seen = new Set<string>();
  for (const p of v.priorities) {
    const k = p.key.trim();
    if (!k) return 'Every priority needs a name, e.g. P1.';
    if (seen.has(k)) return `Priority ${k} is listed twice.`;
    seen.add(k);
  }
  return null;
}
