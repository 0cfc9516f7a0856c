import { lastDayOfMonth } from '../../../domain/civil-date.ts';
import { fiscalMonths, fiscalYearLabel, fiscalYearOf, monthLabel } from '../../../domain/costs/fiscal.ts';
import type { Spend } from '../../../shared/contracts/costs.ts';
import type { Ctx } from '../../context.ts';
import { requireVendor } from '../vendors/vendors.public.ts';
import { invoicePolicy } from './costs.policy.ts';
import * as repo from './costs.repo.ts';
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
  return {
    fiscalYear: year,
    fiscalYearLabel: fiscalYearLabel(year, s.fiscalYearStartMonth),
    months: months.map((m) => ({ month: m, label: monthLabel(m) })),
    rows: [...rows.values()],
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    notes: ['Spend is the approved and paid invoices, net of tax, in the month of their invoice date.', 'Amounts are never added across currencies: a vendor billing in two currencies has a row for each.'],
  };
}
