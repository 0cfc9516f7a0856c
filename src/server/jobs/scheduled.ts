import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/client.ts';
import { oldestOrgIds } from '../modules/org/org.public.ts';
import { firstActiveOwner } from '../modules/users/users.public.ts';

/** Organisations one run visits at most (an installation has a handful). */
const MAX_ORGS = 1000;

export interface JobDeps {
  db: Db;
  log: FastifyBaseLogger;
  config: Config;
}

/**
 * The organisation's context for a scheduled job: acting as its first active owner, named in
 * the audit trail as the schedule (`name`), so the same policies hold as for a person. Null
 * when the organisation has no active owner.
 */
export async function orgOwnerCtx(deps: JobDeps, orgId: string, now: Date, name: string): Promise<Ctx | null> {
  const owner = await firstActiveOwner(deps.db, orgId);
  if (!owner) return null;
  return {
    db: deps.db,
    now,
    log: deps.log,
    requestId: null,
    config: deps.config,
    actor: { userId: owner.id, orgId, role: 'owner', vendorId: null, email: owner.email, name, via: 'token', sessionId: null, csrfToken: null },
  };
}

/**
 * Runs `work` once per organisation (see orgOwnerCtx), or for `only` those. One organisation
 * failing is logged and does not stop the others.
 */
export async function forEachOrg(deps: JobDeps, now: Date, name: string, work: (ctx: Ctx) => Promise<void>, only?: readonly string[]): Promise<void> {
  for (const orgId of only ?? (await oldestOrgIds(deps.db, MAX_ORGS))) {
    try {
      const ctx = await orgOwnerCtx(deps, orgId, now, name);
      if (ctx) await work(ctx);
    } catch (err) {
      deps.log.error({ err, orgId }, `${name} failed`);
    }
  }
}
