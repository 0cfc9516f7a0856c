import type { EngagementExit } from '../../../shared/contracts/exit.ts';
import type { Ctx } from '../../context.ts';
import { requireEngagement } from '../engagements/engagements.public.ts';
import { vendorNames } from '../vendors/vendors.public.ts';
import { exitViewPolicy } from './exit.policy.ts';
import { filesByStep, presentAccount, presentAction, presentAsset, presentDrill, presentPlan, presentProfile } from './exit.presenter.ts';
import * as repo from './exit.repo.ts';
import { computeReadiness } from './readiness.ts';
import { todayOf } from './settings.ts';

/** Everything of an engagement's exit on one page: assets, accounts, fallback, plan, readiness with its history, drills and actions. */
export async function engagementExit(ctx: Ctx, engagementId: string): Promise<EngagementExit> {
  exitViewPolicy.check(ctx.actor, 'read');
  const e = await requireEngagement(ctx, 'read', engagementId);
  const orgId = ctx.actor.orgId;
  const today = todayOf(ctx);
  const profile = (await repo.profilesOf(ctx.db, orgId, [engagementId]))[0] ?? null;
  const assets = await repo.assetsOf(ctx.db, orgId, [engagementId]);
  const accounts = await repo.accountsOf(ctx.db, orgId, engagementId);
  const plan = (await repo.plansOf(ctx.db, orgId, [engagementId]))[0] ?? null;
  const steps = plan ? await repo.stepsOf(ctx.db, orgId, plan.id) : [];
  const files = filesByStep(await repo.filesOfSteps(ctx.db, orgId, steps.map((s) => s.id)));
  const drills = await repo.drillsOf(ctx.db, orgId, engagementId);
  const actions = await repo.actionsOf(ctx.db, orgId, engagementId);
  const history = await repo.history(ctx.db, orgId, engagementId);
  const readiness = (await computeReadiness(ctx, [engagementId])).get(engagementId)!.readiness;
  const people = [...(profile?.backupOwnerIds ?? []), ...(profile?.skills ?? []).map((s) => s.coveredById), ...steps.map((s) => s.ownerUserId), ...actions.map((a) => a.ownerUserId)].filter((x): x is string => !!x);
  const names = await repo.userNames(ctx.db, orgId, people);
  const vendorName = (await vendorNames(ctx, [e.vendorId])).get(e.vendorId) ?? '';
  const truncated = assets.length > repo.CAP || accounts.length > repo.CAP || drills.length > repo.DRILL_CAP || actions.length > repo.CAP || history.length > repo.HISTORY_CAP;
  return {
    engagement: { id: e.id, name: e.name, criticality: e.criticality, status: e.status, vendorId: e.vendorId, vendorName },
    profile: presentProfile(profile, names, today),
    assets: assets.slice(0, repo.CAP).map((a) => presentAsset(a, today)),
    accounts: accounts.slice(0, repo.CAP).map(presentAccount),
    plan: plan ? presentPlan(plan, steps, names, today, files) : null,
    readiness,
    history: history
      .slice(0, repo.HISTORY_CAP)
      .reverse()
      .map((h) => ({ score: h.score, reason: h.reason, takenAt: h.takenAt.toISOString() })),
    drills: drills.slice(0, repo.DRILL_CAP).map((d) => presentDrill(d, profile?.rtoHours ?? null)),
    actions: actions.slice(0, repo.CAP).map((a) => presentAction(a, names)),
    truncated,
  };
}
