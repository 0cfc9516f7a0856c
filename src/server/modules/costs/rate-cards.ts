import type { z } from 'zod';
import { formatMoney } from '../../../domain/money.ts';
import type { RateCardItem, RateCardItemInput, RateCardItemUpdate, RateCardListQuery } from '../../../shared/contracts/costs.ts';
import { RATE_UNIT_LABELS } from '../../../shared/contracts/costs.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { referenceContract } from '../contracts/contracts.public.ts';
import { rateCardItemPolicy } from './costs.policy.ts';
import { presentRateCardItem } from './costs.presenter.ts';
import * as repo from './costs.repo.ts';

const label = (i: repo.RateCardItemRow) => `${i.name} ${RATE_UNIT_LABELS[i.unit as keyof typeof RATE_UNIT_LABELS] ?? i.unit} at ${formatMoney({ amountMinor: i.unitPriceMinor, currency: i.currency })}`;

function validity(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && to < from) throw AppError.invalid('validTo', 'The item cannot stop being valid before it starts.');
}

/** A contract's rate card (or every item of the organisation's rate cards), by name. */
export async function listRateCardItems(ctx: Ctx, q: z.output<typeof RateCardListQuery>) {
  rateCardItemPolicy.check(ctx.actor, 'list');
  if (q.contractId) await referenceContract(ctx, q.contractId, 'contractId');
  return keysetPage(q, repo.rateSort, (after, limit) => repo.listRateCardItems(ctx.db, ctx.actor.orgId, q, after, limit), presentRateCardItem);
}

export async function getRateCardItem(ctx: Ctx, id: string): Promise<RateCardItem> {
  const found = await repo.findRateCardItem(ctx.db, ctx.actor.orgId, id);
  rateCardItemPolicy.authorize(ctx.actor, 'read', found?.item);
  return presentRateCardItem(found!);
}

/** A rate card item named on an invoice line: one of the organisation's, on the invoice's contract; else an invalid field. */
export async function referenceRateCardItem(ctx: Ctx, id: string, contractId: string | null, field: string): Promise<repo.RateCardItemRow> {
  const item = rateCardItemPolicy.reference(ctx.actor, 'reference', await repo.findRateCardItemRow(ctx.db, ctx.actor.orgId, id), field, 'Choose an item of the contract’s rate card.');
  if (!contractId) throw AppError.invalid(field, 'Name the invoice’s contract before choosing an item of its rate card.');
  if (item.contractId !== contractId) throw AppError.invalid(field, 'This item is on the rate card of another contract.');
  return item;
}

export async function createRateCardItem(ctx: Ctx, input: z.output<typeof RateCardItemInput>): Promise<RateCardItem> {
  rateCardItemPolicy.check(ctx.actor, 'create');
  const contract = await referenceContract(ctx, input.contractId, 'contractId');
  validity(input.validFrom, input.validTo);
  const id = await change(ctx, async (tx) => {
    const row = await repo.insertRateCardItem(tx.db, {
      orgId: ctx.actor.orgId,
      vendorId: contract.vendorId,
      contractId: contract.id,
      name: input.name,
      unit: input.unit,
      unitPriceMinor: input.unitPriceMinor,
      currency: input.currency,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await tx.audit({ action: 'rate_card_item.create', objectType: 'rate_card_item', objectId: row.id, objectLabel: `${label(row)} (${contract.title})`, after: row });
    return row.id;
  });
  return getRateCardItem(ctx, id);
}

export async function updateRateCardItem(ctx: Ctx, id: string, input: z.output<typeof RateCardItemUpdate>): Promise<RateCardItem> {
  rateCardItemPolicy.check(ctx.actor, 'update');
  await change(ctx, async (tx) => {
    const before = rateCardItemPolicy.authorize(ctx.actor, 'update', await repo.lockRateCardItem(tx.db, ctx.actor.orgId, id));
    const patch: Partial<repo.RateCardItemRow> = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    validity(patch.validFrom !== undefined ? patch.validFrom : before.validFrom, patch.validTo !== undefined ? patch.validTo : before.validTo);
    const after = await repo.updateRateCardItem(tx.db, ctx.actor.orgId, id, { ...patch, updatedAt: ctx.now });
    await tx.audit({ action: 'rate_card_item.update', objectType: 'rate_card_item', objectId: id, objectLabel: label(after), before, after });
  });
  return getRateCardItem(ctx, id);
}

/** Removes an item no invoice line names; one that is named stays (end its validity instead). */
export async function deleteRateCardItem(ctx: Ctx, id: string): Promise<{ ok: true }> {
  rateCardItemPolicy.check(ctx.actor, 'delete');
  await change(ctx, async (tx) => {
    const before = rateCardItemPolicy.authorize(ctx.actor, 'delete', await repo.lockRateCardItem(tx.db, ctx.actor.orgId, id));
    if (await repo.rateCardItemInUse(tx.db, ctx.actor.orgId, id)) {
      throw new AppError('conflict', `"${before.name}" is named on an invoice line, so it stays on the rate card; set "valid to" to end it instead.`);
    }
    await repo.deleteRateCardItem(tx.db, ctx.actor.orgId, id);
    await tx.audit({ action: 'rate_card_item.delete', objectType: 'rate_card_item', objectId: id, objectLabel: label(before), before });
  });
  return { ok: true };
}
