/**
 * Civil dates ('YYYY-MM-DD', no time, no zone) as the contracts, budgets and plans of
 * Outsight use them. Arithmetic runs on day numbers (days since 1970-01-01, UTC), so it
 * is exact across month ends and leap years and never touches a time zone.
 */
export type CivilDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCivilDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

// Integer calendar arithmetic (H. Hinnant's days-from-civil): exact for every year,
// where Date.UTC would read years below 100 as 19xx.
/** Days since 1970-01-01. */
export function toDayNumber(date: CivilDate): number {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`Not a date: ${date}`);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const y = Number(m[1]) - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function fromDayNumber(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  return civil(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function parts(date: CivilDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}

export function addDays(date: CivilDate, n: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + n);
}

export function daysBetween(from: CivilDate, to: CivilDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export function civil(year: number, month: number, day: number): CivilDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The same day of the month `n` months later (or earlier), clamped to that month's last day: 31 Jan + 1 month = 28/29 Feb. */
export function addMonths(date: CivilDate, n: number): CivilDate {
  const { year, month, day } = parts(date);
  const total = year * 12 + (month - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return civil(y, m, Math.min(day, daysInMonth(y, m)));
}

export function isLastDayOfMonth(date: CivilDate): boolean {
  const { year, month, day } = parts(date);
  return day === daysInMonth(year, month);
}

export function lastDayOfMonth(date: CivilDate): CivilDate {
  const { year, month } = parts(date);
  return civil(year, month, daysInMonth(year, month));
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(date: CivilDate): number {
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The civil date of an instant in a time zone (the request's clock → "today" for an organisation). */
export function civilDateIn(instant: Date, timeZone: string): CivilDate {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return f.format(instant);
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** "12 March 2026": a date in words for messages, feeds and the audit trail (never an ISO date shown to a person). */
export function dayInWords(date: CivilDate): string {
  const p = parts(date);
  return `${p.day} ${MONTH_NAMES[p.month - 1]} ${p.year}`;
}

/** "November 2026", from a month as YYYY-MM. */
export function monthInWords(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return `${MONTH_NAMES[m - 1]} ${year}`;
}

/** "January – November 2026", or "November 2025 – February 2026" across a year; one month alone when they are the same. */
export function monthRangeInWords(from: string, to: string): string {
  if (from === to) return monthInWords(from);
  if (from.slice(0, 4) === to.slice(0, 4)) return `${MONTH_NAMES[Number(from.slice(5, 7)) - 1]} – ${monthInWords(to)}`;
  return `${monthInWords(from)} – ${monthInWords(to)}`;
}
