import { describe, expect, it } from 'vitest';
import { overlapThroughYear, overlapWeek, wallClock } from '../../../src/domain/governance/overlap.ts';
import type { CalendarSpec } from '../../../src/domain/sla/calendar.ts';

const hours = (zone: string, from: string, to: string): CalendarSpec => ({
  timeZone: zone,
  week: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ from, to }]])),
});
const berlin = hours('Europe/Berlin', '09:00', '17:00');
const bangalore = hours('Asia/Kolkata', '10:00', '19:00');
const newYork = hours('America/New_York', '09:00', '17:00');

describe('working-hours overlap', () => {
  it('Berlin 09–17 and Bangalore 10–19: 5.5 h a day in winter, 6.5 h in summer (Berlin moves, India does not)', () => {
    const winter = overlapWeek(berlin, bangalore, '2026-01-12', 'Europe/Berlin');
    expect(winter.hours).toBe(27.5);
    expect(winter.days[0].intervals.map(([s, e]) => `${wallClock(s, 'Europe/Berlin')}–${wallClock(e, 'Europe/Berlin')}`)).toEqual(['09:00–14:30']);
    expect(winter.days[5].hours).toBe(0);
    expect(overlapWeek(berlin, bangalore, '2026-06-15', 'Europe/Berlin').hours).toBe(32.5);
  });

  it('Berlin and New York: 2 h a day, 3 h in the weeks between the American and the European clock changes', () => {
    expect(overlapWeek(berlin, newYork, '2026-01-12', 'Europe/Berlin').hours).toBe(10);
    expect(overlapWeek(berlin, newYork, '2026-06-15', 'Europe/Berlin').hours).toBe(10);
    // USA moves on 8 March 2026, the EU on 29 March; back on 25 October (EU) and 1 November (USA).
    expect(overlapWeek(berlin, newYork, '2026-03-16', 'Europe/Berlin').hours).toBe(15);
    expect(overlapWeek(berlin, newYork, '2026-10-26', 'Europe/Berlin').hours).toBe(15);
  });

  it('Bangalore and New York barely meet: nothing in winter, half an hour a day in summer', () => {
    expect(overlapWeek(bangalore, newYork, '2026-01-12', 'Asia/Kolkata').hours).toBe(0);
    expect(overlapWeek(bangalore, newYork, '2026-06-15', 'Asia/Kolkata').hours).toBe(2.5);
  });

  it('through a year, the weeks where a clock change moves the overlap stand out as their own periods', () => {
    const y = overlapThroughYear(berlin, newYork, 2026, 'Europe/Berlin');
    expect(y.typicalHours).toBe(10);
    const odd = y.periods.filter((p) => p.hours !== 10);
    // Both changes fall on Sundays: three working weeks in March, one in autumn.
    expect(odd.map((p) => [p.from, p.to, p.hours])).toEqual([
      ['2026-03-09', '2026-03-29', 15],
      ['2026-10-26', '2026-11-01', 15],
    ]);
  });
});
