import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, civil, daysInMonth, fromDayNumber, isoWeekday, toDayNumber } from '../../../src/domain/civil-date.ts';
import { decideBy, keyDates, keyDatesInWords, noticeDeadline, noticeTakesEffect, termEnd, type Period } from '../../../src/domain/contracts/key-dates.ts';

const months = (count: number): Period => ({ unit: 'months', count });
const days = (count: number): Period => ({ unit: 'days', count });

describe('the notice deadline', () => {
  it('is right on worked cases across month ends and leap years', () => {
    expect(noticeDeadline('2027-03-31', months(3))).toBe('2026-12-31'); // term ends 31 March, three months → 31 December
    expect(noticeDeadline('2027-06-30', months(3))).toBe('2027-03-31'); // a month's last day → the target month's last day
    expect(noticeDeadline('2027-02-28', months(1))).toBe('2027-01-31');
    expect(noticeDeadline('2028-02-29', months(12))).toBe('2027-02-28'); // 29 February, no such day a year before
    expect(noticeDeadline('2028-03-30', months(1))).toBe('2028-02-29'); // 30 February does not exist: the month's last day
    expect(noticeDeadline('2027-03-15', months(1))).toBe('2027-02-15');
    expect(noticeDeadline('2027-01-10', days(30))).toBe('2026-12-11');
    expect(noticeDeadline('2028-03-01', days(1))).toBe('2028-02-29');
  });

  it('is the last day on which notice still takes effect by the term end (property, against a day-by-day search)', () => {
    const date = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2090-12-31') }).map(fromDayNumber);
    const period = fc.oneof(fc.integer({ min: 1, max: 36 }).map(months), fc.integer({ min: 1, max: 400 }).map(days));
    fc.assert(
      fc.property(date, period, (end, p) => {
        // Reference: walk back from the end, one day at a time, to the first day whose notice lands on or before it.
        let d = end;
        while (noticeTakesEffect(d, p) > end) d = addDays(d, -1);
        expect(noticeDeadline(end, p)).toBe(d);
        expect(noticeTakesEffect(addDays(d, 1), p) > end).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('key dates as of a day', () => {
  const yearly = { initialTermEnd: '2027-03-31', renewal: { kind: 'automatic' as const, months: 12 }, notice: months(3) };

  it('before the deadline: renews unless notice is given by it', () => {
    const k = keyDates(yearly, '2026-12-04');
    expect(k).toMatchObject({ state: 'renews-unless-notice', termEnd: '2027-03-31', renewsOn: '2027-04-01', noticeDeadline: '2026-12-31', renewalsSoFar: 0 });
    expect(keyDatesInWords(yearly, k, '2026-12-04')).toBe('Renews automatically on 1 April 2027 for 12 months unless notice is given by 31 December 2026.');
  });

  it('after the deadline of the running term: the renewal is locked in, the next chance is named', () => {
    const k = keyDates(yearly, '2027-02-01');
    expect(k.noticeDeadline).toBe('2026-12-31');
    expect(keyDatesInWords(yearly, k, '2027-02-01')).toBe(
      'Renews automatically on 1 April 2027 for 12 months: the notice deadline, 31 December 2026, has passed. The next chance: notice by 31 December 2027 ends it on 31 March 2028.',
    );
  });

  it('a renewal that already happened moves the term on', () => {
    const k = keyDates(yearly, '2027-06-15');
    expect(k).toMatchObject({ state: 'renews-unless-notice', termEnd: '2028-03-31', renewsOn: '2028-04-01', noticeDeadline: '2027-12-31', renewalsSoFar: 1 });
  });

  it('terms ending on a month end stay on month ends through leap years', () => {
    expect([0, 1, 2].map((k) => termEnd('2027-02-28', 12, k))).toEqual(['2027-02-28', '2028-02-29', '2029-02-28']);
    expect([0, 1].map((k) => termEnd('2027-01-15', 1, k))).toEqual(['2027-01-15', '2027-02-15']);
  });

  it('a contract with no renewal ends, and has nothing to give notice for', () => {
    const c = { initialTermEnd: '2027-03-31', renewal: { kind: 'none' as const }, notice: months(3) };
    expect(keyDates(c, '2026-12-04')).toMatchObject({ state: 'ends', termEnd: '2027-03-31', renewsOn: null, noticeDeadline: null });
    expect(keyDates(c, '2027-04-01').state).toBe('ended');
    expect(keyDatesInWords(c, keyDates(c, '2026-12-04'), '2026-12-04')).toBe('Ends on 31 March 2027; it does not renew.');
  });

  it('a renewal by option ends unless the option is taken up by the deadline', () => {
    const c = { initialTermEnd: '2027-03-31', renewal: { kind: 'option' as const, months: 24 }, notice: days(60) };
    const k = keyDates(c, '2026-12-04');
    expect(k).toMatchObject({ state: 'ends-unless-renewed', noticeDeadline: '2027-01-30' });
  });

  it('notice given before a deadline ends the contract at that term', () => {
    const c = { ...yearly, noticeGivenOn: '2027-11-20' };
    expect(keyDates(c, '2027-12-01')).toMatchObject({ state: 'ending-by-notice', termEnd: '2028-03-31' });
    expect(keyDates(c, '2028-04-02').state).toBe('ended');
  });

  it('without a term end there is nothing to compute', () => {
    expect(keyDates({ initialTermEnd: null, renewal: { kind: 'automatic', months: 12 }, notice: months(1) }, '2026-12-04').state).toBe('open-ended');
  });
});

describe('the decide-by date', () => {
  const weekdays = (d: string) => isoWeekday(d) <= 5;
  it('moves a weekend deadline back to Friday, then back by the lead time onto a business day', () => {
    // 31 January 2027 is a Sunday.
    expect(decideBy('2027-01-31', 0, weekdays)).toBe('2027-01-29');
    expect(decideBy('2027-01-31', 14, weekdays)).toBe('2027-01-15');
    // 14 days before Friday 29 January is Friday 15 January; 15 days is Thursday 14 January.
    expect(decideBy('2027-01-31', 15, weekdays)).toBe('2027-01-14');
  });
  it('skips holidays too', () => {
    const holidays = new Set(['2026-12-31', '2026-12-30']);
    expect(decideBy('2026-12-31', 0, (d) => weekdays(d) && !holidays.has(d))).toBe('2026-12-29');
  });
  it('keeps the date when the calendar has no working day at all', () => {
    expect(decideBy('2027-01-31', 0, () => false)).toBe('2027-01-31');
  });
});

describe('civil dates', () => {
  it('round-trip day numbers for every day of four centuries', () => {
    for (let n = toDayNumber('1900-01-01'); n <= toDayNumber('2300-12-31'); n += 1) {
      if (toDayNumber(fromDayNumber(n)) !== n) throw new Error(`day ${n}`);
    }
    expect(civil(2028, 2, daysInMonth(2028, 2))).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });
});
