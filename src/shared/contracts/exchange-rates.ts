import { z } from 'zod';
import { PageQuery } from './common.ts';

const Currency = z.string().regex(/^[A-Z]{3}$/, 'A currency is three capital letters (ISO 4217), e.g. USD.');
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month is written YYYY-MM, e.g. 2026-09.');

export const RATE_SOURCE_LABELS = {
  manual: 'Entered by hand',
  ecb_daily: 'ECB daily rates, averaged',
  ecb_sdmx_daily: 'ECB daily rates, averaged',
  ecb_sdmx_monthly: 'ECB monthly average',
} as const;

/** A rate as the ECB quotes it: 1 EUR = perEur units of the currency, in one month. */
export const ExchangeRate = z.object({
  id: z.string(),
  currency: z.string(),
  month: z.string(),
  monthLabel: z.string(),
  perEur: z.string(),
  /** "1 EUR = 1.0856 USD" */
  label: z.string(),
  /** Against the base currency when it is not the euro ("1 USD = 0.785432 GBP"), through the euro; null when the base's own rate is missing. */
  againstBase: z.string().nullable(),
  source: z.enum(['manual', 'ecb_daily', 'ecb_sdmx_daily', 'ecb_sdmx_monthly']),
  sourceLabel: z.string(),
  dailyCount: z.number().int().nullable(),
  updatedByName: z.string().nullable(),
  updatedAt: z.string(),
});
export type ExchangeRate = z.infer<typeof ExchangeRate>;

export const ExchangeRateListQuery = PageQuery.extend({ currency: Currency.optional(), month: Month.optional() });

export const ExchangeRateInput = z.object({
  currency: Currency.refine((c) => c !== 'EUR', 'The euro is the reference: 1 EUR = 1 EUR needs no rate.'),
  month: Month,
  perEur: z.string().regex(/^\d{1,9}(\.\d{1,10})?$/, 'A rate is a decimal number with a point, e.g. 1.0856 (1 EUR = 1.0856 of the currency).').refine((s) => !/^0+(\.0+)?$/.test(s), 'A rate of zero converts nothing.'),
});

export const RateImportQuery = z.object({ dryRun: z.enum(['true', 'false']).optional(), fileName: z.string().max(200).optional() });

export const RateImportResult = z.object({
  dryRun: z.boolean(),
  format: z.enum(['ecb_daily', 'ecb_sdmx_daily', 'ecb_sdmx_monthly']),
  formatLabel: z.string(),
  /** How a month's rate was obtained from the file, in words. */
  rule: z.string(),
  rates: z.number().int(),
  replaced: z.number().int(),
  currencies: z.array(z.string()),
  firstMonth: z.string().nullable(),
  lastMonth: z.string().nullable(),
  /** A few of the rates read, newest first, in words ("September 2026: 1 EUR = 1.0856 USD"). */
  sample: z.array(z.string()),
});
export type RateImportResult = z.infer<typeof RateImportResult>;
