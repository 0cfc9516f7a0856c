/**
 * The run-rate forecast to the end of a fiscal year, and the alert when it (or the actual
 * already) exceeds the budget by more than the organisation's threshold. Pure and exact:
 * minor units; the run rate is the actual so far per elapsed month, carried over the months
 * left, rounded half up to a minor unit.
 */
export interface Forecast {
  currency: string;
  budgetMinor: number;
  actualMinor: number;
  /** Fiscal months elapsed (the current one counts), 0–12. */
  monthsElapsed: number;
  forecastMinor: number;
  /** 'actual_over': the actual already exceeds the budget; 'forecast_over': the forecast exceeds it by more than the threshold. */
  alert: 'actual_over' | 'forecast_over' | null;
}

export function runRateForecast(currency: string, budgetMinor: number, actualMinor: number, monthsElapsed: number, thresholdPct: number): Forecast {
  const left = 12 - monthsElapsed;
  const forecastMinor = monthsElapsed === 0 ? 0 : actualMinor + Math.floor((actualMinor * left * 2 + monthsElapsed) / (monthsElapsed * 2));
  // Over by more than the threshold: forecast × 100 > budget × (100 + threshold), in integers.
  const alert = budgetMinor > 0 && actualMinor > budgetMinor ? 'actual_over' : forecastMinor * 100 > budgetMinor * (100 + thresholdPct) ? 'forecast_over' : null;
  return { currency, budgetMinor, actualMinor, monthsElapsed, forecastMinor, alert };
}

/** How many months of fiscal year `months` (twelve YYYY-MM) have begun by `today` (YYYY-MM-DD). */
export function monthsElapsed(months: readonly string[], today: string): number {
  const m = today.slice(0, 7);
  if (m < months[0]) return 0;
  if (m > months[11]) return 12;
  return months.indexOf(m) + 1;
}
