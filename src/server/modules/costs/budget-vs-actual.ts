import { lastDayOfMonth } from '../../../domain/civil-date.ts';
import { fiscalMonths, fiscalYearLabel, fiscalYearOf, monthLabel } from '../../../domain/costs/fiscal.ts';
import { monthsElapsed, runRateForecast } from '../../../domain/costs/forecast.ts';
import { formatMoney, totalsByCurrency, type Money } from '../../../domain/money.ts';
import type { EngagementCosts } from '../../../shared/contracts/costs.ts';
import type { Ctx } from '../../context.ts';
import { requireEngagement } from '../engagements/engagements.public.ts';
import { budgetPolicy, invoicePolicy } from './costs.policy.ts';
import { monthlyOf, presentBudget } from './costs.presenter.ts';
import * as repo from './costs.repo.ts';
import { converterFor } from './conversion.ts';
import { settingsOf, todayOf } from './settings.ts';

/**
 * Budget against actual for an engagement and fiscal year, month by month. Actual is the
 * approved and paid invoices, net of tax, in the month of their invoice date. Amounts stay
 * per currency: an invoice in a currency no budget of the engagement is kept in is shown
 * apart as "not converted", never added in — and beside it in the base currency with the rate of
 * its month, or the words saying which rate is missing.
 */
export async function engagementCosts(ctx: Ctx, engagementId: string, fiscalYear?: number): Promise<EngagementCosts> {
  budgetPolicy.check(ctx.actor, 'list');
  invoicePolicy.check(ctx.actor, 'list');
  const eng = await requireEngagement(ctx, 'read', engagementId);
  const s = await settingsOf(ctx);
  const year = fiscalYear ?? fiscalYearOf(todayOf(ctx), s.fiscalYearStartMonth);
  const months = fiscalMonths(year, s.fiscalYearStartMonth);
  const from = `${months[0]}-01`;
  const to = lastDayOfMonth(`${months[11]}-01`);
  const [budgetRows, sums] = await Promise.all([repo.budgetsOf(ctx.db, ctx.actor.orgId, eng.id, year), repo.actualSums(ctx.db, ctx.actor.orgId, eng.id, from, to)]);

  // The currencies budgets are kept in; without a budget, the base currency is the one compared.
  const compared = new Set(budgetRows.length ? budgetRows.map((b) => b.budget.currency) : [s.baseCurrency]);
  const perMonth = months.map((month, i) => {
    const budget: Money[] = budgetRows.map((b) => ({ currency: b.budget.currency, amountMinor: monthlyOf(b.budget)[i] }));
    const spent = sums.filter((r) => r.month === month).map((r) => ({ currency: r.currency, amountMinor: Number(r.amountMinor) }));
    return {
      month,
      label: monthLabel(month),
      budget: totalsByCurrency(budget),
      actual: totalsByCurrency(spent.filter((m) => compared.has(m.currency))),
      notConverted: totalsByCurrency(spent.filter((m) => !compared.has(m.currency))),
    };
  });
  const notes = [
    'Actual is the approved and paid invoices of the engagement, net of tax, in the month of their invoice date.',
    'Amounts are never added across currencies.',
  ];
  const conv = await converterFor(ctx, s.baseCurrency, months);
  const converted = perMonth.flatMap((m) =>
    m.notConverted.map((from) => {
      const c = conv(from, m.month);
      return { month: m.month, label: m.label, from, to: { amountMinor: c.amount?.amountMinor ?? null, currency: s.baseCurrency, rate: c.rate, via: c.via, words: c.words } };
    }),
  );
  if (converted.length) notes.push(`Invoices in a currency no budget is kept in are shown apart as "not converted", and beside that in ${s.baseCurrency} at the exchange rate of their month.`);
  return {
    engagementId: eng.id,
    fiscalYear: year,
    fiscalYearLabel: fiscalYearLabel(year, s.fiscalYearStartMonth),
    baseCurrency: s.baseCurrency,
    months: perMonth,
    total: {
      budget: totalsByCurrency(perMonth.flatMap((m) => m.budget)),
      actual: totalsByCurrency(perMonth.flatMap((m) => m.actual)),
      notConverted: totalsByCurrency(perMonth.flatMap((m) => m.notConverted)),
    },
    budgets: budgetRows.map((b) => presentBudget(b, s.fiscalYearStartMonth)),
    converted,
    forecast: forecastsOf(totalsByCurrency(perMonth.flatMap((m) => m.budget)), totalsByCurrency(perMonth.flatMap((m) => m.actual)), monthsElapsed(months, todayOf(ctx)), s.forecastThresholdPct),
    notes,
  };
}

/** Per budget currency: the run-rate forecast to the year's end, with the alert in words. */
export function forecastsOf(budget: Money[], actual: Money[], elapsed: number, thresholdPct: number): EngagementCosts['forecast'] {
  return budget.map((b) => {
    const f = runRateForecast(b.currency, b.amountMinor, actual.find((a) => a.currency === b.currency)?.amountMinor ?? 0, elapsed, thresholdPct);
    const m = (x: number) => formatMoney({ amountMinor: x, currency: b.currency });
    const words =
      f.alert === 'actual_over'
        ? `Actual ${m(f.actualMinor)} already exceeds the budget of ${m(f.budgetMinor)}.`
        : f.alert === 'forecast_over'
          ? `At the run rate of ${elapsed} month${elapsed === 1 ? '' : 's'}, the year ends at ${m(f.forecastMinor)}: more than ${thresholdPct} % over the budget of ${m(f.budgetMinor)}.`
          : elapsed === 0
            ? 'The fiscal year has not begun: no forecast yet.'
            : `At the run rate of ${elapsed} month${elapsed === 1 ? '' : 's'}, the year ends at ${m(f.forecastMinor)} against a budget of ${m(f.budgetMinor)}.`;
    return { ...f, words };
  });
}
