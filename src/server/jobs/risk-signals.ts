import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/client.ts';
import { oldestOrgIds } from '../modules/org/org.public.ts';
import { evaluateSignals } from '../modules/risks/risks.public.ts';
import { firstActiveOwner } from '../modules/users/users.public.ts';

/** Organisations one run evaluates at most (an installation has a handful). */
const MAX_ORGS = 1000;

/**
 * Evaluates every organisation's risk signals. It acts as the organisation's first active
 * owner, named in the audit trail as the schedule, so the same policies hold. Safe on
 * several servers at once: every write locks its signal and looks again (signals.ts).
 */
export async function runRiskSignals(deps: { db: Db; log: FastifyBaseLogger; config: Config }, now: Date) {
  let raised = 0;
  let cleared = 0;
  for (const orgId of await oldestOrgIds(deps.db, MAX_ORGS)) {
    const owner = await firstActiveOwner(deps.db, orgId);
    if (!owner) continue;
    const ctx: Ctx = {
      db: deps.db,
      now,
      log: deps.log,
      requestId: null,
      config: deps.config,
      actor: { userId: owner.id, orgId, role: 'owner', vendorId: null, email: owner.email, name: 'Scheduled risk evaluation', via: 'token', sessionId: null, csrfToken: null },
    };
    try {
      const r = await evaluateSignals(ctx);
      raised += r.raised;
      cleared += r.cleared;
    } catch (err) {
      deps.log.error({ err, orgId }, 'risk signal evaluation failed');
    }
  }
  return { raised, cleared };
}
