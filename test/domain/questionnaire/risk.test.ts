import { describe, expect, it } from 'vitest';
import {
  type CriticalityTier,
  DATA_ACCESS_LEVELS,
  RISK_LEVELS,
  addMonths,
  inherentRisk,
  nextReviewDate,
} from '../../../src/domain/questionnaire/risk.ts';
import { DATA_ACCESS, TIERS } from '../../../src/shared/contracts/vendors.ts';

describe('inherentRisk', () => {
  it.each([
    [1, 'personal_data', 'critical', 16, 6],
    [1, 'special_category_personal_data', 'critical', 20, 6],
    [1, 'none', 'medium', 4, 24],
    [1, 'internal', 'high', 8, 12],
    [2, 'confidential', 'high', 9, 12],
    [2, 'special_category_personal_data', 'critical', 15, 6],
    [2, 'none', 'low', 3, 36],
    [3, 'internal', 'medium', 4, 24],
    [3, 'personal_data', 'high', 8, 12],
    [4, 'confidential', 'low', 3, 36],
    [4, 'personal_data', 'medium', 4, 24],
    [4, 'special_category_personal_data', 'high', 5, 12],
  ] as const)('tier %i with %s data → %s (score %i, every %i months)', (tier, access, level, score, months) => {
    expect(inherentRisk(tier, access)).toEqual({ level, score, reviewEveryMonths: months });
  });

  it('never lowers the level for a more critical tier or more sensitive data', () => {
    const rank = (t: CriticalityTier, i: number) => RISK_LEVELS.indexOf(inherentRisk(t, DATA_ACCESS_LEVELS[i]).level);
    for (const t of [1, 2, 3, 4] as const) {
      for (let i = 1; i < DATA_ACCESS_LEVELS.length; i++) expect(rank(t, i)).toBeGreaterThanOrEqual(rank(t, i - 1));
      if (t > 1) for (let i = 0; i < DATA_ACCESS_LEVELS.length; i++) expect(rank((t - 1) as CriticalityTier, i)).toBeGreaterThanOrEqual(rank(t, i));
    }
  });

  it('uses the same tiers and data-access values as the vendor record, and refuses others', () => {
    expect([...DATA_ACCESS_LEVELS]).toEqual([...DATA_ACCESS]);
    expect([...TIERS]).toEqual([1, 2, 3, 4]);
    expect(() => inherentRisk(5 as CriticalityTier, 'none')).toThrow(RangeError);
    expect(() => inherentRisk(1, 'secret' as never)).toThrow('Unknown data access "secret"');
  });
});

describe('nextReviewDate', () => {
  const every = (reviewEveryMonths: number) => ({ reviewEveryMonths });
  it.each([
    [null, 6, '2025-03-10', '2025-03-10'],
    ['2024-01-15', 6, '2024-03-01', '2024-07-15'],
    ['2024-08-31', 6, '2024-09-01', '2025-02-28'],
    ['2023-08-31', 6, '2023-09-01', '2024-02-29'],
    ['2024-02-29', 12, '2024-03-01', '2025-02-28'],
    ['2024-11-30', 36, '2024-12-01', '2027-11-30'],
    // Overdue: the due date stays in the past so the UI can say by how much.
    ['2020-05-01', 12, '2025-01-01', '2021-05-01'],
  ])('last %s, every %i months, today %s → %s', (last, months, today, expected) => {
    expect(nextReviewDate(last, every(months), today)).toBe(expected);
  });

  it('takes the interval from inherentRisk', () => {
    expect(nextReviewDate('2024-03-31', inherentRisk(1, 'personal_data'), '2024-04-01')).toBe('2024-09-30');
    expect(nextReviewDate('2024-03-31', inherentRisk(4, 'none'), '2024-04-01')).toBe('2027-03-31');
  });

  it('refuses malformed dates', () => {
    expect(() => nextReviewDate('2024-02-30', every(6), '2024-03-01')).toThrow(RangeError);
    expect(() => nextReviewDate(null, every(6), '01/03/2024')).toThrow('today must be a date as YYYY-MM-DD');
    expect(addMonths('2024-12-15', 1)).toBe('2025-01-15');
    expect(addMonths('2024-01-31', -2)).toBe('2023-11-30');
  });
});
