import { dayInWords } from '../../../domain/civil-date.ts';
import { addDays } from '../../../domain/civil-date.ts';
import type { DueItem, Exposure } from '../../../shared/contracts/dashboard.ts';
import type { Ctx } from '../../context.ts';
import type { ModuleFeed } from '../../feeds/feed.ts';
import { exitViewPolicy } from './exit.policy.ts';
import * as repo from './exit.repo.ts';
import { readinessByEngagement } from './readiness.ts';
import { settingsOf } from './settings.ts';

/** How many rows a feed reads at most; the dashboard says when its list is cut. */
const CAP = 200;
const EXAMPLES = 3;
/** A drill older than this is overdue: readiness has lost most of the drill's credit by then. */
const DRILL_EVERY_DAYS = 365;
/** A plan is reviewed at least once a year. */
const REVIEW_EVERY_DAYS = 365;
const ref = (id: string, name: string) => ({ id, name });
const href = (engagementId: string) => `/engagements/${engagementId}/exit`;

/** Exit planning for the shared views: plans due for review, drills overdue, steps of running exits; critical engagements not ready to exit. */
export const exitFeed: ModuleFeed = {
  name: 'Exit readiness',

  async due(ctx: Ctx, window: { from: string; to: string }) {
    exitViewPolicy.check(ctx.actor, 'read');
    const out: DueItem[] = [];
    for (const s of await repo.openRunningSteps(ctx.db, ctx.actor.orgId, CAP)) {
      if (!s.step.dueOn || s.step.dueOn > window.to) continue;
      out.push({
        key: `exit-step:${s.step.id}`,
        kind: 'exit_step',
        title: `Exit step for ${s.engagementName}: ${s.step.title}`,
        detail: s.step.status === 'delivered' ? 'handed in by the vendor, waiting for our check' : s.step.owner === 'vendor' ? 'owed by the vendor' : 'ours to do',
        date: s.step.dueOn,
        overdue: s.step.dueOn < window.from,
        vendor: ref(s.step.vendorId, s.vendorName),
        engagement: ref(s.engagementId, s.engagementName),
        href: href(s.engagementId),
        ownerId: s.step.ownerUserId,
      });
    }
    for (const a of await repo.openActionsDue(ctx.db, ctx.actor.orgId, window.to, CAP)) {
      out.push({
        key: `exit-action:${a.action.id}`,
        kind: 'exit_action',
        title: `Exit action for ${a.engagementName}: ${a.action.title}`,
        detail: a.action.drillId ? 'a gap a drill found' : 'a gap to close before an exit',
        date: a.action.dueOn!,
        overdue: a.action.dueOn! < window.from,
        vendor: ref(a.action.vendorId, a.vendorName),
        engagement: ref(a.action.engagementId, a.engagementName),
        href: href(a.action.engagementId),
        ownerId: a.action.ownerUserId,
      });
    }
    const rows = await readinessByEngagement(ctx);
    const plans = new Map((await repo.plansOf(ctx.db, ctx.actor.orgId, rows.map((r) => r.engagement.id))).map((p) => [p.engagementId, p]));
    for (const r of rows) {
      const plan = plans.get(r.engagement.id);
      if (plan && plan.status === 'draft') {
        const reviewBy = plan.reviewedOn ? addDays(plan.reviewedOn, REVIEW_EVERY_DAYS) : window.from;
        if (reviewBy <= window.to) {
          out.push({
            key: `exit-review:${plan.id}:${reviewBy}`,
            kind: 'exit_plan_review',
            title: `Review the exit plan for ${r.engagement.name}`,
            detail: plan.reviewedOn ? `last reviewed on ${dayInWords(plan.reviewedOn)}` : 'never reviewed',
            date: reviewBy,
            overdue: reviewBy < window.from,
            vendor: ref(r.vendor.id, r.vendor.name),
            engagement: ref(r.engagement.id, r.engagement.name),
            href: href(r.engagement.id),
          });
        }
      }
      if (plan && plan.status === 'draft' && (r.engagement.criticality === 'critical' || r.engagement.criticality === 'high')) {
        const drillBy = r.lastDrillOn ? addDays(r.lastDrillOn, DRILL_EVERY_DAYS) : window.from;
        if (drillBy <= window.to) {
          out.push({
            key: `exit-drill:${r.engagement.id}:${drillBy}`,
            kind: 'exit_drill',
            title: `Hold an exit drill for ${r.engagement.name}`,
            detail: r.lastDrillOn ? `last drill on ${dayInWords(r.lastDrillOn)}` : 'never drilled',
            date: drillBy,
            overdue: drillBy < window.from,
            vendor: ref(r.vendor.id, r.vendor.name),
            engagement: ref(r.engagement.id, r.engagement.name),
            href: href(r.engagement.id),
          });
        }
      }
    }
    return out;
  },

  async exposures(ctx: Ctx) {
    exitViewPolicy.check(ctx.actor, 'read');
    const { threshold } = await settingsOf(ctx);
    const weak = (await readinessByEngagement(ctx)).filter((r) => (r.engagement.criticality === 'critical' || r.engagement.criticality === 'high') && r.belowThreshold);
    const out: Exposure[] = [
      {
        key: 'exit:not-ready',
        label: `Critical and high engagements with exit readiness below ${threshold}`,
        count: weak.length,
        severity: 'high',
        href: '/exit',
        examples: weak.slice(0, EXAMPLES).map((r) => ({ label: `${r.engagement.name} (${r.vendor.name}): ${r.score}`, href: href(r.engagement.id) })),
      },
    ];
    return out;
  },
};
