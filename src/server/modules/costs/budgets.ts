import type { z } from 'zod';
import { formatMoney } from '../../../domain/money.ts';
import type { Budget, BudgetInput, BudgetListQuery, BudgetUpdate } from '../../../shared/contracts/costs.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { referenceEngagement } from '../engagements/engagements.public.ts';
import { budgetPolicy } from './costs.policy.ts';
import { presentBudget } from './costs.presenter.ts';
import * as repo from './costs.repo.ts';
import { settingsOf } from './settings.ts';

const label = (b: repo.BudgetRow, engagementName?: string) => `${b.label} FY ${b.fiscalYear}${engagementName ? ` for ${engagementName}` : ''} (${formatMoney({ amountMinor: b.amountMinor, currency: b.currency })})`;

/** Monthly phasing needs twelve amounts adding up to the budget; even spreading takes none. */
function phasingOf(phasing: string, amountMinor: number, monthly: number[] | null | undefined): number[] | null {
  if (phasing === 'even') {
    if (monthly) throw AppError.invalid('monthlyMinor', 'A budget spread evenly takes no monthly amounts; choose monthly phasing to give them.');
    return null;
  }
  if (!monthly) throw AppError.invalid('monthlyMinor', 'Give twelve monthly amounts, one per month of the fiscal year.');
  const sum = monthly.reduce((s, m) => s + m, 0);
  if (sum !== amountMinor) throw AppError.invalid('monthlyMinor', `The twelve monthly amounts add up to ${sum} minor units, not to the budget's ${amountMinor}.`);
  return monthly;
}

export async function listBudgets(ctx: Ctx, q: z.output<typeof BudgetListQuery>) {
  budgetPolicy.check(ctx.actor, 'list');
  if (q.engagementId) await referenceEngagement(ctx, q.engagementId, 'engagementId');
  const { fiscalYearStartMonth } = await settingsOf(ctx);
  return keysetPage(q, repo.budgetSort, (after, limit) => repo.listBudgets(ctx.db, ctx.actor.orgId, q, after, limit), (r) => presentBudget(r, fiscalYearStartMonth));
}

export async function getBudget(ctx: Ctx, id: string): Promise<Budget> {
  const found = await repo.findBudget(ctx.db, ctx.actor.orgId, id);
  budgetPolicy.authorize(ctx.actor, 'read', found?.budget);
  return presentBudget(found!, (await settingsOf(ctx)).fiscalYearStartMonth);
}

export async function createBudget(ctx: Ctx, input: z.output<typeof BudgetInput>): Promise<Budget> {
  budgetPolicy.check(ctx.actor, 'create');
  const eng = await referenceEngagement(ctx, input.engagementId, 'engagementId');
  const monthlyMinor = phasingOf(input.phasing, input.amountMinor, input.monthlyMinor);
  const id = await change(ctx, async (tx) => {
    const row = await repo.insertBudget(tx.db, {
      orgId: ctx.actor.orgId,
      vendorId: eng.vendorId,
      engagementId: eng.id,
      fiscalYear: input.fiscalYear,
      label: input.label,
      amountMinor: input.amountMinor,
      currency: input.currency,
      phasing: input.phasing,
      monthlyMinor,
      spendType: input.spendType ?? null,
      note: input.note ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await tx.audit({ action: 'budget.create', objectType: 'budget', objectId: row.id, objectLabel: label(row, eng.name), after: row });
    return row.id;
  });
  return getBudget(ctx, id);
}

export async function updateBudget(ctx: Ctx, id: string, input: z.output<typeof BudgetUpdate>): Promise<Budget> {
  budgetPolicy.check(ctx.actor, 'update');
  await change(ctx, async (tx) => {
    const before = budgetPolicy.authorize(ctx.actor, 'update', await repo.lockBudget(tx.db, ctx.actor.orgId, id));
    const patch: Partial<repo.BudgetRow> = Object.fromEntries(
      Object.entries({ fiscalYear: input.fiscalYear, label: input.label, amountMinor: input.amountMinor, currency: input.currency, spendType: input.spendType, note: input.note }).filter(([, v]) => v !== undefined),
    );
    const phasing = input.phasing ?? before.phasing;
    const amount = input.amountMinor ?? before.amountMinor;
    // The phasing is checked again whenever the amount or the months change.
    if (input.phasing !== undefined || input.amountMinor !== undefined || input.monthlyMinor !== undefined) {
      const monthly = input.monthlyMinor !== undefined ? input.monthlyMinor : phasing === 'monthly' && input.phasing === undefined ? before.monthlyMinor : undefined;
      patch.phasing = phasing;
      patch.monthlyMinor = phasingOf(phasing, amount, monthly);
    }
    const after = await repo.updateBudget(tx.db, ctx.actor.orgId, id, { ...patch, updatedAt: ctx.now });
    await tx.audit({ action: 'budget.update', objectType: 'budget', objectId: id, objectLabel: label(after), before, after });
  });
  return getBudget(ctx, id);
}

export async function deleteBudget(ctx: Ctx, id: string): Promise<{ ok: true }> {
  budgetPolicy.check(ctx.actor, 'delete');
  await change(ctx, async (tx) => {
    const before = budgetPolicy.authorize(ctx.actor, 'delete', await repo.lockBudget(tx.db, ctx.actor.orgId, id));
    await repo.deleteBudget(tx.db, ctx.actor.orgId, id);
    await tx.audit({ action: 'budget.delete', objectType: 'budget', objectId: id, objectLabel: label(before), before });
  });
  return { ok: true };
}
