import type { z } from 'zod';
import type { Vendor, VendorInput, VendorListQuery, VendorUpdate } from '../../../shared/contracts/vendors.ts';
import type { Ctx } from '../../context.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { referenceInternalUser } from '../users/users.public.ts';
import { vendorPolicy } from './vendors.policy.ts';
import { presentVendor } from './vendors.presenter.ts';
import * as repo from './vendors.repo.ts';
import type { Fragment } from '../../db/fragment.ts';

/** One page of the organisation's vendors, filtered and sorted, with a keyset cursor. */
export async function listVendors(ctx: Ctx, q: VendorListQuery) {
  vendorPolicy.check(ctx.actor, 'list');
  return keysetPage(q, repo.vendorSort(q.sort), (after, limit) => repo.listVendors(ctx.db, ctx.actor.orgId, q, after, limit), presentVendor);
}

/**
 * Every vendor matching a filter, in one statement (exports, the risk signals' facts).
 * Paging 200 at a time sorted the whole table again for each page: 50 sorts for 10,000 vendors.
 */
export async function allVendors(ctx: Ctx, q: Omit<VendorListQuery, 'cursor' | 'limit'>): Promise<Vendor[]> {
  vendorPolicy.check(ctx.actor, 'list');
  return (await repo.allVendors(ctx.db, ctx.actor.orgId, q)).map(presentVendor);
}

/** A vendor the actor may see, with its owner's name and engagement count. */
export async function getVendor(ctx: Ctx, id: string): Promise<Vendor> {
  const found = await repo.findVendor(ctx.db, ctx.actor.orgId, id);
  vendorPolicy.authorize(ctx.actor, 'read', found?.vendor);
  return presentVendor(found!);
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
  vendorPolicy.check(ctx.actor, 'create');
  if (input.internalOwnerId) await referenceInternalUser(ctx, input.internalOwnerId, 'internalOwnerId');
  const id = await change(ctx, async (tx) => {
    const row = await repo.insertVendor(tx.db, { ...(toColumns(input) as repo.VendorInsert), orgId: ctx.actor.orgId });
    await tx.audit({ action: 'vendor.create', objectType: 'vendor', objectId: row.id, after: row });
    return row.id;
  });
  return getVendor(ctx, id);
}

export async function updateVendor(ctx: Ctx, id: string, input: z.output<typeof VendorUpdate>): Promise<Vendor> {
  vendorPolicy.check(ctx.actor, 'update');
  if (input.internalOwnerId) await referenceInternalUser(ctx, input.internalOwnerId, 'internalOwnerId');
  await change(ctx, async (tx) => {
    const before = vendorPolicy.authorize(ctx.actor, 'update', await repo.lockVendor(tx.db, ctx.actor.orgId, id));
    const after = await repo.updateVendor(tx.db, ctx.actor.orgId, id, { ...toColumns(input), updatedAt: ctx.now });
    await tx.audit({ action: 'vendor.update', objectType: 'vendor', objectId: id, before, after });
  });
  return getVendor(ctx, id);
}

/** Archiving hides a vendor from lists but keeps it and its history; restoring undoes it. */
export async function setVendorArchived(ctx: Ctx, id: string, archived: boolean): Promise<Vendor> {
  vendorPolicy.check(ctx.actor, 'archive');
  await change(ctx, async (tx) => {
    const before = vendorPolicy.authorize(ctx.actor, 'archive', await repo.lockVendor(tx.db, ctx.actor.orgId, id));
    if ((before.archivedAt !== null) === archived) return; // already so: no change, no audit row
    const after = await repo.updateVendor(tx.db, ctx.actor.orgId, id, { archivedAt: archived ? ctx.now : null, updatedAt: ctx.now });
    await tx.audit({ action: archived ? 'vendor.archive' : 'vendor.restore', objectType: 'vendor', objectId: id, before, after });
  });
  return getVendor(ctx, id);
}

export async function listVendorTags(ctx: Ctx): Promise<string[]> {
  vendorPolicy.check(ctx.actor, 'list');
  return repo.listTags(ctx.db, ctx.actor.orgId);
}

/** Vendors (not archived) by status and by tier, and their total. */
export async function countVendors(ctx: Ctx) {
  vendorPolicy.check(ctx.actor, 'list');
  const byStatus: Record<string, number> = {};
  const byTier: Record<string, number> = {};
  let total = 0;
  for (const r of await repo.countVendorsByStatusAndTier(ctx.db, ctx.actor.orgId)) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + Number(r.n);
    byTier[String(r.tier)] = (byTier[String(r.tier)] ?? 0) + Number(r.n);
    total += Number(r.n);
  }
  return { total, byStatus, byTier };
}

/** The vendor row behind an id the caller may `action`; not found otherwise. */
export async function requireVendor(ctx: Ctx, action: 'read' | 'update', id: string): Promise<repo.VendorRow> {
  return vendorPolicy.authorize(ctx.actor, action, await repo.findVendorRow(ctx.db, ctx.actor.orgId, id));
}

/** A vendor id named inside a body or query: one of the caller's vendors, or an invalid field. */
export async function referenceVendor(ctx: Ctx, id: string, field = 'vendorId'): Promise<repo.VendorRow> {
  return vendorPolicy.reference(ctx.actor, 'reference', await repo.findVendorRow(ctx.db, ctx.actor.orgId, id), field, 'Choose one of your vendors.');
}

/** The organisation's vendors whose names are among `names` (case-insensitive), for imports naming vendors. */
export async function vendorsByNames(ctx: Ctx, names: readonly string[]): Promise<repo.VendorRow[]> {
  vendorPolicy.check(ctx.actor, 'list');
  return repo.findVendorsByNames(ctx.db, ctx.actor.orgId, [...new Set(names.map((n) => n.trim().toLowerCase()))]);
}

/** Names of the organisation's vendors by id, for labels in other modules' answers. */
export async function vendorNames(ctx: Ctx, ids: readonly string[]): Promise<Map<string, string>> {
  return new Map((await repo.vendorNamesByIds(ctx.db, ctx.actor.orgId, [...new Set(ids)])).map((v) => [v.id, v.name]));
}

/** A fingerprint of the organisation's vendors: it changes with any write to them (a view keyed by what it read). */
export function vendorRowVersionsSql(ctx: Ctx): Fragment<string> {
  vendorPolicy.check(ctx.actor, 'list');
  return repo.vendorRowVersionsSql(ctx.actor.orgId);
}
