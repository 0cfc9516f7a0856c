import type { z } from 'zod';
import { addDays } from '../../../domain/civil-date.ts';
import { DRILL_RESULT_LABELS } from '../../../domain/exit/readiness.ts';
import type { ActionInput, ActionUpdate, DrillInput } from '../../../shared/contracts/exit.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { requireEngagement } from '../engagements/engagements.public.ts';
import { referenceInternalUser } from '../users/users.public.ts';
import { actionPolicy, exitViewPolicy } from './exit.policy.ts';
import * as repo from './exit.repo.ts';
import { snapshotReadiness } from './readiness.ts';
import { todayOf } from './settings.ts';
import { defined } from '../../defined.ts';

/** A gap found in a drill is due this many days after the drill is recorded. */
const ACTION_DAYS = 60;

/**
 * Records a drill of the engagement's exit: each step's result and time taken. Every step
 * that was not simply done — a problem, not possible, or slower than the recovery time
 * objective — becomes an exit action to close, and readiness is computed again.
 */
export async function recordDrill(ctx: Ctx, engagementId: string, input: z.output<typeof DrillInput>): Promise<{ drill: repo.DrillRow; actions: repo.ActionRow[] }> {
  exitViewPolicy.check(ctx.actor, 'write');
  const e = await requireEngagement(ctx, 'update', engagementId);
  const today = todayOf(ctx);
  if (input.heldOn > today) throw AppError.invalid('heldOn', 'A drill is recorded after it was held; this date is in the future.');
  const keys = new Set<string>();
  for (const [i, r] of input.results.entries()) {
    if (keys.has(r.stepKey)) throw AppError.invalid(`results.${i}.stepKey`, `The step "${r.title}" is recorded twice.`);
    keys.add(r.stepKey);
  }
  return change(ctx, async (tx) => {
    const rto = (await repo.profilesOf(tx.db, ctx.actor.orgId, [engagementId]))[0]?.rtoHours ?? null;
    const drill = await repo.insertDrill(tx.db, {
      orgId: ctx.actor.orgId,
      vendorId: e.vendorId,
      engagementId,
      scenario: input.scenario,
      kind: input.kind,
      heldOn: input.heldOn,
      participants: input.participants,
      results: input.results.map((r) => ({ stepKey: r.stepKey, title: r.title, result: r.result, minutesTaken: r.minutesTaken ?? null, note: r.note ?? null })),
      notes: input.notes ?? null,
      createdAt: ctx.now,
    });
    await tx.audit({ action: 'exit_drill.record', objectType: 'exit_drill', objectId: drill.id, objectLabel: `Exit drill for ${e.name}: ${drill.scenario}`, after: drill });
    const gaps = drill.results.flatMap((r) => {
      const slow = rto !== null && r.minutesTaken !== null && r.minutesTaken > rto * 60;
      if (r.result === 'done' && !slow) return [];
      const why = [r.result !== 'done' ? DRILL_RESULT_LABELS[r.result] : null, slow ? `took ${r.minutesTaken} minutes against a recovery time objective of ${rto} hours` : null].filter(Boolean).join('; ');
      return [{ title: `Close the gap in "${r.title}"`, detail: `Drill of ${drill.heldOn} (${drill.scenario}): ${why}.${r.note ? ` ${r.note}` : ''}` }];
    });
    const actions = await repo.insertActions(
      tx.db,
      gaps.map((g) => ({ orgId: ctx.actor.orgId, vendorId: e.vendorId, engagementId, drillId: drill.id, title: g.title, detail: g.detail, status: 'open', dueOn: addDays(today, ACTION_DAYS), createdAt: ctx.now, updatedAt: ctx.now })),
    );
    for (const a of actions) await tx.audit({ action: 'exit_action.create', objectType: 'exit_action', objectId: a.id, after: a });
    await snapshotReadiness(tx, engagementId, `Drill recorded: ${drill.scenario}`);
    return { drill, actions };
  });
}

/** An action added by hand, for a gap found outside a drill (an audit, a review of the plan, a lost admin account). */
export async function createAction(ctx: Ctx, engagementId: string, input: z.output<typeof ActionInput>): Promise<repo.ActionRow> {
  actionPolicy.check(ctx.actor, 'create');
  if (input.ownerUserId) await referenceInternalUser(ctx, input.ownerUserId, 'ownerUserId');
  return change(ctx, async (tx) => {
    const e = await requireEngagement(tx, 'update', engagementId);
    const [row] = await repo.insertActions(tx.db, [
      { orgId: ctx.actor.orgId, vendorId: e.vendorId, engagementId, drillId: null, title: input.title, detail: input.detail ?? null, ownerUserId: input.ownerUserId ?? null, status: 'open', dueOn: input.dueOn ?? null, createdAt: ctx.now, updatedAt: ctx.now },
    ]);
    await tx.audit({ action: 'exit_action.create', objectType: 'exit_action', objectId: row.id, objectLabel: `Exit action for ${e.name}: ${row.title}`, after: row });
    return row;
  });
}

/** Closes or opens an action again, or changes what it says, when it is due and who owns it. */
export async function updateAction(ctx: Ctx, id: string, input: z.output<typeof ActionUpdate>): Promise<repo.ActionRow> {
  actionPolicy.check(ctx.actor, 'update');
  if (input.ownerUserId) await referenceInternalUser(ctx, input.ownerUserId, 'ownerUserId');
  return change(ctx, async (tx) => {
    const before = actionPolicy.authorize(ctx.actor, 'update', await repo.lockAction(tx.db, ctx.actor.orgId, id));
    const patch = defined({ status: input.status, title: input.title, detail: input.detail, dueOn: input.dueOn, ownerUserId: input.ownerUserId });
    const after = await repo.updateAction(tx.db, ctx.actor.orgId, id, { ...patch, updatedAt: ctx.now });
    await tx.audit({ action: 'exit_action.update', objectType: 'exit_action', objectId: id, before, after });
    return after;
  });
}
