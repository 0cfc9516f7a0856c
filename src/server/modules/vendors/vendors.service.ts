import type { z } from 'zod';
import type { Vendor, VendorInput, VendorListQuery, VendorUpdate } from '../../../shared/contracts/vendors.ts';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { recordAudit } from '../audit/record.ts';
import { findUser } from '../users/users.repo.ts';
import * as repo from './vendors.repo.ts';

export function toVendor(r: repo.VendorWithExtras): Vendor {
  const v = r.vendor;
  return {
    id: v.id,
    name: v.name,
    legalName: v.legalName,
    website: v.website,
    country: v.country,
    kind: v.kind as Vendor['kind'],
    status: v.status as Vendor['status'],
    tier: v.tier,
    tierReason: v.tierReason,
    dataAccess: v.dataAccess as Vendor['dataAccess'],
    contactName: v.contactName,
    contactEmail: v.contactEmail,
    contactPhone: v.contactPhone,
    contactTimeZone: v.contactTimeZone,
    contactWorkingHours: v.contactWorkingHours ?? null,
    internalOwnerId: v.internalOwnerId,
    internalOwnerName: r.internalOwnerName,
    tags: v.tags,
    notes: v.notes,
    archived: v.archivedAt !== null,
    engagementCount: Number(r.engagementCount),
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

/** An internal owner must be an enabled internal user of the same organisation. */
export async function checkInternalOwner(db: Db, orgId: string, userId: string | null | undefined) {
  if (!userId) return;
  const u = await findUser(db, orgId, userId);
  if (!u || u.disabledAt || u.role === 'vendor_contact') {
    throw AppError.invalid('internalOwnerId', 'Choose an active user of your organisation.');
  }
}

async function getOrThrow(db: Db, orgId: string, id: string): Promise<repo.VendorWithExtras> {
  const found = await repo.findVendor(db, orgId, id);
  if (!found) throw AppError.notFound('The vendor');
  return found;
}

/** One page of the organisation's vendors, filtered and sorted, with a keyset cursor. */
export async function listVendors(ctx: Ctx, q: VendorListQuery) {
  const after = decodeCursor(q.cursor, q.sort.includes('tier') ? 3 : 2);
  const rows = await repo.listVendors(ctx.db, ctx.actor.orgId, q, after, q.limit + 1);
  return pageOf(rows, q.limit, toVendor, (r) => repo.sortKey(q.sort, r));
}

export async function getVendor(ctx: Ctx, id: string): Promise<Vendor> {
  return toVendor(await getOrThrow(ctx.db, ctx.actor.orgId, id));
}

/** Maps validated input to columns; absent optional fields stay untouched on update. */
export function toColumns(input: Partial<z.output<typeof VendorInput>>): Partial<repo.VendorInsert> {
  const out: Partial<repo.VendorInsert> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

export async function createVendor(ctx: Ctx, input: z.output<typeof VendorInput>): Promise<Vendor> {
  await checkInternalOwner(ctx.db, ctx.actor.orgId, input.internalOwnerId);
  const id = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertVendor(tx, { ...(toColumns(input) as repo.VendorInsert), orgId: ctx.actor.orgId });
    await recordAudit(tx, ctx, { action: 'vendor.create', objectType: 'vendor', objectId: row.id, after: row });
    return row.id;
  });
  return getVendor(ctx, id);
}

export async function updateVendor(ctx: Ctx, id: string, input: z.output<typeof VendorUpdate>): Promise<Vendor> {
  await checkInternalOwner(ctx.db, ctx.actor.orgId, input.internalOwnerId);
  await ctx.db.transaction(async (tx) => {
    const before = await repo.lockVendor(tx, ctx.actor.orgId, id);
    if (!before) throw AppError.notFound('The vendor');
    const after = await repo.updateVendor(tx, ctx.actor.orgId, id, { ...toColumns(input), updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'vendor.update', objectType: 'vendor', objectId: id, before, after });
  });
  return getVendor(ctx, id);
}

/** Archiving hides a vendor from lists but keeps it and its history; restoring undoes it. */
export async function setVendorArchived(ctx: Ctx, id: string, archived: boolean): Promise<Vendor> {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.lockVendor(tx, ctx.actor.orgId, id);
    if (!before) throw AppError.notFound('The vendor');
    if ((before.archivedAt !== null) === archived) return; // already so: no change, no audit row
    const after = await repo.updateVendor(tx, ctx.actor.orgId, id, { archivedAt: archived ? ctx.now : null, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: archived ? 'vendor.archive' : 'vendor.restore', objectType: 'vendor', objectId: id, before, after });
  });
  return getVendor(ctx, id);
}

export async function listVendorTags(ctx: Ctx): Promise<string[]> {
  return repo.listTags(ctx.db, ctx.actor.orgId);
}

