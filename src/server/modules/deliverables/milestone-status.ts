import { paymentHold } from '../../../domain/contracts/deliverables.ts';
import { DELIVERABLE_STATUS_LABELS, type DeliverableStatusT } from '../../../shared/contracts/deliverables.ts';
import type { Ctx } from '../../context.ts';
import { milestonePolicy } from './deliverables.policy.ts';
import { factsOf } from './deliverables.presenter.ts';
import * as repo from './deliverables.repo.ts';

export interface MilestoneAcceptance {
  id: string;
  name: string;
  /** Every deliverable of the milestone is accepted (a milestone without deliverables counts as accepted, like a payment's hold). */
  accepted: boolean;
  /** The deliverables still waiting, in words: "Load test report" (in progress). */
  waitingFor: string[];
}

/** Whether each milestone's deliverables are all accepted (other modules bill or pay against it): milestones the actor may see, others left out. */
export async function milestoneAcceptance(ctx: Ctx, ids: readonly string[]): Promise<Map<string, MilestoneAcceptance>> {
  milestonePolicy.check(ctx.actor, 'list');
  const unique = [...new Set(ids)];
  const out = new Map<string, MilestoneAcceptance>();
  if (unique.length === 0) return out;
  const deliverables = await repo.deliverablesOfMilestones(ctx.db, ctx.actor.orgId, unique);
  for (const id of unique) {
    const m = await repo.findMilestoneRow(ctx.db, ctx.actor.orgId, id);
    if (!m || !milestonePolicy.can(ctx.actor, 'read', m)) continue;
    const hold = paymentHold(deliverables.filter((d) => d.milestoneId === id).map(factsOf));
    out.set(id, {
      id,
      name: m.name,
      accepted: !hold.blocked,
      waitingFor: hold.waitingFor.map((d) => `"${d.title}" (${DELIVERABLE_STATUS_LABELS[d.status as DeliverableStatusT]?.toLowerCase() ?? d.status})`),
    });
  }
  return out;
}
