import { formatMoney } from '../../../domain/money.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { contractPolicy } from './contracts.policy.ts';
import * as repo from './contracts.repo.ts';

export interface ValueAmendment {
  /** Whether the total value moved; when not, `words` says why. */
  applied: boolean;
  beforeMinor: number | null;
  afterMinor: number | null;
  words: string;
}

/**
 * Moves a contract's total value by an agreed change (an approved change request), as an
 * amendment the contract's history shows (`contract.amend_value`, with the reason). Only a
 * contract with a total value in the change's currency can be moved: amounts are never
 * converted or added across currencies. Runs inside the caller's change when there is one.
 */
export async function amendContractValue(ctx: Ctx, contractId: string, a: { deltaMinor: number; currency: string; because: string }): Promise<ValueAmendment> {
  contractPolicy.check(ctx.actor, 'update');
  return change(ctx, async (tx) => {
    const before = contractPolicy.authorize(ctx.actor, 'update', await repo.lockContract(tx.db, ctx.actor.orgId, contractId));
    const money = (m: number) => formatMoney({ amountMinor: m, currency: a.currency });
    if (before.totalValueMinor === null || before.currency === null) {
      return { applied: false, beforeMinor: null, afterMinor: null, words: `The contract "${before.title}" has no total value, so its value was not changed.` };
    }
    if (before.currency !== a.currency) {
      return { applied: false, beforeMinor: before.totalValueMinor, afterMinor: null, words: `The contract "${before.title}" is valued in ${before.currency}, the change in ${a.currency}: its value was not changed (amounts are never converted silently).` };
    }
    const afterMinor = before.totalValueMinor + a.deltaMinor;
    // A descoping change cannot take off more than the contract is worth.
    if (afterMinor < 0) throw new AppError('conflict', `This saving of ${money(-a.deltaMinor)} is more than the value of contract "${before.title}" (${money(before.totalValueMinor)}); correct the change or the contract first.`);
    const after = await repo.updateContract(tx.db, ctx.actor.orgId, contractId, { totalValueMinor: afterMinor, updatedAt: ctx.now });
    await tx.audit({
      action: 'contract.amend_value',
      objectType: 'contract',
      objectId: contractId,
      objectLabel: before.title,
      before: { totalValueMinor: before.totalValueMinor, currency: before.currency },
      after: { totalValueMinor: after.totalValueMinor, currency: after.currency, because: a.because },
    });
    return { applied: true, beforeMinor: before.totalValueMinor, afterMinor, words: `The value of contract "${before.title}" went from ${money(before.totalValueMinor)} to ${money(afterMinor)}.` };
  });
}
