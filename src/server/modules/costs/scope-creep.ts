import { changeValue, scopeCreep, shareInWords } from '../../../domain/costs/change-requests.ts';
import { monthLabel } from '../../../domain/costs/fiscal.ts';
import type { ScopeCreep } from '../../../shared/contracts/change-requests.ts';
import type { Ctx } from '../../context.ts';
import { contractsCovering } from '../contracts/contracts.public.ts';
import { requireEngagement } from '../engagements/engagements.public.ts';
import * as repo from './change-requests.repo.ts';
import { changeRequestPolicy } from './costs.policy.ts';

/**
 * Scope creep of an engagement: its approved (and implemented) changes as a share of the
 * original value, month by month of approval, per currency. The original value is the total
 * value of the contracts covering the engagement before the changes approved here moved it.
 */
export async function engagementScopeCreep(ctx: Ctx, engagementId: string): Promise<ScopeCreep> {
  changeRequestPolicy.check(ctx.actor, 'list');
  const eng = await requireEngagement(ctx, 'read', engagementId);
  const [agreed, contracts] = await Promise.all([repo.agreedChanges(ctx.db, ctx.actor.orgId, eng.id), contractsCovering(ctx, [eng.id])]);
  const valued = contracts.filter((c) => c.totalValueMinor !== null && c.currency !== null);
  const moved = new Map((await repo.contractAmendments(ctx.db, ctx.actor.orgId, valued.map((c) => c.id))).map((m) => [m.contractId, Number(m.movedMinor)]));
  const original = new Map<string, number>();
  for (const c of valued) original.set(c.currency!, (original.get(c.currency!) ?? 0) + c.totalValueMinor! - (moved.get(c.id) ?? 0));

  const currencies = [...new Set([...agreed.map((c) => c.currency), ...original.keys()])].sort();
  const notes = [
    'The original value is the total value of the contracts covering the engagement, before the changes approved here amended it.',
    'A change counts in full (one-off plus recurring for all its months) in the month it was approved. Currencies are never added together.',
  ];
  return {
    engagementId: eng.id,
    currencies: currencies.map((currency) => {
      const originalMinor = original.get(currency) ?? null;
      const points = scopeCreep(
        originalMinor,
        agreed.filter((c) => c.currency === currency).map((c) => ({ month: (c.decidedOn ?? c.createdAt.toISOString()).slice(0, 7), valueMinor: changeValue(c.oneOffMinor, c.recurringMinor, c.recurringMonths) })),
      );
      const last = points.at(-1);
      const share = last ? last.shareBasisPoints : originalMinor ? 0 : null;
      return {
        currency,
        originalMinor,
        approvedMinor: last?.cumulativeMinor ?? 0,
        shareBasisPoints: share,
        shareWords: shareInWords(share),
        months: points.map((p) => ({ ...p, label: monthLabel(p.month), shareWords: shareInWords(p.shareBasisPoints) })),
      };
    }),
    notes,
  };
}
