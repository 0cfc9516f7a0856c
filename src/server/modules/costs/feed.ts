import type { DueItem, Exposure, MoneyFigure } from '../../../shared/contracts/dashboard.ts';
import type { Ctx } from '../../context.ts';
import type { ModuleFeed } from '../../feeds/feed.ts';
import * as changes from './change-requests.repo.ts';
import { changeRequestPolicy, invoicePolicy, serviceCreditPolicy } from './costs.policy.ts';
import { changeInWords, invoiceInWords } from './costs.presenter.ts';
import * as repo from './costs.repo.ts';
import { forecastsOf } from './budget-vs-actual.ts';
import { serviceCredits } from './service-credits.ts';
import { settingsOf, todayOf } from './settings.ts';
import { dayInWords, lastDayOfMonth, monthRangeInWords } from '../../../domain/civil-date.ts';
import { fiscalMonths, fiscalYearOf } from '../../../domain/costs/fiscal.ts';
import { monthsElapsed } from '../../../domain/costs/forecast.ts';
import { totalsByCurrency } from '../../../domain/money.ts';

/** How many rows a feed reads at most; the dashboard says when its list is cut. */
const CAP = 200;
const EXAMPLES = 3;
const ref = (id: string, name: string) => ({ id, name });
const href = (r: repo.InvoiceWithNames) => `/invoices/${r.invoice.id}`;

/** Invoices and change requests for the shared views: those waiting for review or a decision, and invoices disputed with the vendor. */
export const costsFeed: ModuleFeed = {
  name: 'Costs and invoices',

  async due(ctx: Ctx) {
    invoicePolicy.check(ctx.actor, 'list');
    changeRequestPolicy.check(ctx.actor, 'list');
    const [{ rows }, undecided] = await Promise.all([repo.invoicesInState(ctx.db, ctx.actor.orgId, ['received', 'checked'], CAP), changes.undecidedChanges(ctx.db, ctx.actor.orgId, CAP)]);
    const decide = undecided.map(
      (r): DueItem => ({
        key: `change_request:${r.cr.id}`,
        kind: 'change_request_decision',
        title: `Change request to decide${r.cr.raisedBy === 'vendor' ? `, raised by ${r.vendorName}` : ''}: ${changeInWords(r.cr)}`,
        // Dated when raised: the line says how long it has waited, as the date is in the past.
        detail: `${r.cr.status === 'under_review' ? 'under review' : 'proposed, not yet reviewed'}; waiting since ${dayInWords(r.createdAtText.slice(0, 10))}`,
        date: r.createdAtText.slice(0, 10),
        overdue: false,
        vendor: ref(r.cr.vendorId, r.vendorName),
        engagement: ref(r.cr.engagementId, r.engagementName),
        href: `/change-requests/${r.cr.id}`,
      }),
    );
    return rows.map((r): DueItem => {
      const open = Number(r.openChecks);
      return {
        key: `invoice:${r.invoice.id}`,
        kind: 'invoice_review',
        title: `Invoice to review from ${r.vendorName}: ${invoiceInWords(r.invoice)}`,
        detail: `${open ? `${open} check${open === 1 ? '' : 's'} failing` : r.invoice.status === 'checked' ? 'checked, waiting for approval' : 'all checks pass'}; invoiced on ${dayInWords(r.invoice.invoiceDate)}`,
        date: r.invoice.invoiceDate,
        overdue: false,
        vendor: ref(r.invoice.vendorId, r.vendorName),
        engagement: r.invoice.engagementId && r.engagementName ? ref(r.invoice.engagementId, r.engagementName) : null,
        href: href(r),
      };
    }).concat(decide);
  },

  /** Service credits the SLA engine says are owed this year and no invoice has deducted (nor a waiver let go). */
  async money(ctx: Ctx, today: string) {
    serviceCreditPolicy.check(ctx.actor, 'list');
    const year = Number(today.slice(0, 4));
    const s = await serviceCredits(ctx, { year });
    const figure: MoneyFigure = {
      key: 'costs:credits-not-received',
      label: 'Service credits owed, not received',
      period: monthRangeInWords(`${year}-01`, today.slice(0, 7)),
      amounts: s.totals.outstanding,
      href: '/costs',
      note: s.totals.waived.length ? 'after the credits waived with a reason' : null,
    };
    return [figure];
  },

  async exposures(ctx: Ctx) {
    invoicePolicy.check(ctx.actor, 'list');
    const disputed = await repo.invoicesInState(ctx.db, ctx.actor.orgId, ['disputed'], EXAMPLES);
    const over = await overBudget(ctx);
    const out: Exposure[] = [
      {
        key: 'invoices:disputed',
        label: 'Invoices disputed with the vendor',
        count: disputed.count,
        severity: 'medium',
        href: disputed.rows[0] ? href(disputed.rows[0]) : '/engagements',
        examples: disputed.rows.map((r) => ({ label: `${invoiceInWords(r.invoice)} from ${r.vendorName}`, href: href(r) })),
      },
      {
        key: 'costs:forecast-over-budget',
        label: 'Engagements forecast over budget this fiscal year',
        count: over.length,
        severity: 'high',
        href: over[0]?.href ?? '/costs',
        examples: over.slice(0, EXAMPLES),
      },
    ];
    return out;
  },
};

/** Engagements whose run-rate forecast (or actual) exceeds a budget of this fiscal year by more than the organisation's threshold. */
async function overBudget(ctx: Ctx): Promise<Array<{ label: string; href: string }>> {
  const s = await settingsOf(ctx);
  const today = todayOf(ctx);
  const fy = fiscalYearOf(today, s.fiscalYearStartMonth);
  const months = fiscalMonths(fy, s.fiscalYearStartMonth);
  const [rows, sums] = await Promise.all([repo.budgetsOfYear(ctx.db, ctx.actor.orgId, fy), repo.actualByEngagement(ctx.db, ctx.actor.orgId, `${months[0]}-01`, lastDayOfMonth(`${months[11]}-01`))]);
  const out: Array<{ label: string; href: string }> = [];
  for (const id of new Set(rows.map((r) => r.budget.engagementId))) {
    const mine = rows.filter((r) => r.budget.engagementId === id);
    const budget = totalsByCurrency(mine.map((r) => ({ currency: r.budget.currency, amountMinor: r.budget.amountMinor })));
    const actual = sums.filter((x) => x.engagementId === id).map((x) => ({ currency: x.currency, amountMinor: Number(x.amountMinor) }));
    const alert = forecastsOf(budget, actual, monthsElapsed(months, today), s.forecastThresholdPct).find((f) => f.alert);
    if (alert) out.push({ label: `${mine[0].engagementName} (${mine[0].vendorName}): ${alert.words}`, href: `/engagements/${id}/costs` });
  }
  return out;
}
