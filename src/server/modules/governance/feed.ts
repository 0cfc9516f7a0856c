import { addDays, civilDateIn } from '../../../domain/civil-date.ts';
import { occurrencesBetween } from '../../../domain/governance/cadence.ts';
import type { DueItem, Exposure } from '../../../shared/contracts/dashboard.ts';
import type { Ctx } from '../../context.ts';
import type { ModuleFeed } from '../../feeds/feed.ts';
import { HEALTH_DAYS, healthOf } from './cadences.ts';
import { actionPolicy, cadencePolicy } from './governance.policy.ts';
import * as repo from './governance.repo.ts';
import { allStatusReports } from './status-reports.ts';

/** How many rows a feed reads at most; the dashboard says when its list is cut. */
const CAP = 200;
const EXAMPLES = 3;
const DAY = 86_400_000;
const tab = (engagementId: string) => `/engagements/${engagementId}/governance`;
const ref = (id: string, name: string) => ({ id, name });

/**
 * The week's list carries what falls due in the window; governance's backlog (overdue
 * actions, missing reports) is counted under the exposures instead, so it never crowds
 * out other modules' dates in a list cut at a fixed length.
 */

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
      if (a.dueOn < window.from) continue;
      items.push({
        key: `action:${a.id}`,
        kind: 'action_due',
        title: `Action for ${a.ownerSide === 'vendor' ? r.vendorName : r.ownerName ?? 'our side'}: ${a.title}`,
        detail: null,
        date: a.dueOn,
        overdue: false,
        vendor: ref(a.vendorId, r.vendorName),
        engagement: ref(a.engagementId, r.engagementName),
        href: tab(a.engagementId),
        ownerId: a.ownerSide === 'vendor' ? null : a.ownerId,
      });
    }
    // Status reports: the next one due in the window (missing ones are an exposure).
    for (const e of await allStatusReports(ctx)) {
      for (const slot of e.slots.filter((x) => x.state === 'upcoming' && x.dueOn <= window.to)) {
        items.push({
          key: `status-report:${e.engagementId}:${slot.dueOn}`,
          kind: 'status_report_due',
          title: `Status report due from ${e.vendorName}`,
          detail: e.scheduleWords,
          date: slot.dueOn,
          overdue: false,
          vendor: ref(e.vendorId, e.vendorName),
          engagement: ref(e.engagementId, e.engagementName),
          href: tab(e.engagementId),
        });
      }
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
    const reporting = (await allStatusReports(ctx)).filter((e) => e.missing + e.late > 0);
    const out: Exposure[] = [
      {
        key: 'governance:status-reports',
        label: 'Engagements with status reports missing or late (last twelve due dates)',
        count: reporting.length,
        severity: 'medium',
        href: reporting[0] ? tab(reporting[0].engagementId) : '/engagements',
        examples: reporting.slice(0, EXAMPLES).map((e) => ({ label: `${e.engagementName} (${e.vendorName}): ${e.missing} missing, ${e.late} late`, href: tab(e.engagementId) })),
      },
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
