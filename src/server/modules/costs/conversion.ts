import { convertInMonth } from '../../../domain/costs/exchange-rates.ts';
import { monthLabel } from '../../../domain/costs/fiscal.ts';
import { formatMoney, type Money } from '../../../domain/money.ts';
import type { Ctx } from '../../context.ts';
import * as repo from './exchange-rates.repo.ts';

/** One amount in the base currency with the rate that made it, or why it could not be converted. */
export interface Converted {
  amount: Money | null;
  /** "1 USD = 0.921150 EUR" (six decimals, for people; the conversion itself is exact). */
  rate: string | null;
  /** The euro rates a cross rate was made of, when neither currency is the euro. */
  via: string | null;
  /** "€1,234.00 at 1 USD = 0.921150 EUR, September 2026" or "Not converted: no USD rate for October 2026". */
  words: string;
}

export const CONVERSION_NOTE =
  "Converted figures use the organisation's exchange rate of the invoice's month (1 EUR = x, as the ECB quotes it; between two other currencies through the euro). Each vendor's monthly sum in a currency is converted once, exactly, and rounded half to even to the base currency's minor unit; a month without a rate is not converted, never taken as 1:1.";

/** A converter for the given months' rates into the organisation's base currency (rates read once). */
export async function converterFor(ctx: Ctx, base: string, months: readonly string[]) {
  const rates = await repo.ratesOfMonths(ctx.db, ctx.actor.orgId, months);
  return (m: Money, month: string): Converted => {
    const c = convertInMonth(m, base, rates.get(month) ?? new Map());
    if (!c.ok) return { amount: null, rate: null, via: null, words: `Not converted: no ${c.missing.join(' or ')} rate for ${monthLabel(month)}` };
    if (m.currency === base) return { amount: m, rate: null, via: null, words: formatMoney(m) };
    return { amount: c.amount, rate: c.rate, via: c.via, words: `${formatMoney(c.amount)} at ${c.rate}, ${monthLabel(month)}${c.via ? ` (through the euro: ${c.via})` : ''}` };
  };
}
