import { paramsOf, ruleOf } from '../../../../domain/risk/signals/index.ts';
import { slaOverview } from '../../sla/sla.public.ts';
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
    const months = Math.min(Math.max(Math.round(paramsOf(rule, settings).months), 1), 12);
    // The last full months, newest first: this month's figures are not final.
    let month = monthBefore(core.today.slice(0, 7));
    const byEngagement = new Map<string, Array<{ month: string; met: boolean | null }>>();
    for (let i = 0; i < months; i++) {
      const o = await slaOverview(ctx, month);
      for (const item of o.items) {
        if (!item.hasPolicy) continue;
        const list = byEngagement.get(item.engagementId) ?? [];
        list.push({ month, met: item.met });
        byEngagement.set(item.engagementId, list);
      }
      month = monthBefore(month);
    }
    return { sla: [...byEngagement].map(([engagementId, m]) => ({ engagementId, months: m })) };
  },
};
