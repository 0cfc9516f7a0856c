/**
 * A performance review's score: the weighted mean of its measured criteria, each a share
 * between 0 and 1. A criterion with nothing to measure in the period (no tickets, no
 * deliverables due) is left out and the others' weights carry the score — it is never
 * counted as 0 or as 100 %.
 */
export interface Criterion {
  key: string;
  weight: number;
  /** 0–1, or null when there was nothing to measure. */
  value: number | null;
}

export interface Score {
  /** 0–100, one decimal; null when no criterion could be measured. */
  score: number | null;
  /** The weight of the criteria that counted, out of all. */
  weightCounted: number;
  weightTotal: number;
}

export function scoreOf(criteria: readonly Criterion[]): Score {
  const weightTotal = criteria.reduce((s, c) => s + c.weight, 0);
  const counted = criteria.filter((c) => c.value !== null && c.weight > 0);
  const weightCounted = counted.reduce((s, c) => s + c.weight, 0);
  if (weightCounted === 0) return { score: null, weightCounted: 0, weightTotal };
  const sum = counted.reduce((s, c) => s + c.weight * (c.value as number), 0);
  return { score: Math.round((sum / weightCounted) * 1000) / 10, weightCounted, weightTotal };
}

/** "2026-Q4" → its first and last day. */
export function quarterBounds(period: string): { from: string; to: string; months: string[] } {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!m) throw new Error(`not a quarter: ${period}`);
  const y = m[1];
  const first = (Number(m[2]) - 1) * 3 + 1;
  const months = [0, 1, 2].map((i) => `${y}-${String(first + i).padStart(2, '0')}`);
  const lastMonth = first + 2;
  const lastDay = new Date(Date.UTC(Number(y), lastMonth, 0)).getUTCDate();
  return { from: `${months[0]}-01`, to: `${months[2]}-${String(lastDay).padStart(2, '0')}`, months };
}

export const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
