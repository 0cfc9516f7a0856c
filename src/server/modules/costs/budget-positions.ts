import { lastDayOfMonth } from '../../../domain/civil-date.ts';
import { fiscalMonths, fiscalYearLabel, fiscalYearOf, monthLabel } from '../../../domain/costs/fiscal.ts';
import { monthsElapsed } from '../../../domain/costs/forecast.ts';
import type { BudgetPositions } from '../../../shared/contracts/costs.ts';
import type { Ctx } from '../../context.ts';
import { requireVendor } from '../vendors/vendors.public.ts';
import { forecastsOf } from './budget-vs-actual.ts';
import { budgetPolicy, invoicePolicy } from './costs.policy.ts';
import { monthlyOf } from './costs.presenter.ts';
import * as repo from './costs.repo.ts';
import { settingsOf, todayOf } from './settings.ts';

type Position = BudgetPositions['rows'][number];
const ALERT_ORDER = { actual_over: 0, forecast_over: 1 } as const;
const rank = (p: Position) => (p.alert ? ALERT_ORDER[p.alert] : 2);

/**
 * Every engagement's budget of a fiscal year against its actual, per currency, with the
 * run-rate forecast and its alert — the same arithmetic and words as the engagement's Costs tab
 * (`forecastsOf`), across the portfolio or one vendor's engagements. Spend with no budget to
 * hold it against is listed apart, never dropped: an engagement spending in a currency none of
 * its budgets is kept in, and invoices on no engagement.
 */
export async function portfolioBudgets(ctx: Ctx, q: { fiscalYear?: number; vendorId?: string }): Promise<BudgetPositions> {
  budgetPolicy.check(ctx.actor, 'list');
  invoicePolicy.check(ctx.actor, 'list');
  if (q.vendorId) await requireVendor(ctx, 'read', q.vendorId);
  const s = await settingsOf(ctx);
  const today = todayOf(ctx);
  const year = q.fiscalYear ?? fiscalYearOf(today, s.fiscalYearStartMonth);
  const months = fiscalMonths(year, s.fiscalYearStartMonth);
  const elapsed = monthsElapsed(months, today);
  const [budgetRows, sums] = await Promise.all([
    repo.budgetsOfYear(ctx.db, ctx.actor.orgId, year, q.vendorId ?? null),
    repo.actualByEngagement(ctx.db, ctx.actor.orgId, `${months[0]}-01`, lastDayOfMonth(`${months[11]}-01`), q.vendorId ?? null),
  ]);

  const held = new Map<string, Position>();
  for (const r of budgetRows) {
    const b = r.budget;
    const k = `${b.engagementId}|${b.currency}`;
    let p = held.get(k);
    if (!p) {
      p = { engagementId: b.engagementId, engagementName: r.engagementName, vendorId: b.vendorId, vendorName: r.vendorName, currency: b.currency, budgetMinor: 0, budgetToDateMinor: 0, actualMinor: 0, remainingMinor: 0, forecastMinor: 0, alert: null, words: '' };
      held.set(k, p);
    }
    p.budgetMinor += b.amountMinor;
    p.budgetToDateMinor += monthlyOf(b)
      .slice(0, elapsed)
      .reduce((a, m) => a + m, 0);
  }
  const unbudgeted: BudgetPositions['unbudgeted'] = [];
  for (const a of sums) {
    const amount = Number(a.amountMinor);
    const p = a.engagementId ? held.get(`${a.engagementId}|${a.currency}`) : undefined;
    if (p) p.actualMinor += amount;
    else unbudgeted.push({ engagementId: a.engagementId, engagementName: a.engagementName, vendorId: a.vendorId, vendorName: a.vendorName, currency: a.currency, actualMinor: amount });
  }
  const rows = [...held.values()].map((p): Position => {
    const [f] = forecastsOf([{ currency: p.currency, amountMinor: p.budgetMinor }], [{ currency: p.currency, amountMinor: p.actualMinor }], elapsed, s.forecastThresholdPct);
    return { ...p, remainingMinor: p.budgetMinor - p.actualMinor, forecastMinor: f.forecastMinor, alert: f.alert, words: f.words };
  });
  // Repo order (vendor, engagement) kept within each alert: the sort is stable.
  rows.sort((a, b) => rank(a) - rank(b));

  const totals = new Map<string, BudgetPositions['totals'][number]>();
  for (const p of rows) {
    const t = totals.get(p.currency) ?? { currency: p.currency, budgetMinor: 0, budgetToDateMinor: 0, actualMinor: 0, forecastMinor: 0 };
    t.budgetMinor += p.budgetMinor;
    t.budgetToDateMinor += p.budgetToDateMinor;
    t.actualMinor += p.actualMinor;
    t.forecastMinor += p.forecastMinor;
    totals.set(p.currency, t);
  }
  return {
    fiscalYear: year,
    fiscalYearLabel: fiscalYearLabel(year, s.fiscalYearStartMonth),
    monthsElapsed: elapsed,
    throughLabel: elapsed ? monthLabel(months[elapsed - 1]) : null,
    thresholdPct: s.forecastThresholdPct,
    rows,
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    unbudgeted,
    notes: [
      'Actual is the approved and paid invoices, net of tax, in the month of their invoice date.',
      'The budget to date is the budget of the months begun so far, as it is phased.',
      `The forecast carries the actual's monthly run rate to the year's end; an alert is raised when the actual already exceeds the budget, or the forecast exceeds it by more than ${s.forecastThresholdPct} % (Settings → Costs).`,
      'Amounts are never added across currencies: an engagement with budgets in two currencies has a row for each.',
    ],
  };
}

/**
 * Every engagement's budget and actual of this fiscal year, per budget currency, with the
 * months elapsed and the organisation's forecast threshold: what the risk signals read to
 * raise "budget overrun" with the same arithmetic as the forecast above.
 */
export async function budgetPositions(ctx: Ctx) {
  const p = await portfolioBudgets(ctx, {});
  return p.rows.map((r) => ({ engagementId: r.engagementId, currency: r.currency, budgetMinor: r.budgetMinor, actualMinor: r.actualMinor, monthsElapsed: p.monthsElapsed, thresholdPct: p.thresholdPct, fiscalYearLabel: p.fiscalYearLabel }));
}
