/**
 * Business-hours durations: the SLA engine against the day-by-day loops a developer
 * would write with luxon (+ luxon-business-days), date-fns (+ @date-fns/tz) and
 * dayjs (+ dayjs-business-time). Each library is timed on a sample and scaled; the
 * engine runs all n intervals. Every sampled result must equal the engine's to the ms.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, format, isWeekend, max as maxDate, min as minDate, set, startOfDay } from 'date-fns';
import dayjs from 'dayjs';
import businessTime from 'dayjs-business-time';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { DateTime as LuxonDateTime } from 'luxon';
import luxonBusinessDays from 'luxon-business-days';
import { businessMs, compileCalendar } from '../src/domain/sla/calendar.ts';
import { now, type BenchOptions, type BenchRow, type SectionResult } from './bench-types.ts';
import { mulberry32, type Rng } from './prng.ts';
import { BERLIN_9_TO_5 } from './sla-fixtures.ts';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(businessTime);

const TZ = 'Europe/Berlin';
const OPEN_HOUR = 9;
const CLOSE_HOUR = 17;
const HOLIDAYS = new Set(BERLIN_9_TO_5.holidays);
const DAY = 86_400_000;
const HOUR = 3_600_000;

// ---- luxon + luxon-business-days -------------------------------------------------
type BizDateTime = LuxonDateTime & {
  /** Weekday check only; holidays are a separate isHoliday() in this plugin. */
  isBusinessDay(): boolean;
  isHoliday(): boolean;
  setupBusiness(o: { businessDays: number[]; holidayMatchers: Array<(d: LuxonDateTime) => boolean> }): void;
};
const LuxonDT = luxonBusinessDays.DateTime;
(LuxonDT.now() as BizDateTime).setupBusiness({
  businessDays: [1, 2, 3, 4, 5],
  holidayMatchers: [(d) => HOLIDAYS.has(d.toISODate() ?? '')],
});

/** Walks local days; luxon resolves 09:00/17:00 in the zone on each day, DST included. */
export function luxonBusinessMs(startMs: number, endMs: number): number {
  if (endMs <= startMs) return 0;
  let day = LuxonDT.fromMillis(startMs, { zone: TZ }).startOf('day') as BizDateTime;
  let total = 0;
  while (day.toMillis() < endMs) {
    if (day.isBusinessDay() && !day.isHoliday()) {
      const open = day.set({ hour: OPEN_HOUR }).toMillis();
      const close = day.set({ hour: CLOSE_HOUR }).toMillis();
      const s = Math.max(open, startMs);
      const e = Math.min(close, endMs);
      if (e > s) total += e - s;
    }
    day = day.plus({ days: 1 }) as BizDateTime;
  }
  return total;
}

// ---- date-fns + @date-fns/tz -----------------------------------------------------
export function dateFnsBusinessMs(startMs: number, endMs: number): number {
  if (endMs <= startMs) return 0;
  const start = new TZDate(startMs, TZ);
  const end = new TZDate(endMs, TZ);
  let day = startOfDay(start);
  let total = 0;
  while (day < end) {
    if (!isWeekend(day) && !HOLIDAYS.has(format(day, 'yyyy-MM-dd'))) {
      const open = set(day, { hours: OPEN_HOUR });
      const close = set(day, { hours: CLOSE_HOUR });
      const s = maxDate([open, start]);
      const e = minDate([close, end]);
      if (e > s) total += e.getTime() - s.getTime();
    }
    day = addDays(day, 1);
  }
  return total;
}

// ---- dayjs + dayjs-business-time ---------------------------------------------------
dayjs.setHolidays([...HOLIDAYS]);
const nineToFive = [{ start: '09:00:00', end: '17:00:00' }];
dayjs.setBusinessTime({
  sunday: null,
  monday: nineToFive,
  tuesday: nineToFive,
  wednesday: nineToFive,
  thursday: nineToFive,
  friday: nineToFive,
  saturday: null,
});

/**
 * dayjs-business-time's own diff works in whole minutes on the process-local zone, so
 * it cannot be exact to the ms in Berlin: the loop uses it for business days only.
 * Days are walked as UTC dates and the opening times parsed with dayjs.tz, because
 * dayjs.tz(...).add(1, 'day') and .hour() drift by an hour across DST changes.
 */
export function dayjsBusinessMs(startMs: number, endMs: number): number {
  if (endMs <= startMs) return 0;
  let day = dayjs.utc(dayjs.tz(startMs, TZ).format('YYYY-MM-DD'));
  let total = 0;
  for (;;) {
    const date = day.format('YYYY-MM-DD');
    const open = dayjs.tz(`${date} 09:00`, TZ).valueOf();
    if (open - OPEN_HOUR * HOUR >= endMs + 2 * HOUR) break; // past the end's local day
    if (day.isBusinessDay()) {
      const close = dayjs.tz(`${date} 17:00`, TZ).valueOf();
      const s = Math.max(open, startMs);
      const e = Math.min(close, endMs);
      if (e > s) total += e - s;
    }
    day = day.add(1, 'day');
  }
  return total;
}

// ---- inputs -------------------------------------------------------------------------
const FROM = Date.UTC(2019, 0, 1);
const TO = Date.UTC(2027, 0, 1);

function lastSunday(y: number, month0: number): number {
  const last = new Date(Date.UTC(y, month0 + 1, 0));
  return last.getTime() - last.getUTCDay() * DAY;
}

/**
 * Random intervals, ms precision: 45 % shorter than a day, 35 % of 1–14 days, 20 % of
 * 14–90 days (ticket lifetimes); 15 % start within 4 days of a Berlin DST change.
 */
export function makeIntervals(n: number, rng: Rng): { starts: Float64Array; ends: Float64Array; meanDays: number } {
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let s = FROM + Math.floor(rng() * (TO - FROM - 91 * DAY));
    if (rng() < 0.15) {
      const y = 2019 + Math.floor(rng() * 8);
      s = lastSunday(y, rng() < 0.5 ? 2 : 9) + Math.floor((rng() * 8 - 4) * DAY);
    }
    const u = rng();
    const span = u < 0.45 ? rng() * DAY : u < 0.8 ? DAY + rng() * 13 * DAY : 14 * DAY + rng() * 76 * DAY;
    starts[i] = s;
    ends[i] = s + Math.floor(span);
    sum += ends[i] - s;
  }
  return { starts, ends, meanDays: sum / n / DAY };
}

/** Runs the section; see the file comment. */
export async function benchBusinessHours(opts: BenchOptions = {}): Promise<SectionResult> {
  const n = opts.n ?? 1_000_000;
  const sample = Math.min(n, opts.sample ?? 2_000);
  const log = opts.log ?? (() => {});
  const { starts, ends, meanDays } = makeIntervals(n, mulberry32(opts.seed ?? 20240601));

  const t0 = now();
  const cal = compileCalendar(BERLIN_9_TO_5, { fromMs: FROM, toMs: TO + 92 * DAY });
  const compileMs = now() - t0;

  const results = new Float64Array(n);
  // Warm-up so the JIT has compiled the hot path before timing, as for the libraries.
  for (let i = 0; i < Math.min(n, 50_000); i++) results[i] = businessMs(cal, starts[i], ends[i]);
  const t1 = now();
  for (let i = 0; i < n; i++) results[i] = businessMs(cal, starts[i], ends[i]);
  const engineMs = now() - t1;
  log(`engine: ${n} intervals in ${engineMs.toFixed(1)} ms`);
  const rows: BenchRow[] = [{ name: 'outsight SLA engine', nsPerOp: (engineMs * 1e6) / n, timedOps: n, totalMs: engineMs, mismatches: null, scaled: false }];

  const libs: Array<[string, (a: number, b: number) => number]> = [
    ['luxon + luxon-business-days', luxonBusinessMs],
    ['date-fns + @date-fns/tz', dateFnsBusinessMs],
    ['dayjs + dayjs-business-time', dayjsBusinessMs],
  ];
  let mismatches = 0;
  for (const [name, fn] of libs) {
    for (let i = 0; i < Math.min(200, sample); i++) fn(starts[i], ends[i]); // warm-up
    let bad = 0;
    const t = now();
    for (let i = 0; i < sample; i++) {
      if (fn(starts[i], ends[i]) !== results[i]) bad++;
    }
    const ms = now() - t;
    mismatches += bad;
    log(`${name}: ${sample} intervals in ${ms.toFixed(1)} ms, ${bad} mismatches`);
    rows.push({ name, nsPerOp: (ms * 1e6) / sample, timedOps: sample, totalMs: (ms * n) / sample, mismatches: bad, scaled: true });
  }
  const fastest = Math.min(...rows.slice(1).map((r) => r.nsPerOp));
  return {
    id: 'sla-business-hours',
    title: `Business-hours durations, ${n.toLocaleString('en-US')} intervals, Europe/Berlin Mon–Fri 09–17 + holidays`,
    rows,
    ratios: { engineVsFastestLibrary: fastest / rows[0].nsPerOp },
    notes: [
      `mean interval ${meanDays.toFixed(1)} days (45 % < 1 day, 35 % 1–14 days, 20 % 14–90 days; 15 % start near a DST change), years 2019–2027`,
      `engine calendar compile (2019–2027, ${cal.n} intervals): ${compileMs.toFixed(1)} ms, not included above`,
      `libraries timed on ${sample.toLocaleString('en-US')} intervals and scaled; every sampled result compared to the engine's to the ms`,
    ],
    mismatches,
  };
}
