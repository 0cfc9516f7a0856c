import { lastDayOfMonth } from '../../../domain/civil-date.ts';
import { fiscalMonths, fiscalYearLabel, fiscalYearOf, monthLabel } from '../../../domain/costs/fiscal.ts';
import type { Spend } from '../../../shared/contracts/costs.ts';
import type { Ctx } from '../../context.ts';
import { requireVendor } from '../vendors/vendors.public.ts';
import { invoicePolicy } from './costs.policy.ts';
import * as repo from './costs.repo.ts';
import { CONVERSION_NOTE, converterFor } from './conversion.ts';
import { settingsOf, todayOf } from './settings.ts';

/**
 * Spend across the portfolio (or one vendor) by vendor and month of a fiscal year: approved and
 * paid invoices, net of tax, in the month of their invoice date, per currency — never added
 * across currencies (a vendor billing in two has two rows).
 */
export async function portfolioSpend(ctx: Ctx, q: { fiscalYear?: number; vendorId?: string }): Promise<Spend> {
  invoicePolicy.check(ctx.actor, 'list');
  if (q.vendorId) await requireVendor(ctx, 'read', q.vendorId);
  const s = await settingsOf(ctx);
  const year = q.fiscalYear ?? fiscalYearOf(todayOf(ctx), s.fiscalYearStartMonth);
  const months = fiscalMonths(year, s.fiscalYearStartMonth);
  const sums = await repo.spendSums(ctx.db, ctx.actor.orgId, `${months[0]}-01`, lastDayOfMonth(`${months[11]}-01`), q.vendorId ?? null);
  const rows = new Map<string, Spend['rows'][number]>();
  const totals = new Map<string, Spend['totals'][number]>();
  for (const r of sums) {
    const i = months.indexOf(r.month);
    const amount = Number(r.amountMinor);
    const key = `${r.vendorId}|${r.currency}`;
    if (!rows.has(key)) rows.set(key, { vendorId: r.vendorId, vendorName: r.vendorName, currency: r.currency, monthsMinor: Array(12).fill(0), totalMinor: 0 });
    if (!totals.has(r.currency)) totals.set(r.currency, { currency: r.currency, monthsMinor: Array(12).fill(0), totalMinor: 0 });
    for (const t of [rows.get(key)!, totals.get(r.currency)!]) {
      t.monthsMinor[i] += amount;
      t.totalMinor += amount;
    }
  }
  const converted = await convertSpend(ctx, s.baseCurrency, months, [...rows.values()]);
  return {
    fiscalYear: year,
    fiscalYearLabel: fiscalYearLabel(year, s.fiscalYearStartMonth),
    months: months.map((m) => ({ month: m, label: monthLabel(m) })),
    rows: [...rows.values()],
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    converted,
    notes: [CONVERSION_NOTE, 'Spend is the approved and paid invoices, net of tax, in the month of their invoice date.', 'Amounts are never added across currencies: a vendor billing in two currencies has a row for each.'],
  };
}

/**
 * The spend in the base currency: each row's monthly sum converted once with its month's rate
 * (exact, half to even at the base's minor unit). A row or month with a missing rate has no
 * total — never a partial sum passed off as the whole.
 */
async function convertSpend(ctx: Ctx, base: string, months: string[], rows: Spend['rows']): Promise<Spend['converted']> {
  const conv = await converterFor(ctx, base, months);
  const monthsMinor: (number | null)[] = Array(12).fill(0);
  const used = new Map<string, Spend['converted']['rates'][number]>();
  const missing = new Set<string>();
  const out = rows.map((r) => {
    let total: number | null = 0;
    const cells = r.monthsMinor.map((amountMinor, i) => {
      if (amountMinor === 0) return null;
      const c = conv({ amountMinor, currency: r.currency }, months[i]);
      if (c.amount === null) {
        missing.add(c.words);
        total = null;
        monthsMinor[i] = null;
      } else {
        if (total !== null) total += c.amount.amountMinor;
        if (monthsMinor[i] !== null) monthsMinor[i]! += c.amount.amountMinor;
        if (c.rate) used.set(`${r.currency}|${months[i]}`, { currency: r.currency, month: months[i], monthLabel: monthLabel(months[i]), rate: c.rate, via: c.via });
      }
      return { amountMinor: c.amount?.amountMinor ?? null, currency: base, rate: c.rate, via: c.via, words: c.words };
    });
    return { vendorId: r.vendorId, currency: r.currency, months: cells, totalMinor: total };
  });
  const complete = monthsMinor.every((m) => m !== null);
  return {
    baseCurrency: base,
    rows: out,
    monthsMinor,
    totalMinor: complete ? (monthsMinor as number[]).reduce((a, b) => a + b, 0) : null,
    rates: [...used.values()].sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency)),
    missing: [...missing],
  };
}
