import { firstInstantAtOrAfterLocal, offsetTimeline, type OffsetTimeline } from '../sla/tz.ts';

/**
 * Date-time parsing for ticket exports. Exports write local wall-clock times without a
 * zone ("29/2/2016 01:16"), so the user says how to read them: the order of day, month
 * and year, and the export's time zone. ISO 8601 values with an offset or Z are exact
 * and need neither.
 */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';
export interface DateSpec {
  order: DateOrder;
  timeZone: string;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
// 29/2/2016 01:16 · 02.29.2016 1:16:05 PM · 21/Nov/26 4:30 PM · 2016/02/29 01:16 · 2012/10/09 14:50:17.000
const NUMERIC = /^(\d{1,4})[/.-](\d{1,2}|[A-Za-z]{3,9})[/.-](\d{1,4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp][Mm])?)?$/;

const timelines = new Map<string, OffsetTimeline>();

function localToUtc(zone: string, localMs: number): number {
  if (zone === 'UTC') return localMs;
  const year = new Date(localMs).getUTCFullYear();
  const key = `${zone}|${year}`;
  let tl = timelines.get(key);
  if (!tl) {
    tl = offsetTimeline(zone, Date.UTC(year - 1, 0, 1), Date.UTC(year + 1, 11, 31));
    timelines.set(key, tl);
  }
  return firstInstantAtOrAfterLocal(tl, localMs);
}

function valid(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59 || y < 1900 || y > 2199) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Parses one value to UTC epoch ms; null when it is not a date in the given spec. */
export function parseDateTime(raw: string, spec: DateSpec): number | null {
  const s = raw.trim();
  if (!s) return null;
  const iso = ISO.exec(s);
  if (iso) {
    const [y, mo, d, h = 0, mi = 0, sec = 0] = [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]].map((v) => (v === undefined ? undefined : Number(v))) as number[];
    if (!valid(y, mo, d, h ?? 0, mi ?? 0, sec ?? 0)) return null;
    const ms = iso[7] ? Math.floor(Number(`0.${iso[7]}`) * 1000) : 0;
    const local = Date.UTC(y, mo - 1, d, h ?? 0, mi ?? 0, sec ?? 0, ms);
    if (!iso[8]) return localToUtc(spec.timeZone, local);
    if (iso[8].toUpperCase() === 'Z') return local;
    const m = /([+-])(\d{2}):?(\d{2})/.exec(iso[8])!;
    const off = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
    return local - off;
  }
  const m = NUMERIC.exec(s);
  if (!m) return null;
  const [a, b, c] = [m[1], m[2], m[3]];
  let y: number, mo: number, d: number;
  const named = MONTHS[b.slice(0, 3).toLowerCase()];
  if (/^[A-Za-z]/.test(b)) {
    if (!named) return null;
    // A month name fixes the order: day/Mon/year (Jira) or year/Mon/day.
    [y, mo, d] = a.length === 4 ? [Number(a), named, Number(c)] : [Number(c), named, Number(a)];
  } else if (spec.order === 'ymd' || a.length === 4) {
    [y, mo, d] = [Number(a), Number(b), Number(c)];
  } else if (spec.order === 'dmy') {
    [d, mo, y] = [Number(a), Number(b), Number(c)];
  } else {
    [mo, d, y] = [Number(a), Number(b), Number(c)];
  }
  if (y < 100) y += 2000; // two-digit years in ticket exports are this century
  let h = m[4] ? Number(m[4]) : 0;
  const mi = m[5] ? Number(m[5]) : 0;
  const sec = m[6] ? Number(m[6]) : 0;
  const frac = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  if (m[8]) {
    if (h < 1 || h > 12) return null;
    const pm = m[8].toLowerCase() === 'pm';
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (!valid(y, mo, d, h, mi, sec)) return null;
  return localToUtc(spec.timeZone, Date.UTC(y, mo - 1, d, h, mi, sec, frac));
}

/** What a column's values say about their date order; `share` is of the values that are dates at all. */
export interface OrderEvidence {
  /** Values whose first number is above 12 (only a day can be). */
  dayFirst: number;
  /** Values whose second number is above 12 (the first must be the month). */
  monthFirst: number;
  /** Values of the form d/m/y or m/d/y at all (year-first and ISO values say nothing). */
  ambiguousShape: number;
}

export function orderEvidence(values: Iterable<string>): OrderEvidence {
  const e: OrderEvidence = { dayFirst: 0, monthFirst: 0, ambiguousShape: 0 };
  for (const raw of values) {
    const m = NUMERIC.exec(raw.trim());
    if (!m || m[1].length > 2 || !/^\d+$/.test(m[2])) continue;
    e.ambiguousShape++;
    if (Number(m[1]) > 12) e.dayFirst++;
    else if (Number(m[2]) > 12) e.monthFirst++;
  }
  return e;
}

/**
 * The date order the values themselves prove, or null when they do not: a day above 12 in
 * first place means day-first, in second place month-first. Values with the year first
 * (2016/02/29, ISO) read the same in every order, so a file of only those proves 'ymd'.
 */
export function detectDateOrder(values: string[]): DateOrder | null {
  const e = orderEvidence(values);
  if (e.ambiguousShape === 0) {
    const yearFirst = values.some((v) => /^\d{4}[/.-]/.test(v.trim()));
    return yearFirst ? 'ymd' : null;
  }
  if (e.dayFirst > 0 && e.monthFirst === 0) return 'dmy';
  if (e.monthFirst > 0 && e.dayFirst === 0) return 'mdy';
  return null;
}
