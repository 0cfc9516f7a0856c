const dateFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
/**
 * Every date and time on screen reads like formatDate plus the time, in the viewer's locale —
 * its own 12- or 24-hour clock, never one forced by a screen (tables and drawers alike).
 */
const DATE_TIME: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' };
const dateTimeFmts = new Map<string, Intl.DateTimeFormat>();
function dateTimeFmt(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = dateTimeFmts.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(undefined, { ...DATE_TIME, timeZone });
    } catch {
      // An unknown zone name from imported data: the viewer's own zone rather than no time at all.
      f = new Intl.DateTimeFormat(undefined, DATE_TIME);
    }
    dateTimeFmts.set(key, f);
  }
  return f;
}
const relFmt = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "12 Mar 2026" for an ISO timestamp or a YYYY-MM-DD date (read as a calendar date). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateFmt.format(d);
}

const dayMonthFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
/** "12 Mar" for a YYYY-MM-DD date in the year of `today` (a badge's width), else formatDate's full form. */
export function formatDayMonth(value: string, today: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value.slice(0, 4) !== today.slice(0, 4)) return formatDate(value);
  return dayMonthFmt.format(new Date(`${value}T00:00:00`));
}

/** "12 Mar 2026, 14:05" or "Mar 12, 2026, 2:05 PM" as the viewer's locale writes it; `timeZone` for instants read in a calendar's zone. */
export function formatDateTime(value: string | null | undefined, opts: { timeZone?: string } = {}): string {
  if (!value) return '—';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateTimeFmt(opts.timeZone).format(d);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 hours ago", "in 2 days", "now". */
export function relativeTime(value: string, now: number = Date.now()): string {
  const seconds = (new Date(value).getTime() - now) / 1000;
  if (Number.isNaN(seconds)) return value;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relFmt.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

export function initials(name: string): string {
  const parts = name
    .trim()
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w));
  if (parts.length === 0) return '?';
  const first = parts[0][0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1][0] ?? '') : '';
  return (first + last).toUpperCase();
}

export function pluralize(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/** Turn snake_case or dotted codes into a readable phrase: "api_token.create" → "Api token create". */
export function humanize(code: string): string {
  const s = code.replace(/[._]/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** True when `name` is only the part of `email` before the "@" (a contact created from an address, never named). */
export function isEmailLocalPart(name: string | null | undefined, email: string | null | undefined): boolean {
  const n = name?.trim().toLowerCase() ?? '';
  if (!n) return true;
  const local = email?.split('@')[0]?.toLowerCase() ?? '';
  return n === local || n === email?.toLowerCase();
}

/**
 * How to address a person: their name, unless it is just their e-mail's local part ("jane"
 * for jane@acme.example) — then the e-mail, or `fallback` where the e-mail is shown beside it.
 */
export function personName(p: { name?: string | null; email?: string | null }, fallback?: string): string {
  if (!isEmailLocalPart(p.name, p.email)) return p.name!.trim();
  return fallback ?? p.email ?? 'Vendor contact';
}

const clockFmt = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
/** A wall-clock "HH:MM" (working hours) in the viewer's locale clock, like the times beside it. */
export function formatClock(hhmm: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  return m ? clockFmt.format(Date.UTC(1970, 0, 1, Number(m[1]), Number(m[2]))) : hhmm;
}
