import { describe, expect, it } from 'vitest';
import { DEFAULT_MATRIX, aboveAppetite, annualLoss, heatMap, levelOf, scaled, validateMatrix, type RiskMatrix } from '../../../src/domain/risk/matrix.ts';

const three: RiskMatrix = {
  size: 3,
  likelihoodLabels: ['Low', 'Medium', 'High'],
  impactLabels: ['Minor', 'Serious', 'Severe'],
  levels: [
    { label: 'Acceptable', color: 'green' },
    { label: 'Watch', color: 'yellow' },
    { label: 'Act', color: 'red' },
  ],
  // Not likelihood × impact: a severe impact is "act" even when unlikely (an ISO 27005-style lookup).
  grid: [
    [0, 1, 2],
    [0, 1, 2],
    [1, 2, 2],
  ],
  appetite: 0,
};

describe('risk matrix', () => {
  it('reads the level from the lookup grid, not from the product', () => {
    expect(levelOf(three, { likelihood: 1, impact: 3 })).toBe(2);
    expect(levelOf(three, { likelihood: 3, impact: 1 })).toBe(1);
    expect(aboveAppetite(three, { likelihood: 1, impact: 1 })).toBe(false);
    expect(aboveAppetite(three, { likelihood: 2, impact: 2 })).toBe(true);
    expect(levelOf(DEFAULT_MATRIX, { likelihood: 5, impact: 5 })).toBe(3);
  });

  it('refuses a grid that names no level or has the wrong size, naming the field', () => {
    expect(() => validateMatrix({ ...three, grid: [[0, 1, 2], [0, 1, 9], [1, 2, 2]] })).toThrow(/likelihood "Medium" and impact "Severe"/);
    expect(() => validateMatrix({ ...three, size: 4 })).toThrow(/4 likelihood labels/);
    expect(() => validateMatrix({ ...three, appetite: 3 })).toThrow(/appetite/);
    expect(validateMatrix(three)).toBe(three);
  });

  it('scales a rule suggestion on five to a smaller matrix', () => {
    expect([1, 2, 3, 4, 5].map((v) => scaled(three, v))).toEqual([1, 1, 2, 2, 3]);
    expect(scaled(DEFAULT_MATRIX, 4)).toBe(4);
  });

  it('works out a rough annual loss from the money band and the chance per year', () => {
    // Impact "Serious" = €250,000.00; likelihood "Medium" = 10 % a year → €25,000.00 a year.
    const m = validateMatrix({ ...three, loss: { currency: 'EUR', impactMinor: [1_000_000, 25_000_000, 200_000_000], likelihoodPct: [2, 10, 50] } });
    expect(annualLoss(m, { likelihood: 2, impact: 2 })).toEqual({ amountMinor: 2_500_000, currency: 'EUR' });
    // "High" (50 %) × "Severe" (€2,000,000.00) → €1,000,000.00; "Low" (2 %) × "Minor" (€10,000.00) → €200.00.
    expect(annualLoss(m, { likelihood: 3, impact: 3 })).toEqual({ amountMinor: 100_000_000, currency: 'EUR' });
    expect(annualLoss(m, { likelihood: 1, impact: 1 })).toEqual({ amountMinor: 20_000, currency: 'EUR' });
    expect(annualLoss(three, { likelihood: 1, impact: 1 })).toBeNull();
    expect(() => validateMatrix({ ...three, loss: { currency: 'EUR', impactMinor: [1, 2], likelihoodPct: [1, 2, 3] } })).toThrow(/3 amounts/);
    expect(() => validateMatrix({ ...three, loss: { currency: 'EUR', impactMinor: [1, 2, 3], likelihoodPct: [1, 2, 300] } })).toThrow(/0 to 100/);
  });

  it('counts risks per cell, inherent and residual apart', () => {
    const m = heatMap(three, [
      { inherent: { likelihood: 3, impact: 3 }, residual: { likelihood: 1, impact: 3 } },
      { inherent: { likelihood: 3, impact: 3 }, residual: { likelihood: 3, impact: 3 } },
    ]);
    expect(m.inherent[2][2]).toBe(2);
    expect(m.residual[0][2]).toBe(1);
    expect(m.residual[2][2]).toBe(1);
  });
});
