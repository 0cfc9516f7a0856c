import type { z } from 'zod';
import type {
  ChangeRequest,
  ChangeRequestInput,
  ChangeRequestListQuery,
  ChangeRequestUpdate,
  PortalChangeRequest,
  PortalChangeRequestInput,
  PortalChangeRequestListQuery,
  PortalChangeRequestUpdate,
} from '../../../shared/contracts/change-requests.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { referenceContract } from '../contracts/contracts.public.ts';
import { referenceDeliverable, referenceMilestone } from '../deliverables/deliverables.public.ts';
import { referenceEngagement } from '../engagements/engagements.public.ts';
import * as repo from './change-requests.repo.ts';
import { changeRequestPolicy } from './costs.policy.ts';
import { changeInWords, presentChangeRequest, presentPortalChangeRequest } from './costs.presenter.ts';

/** Names of the deliverables and milestones the rows touch, read once for the lot. */
async function namesFor(ctx: Ctx, rows: repo.ChangeRequestWithNames[]) {
  const [deliverables, milestones] = await Promise.all([
    repo.deliverableNames(ctx.db, ctx.actor.orgId, [...new Set(rows.flatMap((r) => r.cr.deliverableIds))]),
    repo.milestoneNames(ctx.db, ctx.actor.orgId, [...new Set(rows.flatMap((r) => r.cr.milestoneIds))]),
  ]);
  return { deliverables, milestones };
}

async function pageOf<T>(ctx: Ctx, q: z.output<typeof ChangeRequestListQuery>, f: repo.ChangeFilter, present: (r: repo.ChangeRequestWithNames, n: Awaited<ReturnType<typeof namesFor>>) => T) {
  const [rows, total] = await Promise.all([
    keysetPage(q, repo.changeRequestSort, (after, limit) => repo.listChangeRequests(ctx.db, ctx.actor.orgId, f, after, limit), (r) => r),
    repo.countChangeRequests(ctx.db, ctx.actor.orgId, f),
  ]);
  const names = await namesFor(ctx, rows.items);
  return { ...rows, items: rows.items.map((r) => present(r, names)), total };
}

export async function listChangeRequests(ctx: Ctx, q: z.output<typeof ChangeRequestListQuery>) {
  changeRequestPolicy.check(ctx.actor, 'list');
  return pageOf(ctx, q, { engagementId: q.engagementId, vendorId: q.vendorId, status: q.status }, (r, n) => presentChangeRequest(r, n.deliverables, n.milestones));
}

export async function getChangeRequest(ctx: Ctx, id: string): Promise<ChangeRequest> {
  const found = await repo.findChangeRequest(ctx.db, ctx.actor.orgId, id);
  changeRequestPolicy.authorize(ctx.actor, 'read', found?.cr);
  const n = await namesFor(ctx, [found!]);
  return presentChangeRequest(found!, n.deliverables, n.milestones);
}

/** A change request id inside another body (an invoice line): one the actor may see, of `vendorId` (and of the engagement when given); else an invalid field. */
export async function referenceChangeRequest(ctx: Ctx, id: string, on: { vendorId: string; engagementId: string | null }, field: string): Promise<repo.ChangeRequestRow> {
  const c = changeRequestPolicy.reference(ctx.actor, 'reference', await repo.findChangeRequestRow(ctx.db, ctx.actor.orgId, id), field, 'Choose one of your change requests.');
  if (c.vendorId !== on.vendorId) throw AppError.invalid(field, 'This change request is with another vendor than the invoice.');
  if (on.engagementId && c.engagementId !== on.engagementId) throw AppError.invalid(field, 'This change request belongs to another engagement than the invoice.');
  return c;
}

function recurring(oneOff: number, rec: number, months: number) {
  if (rec > 0 && months === 0) throw AppError.invalid('recurringMonths', 'Say for how many months the recurring cost runs.');
  if (rec === 0 && months > 0) throw AppError.invalid('recurringMinor', 'Give the recurring cost per month, or no months.');
  void oneOff;
}

async function affected(ctx: Ctx, engagementId: string, deliverableIds: readonly string[], milestoneIds: readonly string[]) {
  const d: string[] = [];
  for (const [i, id] of [...new Set(deliverableIds)].entries()) d.push((await referenceDeliverable(ctx, id, engagementId, `deliverableIds.${i}`)).id);
  const m: string[] = [];
  for (const [i, id] of [...new Set(milestoneIds)].entries()) m.push((await referenceMilestone(ctx, id, engagementId, `milestoneIds.${i}`)).id);
  return { deliverableIds: d, milestoneIds: m };
}

async function contractFor(ctx: Ctx, contractId: string | null | undefined, eng: { id: string; vendorId: string }) {
  if (!contractId) return null;
  const c = await referenceContract(ctx, contractId, 'contractId');
  if (c.vendorId !== eng.vendorId) throw AppError.invalid('contractId', 'This contract is with another vendor than the engagement.');
  if (c.engagementIds.length > 0 && !c.engagementIds.includes(eng.id)) throw AppError.invalid('contractId', 'This contract does not cover the engagement.');
  return c.id;
}

type Raised = z.output<typeof PortalChangeRequestInput> & { contractId?: string | null; milestoneIds?: string[]; internalNote?: string | null };

async function insert(ctx: Ctx, raisedBy: 'client' | 'vendor', input: Raised) {
  const eng = await referenceEngagement(ctx, input.engagementId, 'engagementId');
  recurring(input.oneOffMinor, input.recurringMinor, input.recurringMonths);
  const contractId = await contractFor(ctx, input.contractId, eng);
  const touched = await affected(ctx, eng.id, input.deliverableIds, input.milestoneIds ?? []);
  return change(ctx, async (tx) => {
    const row = await repo.insertChangeRequest(tx.db, {
      orgId: ctx.actor.orgId,
      vendorId: eng.vendorId,
      engagementId: eng.id,
      contractId,
      title: input.title,
      reason: input.reason,
      scope: input.scope,
      raisedBy,
      raisedByUserId: ctx.actor.userId,
      currency: input.currency,
      oneOffMinor: input.oneOffMinor,
      recurringMinor: input.recurringMinor,
      recurringMonths: input.recurringMonths,
      scheduleDays: input.scheduleDays,
      ...touched,
      status: 'proposed',
      internalNote: input.internalNote ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await tx.audit({ action: raisedBy === 'vendor' ? 'change_request.raise' : 'change_request.create', objectType: 'change_request', objectId: row.id, objectLabel: changeInWords(row), after: row });
    return row.id;
  });
}

/** The client raises a change request. */
export async function createChangeRequest(ctx: Ctx, input: z.output<typeof ChangeRequestInput>): Promise<ChangeRequest> {
  changeRequestPolicy.check(ctx.actor, 'create');
  return getChangeRequest(ctx, await insert(ctx, 'client', input));
}

/** The fields both sides may edit, as given (absent ones stay), with the recurring cost checked against its months. */
function editedFields(before: repo.ChangeRequestRow, input: z.output<typeof PortalChangeRequestUpdate>): Partial<repo.ChangeRequestRow> {
  const { title, reason, scope, currency, oneOffMinor, recurringMinor, recurringMonths, scheduleDays } = input;
  const patch: Partial<repo.ChangeRequestRow> = Object.fromEntries(Object.entries({ title, reason, scope, currency, oneOffMinor, recurringMinor, recurringMonths, scheduleDays }).filter(([, v]) => v !== undefined));
  recurring(0, patch.recurringMinor ?? before.recurringMinor, patch.recurringMonths ?? before.recurringMonths);
  return patch;
}

/** The client edits a change not yet decided (the vendor's too: the client may correct the cost or name the contract it amends). */
export async function updateChangeRequest(ctx: Ctx, id: string, input: z.output<typeof ChangeRequestUpdate>): Promise<ChangeRequest> {
  changeRequestPolicy.check(ctx.actor, 'update');
  await change(ctx, async (tx) => {
    const before = changeRequestPolicy.authorize(ctx.actor, 'update', await repo.lockChangeRequest(tx.db, ctx.actor.orgId, id));
    const eng = { id: before.engagementId, vendorId: before.vendorId };
    const patch = editedFields(before, input);
    if (input.internalNote !== undefined) patch.internalNote = input.internalNote;
    if (input.contractId !== undefined) patch.contractId = await contractFor(tx, input.contractId, eng);
    if (input.deliverableIds !== undefined || input.milestoneIds !== undefined) {
      Object.assign(patch, await affected(tx, eng.id, input.deliverableIds ?? before.deliverableIds, input.milestoneIds ?? before.milestoneIds));
    }
    const after = await repo.updateChangeRequest(tx.db, ctx.actor.orgId, id, { ...patch, updatedAt: ctx.now });
    await tx.audit({ action: 'change_request.update', objectType: 'change_request', objectId: id, objectLabel: changeInWords(after), before, after });
  });
  return getChangeRequest(ctx, id);
}

// ---------------------------------------------------------------- the vendor's side (portal)

function ownVendorId(ctx: Ctx): string {
  if (!ctx.actor.vendorId) throw AppError.notFound('Your vendor');
  return ctx.actor.vendorId;
}

/** The contact's own vendor's change requests, newest first. */
export async function listOwnChangeRequests(ctx: Ctx, q: z.output<typeof PortalChangeRequestListQuery>) {
  changeRequestPolicy.check(ctx.actor, 'listOwn');
  return pageOf(ctx, q, { vendorId: ownVendorId(ctx), status: q.status }, (r, n) => presentPortalChangeRequest(r, n.deliverables));
}

export async function getOwnChangeRequest(ctx: Ctx, id: string): Promise<PortalChangeRequest> {
  const found = await repo.findChangeRequest(ctx.db, ctx.actor.orgId, id);
  changeRequestPolicy.authorize(ctx.actor, 'read', found?.cr);
  return presentPortalChangeRequest(found!, (await namesFor(ctx, [found!])).deliverables);
}

/** A vendor contact raises a change request on one of its vendor's engagements (naming its own deliverables only). */
export async function raiseChangeRequest(ctx: Ctx, input: z.output<typeof PortalChangeRequestInput>): Promise<PortalChangeRequest> {
  changeRequestPolicy.check(ctx.actor, 'raise');
  ownVendorId(ctx);
  return getOwnChangeRequest(ctx, await insert(ctx, 'vendor', input));
}

/** The vendor corrects a change it raised, while it is still only proposed (its own deliverables only). */
export async function amendOwnChangeRequest(ctx: Ctx, id: string, input: z.output<typeof PortalChangeRequestUpdate>): Promise<PortalChangeRequest> {
  changeRequestPolicy.check(ctx.actor, 'amendOwn');
  await change(ctx, async (tx) => {
    const before = changeRequestPolicy.authorize(ctx.actor, 'amendOwn', await repo.lockChangeRequest(tx.db, ctx.actor.orgId, id));
    const patch = editedFields(before, input);
    if (input.deliverableIds !== undefined) patch.deliverableIds = (await affected(tx, before.engagementId, input.deliverableIds, [])).deliverableIds;
    const after = await repo.updateChangeRequest(tx.db, ctx.actor.orgId, id, { ...patch, updatedAt: ctx.now });
    await tx.audit({ action: 'change_request.amend_own', objectType: 'change_request', objectId: id, objectLabel: changeInWords(after), before, after });
  });
  return getOwnChangeRequest(ctx, id);
}
