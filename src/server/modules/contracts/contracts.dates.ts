import { civilDateIn, isoWeekday, type CivilDate } from '../../../domain/civil-date.ts';
import { dayInWords } from '../../../domain/civil-date.ts';
import { decideBy, keyDates, keyDatesInWords, nextNoticeDeadline, noticeTakesEffect, type KeyDatesInput } from '../../../domain/contracts/key-dates.ts';
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

export interface GivenNotice {
  kind: string;
  givenOn: CivilDate;
}

/** The day a contract ends because of the notice given (null when it does not end by it). */
export function noticeEndsOn(c: ContractRow, notice: GivenNotice | null, today: CivilDate): CivilDate | null {
  if (!notice) return null;
  if (notice.kind === 'termination' && c.convenienceNoticeUnit && c.convenienceNoticeCount) {
    return noticeTakesEffect(notice.givenOn, { unit: c.convenienceNoticeUnit as 'days' | 'months', count: c.convenienceNoticeCount });
  }
  const k = keyDates(keyDatesInput(c, notice.givenOn), today);
  return k.termEnd;
}

/** The key dates of a contract as its response carries them. */
export function computeKeyDates(c: ContractRow, notice: GivenNotice | null, rules: DateRules): ContractKeyDates {
  if (notice?.kind === 'termination') {
    const ends = noticeEndsOn(c, notice, rules.today);
    if (ends) {
      const ended = rules.today > ends;
      return {
        state: ended ? 'ended' : 'ending-by-notice',
        termEnd: ends,
        renewsOn: null,
        noticeDeadline: null,
        nextNoticeDeadline: null,
        decideBy: null,
        words: ended ? `Terminated for convenience; ended on ${dayInWords(ends)}.` : `Notice of termination was given on ${dayInWords(notice.givenOn)}; ends on ${dayInWords(ends)}.`,
      };
    }
  }
  const input = keyDatesInput(c, notice?.givenOn ?? null);
  const k = keyDates(input, rules.today);
  // Notice of non-renewal of a contract that renews only by option simply lets it end.
  if (notice && k.state === 'ends-unless-renewed') {
    return { state: 'ending-by-notice', termEnd: k.termEnd, renewsOn: null, noticeDeadline: k.noticeDeadline, nextNoticeDeadline: null, decideBy: null, words: `Notice was given on ${dayInWords(notice.givenOn)}; ends on ${dayInWords(k.termEnd!)}.` };
  }
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
