/**
 * Questions that walk forward through a compiled calendar (calendar.ts): when does a
 * given amount of business time run out (due instants), and which working intervals
 * fall in a range. Inverses of calendar.ts's readings; same rules, same table.
 */
import { MAX_SUPPORTED_MS, PER_BUCKET, businessReading, ensureRange, type CompiledCalendar } from './calendar.ts';

const DAY = 86_400_000;

/**
 * The earliest instant t ≥ startMs with businessMs(startMs, t) = ms: when `ms` of business
 * time has elapsed (due time). A target that runs out exactly at 17:00 is due at 17:00,
 * not at the next morning. Returns startMs for ms ≤ 0, Infinity when the calendar never
 * accumulates that much before 2200 (e.g. no working hours at all).
 * @throws RangeError for a start outside 1900–2199.
 */
export function addBusinessMs(cal: CompiledCalendar, startMs: number, ms: number): number {
  if (!(ms > 0)) return startMs;
  if (cal.always) return startMs + ms;
  return instantAtReading(cal, businessReading(cal, startMs) + ms);
}

/**
 * The earliest instant whose reading is ≥ `reading` (the inverse of businessReading),
 * growing the table forward as needed; Infinity if not reached before 2200.
 */
export function instantAtReading(cal: CompiledCalendar, reading: number): number {
  if (cal.always) return reading;
  if (cal.weekMs === 0) return Infinity;
  if (cal.from === cal.to) return NaN; // no reading can have been taken yet
  while (cal.cum[cal.n] < reading) {
    if (cal.to >= MAX_SUPPORTED_MS) return Infinity;
    // Grow by the expected number of weeks plus slack for holidays, at least a year.
    const weeks = (reading - cal.cum[cal.n]) / cal.weekMs;
    ensureRange(cal, cal.from, Math.min(MAX_SUPPORTED_MS - 1, cal.to + Math.max(366 * DAY, weeks * 1.5 * 7 * DAY)));
  }
  const cum = cal.cum;
  if (reading <= cum[0]) return cal.from;
  // Smallest i whose end reading reaches the target.
  let lo = 0;
  let hi = cal.n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid + 1] >= reading) hi = mid;
    else lo = mid + 1;
  }
  return cal.starts[lo] + (reading - cum[lo]);
}

/**
 * instantAtReading(cal, reading) for a reading above businessReading(cal, t), found by
 * scanning forward from t's interval instead of a binary search over the whole table:
 * a due instant is usually a few working intervals after the segment it is reached in.
 */
export function instantAtReadingFrom(cal: CompiledCalendar, t: number, reading: number): number {
  if (cal.always || !(t >= cal.from && t < cal.to) || !(reading <= cal.cum[cal.n])) return instantAtReading(cal, reading);
  const cum = cal.cum;
  let i = cal.bucketIndex[((t - cal.from) * PER_BUCKET) | 0] - 1;
  if (i < 0) i = 0;
  while (cum[i + 1] < reading) i++;
  return cal.starts[i] + (reading - cum[i]);
}

/** The compiled working intervals overlapping [fromMs, toMs), clipped, as [start, end] pairs. */
export function workingIntervals(cal: CompiledCalendar, fromMs: number, toMs: number): Array<[number, number]> {
  if (!(toMs > fromMs)) return [];
  if (cal.always) return [[fromMs, toMs]];
  ensureRange(cal, fromMs, toMs);
  const out: Array<[number, number]> = [];
  for (let i = 0; i < cal.n; i++) {
    const s = Math.max(cal.starts[i], fromMs);
    const e = Math.min(cal.ends[i], toMs);
    if (e > s) out.push([s, e]);
  }
  return out;
}
