import { paramsOf, ruleOf } from '../../../../domain/risk/signals/index.ts';
import { slaMonthsMet } from '../../sla/sla.public.ts';
import type { FactSource } from './types.ts';

/** "2026-12" → "2026-11". */
function monthBefore(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export const slaFacts: FactSource = {
  name: 'SLAs',
  rules: ['sla_below_target'],
  async gather(ctx, core, settings) {
    const rule = ruleOf('sla_below_target')!;
    const count = Math.min(Math.max(Math.round(paramsOf(rule, settings).months), 1), 12);
    // The last full months: this month's figures are not final.
    const months: string[] = [monthBefore(core.today.slice(0, 7))];
    while (months.length < count) months.push(monthBefore(months[months.length - 1]));
    // Only the engagements the rules look at, all read at once.
    return { sla: await slaMonthsMet(ctx, core.engagements.map((e) => e.id), months) };
  },
};
