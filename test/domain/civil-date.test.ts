import { describe, expect, it } from 'vitest';
import { dayInWords, monthInWords, monthRangeInWords } from '../../src/domain/civil-date.ts';

describe('dates in words', () => {
  it('names a day and a month as people write them', () => {
    expect(dayInWords('2026-09-30')).toBe('30 September 2026');
    expect(monthInWords('2026-11')).toBe('November 2026');
    expect(monthInWords('2027-01')).toBe('January 2027');
  });

  it('names a range of months once per year, and a single month alone', () => {
    expect(monthRangeInWords('2026-01', '2026-11')).toBe('January – November 2026');
    expect(monthRangeInWords('2025-11', '2026-02')).toBe('November 2025 – February 2026');
    expect(monthRangeInWords('2026-12', '2026-12')).toBe('December 2026');
  });
});
