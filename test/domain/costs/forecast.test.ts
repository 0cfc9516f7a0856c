import { describe, expect, it } from 'vitest';
import { monthsElapsed, runRateForecast } from '../../../src/domain/costs/forecast.ts';

describe('run-rate forecast', () => {
  it('carries the actual per elapsed month over the months left, and alerts past the threshold', () => {
    // €120,000.00 budget; €45,000.00 spent in 4 months → €11,250.00 a month → €135,000.00 by year end: 12.5 % over.
    expect(runRateForecast('EUR', 12_000_000, 4_500_000, 4, 10)).toEqual({ currency: 'EUR', budgetMinor: 12_000_000, actualMinor: 4_500_000, monthsElapsed: 4, forecastMinor: 13_500_000, alert: 'forecast_over' });
    // The same with a 15 % threshold: no alert.
    expect(runRateForecast('EUR', 12_000_000, 4_500_000, 4, 15).alert).toBeNull();
    // Exactly at the threshold (110 %) is not over it.
    expect(runRateForecast('EUR', 12_000_000, 4_400_000, 4, 10)).toMatchObject({ forecastMinor: 13_200_000, alert: null });
    // Rounded half up to a minor unit: 100 in 7 months → 100 + 500/7 (71.43 → 71); 101 in 8 months → 101 + 404/8 (50.5 → 51).
    expect(runRateForecast('EUR', 1_000, 100, 7, 10).forecastMinor).toBe(171);
    expect(runRateForecast('EUR', 1_000, 101, 8, 10).forecastMinor).toBe(152);
    // The actual already over the budget.
    expect(runRateForecast('EUR', 1_000, 1_001, 6, 10).alert).toBe('actual_over');
    // Nothing elapsed: no forecast.
    expect(runRateForecast('EUR', 1_000, 0, 0, 10)).toMatchObject({ forecastMinor: 0, alert: null });
  });

  it('counts the fiscal months begun', () => {
    const fy = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03'];
    expect(monthsElapsed(fy, '2026-03-31')).toBe(0);
    expect(monthsElapsed(fy, '2026-07-15')).toBe(4);
    expect(monthsElapsed(fy, '2027-04-01')).toBe(12);
  });
});
