/**
 * Change requests as money: what an approved change is worth, how it amends a budget's
 * months, and scope creep (approved changes as a share of the original value, over time).
 * Pure and exact: integers in minor units only.
 */
import { DomainError } from '../errors.ts';

/** `withdrawn`: the vendor took back its own change before the client decided it. */
export const CHANGE_STATUSES = ['proposed', 'under_review', 'approved', 'rejected', 'implemented', 'withdrawn'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];
export const CHANGE_STATUS_LABELS: Record<ChangeStatus, string> = {
  proposed: 'Proposed',
  under_review: 'Under review',
  approved: 'Approved',
  rejected: 'Rejected',
  implemented: 'Implemented',
  withdrawn: 'Withdrawn',
};
/** Approved and implemented changes are agreed scope: they count, and invoice lines may bill them. */
export const isAgreed = (status: string) => status === 'approved' || status === 'implemented';

/** The whole value of a change: the one-off cost plus the recurring cost for the months it runs. */
export function changeValue(oneOffMinor: number, recurringMinor: number, recurringMonths: number): number {
  return oneOffMinor + recurringMinor * recurringMonths;
}

/**
 * A budget's twelve months (fiscal-year order) amended by a change approved in month `fromIndex`
 * (0–11): the one-off cost in that month, the recurring cost in that month and each following
 * one, for at most `recurringMonths` months and never past the fiscal year's end. What falls
 * after the year's end belongs to the next year's budget, which is not touched.
 */
export function amendMonths(months: readonly number[], fromIndex: number, oneOffMinor: number, recurringMinor: number, recurringMonths: number): { months: number[]; addedMinor: number } {
  if (months.length !== 12) throw DomainError.invalid('monthlyMinor', 'A budget has twelve months.');
  if (fromIndex < 0 || fromIndex > 11) throw DomainError.invalid('month', 'The month of the change is outside the fiscal year.');
  const out = [...months];
  out[fromIndex] += oneOffMinor;
  let added = oneOffMinor;
  for (let i = fromIndex; i < 12 && i < fromIndex + recurringMonths; i++) {
    out[i] += recurringMinor;
    added += recurringMinor;
  }
  // A descoping change takes money off: never more than a month holds.
  const below = out.findIndex((m) => m < 0);
  if (below >= 0) throw DomainError.invalid(recurringMinor < 0 ? 'recurringMinor' : 'oneOffMinor', `This saving would take month ${below + 1} of the fiscal year's budget below zero.`);
  return { months: out, addedMinor: added };
}

export interface ApprovedChange {
  /** YYYY-MM of the approval. */
  month: string;
  valueMinor: number;
}
export interface ScopeCreepPoint {
  month: string;
  /** Approved in this month. */
  approvedMinor: number;
  /** Approved up to and including this month. */
  cumulativeMinor: number;
  /** cumulative ÷ original in basis points (1 % = 100), rounded half up; null without an original value. */
  shareBasisPoints: number | null;
}

/** Scope creep month by month (months with an approval only, oldest first), against the original value in the same currency. */
export function scopeCreep(originalMinor: number | null, changes: readonly ApprovedChange[]): ScopeCreepPoint[] {
  const byMonth = new Map<string, number>();
  for (const c of changes) byMonth.set(c.month, (byMonth.get(c.month) ?? 0) + c.valueMinor);
  let cumulative = 0;
  // Half away from zero, so a net saving rounds like the same net addition.
  const share = (c: number, o: number) => Math.sign(c) * Math.floor((Math.abs(c) * 10_000 + Math.floor(o / 2)) / o);
  return [...byMonth.keys()].sort().map((month) => {
    const approvedMinor = byMonth.get(month)!;
    cumulative += approvedMinor;
    return { month, approvedMinor, cumulativeMinor: cumulative, shareBasisPoints: originalMinor && originalMinor > 0 ? share(cumulative, originalMinor) || 0 : null };
  });
}

/** 1250 basis points → "12.5 %"; −300 → "−3 %" (descoping took more off than was added). */
export function shareInWords(bp: number | null): string {
  if (bp === null) return 'no original value to compare with';
  if (bp < 0) return `−${shareInWords(-bp)}`;
  const whole = Math.floor(bp / 100);
  const frac = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${whole}${frac ? `.${frac}` : ''} %`;
}
