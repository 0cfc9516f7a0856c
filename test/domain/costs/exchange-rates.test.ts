import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEcbCsv } from '../../../src/domain/costs/ecb-csv.ts';
import { averageRate, convertInMonth } from '../../../src/domain/costs/exchange-rates.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/ecb/${name}`, import.meta.url), 'utf8');

describe('conversion with the rate of the month', () => {
  const september = new Map([
    ['USD', '1.0856'],
    ['GBP', '0.8352'],
  ]);

  it('converts USD to EUR to the cent: $12,345.67 / 1.0856 = €11,372.21 (11372.2089…, half to even)', () => {
    const c = convertInMonth({ amountMinor: 1_234_567, currency: 'USD' }, 'EUR', september);
    expect(c).toEqual({ ok: true, amount: { amountMinor: 1_137_221, currency: 'EUR' }, rate: '1 USD = 0.921150 EUR', via: null });
  });

  it('converts USD to GBP through the euro: $12,345.67 × 0.8352 / 1.0856 = £9,498.07 (9498.0689…)', () => {
    const c = convertInMonth({ amountMinor: 1_234_567, currency: 'USD' }, 'GBP', september);
    expect(c).toEqual({ ok: true, amount: { amountMinor: 949_807, currency: 'GBP' }, rate: '1 USD = 0.769344 GBP', via: '1 EUR = 1.0856 USD, 1 EUR = 0.8352 GBP' });
  });

  it('converts EUR into a non-euro base with the base rate alone, and rounds a half to even', () => {
    // €0.05 × 0.5 = £0.025 → £0.02 (even); €0.15 × 0.5 = £0.075 → £0.08 (even).
    expect(convertInMonth({ amountMinor: 5, currency: 'EUR' }, 'GBP', new Map([['GBP', '0.5']]))).toMatchObject({ amount: { amountMinor: 2 } });
    expect(convertInMonth({ amountMinor: 15, currency: 'EUR' }, 'GBP', new Map([['GBP', '0.5']]))).toMatchObject({ amount: { amountMinor: 8 } });
  });

  it('answers a missing rate as missing — never 1:1', () => {
    expect(convertInMonth({ amountMinor: 100, currency: 'INR' }, 'EUR', september)).toEqual({ ok: false, missing: ['INR'] });
    expect(convertInMonth({ amountMinor: 100, currency: 'USD' }, 'CHF', september)).toEqual({ ok: false, missing: ['CHF'] });
  });

  it('respects minor units: ¥100,000 at 1 EUR = 162.50 JPY is €615.38', () => {
    expect(convertInMonth({ amountMinor: 100_000, currency: 'JPY' }, 'EUR', new Map([['JPY', '162.50']]))).toMatchObject({ amount: { amountMinor: 61_538, currency: 'EUR' } });
  });

  it('averages daily rates exactly, half to even at six decimals', () => {
    expect(averageRate(['1.0850', '1.0870', '1.0861'])).toBe('1.086033');
    expect(averageRate(['0.1', '0.2'])).toBe('0.15');
  });
});

describe('ECB CSV files', () => {
  it('reads the daily history file: one rate per currency and month, the average of its days; N/A skipped', () => {
    const p = parseEcbCsv(fixture('eurofxref-hist-sample.csv'));
    expect(p.problems).toEqual([]);
    expect(p.format).toBe('ecb_daily');
    expect(p.rule).toContain('average');
    const usd = p.rates.filter((r) => r.currency === 'USD').sort((a, b) => a.month.localeCompare(b.month));
    expect(usd).toEqual([
      { currency: 'USD', month: '2026-09', perEur: '1.086033', days: 3 },
      { currency: 'USD', month: '2026-10', perEur: '1.091', days: 2 },
    ]);
    expect(p.rates.some((r) => r.currency === 'CYP')).toBe(false);
    expect(p.rates).toHaveLength(7 * 2);
  });

  it('reads the SDMX monthly averages as published, with quoted titles holding commas', () => {
    const p = parseEcbCsv(fixture('sdmx-monthly-sample.csv'));
    expect(p.problems).toEqual([]);
    expect(p.format).toBe('ecb_sdmx_monthly');
    expect(p.rates).toContainEqual({ currency: 'GBP', month: '2026-09', perEur: '0.8352' });
    expect(p.rates).toHaveLength(4);
  });

  it('names the row and column of text in a rate and a wrong date, and keeps nothing', () => {
    const p = parseEcbCsv('Date,USD,GBP,\n2026-09-30,1.0850,abc,\n30/09/2026,1.0850,0.8340,\n');
    expect(p.rates).toEqual([]);
    expect(p.problems).toEqual([
      { line: 2, field: 'GBP', reason: '"abc" is not a rate (a decimal number such as 1.0856).' },
      { line: 3, field: 'Date', reason: '"30/09/2026" is not a date written YYYY-MM-DD.' },
    ]);
  });

  it('refuses a decimal comma and a month given twice in the SDMX file', () => {
    const head = 'KEY,FREQ,CURRENCY,CURRENCY_DENOM,EXR_TYPE,EXR_SUFFIX,TIME_PERIOD,OBS_VALUE\n';
    const p = parseEcbCsv(`${head}EXR.M.USD.EUR.SP00.A,M,USD,EUR,SP00,A,2026-09,1.0856\nEXR.M.USD.EUR.SP00.A,M,USD,EUR,SP00,A,2026-09,1.0857\nEXR.M.GBP.EUR.SP00.A,M,GBP,EUR,SP00,A,2026-9,"0,8352"\n`);
    expect(p.rates).toEqual([]);
    expect(p.problems).toEqual([
      { line: 3, field: 'TIME_PERIOD', reason: 'USD for 2026-09 appears more than once.' },
      { line: 4, field: 'OBS_VALUE', reason: '"0,8352" is not a rate (a decimal number such as 1.0856).' },
      { line: 4, field: 'TIME_PERIOD', reason: '"2026-9" is not a month written YYYY-MM.' },
    ]);
  });

  it('refuses end-of-period rates, rates against another currency and a file of another kind', () => {
    const head = 'KEY,FREQ,CURRENCY,CURRENCY_DENOM,EXR_TYPE,EXR_SUFFIX,TIME_PERIOD,OBS_VALUE\n';
    const p = parseEcbCsv(`${head}EXR.M.USD.GBP.SP00.E,M,USD,GBP,SP00,E,2026-09,1.2\n`);
    expect(p.problems.map((x) => x.field)).toEqual(['CURRENCY_DENOM', 'EXR_SUFFIX']);
    expect(parseEcbCsv('Invoice,Amount\n1,2\n').problems[0]).toMatchObject({ line: 1, field: '(header)' });
  });

  it('refuses a day given twice in the daily file', () => {
    const p = parseEcbCsv('Date,USD\n2026-09-30,1.0850\n2026-09-30,1.0851\n');
    expect(p.problems).toEqual([{ line: 3, field: 'Date', reason: '2026-09-30 appears more than once.' }]);
  });

  it('refuses a file with too many rows', () => {
    const rows = Array.from({ length: 50_002 }, () => '2026-09-30,1.0850').join('\n');
    const p = parseEcbCsv(`Date,USD\n${rows}\n`);
    expect(p.problems[0]).toMatchObject({ field: '(file)' });
    expect(p.rates).toEqual([]);
  });
});
