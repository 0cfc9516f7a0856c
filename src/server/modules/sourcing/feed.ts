import { dayInWords } from '../../../domain/civil-date.ts';
import { totalsByCurrency } from '../../../domain/money.ts';
import type { DueItem, MoneyFigure } from '../../../shared/contracts/dashboard.ts';
import type { Ctx } from '../../context.ts';
import type { ModuleFeed } from '../../feeds/feed.ts';
import { projectPolicy } from './sourcing.policy.ts';
import * as repo from './sourcing.repo.ts';

const CAP = 200;
const FAR = '9999-12-31';

/** Choosing a vendor in the shared views: pilots ending (a go / no-go is due), projects whose decide-by date comes, and the pilots' budget ceilings. */
export const sourcingFeed: ModuleFeed = {
  name: 'Sourcing',

  async due(ctx: Ctx, window) {
    projectPolicy.check(ctx.actor, 'list');
    const [pilots, projects] = await Promise.all([repo.runningPilotsEndingBy(ctx.db, ctx.actor.orgId, window.to, CAP), repo.projectsToDecide(ctx.db, ctx.actor.orgId, window.to, CAP)]);
    return [
      ...pilots.map(
        (p): DueItem => ({
          key: `sourcing_pilot:${p.id}`,
          kind: 'pilot_decision',
          title: `Pilot of ${p.vendorName} ends: go or no-go for ${p.projectName}`,
          detail: `Pilot from ${dayInWords(p.startsOn)} to ${dayInWords(p.endsOn)}`,
          date: p.endsOn,
          overdue: p.endsOn < window.from,
          vendor: { id: p.vendorId, name: p.vendorName },
          engagement: p.engagementId && p.engagementName ? { id: p.engagementId, name: p.engagementName } : null,
          href: `/sourcing/${p.projectId}#pilot`,
        }),
      ),
      ...projects.map(
        (p): DueItem => ({
          key: `sourcing_project:${p.id}`,
          kind: 'sourcing_decision',
          title: `Decide the vendor for ${p.name}`,
          detail: p.status === 'pilot' ? 'A pilot is running' : p.status === 'evaluating' ? 'Candidates are being compared' : 'The need is still being described',
          date: p.decideBy!,
          overdue: p.decideBy! < window.from,
          vendor: null,
          engagement: null,
          href: `/sourcing/${p.id}`,
        }),
      ),
    ];
  },

  async money(ctx: Ctx) {
    projectPolicy.check(ctx.actor, 'list');
    const running = (await repo.runningPilotsEndingBy(ctx.db, ctx.actor.orgId, FAR, CAP)).filter((p) => p.budgetCeilingMinor !== null);
    if (!running.length) return [];
    const figure: MoneyFigure = {
      key: 'sourcing:pilot-ceilings',
      label: 'Running pilots (budget ceilings)',
      period: 'now',
      amounts: totalsByCurrency(running.map((p) => ({ amountMinor: p.budgetCeilingMinor!, currency: p.currency }))),
      href: '/sourcing',
      note: `${running.length} pilot${running.length === 1 ? '' : 's'} running`,
    };
    return [figure];
  },
};
