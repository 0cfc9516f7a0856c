import { evaluateSignals } from '../modules/risks/risks.public.ts';
import { forEachOrg, type JobDeps } from './scheduled.ts';

/**
 * Evaluates every organisation's risk signals. Safe on several servers at once: every write
 * locks its signal and looks again (signals.ts).
 */
export async function runRiskSignals(deps: JobDeps, now: Date) {
  let raised = 0;
  let cleared = 0;
  await forEachOrg(deps, now, 'Scheduled risk evaluation', async (ctx) => {
    const r = await evaluateSignals(ctx);
    raised += r.raised;
    cleared += r.cleared;
  });
  return { raised, cleared };
}
