import { addDays, addMonths, dayInWords, isLastDayOfMonth, lastDayOfMonth, type CivilDate } from '../civil-date.ts';

/**
 * A contract's key dates, computed, never typed in: the end of the current term, the
 * renewal, the last day to give notice, and the decide-by date the reminders aim at.
 *
 * Conventions (written down because contracts differ and the user must know ours):
 * - A term "ends on" its last day: a contract effective 1 April 2026 for one year ends on
 *   31 March 2027 and renews on 1 April 2027.
 * - Notice of N days given on day D takes effect on D + N; notice of N months on D + N
 *   months (same day of the month, clamped to the month's end). The notice deadline is the
 *   last day on which notice still takes effect on or before the term's end: term ending
 *   31 March with three months' notice → 31 December; ending 30 June → 31 March.
 * - Automatic renewals count from the initial term end: when that is a month's last day,
 *   every later term also ends on a last day (28 February 2027 → 29 February 2028).
 */
export type Renewal = { kind: 'none' } | { kind: 'automatic'; months: number } | { kind: 'option'; months: number };
export interface Period {
  unit: 'days' | 'months';
  count: number;
}

/** The last day on which notice of `period` still takes effect on or before `end`. */
export function noticeDeadline(end: CivilDate, period: Period): CivilDate {
  if (period.unit === 'days') return addDays(end, -period.count);
  // Shifting back N months is exact unless the target month is shorter (then it is its
  // last day), or `end` is itself a month's last day (then so is the deadline).
  const back = addMonths(end, -period.count);
  return isLastDayOfMonth(end) ? lastDayOfMonth(back) : back;
}

/** When notice of `period` given on `day` takes effect. */
export function noticeTakesEffect(day: CivilDate, period: Period): CivilDate {
  return period.unit === 'days' ? addDays(day, period.count) : addMonths(day, period.count);
}

/** The end of term k (0 = the initial term) of a contract that renews every `months`. */
export function termEnd(initialEnd: CivilDate, months: number, k: number): CivilDate {
  const shifted = addMonths(initialEnd, k * months);
  return isLastDayOfMonth(initialEnd) ? lastDayOfMonth(shifted) : shifted;
}

export interface KeyDatesInput {
  initialTermEnd: CivilDate | null;
  renewal: Renewal;
  notice: Period | null;
  /** The day notice (of non-renewal or termination) was given, if it was. */
  noticeGivenOn?: CivilDate | null;
}

export type KeyDateState =
  /** No term end recorded: nothing to compute. */
  | 'open-ended'
  /** Ends at the end of the term; there is nothing to decide by a notice. */
  | 'ends'
  /** Renews automatically unless notice is given by the deadline. */
  | 'renews-unless-notice'
  /** Ends unless the option to renew is taken up by the deadline. */
  | 'ends-unless-renewed'
  /** Notice was given: the contract ends at the term end it took effect for. */
  | 'ending-by-notice'
  /** The last term is over. */
  | 'ended';

export interface KeyDates {
  state: KeyDateState;
  /** The end of the term running on `today` (or the last one, once ended). */
  termEnd: CivilDate | null;
  /** The day a renewal would start: the day after `termEnd`. */
  renewsOn: CivilDate | null;
  /** The last day to give notice (or take up the option) for `termEnd`. */
  noticeDeadline: CivilDate | null;
  /** How many automatic renewals have already happened by `today`. */
  renewalsSoFar: number;
}

// Automatic renewals are searched term by term; a thousand terms of even one month is
// eighty years, far past any contract, and keeps a wrong input from looping.
const MAX_TERMS = 1000;

/** The key dates of a contract as of `today`. */
export function keyDates(c: KeyDatesInput, today: CivilDate): KeyDates {
  const none = { termEnd: null, renewsOn: null, noticeDeadline: null, renewalsSoFar: 0 };
  if (!c.initialTermEnd) return { state: 'open-ended', ...none };
  const end0 = c.initialTermEnd;

  if (c.renewal.kind !== 'automatic') {
    const deadline = c.notice && c.renewal.kind === 'option' ? noticeDeadline(end0, c.notice) : null;
    const base = { termEnd: end0, renewsOn: c.renewal.kind === 'option' ? addDays(end0, 1) : null, noticeDeadline: deadline, renewalsSoFar: 0 };
    if (today > end0) return { ...base, state: 'ended' };
    return { ...base, state: c.renewal.kind === 'option' ? 'ends-unless-renewed' : 'ends' };
  }

  const months = c.renewal.months;
  // The term that notice given on `noticeGivenOn` ended: the first whose deadline it met.
  if (c.noticeGivenOn && c.notice) {
    for (let k = 0; k < MAX_TERMS; k++) {
      const end = termEnd(end0, months, k);
      if (noticeDeadline(end, c.notice) >= c.noticeGivenOn) {
        return { state: today > end ? 'ended' : 'ending-by-notice', termEnd: end, renewsOn: null, noticeDeadline: noticeDeadline(end, c.notice), renewalsSoFar: k };
      }
    }
  }
  // The running term: the first whose end is today or later.
  for (let k = 0; k < MAX_TERMS; k++) {
    const end = termEnd(end0, months, k);
    if (end >= today) {
      return { state: 'renews-unless-notice', termEnd: end, renewsOn: addDays(end, 1), noticeDeadline: c.notice ? noticeDeadline(end, c.notice) : null, renewalsSoFar: k };
    }
  }
  return { state: 'renews-unless-notice', ...none };
}

/**
 * The next notice deadline that can still be met on `today`: this term's, or — when it
 * has passed and the contract will renew anyway — the next term's.
 */
export function nextNoticeDeadline(c: KeyDatesInput, today: CivilDate): { termEnd: CivilDate; deadline: CivilDate } | null {
  const k = keyDates(c, today);
  if (!k.termEnd || !k.noticeDeadline || !c.notice) return null;
  if (k.noticeDeadline >= today) return { termEnd: k.termEnd, deadline: k.noticeDeadline };
  if (k.state !== 'renews-unless-notice' || c.renewal.kind !== 'automatic') return null;
  // A notice period longer than a renewal term can make the next term's deadline past too: take the first still ahead.
  for (let n = k.renewalsSoFar + 1; n < k.renewalsSoFar + MAX_TERMS; n++) {
    const next = termEnd(c.initialTermEnd!, c.renewal.months, n);
    const deadline = noticeDeadline(next, c.notice);
    if (deadline >= today) return { termEnd: next, deadline };
  }
  return null;
}

/**
 * The decide-by date: the notice deadline moved back to the last business day on or
 * before it, then back by the organisation's internal lead time, again onto a business
 * day. `isBusinessDay` is the organisation's calendar (working weekdays, holidays).
 */
export function decideBy(deadline: CivilDate, leadDays: number, isBusinessDay: (d: CivilDate) => boolean): CivilDate {
  const onOrBefore = (d: CivilDate) => {
    // A calendar without a single working day in a year cannot be honoured: keep the date.
    for (let i = 0, x = d; i < 366; i++, x = addDays(x, -1)) if (isBusinessDay(x)) return x;
    return d;
  };
  return onOrBefore(addDays(onOrBefore(deadline), -leadDays));
}


const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
export function periodWords(p: Period): string {
  return p.unit === 'days' ? plural(p.count, 'day') : plural(p.count, 'month');
}

/** The key dates in plain words, as the key-dates view and the reminders say them. */
export function keyDatesInWords(c: KeyDatesInput, k: KeyDates, today: CivilDate): string {
  switch (k.state) {
    case 'open-ended':
      return 'No end of term is recorded.';
    case 'ended':
      return `Ended on ${dayInWords(k.termEnd!)}.`;
    case 'ends':
      return `Ends on ${dayInWords(k.termEnd!)}; it does not renew.`;
    case 'ending-by-notice':
      return `Notice was given on ${dayInWords(c.noticeGivenOn!)}; ends on ${dayInWords(k.termEnd!)}.`;
    case 'ends-unless-renewed':
      return k.noticeDeadline
        ? `Ends on ${dayInWords(k.termEnd!)} unless the option to renew is taken up by ${dayInWords(k.noticeDeadline)}.`
        : `Ends on ${dayInWords(k.termEnd!)} unless the option to renew is taken up.`;
    case 'renews-unless-notice': {
      const months = c.renewal.kind === 'automatic' ? ` for ${plural(c.renewal.months, 'month')}` : '';
      if (!k.noticeDeadline) return `Renews automatically on ${dayInWords(k.renewsOn!)}${months}.`;
      if (k.noticeDeadline >= today) return `Renews automatically on ${dayInWords(k.renewsOn!)}${months} unless notice is given by ${dayInWords(k.noticeDeadline)}.`;
      const next = nextNoticeDeadline(c, today);
      const then = next ? ` The next chance: notice by ${dayInWords(next.deadline)} ends it on ${dayInWords(next.termEnd)}.` : '';
      return `Renews automatically on ${dayInWords(k.renewsOn!)}${months}: the notice deadline, ${dayInWords(k.noticeDeadline)}, has passed.${then}`;
    }
  }
}
