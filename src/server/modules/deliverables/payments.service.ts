import type { z } from 'zod';
import { monthInWords } from '../../../domain/civil-date.ts';
import { totalsByCurrency, type Money } from '../../../domain/money.ts';
import type { MarkPaidInput, Payment, PaymentInput, PaymentListQuery, PaymentTotals, PaymentTotalsQuery, PaymentUpdate } from '../../../shared/contracts/deliverables.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { referenceEngagement } from '../engagements/engagements.public.ts';
import { referenceContractFor } from './deliverables.contracts.ts';
import { paymentPolicy } from './deliverables.policy.ts';
import { holdOf, paymentInWords, presentPayment } from './deliverables.presenter.ts';
import * as deliverablesRepo from './deliverables.repo.ts';
import * as repo from './payments.repo.ts';
import { referenceMilestone, todayOf } from './deliverables.service.ts';

/** The deliverables of each milestone the payments hang on, in one query. */
async function milestoneDeliverables(ctx: Ctx, rows: repo.PaymentWithExtras[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.payment.milestoneId ? [r.payment.milestoneId] : [])))];
  const byMilestone = new Map<string, deliverablesRepo.DeliverableRow[]>(ids.map((id) => [id, []]));
  for (const d of await deliverablesRepo.deliverablesOfMilestones(ctx.db, ctx.actor.orgId, ids)) byMilestone.get(d.milestoneId!)?.push(d);
  return (r: repo.PaymentWithExtras) => (r.payment.milestoneId ? (byMilestone.get(r.payment.milestoneId) ?? []) : null);
}

/** The payment schedule (per engagement, contract, vendor or milestone), soonest due first, with each payment's hold. */
export async function listPayments(ctx: Ctx, q: z.output<typeof PaymentListQuery>) {
  paymentPolicy.check(ctx.actor, 'list');
  const today = todayOf(ctx);
  const [page, total] = await Promise.all([
    keysetPage(q, repo.paymentSort, (after, limit) => repo.listPayments(ctx.db, ctx.actor.orgId, q, after, limit), (r) => r),
    repo.countPayments(ctx.db, ctx.actor.orgId, q),
  ]);
  const of = await milestoneDeliverables(ctx, page.items);
  return { items: page.items.map((r) => presentPayment(r, of(r), today)), nextCursor: page.nextCursor, total };
}

export async function getPayment(ctx: Ctx, id: string): Promise<Payment> {
  const found = await repo.findPayment(ctx.db, ctx.actor.orgId, id);
  paymentPolicy.authorize(ctx.actor, 'read', found?.payment);
  const of = await milestoneDeliverables(ctx, [found!]);
  return presentPayment(found!, of(found!), todayOf(ctx));
}

async function placement(ctx: Ctx, eng: { id: string; vendorId: string }, milestoneId: string | null | undefined, contractId: string | null | undefined) {
  const milestone = milestoneId ? await referenceMilestone(ctx, milestoneId, eng.id) : null;
  let contract = contractId ? (await referenceContractFor(ctx, contractId, eng, 'contractId')).id : null;
  if (!contract && contractId === undefined && milestone?.contractId) contract = milestone.contractId;
  return { milestoneId: milestone?.id ?? null, contractId: contract };
}

export async function createPayment(ctx: Ctx, input: z.output<typeof PaymentInput>): Promise<Payment> {
  paymentPolicy.check(ctx.actor, 'create');
  const eng = await referenceEngagement(ctx, input.engagementId, 'engagementId');
  const where = await placement(ctx, eng, input.milestoneId, input.contractId);
  const id = await change(ctx, async (tx) => {
    const row = await repo.insertPayment(tx.db, {
      orgId: ctx.actor.orgId,
      vendorId: eng.vendorId,
      engagementId: eng.id,
      ...where,
      label: input.label,
      amountMinor: input.amountMinor,
      currency: input.currency,
      dueDate: input.dueDate,
      note: input.note ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await tx.audit({ action: 'payment.create', objectType: 'payment', objectId: row.id, objectLabel: paymentInWords(row), after: row });
    return row.id;
  });
  return getPayment(ctx, id);
}

export async function updatePayment(ctx: Ctx, id: string, input: z.output<typeof PaymentUpdate>): Promise<Payment> {
  paymentPolicy.check(ctx.actor, 'update');
  await change(ctx, async (tx) => {
    const before = paymentPolicy.authorize(ctx.actor, 'update', await repo.lockPayment(tx.db, ctx.actor.orgId, id));
    const eng = { id: before.engagementId, vendorId: before.vendorId };
    const patch: Partial<repo.PaymentRow> = Object.fromEntries(
      Object.entries({ label: input.label, amountMinor: input.amountMinor, currency: input.currency, dueDate: input.dueDate, note: input.note }).filter(([, v]) => v !== undefined),
    );
    if (input.milestoneId !== undefined) patch.milestoneId = input.milestoneId ? (await referenceMilestone(tx, input.milestoneId, eng.id)).id : null;
    if (input.contractId !== undefined) patch.contractId = input.contractId ? (await referenceContractFor(tx, input.contractId, eng, 'contractId')).id : null;
    const after = await repo.updatePayment(tx.db, ctx.actor.orgId, id, { ...patch, updatedAt: ctx.now });
    await tx.audit({ action: 'payment.update', objectType: 'payment', objectId: id, objectLabel: paymentInWords(after), before, after });
  });
  return getPayment(ctx, id);
}

/**
 * Marks a payment paid. A payment tied to a milestone whose deliverables are not all
 * accepted is blocked: paying it anyway needs the payment override permission and a
 * reason, and is flagged on the payment and in the audit trail.
 */
export async function markPaymentPaid(ctx: Ctx, id: string, input: z.output<typeof MarkPaidInput>): Promise<Payment> {
  paymentPolicy.check(ctx.actor, 'pay');
  await change(ctx, async (tx) => {
    const before = paymentPolicy.authorize(ctx.actor, 'pay', await repo.lockPayment(tx.db, ctx.actor.orgId, id));
    const found = (await repo.findPayment(tx.db, ctx.actor.orgId, id))!;
    const of = await milestoneDeliverables({ ...ctx, db: tx.db }, [found]);
    const hold = holdOf(found, of(found));
    if (hold.blocked && !input.overrideReason) {
      throw new AppError('conflict', `${hold.words} Marking it paid before then needs an override with a reason.`);
    }
    if (!hold.blocked && input.overrideReason) {
      throw AppError.invalid('overrideReason', 'This payment is not blocked: there is nothing to override.');
    }
    if (hold.blocked) paymentPolicy.check(ctx.actor, 'override');
    const after = await repo.updatePayment(tx.db, ctx.actor.orgId, id, {
      status: 'paid',
      paidOn: input.paidOn,
      paidBy: ctx.actor.userId,
      paidAt: ctx.now,
      overridden: hold.blocked,
      overrideReason: hold.blocked ? input.overrideReason! : null,
      updatedAt: ctx.now,
    });
    await tx.audit({
      action: hold.blocked ? 'payment.override_paid' : 'payment.mark_paid',
      objectType: 'payment',
      objectId: id,
      objectLabel: paymentInWords(after),
      before,
      after: hold.blocked ? { ...after, heldBecause: hold.words } : after,
    });
  });
  return getPayment(ctx, id);
}

/** Totals per month of the due date, planned and paid, one amount per currency (never summed across currencies). */
export async function paymentTotals(ctx: Ctx, q: z.output<typeof PaymentTotalsQuery>): Promise<PaymentTotals> {
  paymentPolicy.check(ctx.actor, 'list');
  const rows = await repo.paymentSums(ctx.db, ctx.actor.orgId, q);
  const months = new Map<string, { planned: Money[]; paid: Money[] }>();
  for (const r of rows) {
    const m = months.get(r.month) ?? { planned: [], paid: [] };
    (r.status === 'paid' ? m.paid : m.planned).push({ currency: r.currency, amountMinor: Number(r.amountMinor) });
    months.set(r.month, m);
  }
  const all = [...months.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    months: all.map(([month, m]) => ({ month, label: monthInWords(month), planned: totalsByCurrency(m.planned), paid: totalsByCurrency(m.paid) })),
    total: { planned: totalsByCurrency(all.flatMap(([, m]) => m.planned)), paid: totalsByCurrency(all.flatMap(([, m]) => m.paid)) },
  };
}
