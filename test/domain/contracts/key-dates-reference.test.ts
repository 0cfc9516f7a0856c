import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, fromDayNumber, isLastDayOfMonth, isoWeekday, lastDayOfMonth, toDayNumber } from '../../../src/domain/civil-date.ts';
import { decideBy, keyDates, nextNoticeDeadline, noticeTakesEffect, type Period } from '../../../src/domain/contracts/key-dates.ts';

// Issue 11 "done means": the key dates against a simple day-by-day reference, not only the notice deadline.
const date = (from: string, to: string) => fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);
const period = fc.oneof(fc.integer({ min: 1, max: 12 }).map((count): Period => ({ unit: 'months', count })), fc.integer({ min: 1, max: 200 }).map((count): Period => ({ unit: 'days', count })));

/**
 * The reference: live the contract one day at a time from its initial term end. Each day
 * after a term's end starts the next term, whose end is the same day of the month `months`
 * later (a month's last day stays a month's last day). Returns the term running on `today`.
 */
function runningTermByDays(initialEnd: string, months: number, today: string): { end: string; renewals: number } {
  let end = initialEnd;
  let renewals = 0;
  for (let d = initialEnd; d < today; d = addDays(d, 1)) {
    if (d === end) {
      renewals++;
      const next = addMonths(initialEnd, renewals * months);
      end = isLastDayOfMonth(initialEnd) ? lastDayOfMonth(next) : next;
    }
  }
  return { end, renewals };
}

/** The last day, walking back from `end`, whose notice takes effect on or before `end`. */
function deadlineByDays(end: string, p: Period): string {
  let d = end;
  while (noticeTakesEffect(d, p) > end) d = addDays(d, -1);
  return d;
}

describe('key dates against a day-by-day reference', () => {
  it('an automatic renewal: the running term, its renewal and its notice deadline on any day', () => {
    fc.assert(
      fc.property(date('2000-01-01', '2040-12-31'), fc.integer({ min: 1, max: 36 }), period, fc.integer({ min: 0, max: 2000 }), (initialEnd, months, notice, later) => {
        const today = addDays(initialEnd, later - 200);
        const k = keyDates({ initialTermEnd: initialEnd, renewal: { kind: 'automatic', months }, notice }, today);
        const ref = today <= initialEnd ? { end: initialEnd, renewals: 0 } : runningTermByDays(initialEnd, months, today);
        expect(k.state).toBe('renews-unless-notice');
        expect(k.termEnd).toBe(ref.end);
        expect(k.renewalsSoFar).toBe(ref.renewals);
        expect(k.renewsOn).toBe(addDays(ref.end, 1));
        expect(k.noticeDeadline).toBe(deadlineByDays(ref.end, notice));
        // The next deadline that can still be met is today or later, and is the first such one.
        const next = nextNoticeDeadline({ initialTermEnd: initialEnd, renewal: { kind: 'automatic', months }, notice }, today)!;
        expect(next.deadline >= today).toBe(true);
        if (next.termEnd !== ref.end) expect(deadlineByDays(ref.end, notice) < today).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('notice given on a day ends the contract at the first term whose deadline it met', () => {
    fc.assert(
      fc.property(date('2010-01-01', '2030-12-31'), fc.integer({ min: 1, max: 24 }), period, fc.integer({ min: -100, max: 1500 }), (initialEnd, months, notice, offset) => {
        const givenOn = addDays(initialEnd, offset);
        const k = keyDates({ initialTermEnd: initialEnd, renewal: { kind: 'automatic', months }, notice, noticeGivenOn: givenOn }, givenOn);
        // Reference: walk the terms one day at a time until a term's day-by-day deadline is on or after the day notice was given.
        let end = initialEnd;
        let n = 0;
        while (deadlineByDays(end, notice) < givenOn) {
          n++;
          const next = addMonths(initialEnd, n * months);
          end = isLastDayOfMonth(initialEnd) ? lastDayOfMonth(next) : next;
        }
        expect(k.termEnd).toBe(end);
        expect(k.state).toBe('ending-by-notice');
      }),
      { numRuns: 300 },
    );
  });

  it('the decide-by date is the latest business day at least the lead time before the last business day by the deadline', () => {
    const weekdays = (d: string) => isoWeekday(d) <= 5;
    fc.assert(
      fc.property(date('2020-01-01', '2035-12-31'), fc.integer({ min: 0, max: 60 }), fc.array(date('2019-10-01', '2035-12-31'), { maxLength: 40 }), (deadline, lead, holidayList) => {
        const holidays = new Set(holidayList);
        const business = (d: string) => weekdays(d) && !holidays.has(d);
        const got = decideBy(deadline, lead, business);
        let last = deadline;
        while (!business(last)) last = addDays(last, -1);
        let want = addDays(last, -lead);
        while (!business(want)) want = addDays(want, -1);
        expect(got).toBe(want);
        expect(business(got)).toBe(true);
        expect(got <= deadline).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
