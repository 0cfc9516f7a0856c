import type { Exposure } from '../../../shared/contracts/dashboard.ts';
import type { Ctx } from '../../context.ts';
import type { ModuleFeed } from '../../feeds/feed.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { computeGaps } from './gaps.ts';

const EXAMPLES = 3;

/** The clause checklist's exposure on the owner's dashboard: high and critical engagements whose contracts lack a required clause. */
export const clausesFeed: ModuleFeed = {
  name: 'Contract clauses',
  async exposures(ctx: Ctx) {
    if (!roleCan(ctx.actor.role, 'contract.read')) return [];
    const gaps = (await computeGaps(ctx)).filter((g) => g.engagement.criticality === 'critical' || g.engagement.criticality === 'high');
    const byEngagement = new Map<string, { label: string; href: string; n: number }>();
    for (const g of gaps) {
      const e = byEngagement.get(g.engagement.id) ?? { label: `${g.engagement.name} (${g.vendor.name})`, href: `/engagements/${g.engagement.id}/contract-gaps`, n: 0 };
      e.n++;
      byEngagement.set(g.engagement.id, e);
    }
    const engagements = [...byEngagement.values()];
    const out: Exposure[] = [
      {
        key: 'clauses:critical-gaps',
        label: 'High and critical engagements whose contracts lack a required clause',
        count: engagements.length,
        severity: 'high',
        href: '/contracts/gaps?severity=high',
        examples: engagements.slice(0, EXAMPLES).map((e) => ({ label: `${e.label}: ${e.n} gap${e.n === 1 ? '' : 's'}`, href: e.href })),
      },
    ];
    return out;
  },
};
