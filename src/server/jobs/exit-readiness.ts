import { recordReadinessDrift } from '../modules/exit/exit.public.ts';
import { forEachOrg, type JobDeps } from './scheduled.ts';

/** The daily check of exit readiness: a point of history where the score moved with no exit change (exit/drift.ts). */
export async function runExitReadinessCheck(deps: JobDeps, now: Date) {
  let recorded = 0;
  await forEachOrg(deps, now, 'Daily exit readiness check', async (ctx) => {
    recorded += (await recordReadinessDrift(ctx)).recorded;
  });
  return { recorded };
}
