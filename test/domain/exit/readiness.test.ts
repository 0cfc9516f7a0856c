import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, drillDecay, drillOutcome, FACTORS, readiness, validateWeights, type ReadinessInput } from '../../../src/domain/exit/readiness.ts';

const TODAY = '2026-12-04';
/** Nothing at all: no plan, no clause, no assets, no runbooks, no skills, no drill. */
const NOTHING: ReadinessInput = { today: TODAY, plan: null, clause: null, assets: [], runbooks: [], skills: [], backupOwners: 0, lastDrill: null, dataExport: null };
/** Everything in order: every factor earns full credit. */
const EVERYTHING: ReadinessInput = {
  today: TODAY,
  plan: { reviewedOn: '2026-06-01', target: 'vendor', alternativeName: 'Northwind Hosting' },
  clause: 'present',
  assets: [{ holder: 'client', clientAdminAccess: true, lastVerifiedOn: '2026-11-01' }],
  runbooks: [{ lastReviewedOn: '2026-03-01' }],
  skills: [{ coverage: 'can_run' }],
  backupOwners: 1,
  lastDrill: { heldOn: '2026-11-20', results: ['done', 'done'] },
  dataExport: { heldOn: '2026-11-20', result: 'done' },
};

describe('exit readiness', () => {
  it('is 0 with nothing and 100 with everything, and the default weights add up to 100', () => {
    expect(FACTORS.reduce((s, k) => s + DEFAULT_WEIGHTS[k], 0)).toBe(100);
    expect(readiness(NOTHING).score).toBe(0);
    expect(readiness(EVERYTHING).score).toBe(100);
  });

  it('moves by exactly the weight of each factor alone', () => {
    const alone: Record<string, Partial<ReadinessInput>> = {
      plan: { plan: { reviewedOn: '2026-01-10', target: 'in_house', alternativeName: null } },
      clause: { clause: 'present' },
      assets: { assets: [{ holder: 'shared', clientAdminAccess: true, lastVerifiedOn: '2026-12-01' }] },
      documentation: { runbooks: [{ lastReviewedOn: '2026-02-01' }] },
      skills: { skills: [{ coverage: 'can_run' }, { coverage: 'can_run' }] },
      drill: { lastDrill: { heldOn: '2026-10-01', results: ['done'] } },
      data_export: { dataExport: { heldOn: '2026-10-01', result: 'done' } },
    };
    for (const [key, part] of Object.entries(alone)) {
      const r = readiness({ ...NOTHING, ...part });
      const f = r.factors.find((x) => x.key === key)!;
      expect(f.credit, key).toBe(1);
      // A plan in-house without a backup owner also earns half the "alternative" factor (5 × ½ = 2.5, rounded up to 3).
      expect(r.score, key).toBe(DEFAULT_WEIGHTS[key as keyof typeof DEFAULT_WEIGHTS] + (key === 'plan' ? 3 : 0));
    }
    // The alternative alone: a named vendor needs a plan, so plan (15) + alternative (5) = 20.
    expect(readiness({ ...NOTHING, plan: { reviewedOn: TODAY, target: 'vendor', alternativeName: 'Contoso' } }).score).toBe(20);
  });

  it('gives partial credit in worked examples', () => {
    // Assets: 4 recorded; one held by the vendor, one without admin access, one verified 400 days ago, one in order → 1/4 of 20 = 5.
    const assets = readiness({
      ...NOTHING,
      assets: [
        { holder: 'vendor', clientAdminAccess: true, lastVerifiedOn: '2026-12-01' },
        { holder: 'client', clientAdminAccess: false, lastVerifiedOn: '2026-12-01' },
        { holder: 'client', clientAdminAccess: true, lastVerifiedOn: '2025-10-30' },
        { holder: 'shared', clientAdminAccess: true, lastVerifiedOn: '2026-12-01' },
      ],
    });
    expect(assets.factors.find((f) => f.key === 'assets')).toMatchObject({ credit: 0.25, points: 5, explanation: '1 of 4 assets held by us or shared, with admin access verified within a year.' });
    expect(assets.score).toBe(5);
    // Skills: can run, basic, none → (1 + ½ + 0) / 3 = ½ of 15 = 7.5 → 8.
    expect(readiness({ ...NOTHING, skills: [{ coverage: 'can_run' }, { coverage: 'basic' }, { coverage: 'none' }] }).score).toBe(8);
    // A weak clause: half of 10.
    expect(readiness({ ...NOTHING, clause: 'weak' }).score).toBe(5);
    // A plan never reviewed: half of 15 = 7.5, plus in-house without backup owner ½ × 5 = 2.5 → 10.
    expect(readiness({ ...NOTHING, plan: { reviewedOn: null, target: 'in_house', alternativeName: null } }).score).toBe(10);
  });

  it('lets a drill’s credit fade after 90 days, to nothing 450 days after', () => {
    expect(drillDecay(0)).toBe(1);
    expect(drillDecay(90)).toBe(1);
    expect(drillDecay(270)).toBe(0.5);
    expect(drillDecay(450)).toBe(0);
    expect(drillDecay(900)).toBe(0);
    // Outcome: done, problem, not possible, done → (1 + ½ + 0 + 1) / 4 = 0.625.
    expect(drillOutcome(['done', 'problem', 'not_possible', 'done'])).toBe(0.625);
    // Held 270 days before 2026-12-04 (2026-03-09), all done: ½ × 15 = 7.5 → 8.
    const r = readiness({ ...NOTHING, lastDrill: { heldOn: '2026-03-09', results: ['done'] } });
    expect(r.factors.find((f) => f.key === 'drill')).toMatchObject({ credit: 0.5, points: 7.5 });
    expect(r.score).toBe(8);
    // The same drill with a failed step (one of two not possible), 10 days ago: ½ × 15 → 8; a fully done one → 15.
    expect(readiness({ ...NOTHING, lastDrill: { heldOn: '2026-11-24', results: ['done', 'not_possible'] } }).score).toBe(8);
    expect(readiness({ ...NOTHING, lastDrill: { heldOn: '2026-11-24', results: ['done', 'done'] } }).score).toBe(15);
  });

  it('reads the organisation’s weights, out of their own total', () => {
    // Only assets and drill count, 1 : 3. Assets full, drill nothing → 25.
    const w = { ...Object.fromEntries(FACTORS.map((k) => [k, 0])), assets: 1, drill: 3 } as typeof DEFAULT_WEIGHTS;
    expect(readiness({ ...NOTHING, assets: EVERYTHING.assets }, w).score).toBe(25);
    expect(() => validateWeights({ ...w, assets: 0, drill: 0 })).toThrow('At least one factor');
    expect(() => validateWeights({ ...w, drill: 101 })).toThrow('whole number from 0 to 100');
  });
});
