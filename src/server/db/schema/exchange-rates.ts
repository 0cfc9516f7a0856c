import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs, users } from './orgs.ts';

/**
 * An organisation's exchange rate for one currency and month, as the ECB quotes it: 1 EUR =
 * `per_eur` units of `currency`. Kept as the exact decimal string (text, never a float);
 * conversions between two non-euro currencies go through the euro (cross rate).
 */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    currency: text('currency').notNull(),
    /** YYYY-MM */
    month: text('month').notNull(),
    perEur: text('per_eur').notNull(),
    /** manual, ecb_daily (averaged), ecb_sdmx_monthly (as published), ecb_sdmx_daily (averaged) */
    source: text('source').notNull(),
    /** How many daily rates were averaged (null when entered or taken as published). */
    dailyCount: integer('daily_count'),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('exchange_rates_month_key').on(t.orgId, t.currency, t.month), index('exchange_rates_org_month_idx').on(t.orgId, t.month)],
);
