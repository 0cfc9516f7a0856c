import type { z } from 'zod';
import { parseEcbCsv, MAX_RATE_FILE_BYTES, type RateProblem } from '../../../domain/costs/ecb-csv.ts';
import { convertInMonth } from '../../../domain/costs/exchange-rates.ts';
import { monthLabel } from '../../../domain/costs/fiscal.ts';
import { RATE_SOURCE_LABELS, type ExchangeRate, type ExchangeRateInput, type ExchangeRateListQuery, type RateImportResult } from '../../../shared/contracts/exchange-rates.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { exchangeRatePolicy } from './costs.policy.ts';
import * as repo from './exchange-rates.repo.ts';
import { settingsOf } from './settings.ts';

const MAX_LISTED = 50;

/** "1 USD = 0.921150 GBP" through the euro, for a base that is not the euro; null when the base's rate of the month is missing. */
function againstBase(r: repo.ExchangeRateRow, base: string, baseRate: string | undefined): string | null {
  if (base === 'EUR' || r.currency === base) return null;
  if (!baseRate) return null;
  const c = convertInMonth({ amountMinor: 100, currency: r.currency }, base, new Map([[r.currency, r.perEur], [base, baseRate]]));
  return c.ok ? c.rate : null;
}

function present(x: repo.RateWithName, base: string, baseRate?: string): ExchangeRate {
  const r = x.rate;
  return {
    id: r.id,
    currency: r.currency,
    month: r.month,
    monthLabel: monthLabel(r.month),
    perEur: r.perEur,
    label: `1 EUR = ${r.perEur} ${r.currency}`,
    againstBase: againstBase(r, base, baseRate),
    source: r.source as ExchangeRate['source'],
    sourceLabel: RATE_SOURCE_LABELS[r.source as keyof typeof RATE_SOURCE_LABELS] ?? r.source,
    dailyCount: r.dailyCount,
    updatedByName: x.updatedByName,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The organisation's rates, newest month first. */
export async function listExchangeRates(ctx: Ctx, q: z.output<typeof ExchangeRateListQuery>) {
  exchangeRatePolicy.check(ctx.actor, 'list');
  const { baseCurrency } = await settingsOf(ctx);
  let baseRates = new Map<string, Map<string, string>>();
  return keysetPage(
    q,
    repo.rateSort,
    async (after, limit) => {
      const rows = await repo.listRates(ctx.db, ctx.actor.orgId, q, after, limit);
      if (baseCurrency !== 'EUR') baseRates = await repo.ratesOfMonths(ctx.db, ctx.actor.orgId, [...new Set(rows.map((r) => r.rate.month))]);
      return rows;
    },
    (r) => present(r, baseCurrency, baseRates.get(r.rate.month)?.get(baseCurrency)),
  );
}

/** Enters (or corrects) one currency's rate for a month by hand: 1 EUR = perEur. */
export async function setExchangeRate(ctx: Ctx, input: z.output<typeof ExchangeRateInput>): Promise<ExchangeRate> {
  exchangeRatePolicy.check(ctx.actor, 'write');
  const { baseCurrency } = await settingsOf(ctx);
  await change(ctx, async (tx) => {
    const before = await repo.findRate(tx.db, ctx.actor.orgId, input.currency, input.month);
    await repo.upsertRates(tx.db, [{ orgId: ctx.actor.orgId, currency: input.currency, month: input.month, perEur: input.perEur, source: 'manual', dailyCount: null, updatedBy: ctx.actor.userId, updatedAt: ctx.now }]);
    const after = await repo.findRate(tx.db, ctx.actor.orgId, input.currency, input.month);
    await tx.audit({ action: 'exchange_rate.set', objectType: 'exchange_rate', objectId: after!.id, objectLabel: `${input.currency} ${monthLabel(input.month)}`, before, after });
  });
  const [row] = await repo.listRates(ctx.db, ctx.actor.orgId, { currency: input.currency, month: input.month }, null, 1);
  const base = baseCurrency === 'EUR' ? undefined : (await repo.findRate(ctx.db, ctx.actor.orgId, baseCurrency, input.month))?.perEur;
  return present(row, baseCurrency, base);
}

export async function deleteExchangeRate(ctx: Ctx, id: string) {
  const row = exchangeRatePolicy.authorize(ctx.actor, 'delete', (await repo.findRateById(ctx.db, ctx.actor.orgId, id)) ?? undefined);
  await change(ctx, async (tx) => {
    await repo.deleteRate(tx.db, ctx.actor.orgId, id);
    await tx.audit({ action: 'exchange_rate.delete', objectType: 'exchange_rate', objectId: id, objectLabel: `${row.currency} ${monthLabel(row.month)}`, before: row, after: null });
  });
  return { ok: true as const };
}

const rejected = (problems: RateProblem[]) => {
  const rows = new Set(problems.map((p) => p.line)).size;
  const cut = problems.length > MAX_LISTED ? ` The first ${MAX_LISTED} of ${problems.length} are listed.` : '';
  return new AppError('import_rejected', `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in ${rows} ${rows === 1 ? 'row' : 'rows'}; no rates imported.${cut}`, {
    rejected: problems.slice(0, MAX_LISTED),
    rejectedCount: problems.length,
  });
};

const FORMAT_LABELS = { ecb_daily: 'ECB daily reference rates (eurofxref-hist.csv)', ecb_sdmx_daily: 'ECB data portal, daily series (SDMX CSV)', ecb_sdmx_monthly: 'ECB data portal, monthly averages (SDMX CSV)' } as const;

/**
 * Imports an ECB reference-rate CSV: all or nothing. Every row is read first and every problem
 * named by row and column; then all of the file's months are stored in one change, replacing
 * rates already kept for the same currency and month. EUR itself is never stored (it is 1).
 */
export async function importExchangeRates(ctx: Ctx, file: Buffer, opts: { dryRun?: boolean; fileName?: string | null }): Promise<RateImportResult> {
  exchangeRatePolicy.check(ctx.actor, 'write');
  if (file.length > MAX_RATE_FILE_BYTES) throw rejected([{ line: 1, field: '(file)', reason: `The file is ${(file.length / 1048576).toFixed(1)} MB; at most ${MAX_RATE_FILE_BYTES / 1048576} MB is read. Cut it to the years you need.` }]);
  if (file.length === 0) throw rejected([{ line: 1, field: '(file)', reason: 'The file is empty.' }]);
  const parsed = parseEcbCsv(file.toString('utf8'));
  if (parsed.problems.length) throw rejected(parsed.problems);
  const rates = parsed.rates.filter((r) => r.currency !== 'EUR').sort((a, b) => b.month.localeCompare(a.month) || a.currency.localeCompare(b.currency));
  if (!rates.length) throw rejected([{ line: 2, field: '(file)', reason: 'The file holds no rates.' }]);
  let replaced = 0;
  if (!opts.dryRun) {
    await change(ctx, async (tx) => {
      replaced = await repo.upsertRates(
        tx.db,
        rates.map((r) => ({ orgId: ctx.actor.orgId, currency: r.currency, month: r.month, perEur: r.perEur, source: parsed.format, dailyCount: r.days ?? null, updatedBy: ctx.actor.userId, updatedAt: ctx.now })),
      );
      await tx.audit({
        action: 'exchange_rate.import',
        objectType: 'exchange_rate',
        objectId: ctx.actor.orgId,
        objectLabel: opts.fileName ?? 'Exchange rates',
        before: null,
        after: { format: parsed.format, rates: rates.length, replaced, firstMonth: rates.at(-1)!.month, lastMonth: rates[0].month },
      });
    });
  }
  return {
    dryRun: opts.dryRun === true,
    format: parsed.format,
    formatLabel: FORMAT_LABELS[parsed.format],
    rule: parsed.rule,
    rates: rates.length,
    replaced,
    currencies: [...new Set(rates.map((r) => r.currency))].sort(),
    firstMonth: rates.at(-1)!.month,
    lastMonth: rates[0].month,
    sample: rates.slice(0, 5).map((r) => `${monthLabel(r.month)}: 1 EUR = ${r.perEur} ${r.currency}`),
  };
}
