import { FACTOR_LABELS, type FactorKey } from './readiness.ts';

const SAME = 0.05;
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * What moved a readiness score with no exit change, in words — "The contract has an
 * exit-assistance clause: 0 → 10 points" — from each factor's points at the last point of
 * history and now. Without earlier points, the check simply records the score.
 */
export function whatMoved(before: Record<string, number> | null, now: Record<string, number>): string {
  if (!before) return 'Recorded by the daily check';
  const moved = Object.keys(now)
    .filter((k) => Math.abs((before[k] ?? 0) - now[k]) >= SAME)
    .map((k) => `${FACTOR_LABELS[k as FactorKey] ?? k}: ${round(before[k] ?? 0)} → ${round(now[k])} points`);
  return `Changed outside the exit plan: ${moved.length > 0 ? moved.join('; ') : 'rounding'}`;
}
