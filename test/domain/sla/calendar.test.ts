import { describe, expect, it } from 'vitest';
import { CALENDAR_24X7, CalendarError, businessMs, businessReading, compileCalendar } from '../../../src/domain/sla/calendar.ts';
import { addBusinessMs, instantAtReading, workingIntervals } from '../../../src/domain/sla/calendar-queries.ts';
import { BERLIN, H, MIN, utc } from './fixtures.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describe('businessMs — worked examples', () => {
  const cal = compileCalendar(BERLIN);

  it('Friday 16:30 to Tuesday 09:30 over Whit Monday is one business hour', () => {
    // Fri 2024-05-17 16:30 CEST = 14:30Z; Mon 05-20 is a holiday; Tue 09:30 CEST = 07:30Z.
    expect(businessMs(cal, utc('2024-05-17T14:30:00Z'), utc('2024-05-21T07:30:00Z'))).toBe(1 * H);
  });

  it('counts local working hours across the spring DST change (Easter 2024)', () => {
    // Thu 16:00 CET (15:00Z) → Tue 10:00 CEST (08:00Z); Good Friday and Easter Monday off.
    // A fixed +01:00 offset would see Tuesday 09:00 CET = 10:00 CEST and count 1 h, not 2.
    expect(businessMs(cal, utc('2024-03-28T15:00:00Z'), utc('2024-04-02T08:00:00Z'))).toBe(2 * H);
  });

  it('counts local working hours across the autumn DST change', () => {
    // Fri 2024-10-25 16:00 CEST (14:00Z) → Mon 10-28 10:00 CET (09:00Z): 67 h elapsed, 2 h business.
    expect(businessMs(cal, utc('2024-10-25T14:00:00Z'), utc('2024-10-28T09:00:00Z'))).toBe(2 * H);
  });

  it('is 0 for empty, reversed or NaN ranges', () => {
    const t = utc('2024-05-21T08:00:00Z');
    expect(businessMs(cal, t, t)).toBe(0);
    expect(businessMs(cal, t + H, t)).toBe(0);
    expect(businessMs(cal, Number.NaN, t)).toBe(0);
  });

  it('works in half-hour offset zones (Asia/Kolkata)', () => {
    const kolkata = compileCalendar({ ...BERLIN, timeZone: 'Asia/Kolkata', holidays: [] });
    // Mon 2024-06-03 09:00 IST = 03:30Z.
    expect(workingIntervals(kolkata, utc('2024-06-03T00:00:00Z'), utc('2024-06-04T00:00:00Z')).map(([s]) => iso(s))).toEqual([
      '2024-06-03T03:30:00.000Z',
    ]);
  });
});

describe('DST edge rules (real elapsed time)', () => {
  const night = (zone: string, from: string, to: string) => compileCalendar({ timeZone: zone, week: { 7: [{ from, to }] } });
  const spans = (spec: ReturnType<typeof night>, day: string) =>
    workingIntervals(spec, utc(`${day}T00:00:00Z`) - 24 * H, utc(`${day}T00:00:00Z`) + 48 * H).map(([s, e]) => [iso(s), iso(e), (e - s) / H]);

  it('a 00:00–06:00 Sunday shift lasts 5 h on the spring night and 7 h on the autumn night (Berlin)', () => {
    const cal = night('Europe/Berlin', '00:00', '06:00');
    expect(spans(cal, '2024-03-31')).toEqual([['2024-03-30T23:00:00.000Z', '2024-03-31T04:00:00.000Z', 5]]);
    expect(spans(cal, '2024-10-27')).toEqual([['2024-10-26T22:00:00.000Z', '2024-10-27T05:00:00.000Z', 7]]);
  });

  it('an interval starting in the spring-forward gap starts at the first valid instant', () => {
    // 02:30 does not exist on 2024-03-31 in Berlin; 03:00 CEST = 01:00Z is the first valid instant.
    expect(spans(night('Europe/Berlin', '02:30', '04:00'), '2024-03-31')).toEqual([['2024-03-31T01:00:00.000Z', '2024-03-31T02:00:00.000Z', 1]]);
    // Entirely inside the gap: no working time at all.
    expect(spans(night('Europe/Berlin', '02:10', '02:50'), '2024-03-31')).toEqual([]);
  });

  it('an ambiguous start uses the earlier offset, an ambiguous end the later one', () => {
    // 02:30 CEST = 00:30Z; 04:00 CET = 03:00Z: 2.5 real hours.
    expect(spans(night('Europe/Berlin', '02:30', '04:00'), '2024-10-27')).toEqual([['2024-10-27T00:30:00.000Z', '2024-10-27T03:00:00.000Z', 2.5]]);
    // New York: 01:30 EDT = 05:30Z to 03:00 EST = 08:00Z.
    expect(spans(night('America/New_York', '01:30', '03:00'), '2024-11-03')).toEqual([['2024-11-03T05:30:00.000Z', '2024-11-03T08:00:00.000Z', 2.5]]);
  });

  it('handles Lord Howe’s 30-minute DST', () => {
    const cal = night('Australia/Lord_Howe', '00:00', '06:00');
    // 2024-04-07: +11:00 → +10:30, the shift lasts 6.5 h; 2024-10-06: +10:30 → +11:00, 5.5 h.
    expect(spans(cal, '2024-04-07')).toEqual([['2024-04-06T13:00:00.000Z', '2024-04-06T19:30:00.000Z', 6.5]]);
    expect(spans(cal, '2024-10-06')).toEqual([['2024-10-05T13:30:00.000Z', '2024-10-05T19:00:00.000Z', 5.5]]);
  });
});

describe('addBusinessMs', () => {
  const cal = compileCalendar(BERLIN);

  it('skips the weekend and the holiday', () => {
    // Fri 16:30 CEST + 1 h → 30 min on Friday, then Tue 09:30 CEST (07:30Z).
    expect(iso(addBusinessMs(cal, utc('2024-05-17T14:30:00Z'), H))).toBe('2024-05-21T07:30:00.000Z');
  });

  it('is due at 17:00 when the target runs out exactly at closing time, not next morning', () => {
    expect(iso(addBusinessMs(cal, utc('2024-06-03T14:00:00Z'), H))).toBe('2024-06-03T15:00:00.000Z');
  });

  it('starts at the next opening when started outside working hours', () => {
    // Sat 2024-06-01 → Mon 09:00 CEST + 30 min.
    expect(iso(addBusinessMs(cal, utc('2024-06-01T10:00:00Z'), 30 * MIN))).toBe('2024-06-03T07:30:00.000Z');
    expect(addBusinessMs(cal, utc('2024-06-01T10:00:00Z'), 0)).toBe(utc('2024-06-01T10:00:00Z'));
  });

  it('grows the table on demand for far targets and far instants', () => {
    const t = addBusinessMs(cal, utc('2024-06-03T07:00:00Z'), 5000 * H);
    expect(businessMs(cal, utc('2024-06-03T07:00:00Z'), t)).toBe(5000 * H);
    const before = businessMs(cal, utc('2024-06-03T07:00:00Z'), utc('2024-06-04T07:00:00Z'));
    expect(businessMs(cal, utc('2001-01-01T00:00:00Z'), utc('2039-12-31T00:00:00Z'))).toBeGreaterThan(0);
    expect(businessMs(cal, utc('2024-06-03T07:00:00Z'), utc('2024-06-04T07:00:00Z'))).toBe(before);
    expect(cal.n).toBeLessThan(40 * 262);
  });

  it('keeps business readings comparable when the table grows backwards', () => {
    const fresh = compileCalendar(BERLIN);
    const a = utc('2024-06-03T07:00:00Z');
    const ra = businessReading(fresh, a);
    expect(businessMs(fresh, utc('2001-01-01T00:00:00Z'), a)).toBeGreaterThan(0); // grows 23 years back
    expect(businessReading(fresh, utc('2024-06-05T07:00:00Z')) - ra).toBe(16 * H);
    expect(instantAtReading(fresh, ra + 9 * H)).toBe(utc('2024-06-04T08:00:00Z')); // Tue 10:00 CEST
  });

  it('returns Infinity when the calendar never works', () => {
    const never = compileCalendar({ timeZone: 'UTC', week: {} });
    expect(addBusinessMs(never, 0 + utc('2024-01-01T00:00:00Z'), H)).toBe(Infinity);
    expect(businessMs(never, utc('2024-01-01T00:00:00Z'), utc('2024-02-01T00:00:00Z'))).toBe(0);
  });
});

describe('24×7 and validation', () => {
  it('the 24×7 preset is elapsed time', () => {
    const cal = compileCalendar(CALENDAR_24X7);
    expect(cal.always).toBe(true);
    expect(businessMs(cal, utc('2024-03-30T11:00:00Z'), utc('2024-03-31T10:00:00Z'))).toBe(23 * H);
    expect(addBusinessMs(cal, 1000, 5)).toBe(1005);
  });

  it('merges overlapping and touching intervals', () => {
    const cal = compileCalendar({
      timeZone: 'UTC',
      week: { 1: [{ from: '13:00', to: '17:00' }, { from: '08:00', to: '12:00' }, { from: '11:00', to: '13:00' }] },
    });
    expect(workingIntervals(cal, utc('2024-06-03T00:00:00Z'), utc('2024-06-04T00:00:00Z'))).toEqual([
      [utc('2024-06-03T08:00:00Z'), utc('2024-06-03T17:00:00Z')],
    ]);
  });

  it('rejects bad definitions with the field named', () => {
    expect(() => compileCalendar({ timeZone: 'Mars/Olympus', week: {} })).toThrow(/timeZone/);
    expect(() => compileCalendar({ timeZone: 'UTC', week: { 1: [{ from: '9:00', to: '17:00' }] } })).toThrow(/week\.1\[0\]\.from/);
    expect(() => compileCalendar({ timeZone: 'UTC', week: { 2: [{ from: '22:00', to: '06:00' }] } })).toThrow(CalendarError);
    expect(() => compileCalendar({ timeZone: 'UTC', week: {}, holidays: ['2024-02-30'] })).toThrow(/holidays\[0\]/);
  });

  it('refuses instants outside 1900–2199 instead of compiling centuries', () => {
    const cal = compileCalendar(BERLIN);
    expect(() => businessMs(cal, utc('1800-01-01T00:00:00Z'), utc('2024-01-01T00:00:00Z'))).toThrow(RangeError);
  });
});
