import type { z } from 'zod';
import type { ActionInput, ActionItem, ActionListQuery, ActionUpdate, PortalActionItem, PortalActionListQuery, PortalActionUpdate } from '../../../shared/contracts/governance.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { change, type TxCtx } from '../audit/audit.public.ts';
import { referenceEngagement, type EngagementRow } from '../engagements/engagements.public.ts';
import { referenceInternalUser, referenceVendorContact } from '../users/users.public.ts';
import { actionPolicy, meetingPolicy } from './governance.policy.ts';
import { presentAction, presentPortalAction } from './governance.presenter.ts';
import * as repo from './governance.repo.ts';
import { todayOf } from './settings.ts';

type NewAction = { title: string; ownerSide: 'client' | 'vendor'; ownerId?: string | null; dueOn: string; internalNote?: string | null };

/** The owner must stand on the side named: one of the client's users, or a contact of the engagement's vendor. */
async function checkOwner(ctx: Ctx, eng: EngagementRow, side: 'client' | 'vendor', ownerId: string | null | undefined, field: string) {
  if (!ownerId) return;
  if (side === 'client') await referenceInternalUser(ctx, ownerId, field);
  else await referenceVendorContact(ctx, ownerId, eng.vendorId, field);
}

/** Adds actions inside a change already open (a meeting's minutes, or one action). */
export async function insertActionsIn(ctx: Ctx, tx: TxCtx, eng: EngagementRow, meetingId: string | null, actions: readonly NewAction[], field: string): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, a] of actions.entries()) {
    await checkOwner(tx, eng, a.ownerSide, a.ownerId, field === 'actions' ? `actions.${i}.ownerId` : 'ownerId');
    const row = await repo.insertAction(tx.db, {
      orgId: ctx.actor.orgId,
      vendorId: eng.vendorId,
      engagementId: eng.id,
      meetingId,
      title: a.title,
      ownerSide: a.ownerSide,
      ownerId: a.ownerId ?? null,
      dueOn: a.dueOn,
      status: 'open',
      internalNote: a.internalNote ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await tx.audit({ action: 'action_item.create', objectType: 'action_item', objectId: row.id, objectLabel: `${row.title} (${eng.name})`, after: row });
    ids.push(row.id);
  }
  return ids;
}

export async function listActions(ctx: Ctx, q: z.output<typeof ActionListQuery>) {
  actionPolicy.check(ctx.actor, 'list');
  if (q.engagementId) await referenceEngagement(ctx, q.engagementId, 'engagementId');
  const f: repo.ActionFilter = { engagementId: q.engagementId, ownerId: q.mine === 'true' ? ctx.actor.userId : undefined, statuses: q.status };
  const today = todayOf(ctx);
  const page = await keysetPage(q, repo.actionSort, (after, limit) => repo.listActions(ctx.db, ctx.actor.orgId, f, after, limit), (r) => presentAction(r, today));
  return { ...page, total: await repo.countActions(ctx.db, ctx.actor.orgId, f) };
}

export async function getAction(ctx: Ctx, id: string): Promise<ActionItem> {
  const found = await repo.findAction(ctx.db, ctx.actor.orgId, id);
  actionPolicy.authorize(ctx.actor, 'read', found?.action);
  if (ctx.actor.role === 'vendor_contact') throw AppError.notFound(actionPolicy.label);
  return presentAction(found!, todayOf(ctx));
}

export async function createAction(ctx: Ctx, input: z.output<typeof ActionInput>): Promise<ActionItem> {
  actionPolicy.check(ctx.actor, 'create');
  const eng = await referenceEngagement(ctx, input.engagementId, 'engagementId');
  if (input.meetingId) {
    const m = meetingPolicy.reference(ctx.actor, 'reference', (await repo.findMeeting(ctx.db, ctx.actor.orgId, input.meetingId))?.meeting, 'meetingId', 'Choose a meeting of this engagement.');
    if (m.engagementId !== eng.id) throw AppError.invalid('meetingId', 'Choose a meeting of this engagement.');
  }
  const [id] = await change(ctx, (tx) => insertActionsIn(ctx, tx, eng, input.meetingId ?? null, [input], 'ownerId'));
  return getAction(ctx, id);
}

/** Edits an action; marking it done records the day, opening it again clears it. */
export async function updateAction(ctx: Ctx, id: string, input: z.output<typeof ActionUpdate>): Promise<ActionItem> {
  actionPolicy.check(ctx.actor, 'update');
  await change(ctx, async (tx) => {
    const before = actionPolicy.authorize(ctx.actor, 'update', await repo.lockAction(tx.db, ctx.actor.orgId, id));
    const side = input.ownerSide ?? (before.ownerSide as 'client' | 'vendor');
    // A change of side without a new owner leaves nobody named rather than someone of the wrong side.
    const ownerId = input.ownerId !== undefined ? input.ownerId : input.ownerSide && input.ownerSide !== before.ownerSide ? null : before.ownerId;
    if (input.ownerId !== undefined || input.ownerSide !== undefined) {
      const eng = await referenceEngagement(tx, before.engagementId, 'engagementId');
      await checkOwner(tx, eng, side, ownerId, 'ownerId');
    }
    const status = input.status ?? before.status;
    const after = await repo.updateAction(tx.db, ctx.actor.orgId, id, {
      title: input.title ?? before.title,
      ownerSide: side,
      ownerId,
      dueOn: input.dueOn ?? before.dueOn,
      status,
      doneOn: status === 'done' ? (before.status === 'done' ? before.doneOn : todayOf(ctx)) : null,
      internalNote: input.internalNote !== undefined ? input.internalNote : before.internalNote,
      updatedAt: ctx.now,
    });
    await tx.audit({ action: 'action_item.update', objectType: 'action_item', objectId: id, objectLabel: after.title, before, after });
  });
  return getAction(ctx, id);
}

// ---------------------------------------------------------------- the vendor's side (portal)

export async function listOwnActions(ctx: Ctx, q: z.output<typeof PortalActionListQuery>) {
  actionPolicy.check(ctx.actor, 'listOwn');
  const f: repo.ActionFilter = { vendorSideOf: ctx.actor.vendorId ?? '00000000-0000-0000-0000-000000000000', statuses: q.status };
  const today = todayOf(ctx);
  const page = await keysetPage(q, repo.actionSort, (after, limit) => repo.listActions(ctx.db, ctx.actor.orgId, f, after, limit), (r) => presentPortalAction(r, today));
  return { ...page, total: await repo.countActions(ctx.db, ctx.actor.orgId, f) };
}

async function getOwnAction(ctx: Ctx, id: string): Promise<PortalActionItem> {
  const found = await repo.findAction(ctx.db, ctx.actor.orgId, id);
  actionPolicy.authorize(ctx.actor, 'read', found?.action);
  return presentPortalAction(found!, todayOf(ctx));
}

/** The vendor marks one of its side's actions done (or open again), with a note both sides read. */
export async function vendorUpdateAction(ctx: Ctx, id: string, input: z.output<typeof PortalActionUpdate>): Promise<PortalActionItem> {
  actionPolicy.check(ctx.actor, 'vendorUpdate');
  await change(ctx, async (tx) => {
    const before = actionPolicy.authorize(ctx.actor, 'vendorUpdate', await repo.lockAction(tx.db, ctx.actor.orgId, id));
    const after = await repo.updateAction(tx.db, ctx.actor.orgId, id, {
      status: input.status,
      doneOn: input.status === 'done' ? (before.status === 'done' ? before.doneOn : todayOf(ctx)) : null,
      vendorNote: input.vendorNote !== undefined ? input.vendorNote : before.vendorNote,
      updatedAt: ctx.now,
    });
    await tx.audit({ action: 'action_item.vendor_update', objectType: 'action_item', objectId: id, objectLabel: after.title, before, after });
  });
  return getOwnAction(ctx, id);
}
