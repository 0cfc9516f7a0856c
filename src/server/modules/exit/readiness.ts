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

const scored = (r: ReturnType<typeof readiness>, threshold: number): Readiness => ({ ...r, band: readinessBand(r.score), threshold, belowThreshold: r.score < threshold });

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
  for (const a of assets) {
    const list = assetsOf.get(a.engagementId);
    if (list) list.push(a);
    else assetsOf.set(a.engagementId, [a]);
  }
  // An engagement with nothing recorded for its exit scores like every other such engagement
  // with the same clause: most of a large portfolio. Scored once per clause status and shared
  // (nobody changes a score after it is made).
  const nothingRecorded = new Map<string, EngagementReadiness['readiness']>();

  for (const id of engagementIds) {
    const p = profileOf.get(id);
    const plan = planOf.get(id) ?? null;
    const last = lastOf.get(id);
    const exported = exportOf.get(id);
    const clause = clauses.get(id) ?? null;
    if (!p && !plan && !last && !exported && !assetsOf.has(id)) {
      let shared = nothingRecorded.get(String(clause));
      if (!shared) nothingRecorded.set(String(clause), (shared = scored(readiness({ today, plan: null, clause, assets: [], runbooks: [], skills: [], backupOwners: 0, lastDrill: null, dataExport: null }, settings.weights), settings.threshold)));
      out.set(id, { readiness: shared, plan: null, lastDrillOn: null });
      continue;
    }
    const exportStep = exported?.results.find((r) => r.stepKey === DATA_EXPORT_STEP);
    const input: ReadinessInput = {
      today,
      plan: plan ? { reviewedOn: plan.reviewedOn, target: plan.target as 'in_house' | 'vendor', alternativeName: plan.alternativeName } : null,
      clause,
      assets: (assetsOf.get(id) ?? []).map((a) => ({ holder: a.holder as Holder, clientAdminAccess: a.clientAdminAccess, lastVerifiedOn: a.lastVerifiedOn })),
      runbooks: p?.runbooks ?? [],
      skills: (p?.skills ?? []).map((s) => ({ coverage: s.coverage as Coverage })),
      backupOwners: p?.backupOwnerIds.length ?? 0,
      lastDrill: last ? { heldOn: last.heldOn, results: last.results.map((r) => r.result as DrillResult) } : null,
      dataExport: exported && exportStep ? { heldOn: exported.heldOn, result: exportStep.result as DrillResult } : null,
    };
    out.set(id, {
      readiness: scored(readiness(input, settings.weights), settings.threshold),
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

/** The two factors that cost the most points; worked out once per score (scores are shared, see above). */
const weakestMemo = new WeakMap<Readiness, string[]>();
function weakestOf(r: Readiness): string[] {
  let w = weakestMemo.get(r);
  if (!w) {
    w = [...r.factors]
      .filter((f) => f.weight > 0 && f.credit < 1)
      .sort((a, b) => b.weight * (1 - b.credit) - a.weight * (1 - a.credit))
      .slice(0, 2)
      .map((f) => f.label);
    weakestMemo.set(r, w);
  }
  return w;
}

async function rows(ctx: Ctx, q: { vendorId?: string; critical?: string }): Promise<Array<{ row: ReadinessRow; sort: [number, string] }>> {
  let engagements = await runningEngagements(ctx, q.vendorId);
  if (q.critical === 'true') engagements = engagements.filter((e) => IMPORTANT.has(e.criticality));
  return rowsOf(ctx, engagements);
}

async function rowsOf(ctx: Ctx, engagements: readonly Engagement[]): Promise<Array<{ row: ReadinessRow; sort: [number, string] }>> {
  const computed = await computeReadiness(ctx, engagements.map((e) => e.id));
  return engagements
    .map((e) => {
      const c = computed.get(e.id)!;
      const weakest = weakestOf(c.readiness);
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
    // Ids compare as plain strings, as the cursor does (localeCompare is slower and may order differently).
    .sort((a, b) => a.sort[0] - b.sort[0] || (a.sort[1] < b.sort[1] ? -1 : a.sort[1] > b.sort[1] ? 1 : 0));
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
  let engagements = await runningEngagements(ctx);
  if (engagementIds) {
    // Only those named are scored: the what-if screen asks for one vendor's few.
    const wanted = new Set(engagementIds);
    engagements = engagements.filter((e) => wanted.has(e.id));
  }
  return (await rowsOf(ctx, engagements)).map((r) => r.row);
}

/**
 * For the risk module: the readiness of these running engagements, as the engagements
 * module presented them to it (reading all 50,000 of a large portfolio again costs 0.7 s).
 */
export async function readinessOfEngagements(ctx: Ctx, engagements: readonly Engagement[]): Promise<ReadinessRow[]> {
  exitViewPolicy.check(ctx.actor, 'read');
  return (await rowsOf(ctx, engagements)).map((r) => r.row);
}
