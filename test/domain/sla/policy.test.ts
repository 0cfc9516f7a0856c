import { describe, expect, it } from 'vitest';
import { compileCalendar, CALENDAR_24X7 } from '../../../src/domain/sla/calendar.ts';
import { hours, minutes, validatePolicy, type SlaPolicy } from '../../../src/domain/sla/policy.ts';

const good: SlaPolicy = {
  calendarId: 'cal',
  priorities: { P1: { response: { ms: minutes(15), clock: 'calendar' }, resolution: { ms: hours(4), clock: 'business' }, monthlyAttainment: 0.95 } },
  pauseStatuses: ['Awaiting User Info'],
  resolvedStatuses: ['Resolved', 'Closed'],
  availability: { target: 0.999, credits: [{ shortfallOver: 0, creditPct: 10 }] },
  creditCapPct: 20,
  monthlyFeeMinor: 100_000,
};

describe('validatePolicy', () => {
  it('accepts a sound policy', () => {
    expect(validatePolicy(good, { cal: compileCalendar(CALENDAR_24X7) })).toEqual([]);
  });

  it('names every bad field', () => {
    const bad: SlaPolicy = {
      ...good,
      calendarId: 'nope',
      priorities: { P1: { response: { ms: -1, clock: 'calendar' }, monthlyAttainment: 95 } },
      pauseStatuses: ['resolved'],
      availability: { target: 1.5, credits: [{ shortfallOver: 0, creditPct: 150 }] },
      creditCapPct: 120,
      monthlyFeeMinor: 10.5,
    };
    expect(validatePolicy(bad, {})).toEqual([
      'calendarId: no calendar "nope"',
      'priorities.P1.response.ms: expected ms ≥ 0',
      'priorities.P1.monthlyAttainment: expected a fraction in [0, 1], got 95',
      'pauseStatuses: "resolved" is also a resolved status',
      'availability.target: expected a fraction in [0, 1], got 1.5',
      'availability.credits[0].creditPct: expected 0–100',
      'creditCapPct: expected 0–100',
      'monthlyFeeMinor: expected a non-negative integer (minor currency units)',
    ]);
  });
});
