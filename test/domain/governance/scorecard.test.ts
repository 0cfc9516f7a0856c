import { describe, expect, it } from 'vitest';
import { quarterBounds, quarterOf, scoreOf } from '../../../src/domain/governance/scorecard.ts';

describe('scorecard', () => {
  it('weights the measured criteria: SLA 40 × 0.95, deliverables 30 × 0.5, actions 20 × 1, reports 10 × 0.75 = 80.5', () => {
    const s = scoreOf([
      { key: 'sla', weight: 40, value: 0.95 },
      { key: 'deliverables', weight: 30, value: 0.5 },
      { key: 'actions', weight: 20, value: 1 },
      { key: 'reports', weight: 10, value: 0.75 },
    ]);
    // (38 + 15 + 20 + 7.5) / 100
    expect(s).toEqual({ score: 80.5, weightCounted: 100, weightTotal: 100 });
  });

  it('leaves out what could not be measured: without deliverables, (38 + 20 + 7.5) / 70 = 93.6', () => {
    const s = scoreOf([
      { key: 'sla', weight: 40, value: 0.95 },
      { key: 'deliverables', weight: 30, value: null },
      { key: 'actions', weight: 20, value: 1 },
      { key: 'reports', weight: 10, value: 0.75 },
    ]);
    expect(s).toEqual({ score: 93.6, weightCounted: 70, weightTotal: 100 });
    expect(scoreOf([{ key: 'sla', weight: 40, value: null }]).score).toBeNull();
  });

  it('quarters: bounds and the quarter of a date', () => {
    expect(quarterBounds('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31', months: ['2026-01', '2026-02', '2026-03'] });
    expect(quarterBounds('2028-Q1').to).toBe('2028-03-31');
    expect(quarterBounds('2026-Q4').to).toBe('2026-12-31');
    expect(quarterOf('2026-12-04')).toBe('2026-Q4');
  });
});
