import { addDays, civilDateIn } from '../../../domain/civil-date.ts';
import { occurrencesBetween } from '../../../domain/governance/cadence.ts';
import type { DueItem, Exposure } from '../../../shared/contracts/dashboard.ts';
import type { Ctx } from '../../context.ts';
import type { ModuleFeed } from '../../feeds/feed.ts';
import { HEALTH_DAYS, healthOf } from './cadences.ts';
import { actionPolicy, cadencePolicy } from './governance.policy.ts';
import * as repo from './governance.repo.ts';

/** How many rows a feed reads at most; the dashboard says when its list is cut. */
const CAP = 200;
const EXAMPLES = 3;
const DAY = 86_400_000;
const tab = (engagementId: string) => `/engagements/${engagementId}/governance`;
const ref = (id: string, name: string) => ({ id, name });

/** Governance for the shared views: meetings and action items due, overdue actions, cadences decaying. */
export const governanceFeed: ModuleFeed = {
  name: 'Governance',

  async due(ctx: Ctx, window) {
    cadencePolicy.check(ctx.actor, 'list');
    actionPolicy.check(ctx.actor, 'list');
    const items: DueItem[] = [];
    const from = Date.parse(`${window.from}T00:00:00Z`);
    const to = Date.parse(`${window.to}T00:00:00Z`) + DAY;
    for (const r of await repo.allCadences(ctx.db, ctx.actor.orgId, CAP)) {
      const c = r.cadence;
      for (const o of occurrencesBetween(c, from, to, 10)) {
        items.push({
          key: `meeting:${c.id}:${o.date}`,
          kind: 'meeting_due',
          title: `${c.title} with ${r.vendorName}`,
          detail: `${c.startTime} ${c.timeZone}`,
          date: o.date,
          overdue: false,
          vendor: ref(c.vendorId, r.vendorName),
          engagement: ref(c.engagementId, r.engagementName),
          href: tab(c.engagementId),
        });
      }
    }
    for (const r of await repo.listActions(ctx.db, ctx.actor.orgId, { statuses: ['open'], dueBefore: addDays(window.to, 1) }, null, CAP)) {
      const a = r.action;
      items.push({
        key: `action:${a.id}`,
        kind: 'action_due',
        title: `Action for ${a.ownerSide === 'vendor' ? r.vendorName : r.ownerName ?? 'our side'}: ${a.title}`,
        detail: null,
        date: a.dueOn,
        overdue: a.dueOn < window.from,
        vendor: ref(a.vendorId, r.vendorName),
        engagement: ref(a.engagementId, r.engagementName),
        href: tab(a.engagementId),
      });
    }
    return items;
  },

  async exposures(ctx: Ctx, today) {
    cadencePolicy.check(ctx.actor, 'list');
    actionPolicy.check(ctx.actor, 'list');
    const now = Math.min(ctx.now.getTime(), Date.parse(`${today}T23:59:59Z`));
    const cadences = await repo.allCadences(ctx.db, ctx.actor.orgId, CAP);
    const recorded = await repo.meetingsSince(ctx.db, ctx.actor.orgId, [...new Set(cadences.map((c) => c.cadence.engagementId))], addDays(civilDateIn(new Date(now), 'UTC'), -HEALTH_DAYS - 45));
    const decaying = cadences.filter((c) => healthOf(c.cadence, recorded, now).decaying);
    const overdueFilter = { statuses: ['open'], dueBefore: today } as const;
    const overdue = await repo.listActions(ctx.db, ctx.actor.orgId, overdueFilter, null, EXAMPLES);
    const out: Exposure[] = [
      {
        key: 'governance:cadence-decaying',
        label: 'Meeting cadences decaying: fewer than half of the last quarter’s meetings held',
        count: decaying.length,
        severity: 'medium',
        href: decaying[0] ? tab(decaying[0].cadence.engagementId) : '/engagements',
        examples: decaying.slice(0, EXAMPLES).map((c) => ({ label: `${c.cadence.title} (${c.vendorName})`, href: tab(c.cadence.engagementId) })),
      },
      {
        key: 'governance:actions-overdue',
        label: 'Action items past their due date',
        count: await repo.countActions(ctx.db, ctx.actor.orgId, { statuses: ['open'], dueBefore: today }),
        severity: 'medium',
        href: '/my-actions',
        examples: overdue.map((r) => ({ label: `${r.action.title} (${r.vendorName})`, href: tab(r.action.engagementId) })),
      },
    ];
    return out;
  },
};
