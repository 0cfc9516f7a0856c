import { describe, expect, it } from 'vitest';
import { cadenceHealth, nextOccurrences, occurrencesBetween, validateCadence } from '../../../src/domain/governance/cadence.ts';
import { wallClock } from '../../../src/domain/governance/overlap.ts';

const weekly = { rrule: 'FREQ=WEEKLY;BYDAY=TU', startsOn: '2026-01-06', startTime: '10:00', timeZone: 'Europe/Berlin' };
const iso = (ms: number) => new Date(ms).toISOString();

describe('meeting cadences', () => {
  it('a Tuesday 10:00 Berlin meeting stays at 10:00 in Berlin across the spring change and moves for Bangalore and New York', () => {
    const next = nextOccurrences(weekly, Date.parse('2026-03-20T00:00:00Z'), 3);
    expect(next.map((o) => o.date)).toEqual(['2026-03-24', '2026-03-31', '2026-04-07']);
    // 24 March: Berlin still on CET (UTC+1); 31 March: CEST (UTC+2) since Sunday 29 March.
    expect(next.map((o) => iso(o.startMs))).toEqual(['2026-03-24T09:00:00.000Z', '2026-03-31T08:00:00.000Z', '2026-04-07T08:00:00.000Z']);
    expect(next.map((o) => wallClock(o.startMs, 'Europe/Berlin'))).toEqual(['10:00', '10:00', '10:00']);
    expect(next.map((o) => wallClock(o.startMs, 'Asia/Kolkata'))).toEqual(['14:30', '13:30', '13:30']);
    // New York moved on 8 March already: 05:00 then 04:00 there.
    expect(next.map((o) => wallClock(o.startMs, 'America/New_York'))).toEqual(['05:00', '04:00', '04:00']);
  });

  it('and back across the autumn change (Berlin 25 October, New York 1 November)', () => {
    const next = nextOccurrences(weekly, Date.parse('2026-10-19T00:00:00Z'), 3);
    expect(next.map((o) => iso(o.startMs))).toEqual(['2026-10-20T08:00:00.000Z', '2026-10-27T09:00:00.000Z', '2026-11-03T09:00:00.000Z']);
    expect(next.map((o) => wallClock(o.startMs, 'America/New_York'))).toEqual(['04:00', '05:00', '04:00']);
  });

  it('a monthly review on the first Thursday and a quarterly review on the second Wednesday of every third month', () => {
    const monthly = { ...weekly, rrule: 'FREQ=MONTHLY;BYDAY=+1TH' };
    expect(nextOccurrences(monthly, Date.parse('2026-01-02T00:00:00Z'), 3).map((o) => o.date)).toEqual(['2026-02-05', '2026-03-05', '2026-04-02']);
    const quarterly = { ...weekly, rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=+2WE', startsOn: '2026-01-01' };
    expect(nextOccurrences(quarterly, Date.parse('2026-01-01T00:00:00Z'), 4).map((o) => o.date)).toEqual(['2026-01-14', '2026-04-08', '2026-07-08', '2026-10-14']);
  });

  it('nothing before the first date; occurrences in a window', () => {
    expect(nextOccurrences({ ...weekly, startsOn: '2026-05-01' }, Date.parse('2026-01-01T00:00:00Z'), 1)[0].date).toBe('2026-05-05');
    expect(occurrencesBetween(weekly, Date.parse('2026-02-01T00:00:00Z'), Date.parse('2026-03-01T00:00:00Z')).map((o) => o.date)).toEqual(['2026-02-03', '2026-02-10', '2026-02-17', '2026-02-24']);
  });

  it('refuses what is not a cadence, naming the field', () => {
    expect(() => validateCadence({ ...weekly, rrule: 'FREQ=HOURLY' })).toThrow(/repeats daily, weekly/);
    expect(() => validateCadence({ ...weekly, rrule: 'nonsense' })).toThrow(/not a recurrence rule/);
    expect(() => validateCadence({ ...weekly, timeZone: 'Mars/Olympus' })).toThrow(/not a time zone/);
    expect(() => validateCadence({ ...weekly, startTime: '25:00' })).toThrow(/HH:MM/);
  });

  it('cadence health: held, moved, skipped and missed; decaying when fewer than half were held', () => {
    const due = ['2026-02-03', '2026-02-10', '2026-02-17', '2026-02-24'];
    // 10 Feb held a day late (11th) counts; 17 skipped; 24 nothing recorded.
    const h = cadenceHealth(due, [
      { date: '2026-02-03', status: 'held' },
      { date: '2026-02-11', status: 'held' },
      { date: '2026-02-17', status: 'skipped' },
    ]);
    expect(h).toEqual({ expected: 4, held: 2, skipped: ['2026-02-17'], missed: ['2026-02-24'], decaying: false });
    expect(cadenceHealth(due, [{ date: '2026-02-03', status: 'held' }]).decaying).toBe(true);
  });
});
