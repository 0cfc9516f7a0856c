/** fast-check generators shared by the SLA property tests. */
import fc from 'fast-check';
import type { CalendarSpec, WorkingHours } from '../../../src/domain/sla/calendar.ts';
import { MIN, referenceTransitions } from './reference.ts';

export const DAY = 86_400_000;
export const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'UTC',
  'Pacific/Chatham',
] as const;

export const YEAR_FROM = Date.UTC(2023, 0, 1);
export const YEAR_TO = Date.UTC(2026, 0, 1);
/** DST transitions per zone in the test years, so random instants can be placed near them. */
const transitions = new Map(ZONES.map((z) => [z, referenceTransitions(z, YEAR_FROM, YEAR_TO)]));

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** 0–3 non-overlapping minute-aligned intervals; boundaries often at 00:00–04:00 to hit DST. */
const dayIntervals = fc
  .uniqueArray(fc.oneof(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 0, max: 48 }).map((x) => x * 5)), {
    minLength: 0,
    maxLength: 6,
  })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const out: WorkingHours[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ from: hhmm(sorted[i]), to: hhmm(sorted[i + 1]) });
    return out;
  });

export const calendarSpec: fc.Arbitrary<CalendarSpec> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    week: fc.tuple(dayIntervals, dayIntervals, dayIntervals, dayIntervals, dayIntervals, dayIntervals, dayIntervals),
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: 3 * 365 }), { maxLength: 40 }),
  })
  .map(({ timeZone, week, holidays }) => ({
    timeZone,
    week: Object.fromEntries(week.map((w, i) => [i + 1, w])),
    holidays: holidays.map((d) => new Date(YEAR_FROM + d * DAY).toISOString().slice(0, 10)),
  }));

/** A minute-aligned instant: random in the test years, or within 3 days of a DST transition. */
export function instantNear(zone: string): fc.Arbitrary<number> {
  const near = transitions.get(zone as (typeof ZONES)[number]) ?? [];
  const random = fc.integer({ min: 0, max: Math.floor((YEAR_TO - YEAR_FROM - 10 * DAY) / MIN) }).map((m) => YEAR_FROM + 5 * DAY + m * MIN);
  if (near.length === 0) return random;
  const nearDst = fc
    .tuple(fc.constantFrom(...near), fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }))
    .map(([t, m]) => t + m * MIN);
  return fc.oneof(random, nearDst);
}
