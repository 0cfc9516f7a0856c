import { whatMoved } from '../../../domain/exit/history.ts';
import type { Ctx } from '../../context.ts';
import { change } from '../audit/audit.public.ts';
import { exitViewPolicy } from './exit.policy.ts';
import * as repo from './exit.repo.ts';
import { computeReadiness, pointsOf, runningEngagements } from './readiness.ts';

/**
 * The daily check: readiness also moves with no exit change — a clause review, a contract
 * ending, a drill's credit fading day by day — and the history would not show it. Each
 * running engagement whose score moved since its last point gets one, naming the factors
 * that moved. One check per organisation at a time, so two servers write each point once.
 */
export async function recordReadinessDrift(ctx: Ctx): Promise<{ recorded: number }> {
  exitViewPolicy.check(ctx.actor, 'write');
  const ids = (await runningEngagements(ctx)).map((e) => e.id);
  return change(ctx, async (tx) => {
    await repo.lockDailyCheck(tx.db, ctx.actor.orgId);
    const now = await computeReadiness(tx, ids);
    const last = new Map((await repo.lastSnapshots(tx.db, ctx.actor.orgId, ids)).map((s) => [s.engagementId, s]));
    const rows = ids
      .filter((id) => last.get(id)?.score !== now.get(id)!.readiness.score)
      .map((id) => {
        const points = pointsOf(now.get(id)!.readiness);
        return { orgId: ctx.actor.orgId, engagementId: id, score: now.get(id)!.readiness.score, reason: whatMoved(last.get(id)?.points ?? null, points), points, takenAt: ctx.now };
      });
    await repo.insertSnapshots(tx.db, rows);
    return { recorded: rows.length };
  });
}
