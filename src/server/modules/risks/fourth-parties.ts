import type { z } from 'zod';
import { normaliseName } from '../../../domain/risk/concentration.ts';
import type { FourthPartyInput, FourthPartyListQuery, FourthPartyUpdate } from '../../../shared/contracts/risks.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { referenceVendor } from '../vendors/vendors.public.ts';
import { fourthPartyPolicy } from './risks.policy.ts';
import * as repo from './risks.repo.ts';

export function presentFourthParty(r: repo.FourthPartyWithNames) {
  return { id: r.fp.id, vendor: { id: r.fp.vendorId, name: r.vendorName }, name: r.fp.name, normalisedName: r.fp.normalisedName, service: r.fp.service, country: r.fp.country, dataAccess: r.fp.dataAccess, sharedWith: Number(r.sharedWith) };
}

const clash = (name: string) => AppError.invalid('name', `"${name}" is already recorded for this vendor.`);

export async function listFourthParties(ctx: Ctx, q: z.output<typeof FourthPartyListQuery>) {
  fourthPartyPolicy.check(ctx.actor, 'list');
  if (q.vendorId) await referenceVendor(ctx, q.vendorId, 'vendorId');
  const f = { vendorId: q.vendorId, normalisedName: q.name ? normaliseName(q.name) : undefined };
  return keysetPage(q, repo.fourthPartySort, (after, limit) => repo.listFourthParties(ctx.db, ctx.actor.orgId, f, after, limit), presentFourthParty);
}

export async function getFourthParty(ctx: Ctx, id: string) {
  const found = await repo.findFourthParty(ctx.db, ctx.actor.orgId, id);
  fourthPartyPolicy.authorize(ctx.actor, 'read', found?.fp);
  return presentFourthParty(found!);
}

export async function createFourthParty(ctx: Ctx, input: z.output<typeof FourthPartyInput>) {
  fourthPartyPolicy.check(ctx.actor, 'create');
  const vendor = await referenceVendor(ctx, input.vendorId, 'vendorId');
  const normalisedName = normaliseName(input.name);
  if (!normalisedName) throw AppError.invalid('name', 'Give a name with letters or digits.');
  const existing = await repo.listFourthParties(ctx.db, ctx.actor.orgId, { vendorId: vendor.id, normalisedName }, null, 1);
  if (existing.length) throw clash(input.name);
  const id = await change(ctx, async (tx) => {
    const row = await repo.insertFourthParty(tx.db, { orgId: ctx.actor.orgId, vendorId: vendor.id, name: input.name, normalisedName, service: input.service, country: input.country ?? null, dataAccess: input.dataAccess, createdAt: ctx.now, updatedAt: ctx.now });
    await tx.audit({ action: 'fourth_party.create', objectType: 'fourth_party', objectId: row.id, objectLabel: `${row.name} (for ${vendor.name})`, after: row });
    return row.id;
  });
  return getFourthParty(ctx, id);
}

export async function updateFourthParty(ctx: Ctx, id: string, input: z.output<typeof FourthPartyUpdate>) {
  fourthPartyPolicy.check(ctx.actor, 'update');
  const found = await repo.findFourthParty(ctx.db, ctx.actor.orgId, id);
  const before = fourthPartyPolicy.authorize(ctx.actor, 'update', found?.fp);
  const patch: Record<string, unknown> = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  if (input.name !== undefined) {
    patch.normalisedName = normaliseName(input.name);
    if (!patch.normalisedName) throw AppError.invalid('name', 'Give a name with letters or digits.');
    const same = await repo.listFourthParties(ctx.db, ctx.actor.orgId, { vendorId: before.vendorId, normalisedName: patch.normalisedName as string }, null, 2);
    if (same.some((s) => s.fp.id !== id)) throw clash(input.name);
  }
  await change(ctx, async (tx) => {
    const after = await repo.updateFourthParty(tx.db, ctx.actor.orgId, id, { ...patch, updatedAt: ctx.now });
    await tx.audit({ action: 'fourth_party.update', objectType: 'fourth_party', objectId: id, objectLabel: `${after.name} (for ${found!.vendorName})`, before, after });
  });
  return getFourthParty(ctx, id);
}

export async function deleteFourthParty(ctx: Ctx, id: string): Promise<{ ok: true }> {
  fourthPartyPolicy.check(ctx.actor, 'delete');
  const found = await repo.findFourthParty(ctx.db, ctx.actor.orgId, id);
  const before = fourthPartyPolicy.authorize(ctx.actor, 'delete', found?.fp);
  await change(ctx, async (tx) => {
    await repo.deleteFourthParty(tx.db, ctx.actor.orgId, id);
    await tx.audit({ action: 'fourth_party.delete', objectType: 'fourth_party', objectId: id, objectLabel: `${before.name} (for ${found!.vendorName})`, before });
  });
  return { ok: true };
}

function displayName(names: string[]): string {
  const count = new Map<string, number>();
  for (const n of names) count.set(n, (count.get(n) ?? 0) + 1);
  return [...count].sort(([a, x], [b, y]) => y - x || Number(a === a.toUpperCase()) - Number(b === b.toUpperCase()) || a.localeCompare(b))[0][0];
}

/** Fourth parties named by two or more vendors, most shared first: "four of your vendors run on the same cloud provider". */
export async function sharedFourthParties(ctx: Ctx) {
  const groups = new Map<string, repo.FourthPartyWithNames[]>();
  for (const r of await repo.allFourthParties(ctx.db, ctx.actor.orgId)) groups.set(r.fp.normalisedName, [...(groups.get(r.fp.normalisedName) ?? []), r]);
  return [...groups]
    .map(([normalisedName, rows]) => ({
      normalisedName,
      // The name as most vendors write it; a name not in capitals reads better on a tie.
      name: displayName(rows.map((r) => r.fp.name)),
      vendors: rows.map((r) => ({ id: r.fp.vendorId, name: r.vendorName, service: r.fp.service, dataAccess: r.fp.dataAccess })),
      countries: [...new Set(rows.map((r) => r.fp.country).filter((c): c is string => Boolean(c)))].sort(),
    }))
    .filter((g) => new Set(g.vendors.map((v) => v.id)).size >= 2)
    .sort((a, b) => b.vendors.length - a.vendors.length || a.normalisedName.localeCompare(b.normalisedName));
}

/** The vendors naming a fourth party (matched by normalised name). */
export async function vendorsNaming(ctx: Ctx, name: string) {
  const rows = await repo.listFourthParties(ctx.db, ctx.actor.orgId, { normalisedName: normaliseName(name) }, null, 1000);
  return rows.map((r) => ({ vendorId: r.fp.vendorId, vendorName: r.vendorName, name: r.fp.name, service: r.fp.service }));
}
