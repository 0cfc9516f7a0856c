import type { z } from 'zod';
import type { Engagement, EngagementInput, EngagementListQuery, EngagementUpdate } from '../../../shared/contracts/engagements.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { recordAudit } from '../audit/record.ts';
import { vendorExists } from '../vendors/vendors.repo.ts';
import { checkInternalOwner } from '../vendors/vendors.service.ts';
import * as repo from './engagements.repo.ts';

function toEngagement(r: repo.EngagementWithExtras): Engagement {
  const e = r.engagement;
  return {
    id: e.id,
    vendorId: e.vendorId,
    vendorName: r.vendorName,
    name: e.name,
    description: e.description,
    serviceType: e.serviceType as Engagement['serviceType'],
    criticality: e.criticality as Engagement['criticality'],
    startDate: e.startDate,
    endDate: e.endDate,
    status: e.status as Engagement['status'],
    internalOwnerId: e.internalOwnerId,
    internalOwnerName: r.internalOwnerName,
    businessServices: e.businessServices,
    archived: e.archivedAt !== null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function listEngagements(ctx: Ctx, q: z.output<typeof EngagementListQuery>) {
  const after = decodeCursor(q.cursor, 3);
  const rows = await repo.listEngagements(ctx.db, ctx.actor.orgId, q, after, q.limit + 1);
  return pageOf(rows, q.limit, toEngagement, (r) => [r.vendorName.toLowerCase(), r.engagement.name.toLowerCase(), r.engagement.id]);
}

export async function getEngagement(ctx: Ctx, id: string): Promise<Engagement> {
  const found = await repo.findEngagement(ctx.db, ctx.actor.orgId, id);
  if (!found) throw AppError.notFound('The engagement');
  return toEngagement(found);
}

/** Creates an engagement of one of the organisation's own vendors. */
export async function createEngagement(ctx: Ctx, input: z.output<typeof EngagementInput>): Promise<Engagement> {
  // Another organisation's vendor id is answered like a typo: the field is invalid.
  if (!(await vendorExists(ctx.db, ctx.actor.orgId, input.vendorId))) throw AppError.invalid('vendorId', 'Choose one of your vendors.');
  await checkInternalOwner(ctx.db, ctx.actor.orgId, input.internalOwnerId);
  const id = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertEngagement(tx, { ...(defined(input) as repo.EngagementInsert), orgId: ctx.actor.orgId });
    await recordAudit(tx, ctx, { action: 'engagement.create', objectType: 'engagement', objectId: row.id, after: row });
    return row.id;
  });
  return getEngagement(ctx, id);
}

export async function updateEngagement(ctx: Ctx, id: string, input: z.output<typeof EngagementUpdate>): Promise<Engagement> {
  await checkInternalOwner(ctx.db, ctx.actor.orgId, input.internalOwnerId);
  await ctx.db.transaction(async (tx) => {
    const before = await repo.lockEngagement(tx, ctx.actor.orgId, id);
    if (!before) throw AppError.notFound('The engagement');
    const start = input.startDate !== undefined ? input.startDate : before.startDate;
    const end = input.endDate !== undefined ? input.endDate : before.endDate;
    if (start && end && start > end) throw AppError.invalid('endDate', 'End date must not be before start date');
    const after = await repo.updateEngagement(tx, ctx.actor.orgId, id, { ...defined(input), updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'engagement.update', objectType: 'engagement', objectId: id, before, after });
  });
  return getEngagement(ctx, id);
}

export async function setEngagementArchived(ctx: Ctx, id: string, archived: boolean): Promise<Engagement> {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.lockEngagement(tx, ctx.actor.orgId, id);
    if (!before) throw AppError.notFound('The engagement');
    if ((before.archivedAt !== null) === archived) return;
    const after = await repo.updateEngagement(tx, ctx.actor.orgId, id, { archivedAt: archived ? ctx.now : null, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: archived ? 'engagement.archive' : 'engagement.restore', objectType: 'engagement', objectId: id, before, after });
  });
  return getEngagement(ctx, id);
}
