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
  /**
   * The column holds mostly numbers (detected from the data, see `mostlyNumbers`): read
   * 10-digit numbers as epoch seconds, 13-digit ones as epoch milliseconds and smaller
   * ones as Excel serial numbers (days since 1899-12-30, in the export's time zone).
   * Off, a lone number among dates is rejected rather than guessed at.
   */
  numbers?: boolean;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const OFFSET = String.raw`\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)`;
// 2026-05-04T08:00:00.123+02:00 · 2026-05-04 08:00 · 2026-05-04T06:00Z · 2026-05-04 08:00 +0200
const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:${OFFSET})?$`, 'i');
// 29/2/2016 01:16 · 02.29.2016 1:16:05 PM · 21/Nov/26 4:30 PM · 2016/02/29 01:16 · 2012/10/09 14:50:17.000 · 2016-2-29 1:16 PM +01:00
const NUMERIC = new RegExp(String.raw`^(\d{1,4})[/.-](\d{1,2}|[A-Za-z]{3,9})[/.-](\d{1,4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp]\.?[Mm]\.?)?)?(?:${OFFSET})?$`);
const NUMBER = /^\d+(?:\.\d+)?$/;
/** Excel serials Outsight reads: 1900-03-01 (61, after Excel's phantom 29 Feb 1900) to 2199-12-31. */
export const EXCEL_SERIAL_RANGE = [61, 109_575] as const;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Why a value is not read: the rejection reasons, one per real cause (never the value itself, so they group). */
export const DATE_REASONS = {
  shape: 'Not a date or time in any shape Outsight reads',
  month: 'The month is not 1 to 12',
  day: 'That day does not exist in that month',
  year: 'The year is outside 1900 to 2199',
  time: 'Not a time of day (hours 0 to 23, minutes and seconds 0 to 59)',
  ampm: 'With AM/PM the hour must be 1 to 12',
  offset: 'The offset is not a valid UTC offset (-14:00 to +14:00)',
  excelRange: `Excel serial number out of range (${EXCEL_SERIAL_RANGE[0]} to ${EXCEL_SERIAL_RANGE[1]}: years 1900 to 2199)`,
  epochRange: 'Epoch time out of range (years 1970 to 2199)',
  numberShape: 'A number that is neither an Excel serial number, epoch seconds (10 digits) nor epoch milliseconds (13 digits)',
  lonelyNumber: 'A number among dates: numbers are read as Excel serial numbers or epoch times only when most of the column is numbers',
} as const;
const ORDER_WORDS: Record<DateOrder, string> = { dmy: 'day/month/year', mdy: 'month/day/year', ymd: 'year-month-day' };
/** The one reason that blames the order: only when another order reads the value. */
export const wrongOrderReason = (order: DateOrder, reads: DateOrder) => `Not a date in ${ORDER_WORDS[order]} order (it reads as ${ORDER_WORDS[reads]})`;

export type DateReading = { ms: number } | { reason: string };

const timelines = new Map<string, OffsetTimeline>();

/** The timeline the last value used, and the local year it serves: an export's values mostly share a zone and year. */
let last: { zone: string; from: number; to: number; tl: OffsetTimeline } | null = null;

function localToUtc(zone: string, localMs: number): number {
  if (zone === 'UTC') return localMs;
  if (last && last.zone === zone && localMs >= last.from && localMs < last.to) return firstInstantAtOrAfterLocal(last.tl, localMs);
  const year = new Date(localMs).getUTCFullYear();
  const key = `${zone}|${year}`;
  let tl = timelines.get(key);
  if (!tl) {
    tl = offsetTimeline(zone, Date.UTC(year - 1, 0, 1), Date.UTC(year + 1, 11, 31));
    timelines.set(key, tl);
  }
  last = { zone, from: Date.UTC(year, 0, 1), to: Date.UTC(year + 1, 0, 1), tl };
  return firstInstantAtOrAfterLocal(tl, localMs);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days in month `mo` (1–12) of year `y`, Gregorian. */
const daysIn = (y: number, mo: number) => (mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[mo - 1]);

/** Why these wall-clock parts are not a date-time, or null when they are one. */
function invalid(y: number, mo: number, d: number, h: number, mi: number, s: number): string | null {
  if (mo < 1 || mo > 12) return DATE_REASONS.month;
  if (y < 1900 || y > 2199) return DATE_REASONS.year;
  if (d < 1 || d > daysIn(y, mo)) return DATE_REASONS.day;
  if (h > 23 || mi > 59 || s > 59) return DATE_REASONS.time;
  return null;
}

/** An offset in minutes east of UTC, or null when it is none; undefined when absent. */
function offsetMinutes(raw: string | undefined): number | null | undefined {
  if (!raw) return undefined;
  if (/^(Z|UTC|GMT)$/i.test(raw)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(raw)!;
  const h = Number(m[2]);
  const mi = Number(m[3] ?? 0);
  if (h > 14 || mi > 59 || h * 60 + mi > 14 * 60) return null;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + mi);
}

const fraction = (digits: string | undefined) => (digits ? Math.floor(Number(`0.${digits}`) * 1000) : 0);

function readNumber(s: string, spec: DateSpec): DateReading {
  if (!spec.numbers) return { reason: DATE_REASONS.lonelyNumber };
  const [int] = s.split('.');
  if (int.length === 10 || int.length === 13) {
    const ms = int.length === 10 ? Math.round(Number(s) * 1000) : Math.round(Number(s));
    const y = new Date(ms).getUTCFullYear();
    return y >= 1970 && y <= 2199 ? { ms } : { reason: DATE_REASONS.epochRange };
  }
  if (int.length > 7) return { reason: DATE_REASONS.numberShape };
  const serial = Number(s);
  if (serial < EXCEL_SERIAL_RANGE[0] || serial >= EXCEL_SERIAL_RANGE[1]) return { reason: DATE_REASONS.excelRange };
  // Excel keeps times as fractions of a day; round away its binary noise to the second.
  return { ms: localToUtc(spec.timeZone, EXCEL_EPOCH + Math.round(serial * 86_400) * 1000) };
}

/** Year, month and day of a d/m/y-shaped value's three parts read in `order`; null for an unknown month name. */
function ymdIn(a: string, b: string, c: string, order: DateOrder): [number, number, number] | null {
  if (/^[A-Za-z]/.test(b)) {
    const named = MONTHS[b.slice(0, 3).toLowerCase()];
    if (!named) return null;
    // A month name fixes the order: day/Mon/year (Jira) or year/Mon/day.
    return a.length === 4 ? [Number(a), named, Number(c)] : [Number(c), named, Number(a)];
  }
  if (order === 'ymd' || a.length === 4) return [Number(a), Number(b), Number(c)];
  return order === 'dmy' ? [Number(c), Number(b), Number(a)] : [Number(c), Number(a), Number(b)];
}

/** Two-digit years in ticket exports are this century. */
const fixYear = (p: [number, number, number]): [number, number, number] => (p[0] < 100 ? [p[0] + 2000, p[1], p[2]] : p);

/**
 * Reads one value as UTC epoch ms, or says why it is not a date-time: the order is blamed
 * only when another order reads the value, so "2012/10/09 14:50:17.000" or "13 PM" never
 * gets a wrong-order message.
 */
export function readDateTime(raw: string, spec: DateSpec): DateReading {
  const s = raw.trim();
  if (!s) return { reason: DATE_REASONS.shape };
  if (NUMBER.test(s)) return readNumber(s, spec);
  const iso = ISO.exec(s);
  if (iso) {
    // Read field by field: the import calls this four times a row.
    const y = Number(iso[1]);
    const mo = Number(iso[2]);
    const d = Number(iso[3]);
    const h = iso[4] === undefined ? 0 : Number(iso[4]);
    const mi = iso[5] === undefined ? 0 : Number(iso[5]);
    const sec = iso[6] === undefined ? 0 : Number(iso[6]);
    const why = invalid(y, mo, d, h, mi, sec);
    if (why) return { reason: why };
    const off = offsetMinutes(iso[8]);
    if (off === null) return { reason: DATE_REASONS.offset };
    const local = Date.UTC(y, mo - 1, d, h, mi, sec, fraction(iso[7]));
    return { ms: off === undefined ? localToUtc(spec.timeZone, local) : local - off * 60_000 };
  }
  const m = NUMERIC.exec(s);
  if (!m) return { reason: DATE_REASONS.shape };
  const [a, b, c] = [m[1], m[2], m[3]];
  let h = m[4] ? Number(m[4]) : 0;
  const mi = m[5] ? Number(m[5]) : 0;
  const sec = m[6] ? Number(m[6]) : 0;
  if (m[8]) {
    if (h < 1 || h > 12) return { reason: DATE_REASONS.ampm };
    h = (h % 12) + (m[8][0].toLowerCase() === 'p' ? 12 : 0);
  }
  const off = offsetMinutes(m[9]);
  if (off === null) return { reason: DATE_REASONS.offset };
  const parts = ymdIn(a, b, c, spec.order);
  if (!parts) return { reason: DATE_REASONS.shape };
  const [y, mo, d] = fixYear(parts);
  const why = invalid(y, mo, d, h, mi, sec);
  if (why) {
    if (why === DATE_REASONS.month || why === DATE_REASONS.day) {
      const reads = (['dmy', 'mdy', 'ymd'] as const).find((o) => o !== spec.order && ymdIn(a, b, c, o) && !invalid(...fixYear(ymdIn(a, b, c, o)!), h, mi, sec));
      if (reads) return { reason: wrongOrderReason(spec.order, reads) };
    }
    return { reason: why };
  }
  const local = Date.UTC(y, mo - 1, d, h, mi, sec, fraction(m[7]));
  return { ms: off === undefined ? localToUtc(spec.timeZone, local) : local - off * 60_000 };
}

/** Parses one value to UTC epoch ms; null when it is not a date in the given spec. */
export function parseDateTime(raw: string, spec: DateSpec): number | null {
  const r = readDateTime(raw, spec);
  return 'ms' in r ? r.ms : null;
}

/**
 * Whether a column's values are mostly plain numbers (Excel serials, epoch times): then
 * numbers are read as dates. Decided from the data, like the date order.
 */
export function mostlyNumbers(values: Iterable<string>): boolean {
  let numbers = 0;
  let filled = 0;
  for (const raw of values) {
    const v = raw.trim();
    if (!v) continue;
    filled++;
    if (NUMBER.test(v)) numbers++;
  }
  return filled > 0 && numbers * 2 > filled;
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
