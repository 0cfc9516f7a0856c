const dateFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relFmt = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "12 Mar 2026" for an ISO timestamp or a YYYY-MM-DD date (read as a calendar date). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateFmt.format(d);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateTimeFmt.format(d);
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
