import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/client.ts';
import { oldestOrgIds } from '../modules/org/org.public.ts';
import { evaluateSignals } from '../modules/risks/risks.public.ts';
import { firstActiveOwner } from '../modules/users/users.public.ts';

/** Organisations one run evaluates at most (an installation has a handful). */
const MAX_ORGS = 1000;

export interface RiskJobDeps {
  db: Db;
  log: FastifyBaseLogger;
  config: Config;
}

/**
 * Evaluates one organisation's risk signals, acting as its first active owner named `as` in
 * the audit trail, so the same policies hold. Null when it has no active owner. Safe on
 * several servers at once: the writes take the organisation's lock and compare with the
 * signals as stored (signals-write.ts).
 */
export async function evaluateOrg(deps: RiskJobDeps, orgId: string, now: Date, as: string) {
  const owner = await firstActiveOwner(deps.db, orgId);
  if (!owner) return null;
  const ctx: Ctx = {
    db: deps.db,
    now,
    log: deps.log,
    requestId: null,
    config: deps.config,
    actor: { userId: owner.id, orgId, role: 'owner', vendorId: null, email: owner.email, name: as, via: 'token', sessionId: null, csrfToken: null },
  };
  return evaluateSignals(ctx);
}

/** Evaluates every organisation's risk signals (the hourly schedule). */
export async function runRiskSignals(deps: RiskJobDeps, now: Date) {
  let raised = 0;
  let cleared = 0;
  for (const orgId of await oldestOrgIds(deps.db, MAX_ORGS)) {
    try {
      const r = await evaluateOrg(deps, orgId, now, 'Scheduled risk evaluation');
      raised += r?.raised ?? 0;
      cleared += r?.cleared ?? 0;
    } catch (err) {
      deps.log.error({ err, orgId }, 'risk signal evaluation failed');
    }
  }
  return { raised, cleared };
}
