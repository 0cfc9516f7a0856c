import type { DueItem, Exposure, MoneyFigure } from '../../../shared/contracts/dashboard.ts';
import type { Ctx } from '../../context.ts';
import type { ModuleFeed } from '../../feeds/feed.ts';
import * as changes from './change-requests.repo.ts';
import { changeRequestPolicy, invoicePolicy, serviceCreditPolicy } from './costs.policy.ts';
import { changeInWords, invoiceInWords } from './costs.presenter.ts';
import * as repo from './costs.repo.ts';
import { portfolioBudgets } from './budget-positions.ts';
import { serviceCredits } from './service-credits.ts';
import { dayInWords, monthRangeInWords } from '../../../domain/civil-date.ts';

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
        label: 'Engagements over budget, or forecast over it, this fiscal year',
        count: over.length,
        severity: 'high',
        // Every budget against its actual, those over first, is the Costs page's first section.
        href: '/costs',
        examples: over.slice(0, EXAMPLES),
      },
    ];
    return out;
  },
};

/** Engagements whose run-rate forecast (or actual) exceeds a budget of this fiscal year by more than the organisation's threshold. */
async function overBudget(ctx: Ctx): Promise<Array<{ label: string; href: string }>> {
  const { rows } = await portfolioBudgets(ctx, {});
  // One example per engagement, its first alerting currency (the rows come alerts first).
  const out = new Map<string, { label: string; href: string }>();
  for (const r of rows) if (r.alert && !out.has(r.engagementId)) out.set(r.engagementId, { label: `${r.engagementName} (${r.vendorName}): ${r.words}`, href: `/engagements/${r.engagementId}/costs` });
  return [...out.values()];
}
