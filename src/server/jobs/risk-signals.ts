import { evaluateSignals } from '../modules/risks/risks.public.ts';
import { forEachOrg, orgOwnerCtx, type JobDeps } from './scheduled.ts';

export type RiskJobDeps = JobDeps;

/**
 * Evaluates one organisation's risk signals as its first active owner, named `as` in the
 * audit trail. Null when it has no active owner. Safe on several servers at once: the writes
 * take the organisation's lock and compare with the signals as stored (signals-write.ts).
 */
export async function evaluateOrg(deps: RiskJobDeps, orgId: string, now: Date, as: string) {
  const ctx = await orgOwnerCtx(deps, orgId, now, as);
  return ctx ? evaluateSignals(ctx) : null;
}

/** Evaluates every organisation's risk signals (the hourly schedule). */
export async function runRiskSignals(deps: RiskJobDeps, now: Date) {
  let raised = 0;
  let cleared = 0;
  await forEachOrg(deps, now, 'Scheduled risk evaluation', async (ctx) => {
    const r = await evaluateSignals(ctx);
    raised += r.raised;
    cleared += r.cleared;
  });
  return { raised, cleared };
}
