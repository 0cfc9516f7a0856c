/** Formatting for SLA figures: durations, shares, money and YYYY-MM months. */
import type { TicketTimeline } from '../../../shared/contracts/sla.ts';
import type { z } from 'zod';
import { minorDigits, totalsByCurrency, type Money } from '../../../domain/money.ts';
import { formatDateTime } from '../../lib/format.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "45 min", "3 h 20 min", "2 d 4 h". `days: false` keeps business time in hours, because
 * a business "day" is the calendar's working hours, not 24 h.
 */
export function formatDuration(ms: number | null | undefined, { days = true }: { days?: boolean } = {}): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const negative = ms < 0;
  let rest = Math.abs(ms);
  if (rest < MINUTE) return rest === 0 ? '0 min' : 'under 1 min';
  const parts: string[] = [];
  if (days && rest >= DAY) {
    const d = Math.floor(rest / DAY);
    rest -= d * DAY;
    const h = Math.floor(rest / HOUR);
    parts.push(`${d.toLocaleString()} d`);
    if (h > 0) parts.push(`${h} h`);
  } else if (rest >= HOUR) {
    const h = Math.floor(rest / HOUR);
    rest -= h * HOUR;
    const m = Math.round(rest / MINUTE);
    parts.push(`${h.toLocaleString()} h`);
    if (m > 0) parts.push(`${m} min`);
  } else {
    parts.push(`${Math.round(rest / MINUTE)} min`);
  }
  return (negative ? '−' : '') + parts.join(' ');
}

const pctFmts = new Map<number, Intl.NumberFormat>();
function pctFmtFor(digits: number): Intl.NumberFormat {
  let f = pctFmts.get(digits);
  if (!f) pctFmts.set(digits, (f = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: digits })));
  return f;
}
const pctFmt = pctFmtFor(1);

/** 0.953 → "95.3 %"; null → "—". Availability wants more digits (99.95 %). */
export function formatShare(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined) return '—';
  return pctFmtFor(digits).format(share);
}

/** A credit percentage (already 0–100): 12.5 → "12.5 %". */
export function formatPct(pct: number): string {
  return pctFmt.format(pct / 100);
}

/** An amount in its own currency, with that currency's minor digits (EUR 2, JPY 0). */
export function formatAmount(m: Money): string {
  const digits = minorDigits(m.currency);
  return new Intl.NumberFormat(undefined, { style: 'currency', currency: m.currency }).format(m.amountMinor / 10 ** digits);
}

/** Totals per currency side by side ("€1,200.00 · $300.00"); never one sum across currencies. */
export function formatTotals(items: Iterable<Money>): string {
  const totals = totalsByCurrency(items);
  return totals.length ? totals.map(formatAmount).join(' · ') : formatAmount({ amountMinor: 0, currency: 'EUR' });
}

const monthFmt = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const longMonthFmt = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2016-03" → "Mar 2016" (or "March 2016" with `long`). */
export function monthLabel(month: string, long = false): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  const d = new Date(Date.UTC(y, m - 1, 1));
  return (long ? longMonthFmt : monthFmt).format(d);
}

export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const total = y * 12 + (m - 1) + delta;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The current month in the browser's zone, as YYYY-MM. */
export function currentMonth(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** The last month that is over, in the browser's zone: the SLA overview opens on final figures. */
export function lastFullMonth(now: Date = new Date()): string {
  return shiftMonth(currentMonth(now), -1);
}

/** Mantine's month pickers speak "YYYY-MM-DD"; the API speaks "YYYY-MM". */
export const monthToPicker = (month: string | null): string | null => (month ? `${month}-01` : null);
export const pickerToMonth = (value: string | null): string | null => (value ? value.slice(0, 7) : null);

/** An instant in the calendar's time zone, where business hours are counted, written like every other time of the app. */
export function formatInstant(iso: string | null | undefined, timeZone: string): string {
  return formatDateTime(iso, { timeZone });
}

type ResponseSource = NonNullable<z.infer<typeof TicketTimeline>['response']>;

/**
 * What a ticket's response instant was taken from, in words (the rule is in the README's
 * SLA section and src/domain/sla/first-response.ts), to follow "Response: ": "first
 * assignment at …", "opened already Active …", "not measured: no update leaves New …".
 */
export function describeResponseSource(r: ResponseSource, timeZone: string): string {
  const at = r.at ? formatInstant(r.at, timeZone) : '';
  const opening = r.openingStatus ?? 'New';
  switch (r.kind) {
    case 'recorded':
      return `first response at ${at}, as the export records it.`;
    case 'resolved':
      return `the export records no response before the resolution at ${at}: resolving the ticket answered it.`;
    case 'opened-working':
      return `opened already ${r.status ?? 'in a working status'}: taken as answered when first recorded, ${at}.`;
    case 'left-opening':
      return `first update out of ${opening}: ${r.status ?? 'a working status'} at ${at}.`;
    case 'assigned-at-open':
      return `assigned when first recorded, ${at}.`;
    case 'assigned':
      return `first assignment at ${at}.`;
    case 'waiting':
      return r.rule === 'assignment' ? 'not assigned yet: the response clock runs.' : r.rule ? `still ${opening}: the response clock runs.` : 'no response yet: the response clock runs.';
    case 'not-measured':
      if (r.reason === 'no-assignment') return 'not measured: no update assigns the ticket before its resolution, so the log cannot say when it was first answered.';
      if (r.reason === 'no-working-status') return `not measured: no update leaves ${opening} before the resolution, so the log cannot say when the ticket was first answered.`;
      return 'not measured: the import mapping does not take a first response from this export.';
  }
}
