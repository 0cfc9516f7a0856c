import type { Org, OrgUpdate } from '../../../shared/contracts/org.ts';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { orgPolicy } from './org.policy.ts';
import { presentOrg } from './org.presenter.ts';
import * as repo from './org.repo.ts';

export async function getOrg(ctx: Ctx): Promise<Org> {
  orgPolicy.check(ctx.actor, 'read');
  const o = await repo.findOrg(ctx.db, ctx.actor.orgId);
  if (!o) throw AppError.notFound('The organisation');
  return presentOrg(o);
}

export async function renameOrg(ctx: Ctx, input: z.output<typeof OrgUpdate>): Promise<Org> {
  orgPolicy.check(ctx.actor, 'update');
  return change(ctx, async (tx) => {
    const before = await repo.lockOrg(tx.db, ctx.actor.orgId);
    if (!before) throw AppError.notFound('The organisation');
    const after = await repo.renameOrg(tx.db, ctx.actor.orgId, input.name, ctx.now);
    await tx.audit({ action: 'org.update', objectType: 'org', objectId: ctx.actor.orgId, before, after });
    return presentOrg(after);
  });
}

/**
 * The organisation's name as a label in other answers (who am I, the vendor portal's
 * header). Anyone signed in to an organisation may see its name, so there is no policy;
 * the caller names its own organisation.
 */
export async function orgName(db: Db, orgId: string): Promise<string> {
  return (await repo.findOrg(db, orgId))?.name ?? '';
}

/**
 * A new organisation, with no one in it yet. Only set-up calls this (inside its own
 * change, with the owner it creates as the actor), so it asks no policy and writes no
 * audit row of its own.
 */
export async function insertNewOrg(db: Db, input: { id: string; name: string; isDemo: boolean }): Promise<repo.OrgRow> {
  return repo.insertOrg(db, input);
}

/** Whether the installation holds any organisation at all (first set-up, the demo seed). */
export async function installationHasOrgs(db: Db): Promise<boolean> {
  return (await repo.countOrgs(db)) > 0;
}

/** The installation's oldest organisations, up to `limit`: the CLI's "who acts?" asks for none, one or several. */
export async function oldestOrgIds(db: Db, limit: number): Promise<string[]> {
  return repo.listOrgIds(db, limit);
}
