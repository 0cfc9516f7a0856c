import { addMonths } from '../../domain/civil-date.ts';
import type { Ctx } from '../context.ts';
import { importExchangeRates, setExchangeRate } from '../modules/costs/costs.public.ts';

// Levels close to the ECB's 2025–2026 monthly averages (1 EUR = x), with a small monthly drift.
const LEVELS: Record<string, { base: number; step: number; places: number }> = {
  USD: { base: 1.0842, step: 0.0031, places: 4 },
  GBP: { base: 0.84215, step: -0.0012, places: 5 },
  INR: { base: 90.512, step: 0.187, places: 3 },
  CHF: { base: 0.9412, step: -0.0009, places: 4 },
};

/**
 * The demo's exchange rates: the ECB's monthly averages for USD, GBP, INR and CHF for the
 * eighteen months before this one, imported through the service from an SDMX CSV as the ECB
 * data portal writes it. The current month has no average yet (as at the ECB), except USD
 * entered by hand — so the spend view shows converted figures with their rates and one named
 * "not converted" month.
 */
export async function seedDemoRates(ctx: Ctx, today: string): Promise<void> {
  const first = `${today.slice(0, 7)}-01`;
  const lines = ['KEY,FREQ,CURRENCY,CURRENCY_DENOM,EXR_TYPE,EXR_SUFFIX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,TITLE_COMPL'];
  for (let back = 18; back >= 1; back--) {
    const month = addMonths(first, -back).slice(0, 7);
    for (const [cur, l] of Object.entries(LEVELS)) {
      // A gentle zig-zag so consecutive months differ like real averages do.
      const value = (l.base + l.step * (18 - back) * (back % 3 === 0 ? 0.6 : 1)).toFixed(l.places);
      lines.push(`EXR.M.${cur}.EUR.SP00.A,M,${cur},EUR,SP00,A,${month},${value},A,"ECB reference exchange rate, ${cur}/Euro, 2:15 pm (C.E.T.)"`);
    }
  }
  await importExchangeRates(ctx, Buffer.from(`${lines.join('\n')}\n`), { fileName: 'ECB_EXR_monthly.csv' });
  await setExchangeRate(ctx, { currency: 'USD', month: first.slice(0, 7), perEur: '1.1398' });
}
