import { readinessOfEngagements } from '../../exit/exit.public.ts';
import type { FactSource } from './types.ts';

/** Exit readiness of every running engagement, as the exit module scores it. */
export const exitFacts: FactSource = {
  name: 'Exit readiness',
  rules: ['exit_readiness_low'],
  async gather(ctx, core) {
    const rows = await readinessOfEngagements(ctx, core.running);
    return { exit: rows.map((r) => ({ engagementId: r.engagement.id, score: r.score, weakest: r.weakest })) };
  },
};
