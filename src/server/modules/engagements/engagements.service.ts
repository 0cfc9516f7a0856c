import type { z } from 'zod';
import type { Engagement, EngagementInput, EngagementListQuery, EngagementUpdate } from '../../../shared/contracts/engagements.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { referenceInternalUser } from '../users/users.public.ts';
import { referenceVendor } from '../vendors/vendors.public.ts';
import { engagementPolicy } from './engagements.policy.ts';
import { presentEngagement } from './engagements.presenter.ts';
import * as repo from './engagements.repo.ts';
import { defined } from '../../defined.ts';
import type { Fragment } from '../../db/fragment.ts';


/** One page of engagements, sorted by vendor, then engagement name. */
export async function listEngagements(ctx: Ctx, q: z.output<typeof EngagementListQuery>) {
  engagementPolicy.check(ctx.actor, 'list');
  return keysetPage(q, repo.ENGAGEMENT_SORT, (after, limit) => repo.listEngagements(ctx.db, ctx.actor.orgId, q, after, limit), presentEngagement);
}

/**
 * Every engagement matching the filter, in the list's order, read at once: for the jobs and
 * portfolio views that need them all (risk signals, exit readiness, clause gaps, the SLA
 * overview). An organisation has thousands at most.
 */
export async function allEngagements(ctx: Ctx, f: repo.EngagementFilter): Promise<Engagement[]> {
  engagementPolicy.check(ctx.actor, 'list');
  return (await repo.allEngagements(ctx.db, ctx.actor.orgId, f)).map(presentEngagement);
}

export async function getEngagement(ctx: Ctx, id: string): Promise<Engagement> {
  const found = await repo.findEngagement(ctx.db, ctx.actor.orgId, id);
  engagementPolicy.authorize(ctx.actor, 'read', found?.engagement);
  return presentEngagement(found!);
}

/** Creates an engagement of one of the organisation's own vendors. */
export async function createEngagement(ctx: Ctx, input: z.output<typeof EngagementInput>): Promise<Engagement> {
  engagementPolicy.check(ctx.actor, 'create');
  // Another organisation's vendor id is answered like a typo: the field is invalid.
  const vendor = await referenceVendor(ctx, input.vendorId);
  if (input.internalOwnerId) await referenceInternalUser(ctx, input.internalOwnerId, 'internalOwnerId');
  // Not given: the engagement touches what its vendor touches (the vendor's own data access).
  const dataAccess = input.dataAccess ?? vendor.dataAccess;
  const id = await change(ctx, async (tx) => {
    const row = await repo.insertEngagement(tx.db, { ...(defined(input) as repo.EngagementInsert), dataAccess, orgId: ctx.actor.orgId });
    await tx.audit({ action: 'engagement.create', objectType: 'engagement', objectId: row.id, after: row });
    return row.id;
  });
  return getEngagement(ctx, id);
}

export async function updateEngagement(ctx: Ctx, id: string, input: z.output<typeof EngagementUpdate>): Promise<Engagement> {
  engagementPolicy.check(ctx.actor, 'update');
  if (input.internalOwnerId) await referenceInternalUser(ctx, input.internalOwnerId, 'internalOwnerId');
  await change(ctx, async (tx) => {
    const before = engagementPolicy.authorize(ctx.actor, 'update', await repo.lockEngagement(tx.db, ctx.actor.orgId, id));
    const start = input.startDate !== undefined ? input.startDate : before.startDate;
    const end = input.endDate !== undefined ? input.endDate : before.endDate;
    if (start && end && start > end) throw AppError.invalid('endDate', 'End date must not be before start date');
    const after = await repo.updateEngagement(tx.db, ctx.actor.orgId, id, { ...defined(input), updatedAt: ctx.now });
    await tx.audit({ action: 'engagement.update', objectType: 'engagement', objectId: id, before, after });
  });
  return getEngagement(ctx, id);
}

export async function setEngagementArchived(ctx: Ctx, id: string, archived: boolean): Promise<Engagement> {
  engagementPolicy.check(ctx.actor, 'archive');
  await change(ctx, async (tx) => {
    const before = engagementPolicy.authorize(ctx.actor, 'archive', await repo.lockEngagement(tx.db, ctx.actor.orgId, id));
    if ((before.archivedAt !== null) === archived) return;
    const after = await repo.updateEngagement(tx.db, ctx.actor.orgId, id, { archivedAt: archived ? ctx.now : null, updatedAt: ctx.now });
    await tx.audit({ action: archived ? 'engagement.archive' : 'engagement.restore', objectType: 'engagement', objectId: id, before, after });
  });
  return getEngagement(ctx, id);
}

/** The engagement row behind an id the caller may `action` (other modules' routes hang on engagements). */
export async function requireEngagement(ctx: Ctx, action: 'read' | 'update', id: string): Promise<repo.EngagementRow> {
  const found = await repo.findEngagement(ctx.db, ctx.actor.orgId, id);
  return engagementPolicy.authorize(ctx.actor, action, found?.engagement);
}

/**
 * `requireEngagement` in a caller's own statement, one round trip fewer on the hottest reads
 * (the SLA report): `engagementReadSql` is selected with the caller's other facts, and
 * `authorizeEngagementRead` decides on what it returned — the same policy, the same
 * not-found for another organisation's or another vendor's engagement. The caller must
 * decide before it answers anything read in that statement.
 */
export function engagementReadSql(ctx: Ctx, id: string): Fragment<string | null> {
  engagementPolicy.check(ctx.actor, 'read');
  return repo.engagementVendorSql(ctx.actor.orgId, id);
}

export function authorizeEngagementRead(ctx: Ctx, vendorId: string | null): void {
  engagementPolicy.authorize(ctx.actor, 'read', vendorId === null ? null : { orgId: ctx.actor.orgId, vendorId });
}

/** An engagement id named inside a body or query: one of the caller's engagements, or an invalid field. */
export async function referenceEngagement(ctx: Ctx, id: string, field = 'engagementId'): Promise<repo.EngagementRow> {
  const found = await repo.findEngagement(ctx.db, ctx.actor.orgId, id);
  return engagementPolicy.reference(ctx.actor, 'reference', found?.engagement, field, 'Choose one of your engagements.');
}

/** Engagements of these vendors named (case-insensitive) one of `names`, for imports naming engagements. */
export async function engagementsOfVendorsByNames(ctx: Ctx, vendorIds: readonly string[], names: readonly string[]): Promise<repo.EngagementRow[]> {
  engagementPolicy.check(ctx.actor, 'list');
  return repo.findEngagementsOfVendorsByNames(ctx.db, ctx.actor.orgId, [...new Set(vendorIds)], [...new Set(names.map((n) => n.trim().toLowerCase()))]);
}

/** Engagements named exactly `name` (the CLI accepts an id or a name). */
export async function findEngagementsByName(ctx: Ctx, name: string): Promise<Engagement[]> {
  engagementPolicy.check(ctx.actor, 'list');
  return (await repo.findEngagementsByName(ctx.db, ctx.actor.orgId, name)).map(presentEngagement);
}

/** Engagements (not archived) and how many of them are active. */
export async function countEngagements(ctx: Ctx) {
  engagementPolicy.check(ctx.actor, 'list');
  return repo.countEngagements(ctx.db, ctx.actor.orgId);
}

/** A vendor contact's own vendor's engagements (not archived), by name: what it may raise a change request on in the portal. */
export async function ownEngagements(ctx: Ctx): Promise<Array<{ id: string; name: string }>> {
  engagementPolicy.check(ctx.actor, 'read');
  if (!ctx.actor.vendorId) return [];
  const rows = await repo.engagementsOfVendor(ctx.db, ctx.actor.orgId, ctx.actor.vendorId);
  return rows.filter((e) => engagementPolicy.can(ctx.actor, 'read', e)).map((e) => ({ id: e.id, name: e.name }));
}

/** A fingerprint of the organisation's engagements: it changes with any write to them (a view keyed by what it read). */
export function engagementRowVersionsSql(ctx: Ctx): Fragment<string> {
  engagementPolicy.check(ctx.actor, 'list');
  return repo.engagementRowVersionsSql(ctx.actor.orgId);
}
