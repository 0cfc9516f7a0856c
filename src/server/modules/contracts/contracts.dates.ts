import { civilDateIn, isoWeekday, type CivilDate } from '../../../domain/civil-date.ts';
import { decideBy, keyDates, keyDatesInWords, nextNoticeDeadline, type KeyDatesInput } from '../../../domain/contracts/key-dates.ts';
import type { ContractKeyDates } from '../../../shared/contracts/contracts.ts';
import type { ContractRow, SettingsRow } from './contracts.repo.ts';

export const DEFAULT_LEAD_DAYS = 14;
export const DEFAULT_REMINDER_OFFSETS = [90, 60, 30, 7];

/** What computing key dates needs from the organisation: today, its lead time and its business days. */
export interface DateRules {
  today: CivilDate;
  leadDays: number;
  reminderOffsets: number[];
  isBusinessDay: (d: CivilDate) => boolean;
}

/** A calendar's business days: a weekday with working hours that is not a holiday. Without one: Monday to Friday. */
export function businessDays(calendar: { week: Record<string, unknown[]>; holidays: readonly string[] } | null): (d: CivilDate) => boolean {
  if (!calendar) return (d) => isoWeekday(d) <= 5;
  const holidays = new Set(calendar.holidays);
  const working = new Set(
    Object.entries(calendar.week)
      .filter(([, v]) => Array.isArray(v) && v.length > 0)
      .map(([k]) => Number(k)),
  );
  return (d) => working.has(isoWeekday(d)) && !holidays.has(d);
}

export function dateRules(now: Date, settings: SettingsRow | null, calendar: { timeZone: string; week: Record<string, unknown[]>; holidays: readonly string[] } | null): DateRules {
  return {
    today: civilDateIn(now, calendar?.timeZone ?? 'UTC'),
    leadDays: settings?.leadDays ?? DEFAULT_LEAD_DAYS,
    reminderOffsets: settings?.reminderOffsets ?? DEFAULT_REMINDER_OFFSETS,
    isBusinessDay: businessDays(calendar),
  };
}

/** The domain's input for a stored contract (and the day notice was given, if it was). */
export function keyDatesInput(c: ContractRow, noticeGivenOn: CivilDate | null): KeyDatesInput {
  const months = c.renewalMonths ?? 12;
  return {
    initialTermEnd: c.initialTermEnd,
    renewal: c.renewalKind === 'automatic' ? { kind: 'automatic', months } : c.renewalKind === 'option' ? { kind: 'option', months } : { kind: 'none' },
    notice: c.noticeUnit && c.noticeCount ? { unit: c.noticeUnit as 'days' | 'months', count: c.noticeCount } : null,
    noticeGivenOn,
  };
}

/** The key dates of a contract as its response carries them. */
export function computeKeyDates(c: ContractRow, noticeGivenOn: CivilDate | null, rules: DateRules): ContractKeyDates {
  const input = keyDatesInput(c, noticeGivenOn);
  const k = keyDates(input, rules.today);
  // A decision is due only while the contract would renew (or lapse) without one.
  const open = k.state === 'renews-unless-notice' || k.state === 'ends-unless-renewed';
  const next = open ? nextNoticeDeadline(input, rules.today) : null;
  return {
    state: k.state,
    termEnd: k.termEnd,
    renewsOn: k.renewsOn,
    noticeDeadline: k.noticeDeadline,
    nextNoticeDeadline: next?.deadline ?? null,
    decideBy: next ? decideBy(next.deadline, rules.leadDays, rules.isBusinessDay) : null,
    words: keyDatesInWords(input, k, rules.today),
  };
}
