import type { z } from 'zod';
import { readiness, readinessBand, type DrillResult, type ReadinessInput } from '../../../domain/exit/readiness.ts';
import { DATA_EXPORT_STEP, type Coverage, type Holder } from '../../../domain/exit/template.ts';
import type { Engagement } from '../../../shared/contracts/engagements.ts';
import type { Readiness, ReadinessListQuery, ReadinessRow } from '../../../shared/contracts/exit.ts';
import type { Ctx } from '../../context.ts';
import { keysetPage } from '../../paging.ts';
import type { TxCtx } from '../audit/audit.public.ts';
import { builtinClauseByEngagement } from '../clauses/clauses.public.ts';
import { allEngagements } from '../engagements/engagements.public.ts';
import { referenceVendor } from '../vendors/vendors.public.ts';
import { exitViewPolicy } from './exit.policy.ts';
import * as repo from './exit.repo.ts';
import { settingsOf, todayOf } from './settings.ts';

export interface EngagementReadiness {
  readiness: Readiness;
  plan: repo.PlanRow | null;
  lastDrillOn: string | null;
}

/** Everything the score needs, read in a few queries for many engagements at once. */
export async function computeReadiness(ctx: Ctx, engagementIds: readonly string[]): Promise<Map<string, EngagementReadiness>> {
  const out = new Map<string, EngagementReadiness>();
  if (engagementIds.length === 0) return out;
  const orgId = ctx.actor.orgId;
  const today = todayOf(ctx);
  const settings = await settingsOf(ctx);
  // One after another: inside a change they share the transaction's connection.
  const profiles = await repo.profilesOf(ctx.db, orgId, engagementIds);
  const assets = await repo.assetsOf(ctx.db, orgId, engagementIds, 100_000);
  const plans = await repo.plansOf(ctx.db, orgId, engagementIds);
  const drills = await repo.lastDrills(ctx.db, orgId, engagementIds, DATA_EXPORT_STEP);
  const clauses = await builtinClauseByEngagement(ctx, 'exit_assistance', engagementIds);
  const by = <T extends { engagementId: string }>(rows: T[]) => new Map(rows.map((r) => [r.engagementId, r]));
  const profileOf = by(profiles);
  const planOf = by(plans);
  const lastOf = by(drills.last);
  const exportOf = by(drills.lastExport);
  const assetsOf = new Map<string, repo.AssetRow[]>();
  for (const a of assets) assetsOf.set(a.engagementId, [...(assetsOf.get(a.engagementId) ?? []), a]);

  for (const id of engagementIds) {
    const p = profileOf.get(id);
    const plan = planOf.get(id) ?? null;
    const last = lastOf.get(id);
    const exported = exportOf.get(id);
    const exportStep = exported?.results.find((r) => r.stepKey === DATA_EXPORT_STEP);
    const input: ReadinessInput = {
      today,
      plan: plan ? { reviewedOn: plan.reviewedOn, target: plan.target as 'in_house' | 'vendor', alternativeName: plan.alternativeName } : null,
      clause: clauses.get(id) ?? null,
      assets: (assetsOf.get(id) ?? []).map((a) => ({ holder: a.holder as Holder, clientAdminAccess: a.clientAdminAccess, lastVerifiedOn: a.lastVerifiedOn })),
      runbooks: p?.runbooks ?? [],
      skills: (p?.skills ?? []).map((s) => ({ coverage: s.coverage as Coverage })),
      backupOwners: p?.backupOwnerIds.length ?? 0,
      lastDrill: last ? { heldOn: last.heldOn, results: last.results.map((r) => r.result as DrillResult) } : null,
      dataExport: exported && exportStep ? { heldOn: exported.heldOn, result: exportStep.result as DrillResult } : null,
    };
    const r = readiness(input, settings.weights);
    out.set(id, {
      readiness: { ...r, band: readinessBand(r.score), threshold: settings.threshold, belowThreshold: r.score < settings.threshold },
      plan,
      lastDrillOn: last?.heldOn ?? null,
    });
  }
  return out;
}

/**
 * After a change to an engagement's exit, inside that change: keeps a point of history when
 * the score moved (or the first time), with what changed in words.
 */
export async function snapshotReadiness(tx: TxCtx, engagementId: string, reason: string): Promise<void> {
  const now = (await computeReadiness(tx, [engagementId])).get(engagementId)!.readiness;
  const last = await repo.lastSnapshot(tx.db, tx.actor.orgId, engagementId);
  if (last && last.score === now.score) return;
  await repo.insertSnapshot(tx.db, { orgId: tx.actor.orgId, engagementId, score: now.score, reason, points: pointsOf(now), takenAt: tx.now });
}

/** Each factor's points, kept with a point of history. */
export function pointsOf(r: Readiness): Record<string, number> {
  return Object.fromEntries(r.factors.map((f) => [f.key, f.points]));
}

/** Running engagements (not archived, not ended) of the organisation or one vendor. */
export async function runningEngagements(ctx: Ctx, vendorId?: string): Promise<Engagement[]> {
  return (await allEngagements(ctx, { vendorId, archived: 'false' })).filter((e) => e.status !== 'ended');
}

const IMPORTANT = new Set(['critical', 'high']);

async function rows(ctx: Ctx, q: { vendorId?: string; critical?: string }): Promise<Array<{ row: ReadinessRow; sort: [number, string] }>> {
  let engagements = await runningEngagements(ctx, q.vendorId);
  if (q.critical === 'true') engagements = engagements.filter((e) => IMPORTANT.has(e.criticality));
  const computed = await computeReadiness(ctx, engagements.map((e) => e.id));
  return engagements
    .map((e) => {
      const c = computed.get(e.id)!;
      const weakest = [...c.readiness.factors]
        .filter((f) => f.weight > 0 && f.credit < 1)
        .sort((a, b) => b.weight * (1 - b.credit) - a.weight * (1 - a.credit))
        .slice(0, 2)
        .map((f) => f.label);
      const row: ReadinessRow = {
        engagement: { id: e.id, name: e.name, criticality: e.criticality, status: e.status },
        vendor: { id: e.vendorId, name: e.vendorName },
        score: c.readiness.score,
        band: c.readiness.band,
        belowThreshold: c.readiness.belowThreshold,
        planStatus: (c.plan?.status ?? null) as ReadinessRow['planStatus'],
        lastDrillOn: c.lastDrillOn,
        weakest,
      };
      return { row, sort: [c.readiness.score, e.id] as [number, string] };
    })
    .sort((a, b) => a.sort[0] - b.sort[0] || a.sort[1].localeCompare(b.sort[1]));
}

/** The portfolio of readiness, weakest first, as keyset pages over the computed list (score, engagement id). */
export async function listReadiness(ctx: Ctx, q: z.output<typeof ReadinessListQuery>) {
  exitViewPolicy.check(ctx.actor, 'read');
  if (q.vendorId) await referenceVendor(ctx, q.vendorId, 'vendorId');
  const all = await rows(ctx, q);
  const after = (s: [number, string], a: unknown[]) => s[0] > Number(a[0]) || (s[0] === Number(a[0]) && s[1] > String(a[1]));
  const page = await keysetPage(
    q,
    { arity: 2, key: (r: (typeof all)[number]) => r.sort },
    async (cursor, limit) => (cursor ? all.filter((r) => after(r.sort, cursor)) : all).slice(0, limit),
    (r) => r.row,
  );
  return { ...page, total: all.length };
}

/**
 * For the risk module and the CLI: the readiness of the organisation's running engagements
 * (or of those named), with the threshold below which an engagement is "not ready to exit".
 */
export async function readinessByEngagement(ctx: Ctx, engagementIds?: readonly string[]): Promise<ReadinessRow[]> {
  exitViewPolicy.check(ctx.actor, 'read');
  const all = (await rows(ctx, {})).map((r) => r.row);
  if (!engagementIds) return all;
  const wanted = new Set(engagementIds);
  return all.filter((r) => wanted.has(r.engagement.id));
}
