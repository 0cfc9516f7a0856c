import type { z } from 'zod';
import type { AssetInput, AssetUpdate, ProfileInput, VendorAccountInput, VendorAccountUpdate, VerifyAssetInput } from '../../../shared/contracts/exit.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { requireEngagement } from '../engagements/engagements.public.ts';
import { referenceInternalUser } from '../users/users.public.ts';
import { assetPolicy, exitViewPolicy, vendorAccountPolicy } from './exit.policy.ts';
import * as repo from './exit.repo.ts';
import { snapshotReadiness } from './readiness.ts';
import { todayOf } from './settings.ts';
import { defined } from '../../defined.ts';


function notInFuture(ctx: Ctx, field: string, d: string | null | undefined) {
  if (d && d > todayOf(ctx)) throw AppError.invalid(field, 'This date is in the future; give the day it happened.');
}

// ---------------------------------------------------------------- recovery objectives and in-house fallback

/** Saves the recovery objectives and the in-house fallback of an engagement (fields left out stay as they were). */
export async function saveProfile(ctx: Ctx, engagementId: string, input: z.output<typeof ProfileInput>): Promise<void> {
  exitViewPolicy.check(ctx.actor, 'write');
  const e = await requireEngagement(ctx, 'update', engagementId);
  for (const [i, id] of (input.backupOwnerIds ?? []).entries()) await referenceInternalUser(ctx, id, `backupOwnerIds.${i}`);
  for (const [i, s] of (input.skills ?? []).entries()) {
    if (s.coveredById) await referenceInternalUser(ctx, s.coveredById, `skills.${i}.coveredById`);
    if (s.coverage !== 'none' && !s.coveredById) throw AppError.invalid(`skills.${i}.coveredById`, 'Name who in-house covers this skill, or set the coverage to nobody.');
  }
  for (const [i, r] of (input.runbooks ?? []).entries()) notInFuture(ctx, `runbooks.${i}.lastReviewedOn`, r.lastReviewedOn);
  notInFuture(ctx, 'lastPractisedOn', input.lastPractisedOn);
  if (input.substitutability && input.substitutability !== 'easy' && input.substitutabilityReason === '') throw AppError.invalid('substitutabilityReason', 'Say why the vendor is hard to replace.');
  await change(ctx, async (tx) => {
    const before = (await repo.profilesOf(tx.db, ctx.actor.orgId, [engagementId]))[0] ?? null;
    const values = defined({
      ...input,
      backupOwnerIds: input.backupOwnerIds ? [...new Set(input.backupOwnerIds)] : undefined,
      skills: input.skills?.map((s) => ({ name: s.name, coverage: s.coverage, coveredById: s.coverage === 'none' ? null : (s.coveredById ?? null) })),
      runbooks: input.runbooks?.map((r) => ({ title: r.title, location: r.location, lastReviewedOn: r.lastReviewedOn ?? null })),
    });
    const after = await repo.upsertProfile(tx.db, ctx.actor.orgId, engagementId, e.vendorId, { ...values, updatedAt: ctx.now });
    await tx.audit({ action: 'exit_profile.update', objectType: 'engagement', objectId: engagementId, objectLabel: e.name, before, after });
    await snapshotReadiness(tx, engagementId, 'Recovery objectives and in-house fallback saved');
  });
}

// ---------------------------------------------------------------- assets

export async function createAsset(ctx: Ctx, engagementId: string, input: z.output<typeof AssetInput>): Promise<repo.AssetRow> {
  assetPolicy.check(ctx.actor, 'create');
  const e = await requireEngagement(ctx, 'update', engagementId);
  notInFuture(ctx, 'lastVerifiedOn', input.lastVerifiedOn);
  return change(ctx, async (tx) => {
    const row = await repo.insertAsset(tx.db, { ...input, lastVerifiedOn: input.lastVerifiedOn ?? null, orgId: ctx.actor.orgId, vendorId: e.vendorId, engagementId, createdAt: ctx.now, updatedAt: ctx.now });
    await tx.audit({ action: 'exit_asset.create', objectType: 'exit_asset', objectId: row.id, after: row });
    await snapshotReadiness(tx, engagementId, `Asset added: ${row.name}`);
    return row;
  });
}

export async function updateAsset(ctx: Ctx, id: string, input: z.output<typeof AssetUpdate>): Promise<repo.AssetRow> {
  assetPolicy.check(ctx.actor, 'update');
  notInFuture(ctx, 'lastVerifiedOn', input.lastVerifiedOn);
  return change(ctx, async (tx) => {
    const before = assetPolicy.authorize(ctx.actor, 'update', await repo.lockAsset(tx.db, ctx.actor.orgId, id));
    const after = await repo.updateAsset(tx.db, ctx.actor.orgId, id, { ...defined(input), updatedAt: ctx.now });
    await tx.audit({ action: 'exit_asset.update', objectType: 'exit_asset', objectId: id, before, after });
    await snapshotReadiness(tx, after.engagementId, `Asset changed: ${after.name}`);
    return after;
  });
}

/** Someone checked today whether we (still) have admin access to the asset. */
export async function verifyAsset(ctx: Ctx, id: string, input: z.output<typeof VerifyAssetInput>): Promise<repo.AssetRow> {
  assetPolicy.check(ctx.actor, 'verify');
  return change(ctx, async (tx) => {
    const before = assetPolicy.authorize(ctx.actor, 'verify', await repo.lockAsset(tx.db, ctx.actor.orgId, id));
    const after = await repo.updateAsset(tx.db, ctx.actor.orgId, id, { clientAdminAccess: input.clientAdminAccess, lastVerifiedOn: todayOf(ctx), updatedAt: ctx.now });
    await tx.audit({ action: 'exit_asset.verify', objectType: 'exit_asset', objectId: id, before, after });
    await snapshotReadiness(tx, after.engagementId, `Access ${input.clientAdminAccess ? 'verified' : 'found missing'}: ${after.name}`);
    return after;
  });
}

/** Removes an asset; answers the row as it was (its engagement's page is shown next). */
export async function deleteAsset(ctx: Ctx, id: string): Promise<repo.AssetRow> {
  assetPolicy.check(ctx.actor, 'delete');
  return change(ctx, async (tx) => {
    const before = assetPolicy.authorize(ctx.actor, 'delete', await repo.lockAsset(tx.db, ctx.actor.orgId, id));
    await repo.deleteAsset(tx.db, ctx.actor.orgId, id);
    await tx.audit({ action: 'exit_asset.delete', objectType: 'exit_asset', objectId: id, before });
    await snapshotReadiness(tx, before.engagementId, `Asset removed: ${before.name}`);
    return before;
  });
}

// ---------------------------------------------------------------- the vendor's accounts in our systems

export async function createVendorAccount(ctx: Ctx, engagementId: string, input: z.output<typeof VendorAccountInput>): Promise<repo.VendorAccountRow> {
  vendorAccountPolicy.check(ctx.actor, 'create');
  const e = await requireEngagement(ctx, 'update', engagementId);
  notInFuture(ctx, 'revokedOn', input.revokedOn);
  return change(ctx, async (tx) => {
    const row = await repo.insertAccount(tx.db, { ...input, revokedOn: input.revokedOn ?? null, orgId: ctx.actor.orgId, vendorId: e.vendorId, engagementId, createdAt: ctx.now, updatedAt: ctx.now });
    await tx.audit({ action: 'exit_account.create', objectType: 'exit_account', objectId: row.id, objectLabel: `${row.account} in ${row.system}`, after: row });
    return row;
  });
}

export async function updateVendorAccount(ctx: Ctx, id: string, input: z.output<typeof VendorAccountUpdate>): Promise<repo.VendorAccountRow> {
  vendorAccountPolicy.check(ctx.actor, 'update');
  notInFuture(ctx, 'revokedOn', input.revokedOn);
  return change(ctx, async (tx) => {
    const before = vendorAccountPolicy.authorize(ctx.actor, 'update', await repo.lockAccount(tx.db, ctx.actor.orgId, id));
    const after = await repo.updateAccount(tx.db, ctx.actor.orgId, id, { ...defined(input), updatedAt: ctx.now });
    await tx.audit({ action: 'exit_account.update', objectType: 'exit_account', objectId: id, objectLabel: `${after.account} in ${after.system}`, before, after });
    return after;
  });
}

export async function revokeVendorAccount(ctx: Ctx, id: string): Promise<repo.VendorAccountRow> {
  vendorAccountPolicy.check(ctx.actor, 'revoke');
  return change(ctx, async (tx) => {
    const before = vendorAccountPolicy.authorize(ctx.actor, 'revoke', await repo.lockAccount(tx.db, ctx.actor.orgId, id));
    const after = await repo.updateAccount(tx.db, ctx.actor.orgId, id, { revokedOn: todayOf(ctx), updatedAt: ctx.now });
    await tx.audit({ action: 'exit_account.mark_revoked', objectType: 'exit_account', objectId: id, objectLabel: `${after.account} in ${after.system}`, before, after });
    return after;
  });
}
