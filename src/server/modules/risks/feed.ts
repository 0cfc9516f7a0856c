import type { DueItem, Exposure } from '../../../shared/contracts/dashboard.ts';
import type { Ctx } from '../../context.ts';
import type { ModuleFeed } from '../../feeds/feed.ts';
import { riskPolicy } from './risks.policy.ts';
import * as repo from './risks.repo.ts';
import { settingsOf } from './settings.ts';

const CAP = 200;
const ref = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

/** Risks for the shared views: reviews and acceptances falling due, actions due, and risks above appetite. */
export const risksFeed: ModuleFeed = {
  name: 'Risks',

  async due(ctx: Ctx, window) {
    riskPolicy.check(ctx.actor, 'list');
    const items: DueItem[] = [];
    for (const r of await repo.risksDue(ctx.db, ctx.actor.orgId, window.to, CAP)) {
      const x = r.risk;
      const href = `/risks/${x.id}`;
      if (x.reviewOn && x.reviewOn <= window.to) {
        items.push({ key: `risk-review:${x.id}`, kind: 'risk_review', title: `Risk to review: ${x.title}`, detail: null, date: x.reviewOn, overdue: x.reviewOn < window.from, vendor: ref(x.vendorId, r.vendorName), engagement: ref(x.engagementId, r.engagementName), href, ownerId: x.ownerId });
      }
      if (x.acceptanceExpiresOn && x.acceptanceExpiresOn <= window.to) {
        items.push({ key: `risk-acceptance:${x.id}`, kind: 'risk_acceptance', title: `Risk acceptance expires: ${x.title}`, detail: r.approverName ? `accepted by ${r.approverName}` : null, date: x.acceptanceExpiresOn, overdue: x.acceptanceExpiresOn < window.from, vendor: ref(x.vendorId, r.vendorName), engagement: ref(x.engagementId, r.engagementName), href, ownerId: x.ownerId });
      }
    }
    for (const a of await repo.actionsDue(ctx.db, ctx.actor.orgId, window.to, CAP)) {
      items.push({ key: `risk-action:${a.action.id}`, kind: 'risk_action', title: `Risk action due: ${a.action.title}`, detail: `for "${a.riskTitle}"`, date: a.action.dueOn!, overdue: a.action.dueOn! < window.from, vendor: ref(a.vendorId, a.vendorName), engagement: null, href: `/risks/${a.action.riskId}`, ownerId: a.action.ownerId });
    }
    return items;
  },

  async exposures(ctx: Ctx) {
    riskPolicy.check(ctx.actor, 'list');
    const { matrix } = await settingsOf(ctx);
    const f = { status: 'open', levelAbove: matrix.appetite };
    const rows = await repo.listRisks(ctx.db, ctx.actor.orgId, f, null, 3);
    const out: Exposure[] = [
      {
        key: 'risks:above-appetite',
        label: 'Open risks above appetite',
        count: await repo.countRisks(ctx.db, ctx.actor.orgId, f),
        severity: 'high',
        href: '/risks?aboveAppetite=true&status=open',
        examples: rows.map((r) => ({ label: r.risk.title, href: `/risks/${r.risk.id}` })),
      },
    ];
    return out;
  },
};
