import { lastDayOfMonth, monthInWords } from '../../../domain/civil-date.ts';
import { lateness } from '../../../domain/contracts/deliverables.ts';
import { formatMoney, totalsByCurrency } from '../../../domain/money.ts';
import type { DueItem, Exposure, MoneyFigure } from '../../../shared/contracts/dashboard.ts';
import type { Ctx } from '../../context.ts';
import type { ModuleFeed } from '../../feeds/feed.ts';
import { deliverablePolicy, paymentPolicy } from './deliverables.policy.ts';
import { dayInWords, factsOf, paymentInWords } from './deliverables.presenter.ts';
import * as repo from './deliverables.repo.ts';
import * as paymentsRepo from './payments.repo.ts';

/** How many rows a feed reads at most; the dashboard says when its list is cut. */
const CAP = 200;
const EXAMPLES = 3;
const ref = (id: string, name: string) => ({ id, name });
const tab = (engagementId: string) => `/engagements/${engagementId}/deliverables`;

/** Deliverables and payments for the shared views: what is due, what is late or was paid by override, and what is paid when. */
export const deliverablesFeed: ModuleFeed = {
  name: 'Deliverables and payments',

  async due(ctx: Ctx, window) {
    deliverablePolicy.check(ctx.actor, 'list');
    paymentPolicy.check(ctx.actor, 'list');
    const items: DueItem[] = [];
    for (const r of await repo.openDeliverablesDueBy(ctx.db, ctx.actor.orgId, window.to, CAP)) {
      const d = r.deliverable;
      const l = lateness(factsOf(d), window.from);
      items.push({
        key: `deliverable:${d.id}`,
        kind: 'deliverable_due',
        title: `Deliverable due from ${r.vendorName}: ${d.title}`,
        detail: d.status === 'submitted' ? 'submitted, waiting for your review' : d.graceDays ? `${d.graceDays} grace days, until ${dayInWords(l.deadline)}` : null,
        date: d.dueDate,
        overdue: d.dueDate < window.from,
        vendor: ref(d.vendorId, r.vendorName),
        engagement: ref(d.engagementId, r.engagementName),
        href: tab(d.engagementId),
      });
    }
    for (const r of await paymentsRepo.unpaidPaymentsDueBy(ctx.db, ctx.actor.orgId, window.to, CAP)) {
      const p = r.payment;
      items.push({
        key: `payment:${p.id}`,
        kind: 'payment_due',
        title: `Payment due to ${r.vendorName}: ${paymentInWords(p)}`,
        detail: r.milestoneName ? `tied to milestone "${r.milestoneName}"` : null,
        date: p.dueDate,
        overdue: p.dueDate < window.from,
        vendor: ref(p.vendorId, r.vendorName),
        engagement: ref(p.engagementId, r.engagementName),
        href: tab(p.engagementId),
      });
    }
    return items;
  },

  async exposures(ctx: Ctx, today) {
    deliverablePolicy.check(ctx.actor, 'list');
    paymentPolicy.check(ctx.actor, 'list');
    const late = await repo.lateOpenDeliverables(ctx.db, ctx.actor.orgId, today, EXAMPLES);
    const overridden = await paymentsRepo.overriddenPayments(ctx.db, ctx.actor.orgId, EXAMPLES);
    const out: Exposure[] = [
      {
        key: 'deliverables:late',
        label: 'Deliverables late: not accepted by their due date and grace days',
        count: late.count,
        severity: 'medium',
        href: late.rows[0] ? tab(late.rows[0].deliverable.engagementId) : '/engagements',
        examples: late.rows.map((r) => ({ label: `${r.deliverable.title} (${r.vendorName})`, href: tab(r.deliverable.engagementId) })),
      },
      {
        key: 'payments:overridden',
        label: 'Payments made although their milestone was not accepted (override)',
        count: await paymentsRepo.countOverriddenPayments(ctx.db, ctx.actor.orgId),
        severity: 'high',
        href: overridden[0] ? tab(overridden[0].payment.engagementId) : '/engagements',
        examples: overridden.map((r) => ({ label: `${paymentInWords(r.payment)} to ${r.vendorName}`, href: tab(r.payment.engagementId) })),
      },
    ];
    return out;
  },

  async money(ctx: Ctx, today) {
    paymentPolicy.check(ctx.actor, 'list');
    const month = today.slice(0, 7);
    const figure = async (key: string, label: string, from: string, to: string, period: string): Promise<MoneyFigure> => {
      const rows = await paymentsRepo.paymentSumsBetween(ctx.db, ctx.actor.orgId, from, to);
      const all = rows.map((r) => ({ currency: r.currency, amountMinor: Number(r.amountMinor) }));
      const open = totalsByCurrency(rows.filter((r) => r.status !== 'paid').map((r) => ({ currency: r.currency, amountMinor: Number(r.amountMinor) })));
      return {
        key,
        label,
        period,
        amounts: totalsByCurrency(all),
        href: '/engagements',
        note: open.length ? `still to pay: ${open.map((m) => formatMoney(m)).join(', ')}` : null,
      };
    };
    return [
      await figure('payments:this-month', 'Payments due this month', `${month}-01`, lastDayOfMonth(`${month}-01`), monthInWords(month)),
      await figure('payments:this-year', 'Payments due this year', `${today.slice(0, 4)}-01-01`, `${today.slice(0, 4)}-12-31`, today.slice(0, 4)),
    ];
  },
};

