import type { Ctx } from '../../context.ts';
import { contractsCovering } from '../contracts/contracts.public.ts';
import { gapPolicy } from './clauses.policy.ts';
import { effectiveReviews, inForce, todayOf } from './gaps.ts';
import { requirementModel } from './requirements.ts';

export type ClausePresence = 'present' | 'weak' | 'missing' | 'not_applicable';
const RANK: Record<ClausePresence, number> = { present: 0, not_applicable: 1, weak: 2, missing: 3 };

/**
 * For other modules (exit readiness reads the exit-assistance clause): per engagement, the
 * best effective review of a built-in clause (by its key, "exit_assistance") across the
 * contracts in force covering it; an engagement with no such review is left out.
 */
export async function builtinClauseByEngagement(ctx: Ctx, builtinKey: string, engagementIds: readonly string[]): Promise<Map<string, ClausePresence>> {
  gapPolicy.check(ctx.actor, 'list');
  const out = new Map<string, ClausePresence>();
  if (engagementIds.length === 0) return out;
  const model = await requirementModel(ctx);
  const clause = [...model.clauses.values()].find((c) => c.builtinKey === builtinKey);
  if (!clause) return out;
  const today = todayOf(ctx);
  const covering = (await contractsCovering(ctx, engagementIds)).filter((c) => inForce(c, today));
  const reviews = await effectiveReviews(ctx, covering);
  const wanted = new Set(engagementIds);
  for (const c of covering) {
    const status = reviews.effective(c.id, clause.id)?.review.status as ClausePresence | undefined;
    if (!status) continue;
    for (const e of c.engagementIds) {
      if (!wanted.has(e)) continue;
      const had = out.get(e);
      if (!had || RANK[status] < RANK[had]) out.set(e, status);
    }
  }
  return out;
}
