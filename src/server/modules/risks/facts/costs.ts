import { budgetPositions, serviceCredits } from '../../costs/costs.public.ts';
import type { FactSource } from './types.ts';

/**
 * Budgets against invoices of this fiscal year, and service credits owed and not received
 * (this calendar year and the last, so a grace period can reach back over New Year).
 */
export const costFacts: FactSource = {
  name: 'Costs',
  rules: ['budget_overrun', 'credits_not_received'],
  async gather(ctx, core) {
    const year = Number(core.today.slice(0, 4));
    const budgets = await budgetPositions(ctx);
    const credits = [];
    for (const y of [year - 1, year]) {
      const statement = await serviceCredits(ctx, { year: y });
      for (const r of statement.rows) if (r.outstandingMinor > 0) credits.push({ engagementId: r.engagementId, month: r.month, currency: r.currency, outstandingMinor: r.outstandingMinor });
    }
    return { budgets, credits };
  },
};
