import type { z } from 'zod';
import { amendMonths, changeValue } from '../../../domain/costs/change-requests.ts';
import { fiscalMonths, fiscalYearOf } from '../../../domain/costs/fiscal.ts';
import { formatMoney } from '../../../domain/money.ts';
import type { ApproveChangeInput, ChangeRequest, ImplementChangeInput, PortalChangeRequest, RejectChangeInput, ReviewChangeInput, WithdrawChangeInput } from '../../../shared/contracts/change-requests.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change, type TxCtx } from '../audit/audit.public.ts';
import { amendContractValue } from '../contracts/contracts.public.ts';
import { getChangeRequest, getOwnChangeRequest } from './change-requests.ts';
import * as repo from './change-requests.repo.ts';
import { changeRequestPolicy } from './costs.policy.ts';
import { changeInWords, monthlyOf } from './costs.presenter.ts';
import { recheck } from './invoice-checks.ts';
import { settingsOf, todayOf } from './settings.ts';

type Action = 'review' | 'approve' | 'reject' | 'implement';

/** One step of the workflow: the policy (role, visibility, state), the change, its audit row. */
async function step(
  ctx: Ctx,
  id: string,
  action: Action,
  audit: string,
  fn: (tx: TxCtx, before: repo.ChangeRequestRow) => Promise<Partial<repo.ChangeRequestRow>>,
  then?: (tx: TxCtx) => Promise<void>,
): Promise<ChangeRequest> {
  changeRequestPolicy.check(ctx.actor, action);
  await change(ctx, async (tx) => {
    const before = changeRequestPolicy.authorize(ctx.actor, action, await repo.lockChangeRequest(tx.db, ctx.actor.orgId, id));
    const patch = await fn(tx, before);
    const after = await repo.updateChangeRequest(tx.db, ctx.actor.orgId, id, { ...patch, updatedAt: ctx.now });
    await tx.audit({ action: audit, objectType: 'change_request', objectId: id, objectLabel: changeInWords(after), before, after });
    await then?.(tx);
  });
  return getChangeRequest(ctx, id);
}

/** Invoices still open that bill this change are checked again: its decision changes what their lines may bill. */
async function recheckInvoicesBilling(tx: TxCtx, id: string, opts: { milestonesUnchanged?: boolean } = {}) {
  for (const r of await repo.openInvoicesBilling(tx.db, tx.actor.orgId, id)) await recheck(tx, r.invoice, r.contractTitle, opts);
}

/** Proposed → under review: the client is looking at it (the vendor sees that in the portal). */
export function reviewChangeRequest(ctx: Ctx, id: string, input: z.output<typeof ReviewChangeInput>) {
  return step(ctx, id, 'review', 'change_request.start_review', async (_tx, before) => ({ status: 'under_review', decisionNote: input.note ?? before.decisionNote }));
}

/**
 * The budget of the engagement for the fiscal year of the approval, in the change's currency,
 * takes the change's cost from the approval month on (one-off then, recurring each month to
 * the year's end at most); what falls after the year's end is said, not added.
 */
async function amendBudgetBy(tx: TxCtx, cr: repo.ChangeRequestRow, today: string) {
  const money = (m: number) => formatMoney({ amountMinor: m, currency: cr.currency });
  const s = await settingsOf(tx);
  const fy = fiscalYearOf(today, s.fiscalYearStartMonth);
  const budget = await repo.lockBudgetFor(tx.db, tx.actor.orgId, cr.engagementId, fy, cr.currency);
  if (!budget) return { budgetId: null, budgetAddedMinor: null, words: `The engagement has no budget for FY ${fy} in ${cr.currency}, so no budget was changed.` };
  const index = fiscalMonths(fy, s.fiscalYearStartMonth).indexOf(today.slice(0, 7));
  const { months, addedMinor } = amendMonths(monthlyOf(budget), index, cr.oneOffMinor, cr.recurringMinor, cr.recurringMonths);
  const after = await repo.amendBudget(tx.db, tx.actor.orgId, budget.id, { amountMinor: budget.amountMinor + addedMinor, phasing: 'monthly', monthlyMinor: months, updatedAt: tx.now });
  await tx.audit({
    action: 'budget.amend_by_change',
    objectType: 'budget',
    objectId: budget.id,
    objectLabel: `${budget.label} FY ${budget.fiscalYear} (${money(after.amountMinor)})`,
    before: budget,
    after: { ...after, because: `${changeInWords(cr)} approved` },
  });
  const rest = changeValue(cr.oneOffMinor, cr.recurringMinor, cr.recurringMonths) - addedMinor;
  const did = addedMinor >= 0 ? `Added ${money(addedMinor)} to` : `Took ${money(-addedMinor)} off`;
  const later = rest > 0 ? `; the remaining ${money(rest)} falls after that fiscal year` : rest < 0 ? `; the remaining saving of ${money(-rest)} falls after that fiscal year` : '';
  return {
    budgetId: budget.id,
    budgetAddedMinor: addedMinor,
    words: `${did} the budget "${budget.label}" of FY ${fy} (now ${money(after.amountMinor)})${later}.`,
  };
}

/** Approving amends the budget and the contract value (each as a change the history shows), and says in words what it did. */
export function approveChangeRequest(ctx: Ctx, id: string, input: z.output<typeof ApproveChangeInput>) {
  return step(
    ctx,
    id,
    'approve',
    'change_request.approve',
    async (tx, before) => {
    const today = todayOf(ctx);
    const value = changeValue(before.oneOffMinor, before.recurringMinor, before.recurringMonths);
    const words: string[] = [];
    let budget: { budgetId: string | null; budgetAddedMinor: number | null } = { budgetId: null, budgetAddedMinor: null };
    let contract: { contractValueBeforeMinor: number | null; contractValueAfterMinor: number | null } = { contractValueBeforeMinor: null, contractValueAfterMinor: null };
    if (value === 0) words.push('The change costs nothing, so no budget or contract value was changed.');
    else {
      const b = await amendBudgetBy(tx, before, today);
      budget = { budgetId: b.budgetId, budgetAddedMinor: b.budgetAddedMinor };
      words.push(b.words);
      if (before.contractId) {
        const a = await amendContractValue(tx, before.contractId, { deltaMinor: value, currency: before.currency, because: `${changeInWords(before)} approved` });
        if (a.applied) contract = { contractValueBeforeMinor: a.beforeMinor, contractValueAfterMinor: a.afterMinor };
        words.push(a.words);
      } else words.push('The change names no contract, so no contract value was changed.');
    }
    return { status: 'approved', decidedBy: ctx.actor.userId, decidedOn: today, decisionNote: input.note ?? null, ...budget, ...contract, amendments: words };
    },
    (tx) => recheckInvoicesBilling(tx, id),
  );
}

/** Rejected with a reason the vendor reads in the portal. */
export function rejectChangeRequest(ctx: Ctx, id: string, input: z.output<typeof RejectChangeInput>) {
  return step(
    ctx,
    id,
    'reject',
    'change_request.reject',
    async () => ({ status: 'rejected', decidedBy: ctx.actor.userId, decidedOn: todayOf(ctx), decisionNote: input.reason }),
    (tx) => recheckInvoicesBilling(tx, id),
  );
}

/** Approved → implemented, on the day the work was done (not before it was approved). */
export function implementChangeRequest(ctx: Ctx, id: string, input: z.output<typeof ImplementChangeInput>) {
  return step(ctx, id, 'implement', 'change_request.mark_implemented', async (_tx, before) => {
    if (before.decidedOn && input.implementedOn < before.decidedOn) throw AppError.invalid('implementedOn', 'The change cannot be implemented before it was approved.');
    return { status: 'implemented', implementedOn: input.implementedOn };
  });
}

/**
 * The vendor takes back a change it raised before the client decided it; the reason, if given,
 * is what the client reads. An open invoice billing it keeps a failing check (a withdrawn
 * change is no more agreed than a proposed one), checked again so its words say "withdrawn";
 * the milestone checks stand as stored (a withdrawal moves no milestone, and the vendor
 * contact may not read milestones). The vendor never reads the invoice or its checks.
 */
export async function withdrawOwnChangeRequest(ctx: Ctx, id: string, input: z.output<typeof WithdrawChangeInput>): Promise<PortalChangeRequest> {
  changeRequestPolicy.check(ctx.actor, 'withdraw');
  await change(ctx, async (tx) => {
    const before = changeRequestPolicy.authorize(ctx.actor, 'withdraw', await repo.lockChangeRequest(tx.db, ctx.actor.orgId, id));
    const after = await repo.updateChangeRequest(tx.db, ctx.actor.orgId, id, { status: 'withdrawn', decisionNote: input.reason ?? null, updatedAt: ctx.now });
    await tx.audit({ action: 'change_request.withdraw', objectType: 'change_request', objectId: id, objectLabel: changeInWords(after), before, after });
    await recheckInvoicesBilling(tx, id, { milestonesUnchanged: true });
  });
  return getOwnChangeRequest(ctx, id);
}
