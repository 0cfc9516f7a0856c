import type { z } from 'zod';
import { CHECK_LABELS, type CheckCode } from '../../../domain/costs/checks.ts';
import type { ApproveInvoiceInput, CheckInvoiceInput, DisputeInvoiceInput, InvoiceDetail, OverrideCheckInput, PayInvoiceInput } from '../../../shared/contracts/costs.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change, type TxCtx } from '../audit/audit.public.ts';
import { invoicePolicy } from './costs.policy.ts';
import { invoiceInWords } from './costs.presenter.ts';
import * as repo from './costs.repo.ts';
import { getInvoice } from './invoices.ts';

type Action = 'check' | 'approve' | 'pay' | 'dispute';

/** One step of the workflow: the policy's state rule, then the change and its audit row. */
async function step(ctx: Ctx, id: string, action: Action, audit: string, fn: (tx: TxCtx, before: repo.InvoiceRow) => Promise<Partial<repo.InvoiceRow>>): Promise<InvoiceDetail> {
  invoicePolicy.check(ctx.actor, action);
  await change(ctx, async (tx) => {
    const before = invoicePolicy.authorize(ctx.actor, action, await repo.lockInvoice(tx.db, ctx.actor.orgId, id));
    const patch = await fn(tx, before);
    const after = await repo.updateInvoice(tx.db, ctx.actor.orgId, id, { ...patch, updatedAt: ctx.now });
    await tx.audit({ action: audit, objectType: 'invoice', objectId: id, objectLabel: invoiceInWords(after), before, after });
  });
  return getInvoice(ctx, id);
}

/** Someone read the invoice against its checks: received → checked. */
export function markInvoiceChecked(ctx: Ctx, id: string, input: z.output<typeof CheckInvoiceInput>) {
  return step(ctx, id, 'check', 'invoice.mark_checked', async (_tx, before) => ({ status: 'checked', note: input.note ?? before.note }));
}

/** Checked → approved, only while no failing check is left without an override (409 naming them). */
export function approveInvoice(ctx: Ctx, id: string, input: z.output<typeof ApproveInvoiceInput>) {
  return step(ctx, id, 'approve', 'invoice.approve', async (tx, before) => {
    const open = (await repo.checksOf(tx.db, ctx.actor.orgId, id)).filter((c) => c.check.overrideReason === null);
    if (open.length) {
      const list = open.map((c) => `"${CHECK_LABELS[c.check.code as CheckCode] ?? c.check.code}"${c.check.linePosition ? ` (line ${c.check.linePosition})` : ''}: ${c.check.words}`).join(' ');
      throw new AppError('conflict', `The invoice cannot be approved while ${open.length === 1 ? 'a check fails' : `${open.length} checks fail`}. ${list} Override each with a reason, or dispute the invoice.`, {
        issues: open.map((c) => ({ path: 'checks', message: c.check.key })),
      });
    }
    return { status: 'approved', decidedBy: ctx.actor.userId, decidedAt: ctx.now, note: input.note ?? before.note };
  });
}

export function payInvoice(ctx: Ctx, id: string, input: z.output<typeof PayInvoiceInput>) {
  return step(ctx, id, 'pay', 'invoice.mark_paid', async (_tx, before) => {
    if (input.paidOn < before.invoiceDate) throw AppError.invalid('paidOn', 'The invoice cannot be paid before its own date.');
    return { status: 'paid', paidOn: input.paidOn };
  });
}

/** Disputed with a reason, from anything not paid; editing the invoice (a corrected copy) starts it over as received. */
export function disputeInvoice(ctx: Ctx, id: string, input: z.output<typeof DisputeInvoiceInput>) {
  return step(ctx, id, 'dispute', 'invoice.dispute', async () => ({ status: 'disputed', disputeReason: input.reason, decidedBy: ctx.actor.userId, decidedAt: ctx.now }));
}

/** Lets the invoice through one failing check, with a reason the audit trail keeps beside the check's words. */
export async function overrideInvoiceCheck(ctx: Ctx, id: string, input: z.output<typeof OverrideCheckInput>): Promise<InvoiceDetail> {
  invoicePolicy.check(ctx.actor, 'override');
  await change(ctx, async (tx) => {
    const inv = invoicePolicy.authorize(ctx.actor, 'override', await repo.lockInvoice(tx.db, ctx.actor.orgId, id));
    const checks = await repo.checksOf(tx.db, ctx.actor.orgId, id);
    const found = checks.find((c) => c.check.key === input.key);
    if (!found) throw AppError.invalid('key', 'This invoice has no such failing check.');
    if (found.check.overrideReason !== null) throw AppError.invalid('key', 'This check is already overridden.');
    await repo.overrideCheck(tx.db, ctx.actor.orgId, id, input.key, { overrideReason: input.reason, overriddenBy: ctx.actor.userId, overriddenAt: ctx.now });
    await tx.audit({
      action: 'invoice.override_check',
      objectType: 'invoice',
      objectId: id,
      objectLabel: invoiceInWords(inv),
      before: { check: CHECK_LABELS[found.check.code as CheckCode], words: found.check.words },
      after: { check: CHECK_LABELS[found.check.code as CheckCode], words: found.check.words, overrideReason: input.reason },
    });
  });
  return getInvoice(ctx, id);
}
