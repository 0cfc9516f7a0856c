import { describe, expect, it } from 'vitest';
import { hoursOverlap } from '../../../src/domain/sourcing/overlap.ts';
import { evaluatePilot, pilotVerdict } from '../../../src/domain/sourcing/pilot.ts';

describe('pilot criteria', () => {
  it('shows each criterion met or not, and by how much', () => {
    const r = evaluatePilot({
      // 40 tickets, 3 breached: 92.5 % against 95 % → 2.5 points short.
      sla: { targetPct: 95, tickets: 40, breached: 3 },
      deliverables: {
        dueBy: '2026-11-30',
        items: [
          { name: 'Runbook', acceptedOn: '2026-11-20' },
          { name: 'Handover plan', acceptedOn: '2026-12-02' },
          { name: 'Access review', acceptedOn: null },
        ],
      },
      // EUR 18,000.00 ceiling, EUR 16,500.00 spent → EUR 1,500.00 under.
      budget: { ceilingMinor: 1_800_000, spentMinor: 1_650_000, currency: 'EUR' },
      scorecard: { threshold: 3.5, total: 3.725 },
    });
    expect(r.map((c) => [c.key, c.met, c.by])).toEqual([
      ['sla', false, '2.5 percentage points short of the target'],
      ['deliverables', false, '2 not accepted in time: Handover plan, Access review'],
      ['budget', true, '€1,500.00 under the ceiling'],
      ['scorecard', true, '0.23 above the threshold'],
    ]);
    expect(r[0].measured).toBe('92.5 % within SLA (37 of 40 tickets)');
    expect(pilotVerdict(r)).toBe('not_met');
  });

  it('says what cannot be measured instead of guessing', () => {
    const r = evaluatePilot({ sla: { targetPct: 90, tickets: 0, breached: 0 }, budget: { ceilingMinor: 100, spentMinor: 120, currency: 'EUR' } });
    expect(r[0]).toMatchObject({ met: null, measured: 'No tickets measured in the pilot period' });
    expect(r[1]).toMatchObject({ met: false, by: '€0.20 over the ceiling' });
    expect(pilotVerdict([r[0]])).toBe('open');
  });
});

describe('working-hours overlap', () => {
  it('shifts by the zones’ offsets: Berlin 09–17 against Bangalore 10–19 overlaps 09–14:30 Berlin', () => {
    const need = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', offsetMinutes: 60 };
    const vendor = { days: [1, 2, 3, 4, 5], start: '10:00', end: '19:00', offsetMinutes: 330 };
    // Bangalore 10:00–19:00 is 05:30–14:30 Berlin: 5.5 h a day of the needed 8 h.
    const o = hoursOverlap(need, vendor);
    expect(o.overlapMinutes).toBe(5 * 330);
    expect(o.neededMinutes).toBe(5 * 480);
    expect(o.share).toBeCloseTo(0.6875, 10);
  });

  it('wraps across the week: a Monday 00:00–04:00 Berlin need meets Sunday evening in New York', () => {
    const need = { days: [1], start: '00:00', end: '04:00', offsetMinutes: 60 };
    const vendor = { days: [7], start: '17:00', end: '23:00', offsetMinutes: -300 };
    // Sunday 17:00–23:00 New York = Sunday 23:00 – Monday 05:00 Berlin: the whole 4 h.
    expect(hoursOverlap(need, vendor).share).toBe(1);
  });
});
