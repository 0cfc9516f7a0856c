/**
 * Fiscal years, quantities and phasing for cost control: pure and exact (integers only).
 * A fiscal year is named by the calendar year it starts in: with a start in April, FY 2026
 * runs from April 2026 to March 2027.
 */
import { MONTH_NAMES, monthInWords } from '../civil-date.ts';

export const monthName = (m: number) => MONTH_NAMES[m - 1];
/** "2026-04" → "April 2026": the costs module's name for civil-date's monthInWords. */
export const monthLabel = monthInWords;

/** The twelve months (YYYY-MM) of fiscal year `year` starting in `startMonth` (1–12). */
export function fiscalMonths(year: number, startMonth: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const m0 = startMonth - 1 + i;
    const y = year + Math.floor(m0 / 12);
    return `${y}-${String((m0 % 12) + 1).padStart(2, '0')}`;
  });
}

/** The fiscal year a date (YYYY-MM-DD) falls in. */
export function fiscalYearOf(date: string, startMonth: number): number {
  const y = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= startMonth ? y : y - 1;
}

/** "FY 2026 (April 2026 – March 2027)", or "FY 2026 (January – December 2026)". */
export function fiscalYearLabel(year: number, startMonth: number): string {
  if (startMonth === 1) return `FY ${year} (January – December ${year})`;
  const months = fiscalMonths(year, startMonth);
  return `FY ${year} (${monthLabel(months[0])} – ${monthLabel(months[11])})`;
}

/** An amount spread evenly over twelve months, exactly: the remainder goes one unit each to the first months. */
export function spreadEvenly(amountMinor: number): number[] {
  const base = Math.floor(amountMinor / 12);
  const rest = amountMinor - base * 12;
  return Array.from({ length: 12 }, (_, i) => base + (i < rest ? 1 : 0));
}

export const QUANTITY_PATTERN = /^\d{1,9}(\.\d{1,3})?$/;

/** "1.5" → 1500 thousandths, exactly (at most three decimals). */
export function quantityToMilli(q: string): number {
  const m = QUANTITY_PATTERN.exec(q.trim());
  if (!m) throw new Error(`"${q}" is not a quantity with at most three decimals.`);
  const [whole, frac = ''] = q.trim().split('.');
  return Number(whole) * 1000 + Number(frac.padEnd(3, '0'));
}

/** 1500 → "1.5": the shortest exact decimal. */
export function milliToQuantity(milli: number): string {
  const whole = Math.floor(milli / 1000);
  const frac = String(milli % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/**
 * Whether quantity × unit price gives the amount, allowing only the rounding of half a
 * minor unit (1.5 × 3.33 = 4.995 → 4.99 or 5.00). All in integers (BigInt).
 */
export function lineAddsUp(quantityMilli: number, unitPriceMinor: number, amountMinor: number): boolean {
  const exact = BigInt(quantityMilli) * BigInt(unitPriceMinor);
  const diff = exact - BigInt(amountMinor) * 1000n;
  return (diff < 0n ? -diff : diff) <= 500n;
}

/** quantity × unit price in minor units, rounded half up (what the line should say). */
export function lineAmount(quantityMilli: number, unitPriceMinor: number): number {
  const exact = BigInt(quantityMilli) * BigInt(unitPriceMinor);
  return Number((exact + 500n) / 1000n);
}
