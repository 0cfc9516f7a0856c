import type { z } from 'zod';
import { civilDateIn } from '../../../domain/civil-date.ts';
import { gapsOf, type CoveringClause, type Criticality, type DataAccess, type Gap as DomainGap } from '../../../domain/contracts/requirements.ts';
import type { Gap, GapListQuery } from '../../../shared/contracts/clauses.ts';
import type { Engagement } from '../../../shared/contracts/engagements.ts';
import type { Ctx } from '../../context.ts';
import { keysetPage } from '../../paging.ts';
import { contractsCovering, getContractSummary, type ContractSummary } from '../contracts/contracts.public.ts';
import { allEngagements, referenceEngagement } from '../engagements/engagements.public.ts';
import { referenceVendor } from '../vendors/vendors.public.ts';
import { gapPolicy } from './clauses.policy.ts';
import * as repo from './clauses.repo.ts';
import { referenceClause } from './library.ts';
import { requirementModel } from './requirements.ts';

/** A contract protects an engagement while signed or running, and after termination until its term ends. */
export function inForce(c: ContractSummary, today: string): boolean {
  if (c.status === 'signed' || c.status === 'active') return true;
  return c.status === 'terminated' && (c.initialTermEnd === null || c.initialTermEnd >= today);
}

export const todayOf = (ctx: Ctx) => civilDateIn(ctx.now, 'UTC');

export interface EffectiveReview {
  review: repo.ReviewWithName;
  /** The contract whose review it is (an amendment carries the amended contract's until reviewed itself). */
  from: ContractSummary;
}

const MAX_CHAIN = 5;

/**
 * The reviews that count for each contract: its own, or — for an amendment, clause by
 * clause — the review of what it amends (up the chain), until the amendment is reviewed.
 */
export async function effectiveReviews(ctx: Ctx, contracts: readonly ContractSummary[]) {
  const known = new Map(contracts.map((c) => [c.id, c]));
  let frontier = contracts.filter((c) => c.type === 'amendment' && c.parentId && !known.has(c.parentId)).map((c) => c.parentId!);
  for (let depth = 0; depth < MAX_CHAIN && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const id of new Set(frontier)) {
      if (known.has(id)) continue;
      const parent = await getContractSummary(ctx, id).catch(() => null);
      if (!parent) continue;
      known.set(id, parent);
      if (parent.type === 'amendment' && parent.parentId && !known.has(parent.parentId)) next.push(parent.parentId);
    }
    frontier = next;
  }
  const own = new Map<string, Map<string, repo.ReviewWithName>>();
  for (const r of await repo.reviewsOfContracts(ctx.db, ctx.actor.orgId, [...known.keys()])) {
    let m = own.get(r.contractId);
    if (!m) own.set(r.contractId, (m = new Map()));
    m.set(r.clauseId, r);
  }
  const effective = (contractId: string, clauseId: string, depth = 0): EffectiveReview | null => {
    const r = own.get(contractId)?.get(clauseId);
    const c = known.get(contractId);
    if (r && c) return { review: r, from: c };
    if (c?.type === 'amendment' && c.parentId && depth < MAX_CHAIN) return effective(c.parentId, clauseId, depth + 1);
    return null;
  };
  return { effective, contract: (id: string) => known.get(id) ?? null, own: (contractId: string, clauseId: string) => own.get(contractId)?.get(clauseId) ?? null };
}

/** Every engagement of the organisation (or one vendor) that still runs. */
async function runningEngagements(ctx: Ctx, vendorId?: string): Promise<Engagement[]> {
  return (await allEngagements(ctx, { vendorId, archived: 'false' })).filter((e) => e.status !== 'ended');
}

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;

/** High: a high or critical engagement lacks the clause outright; low: a lesser engagement has it only weakly or unreviewed. */
export function severityOf(criticality: Criticality, kind: DomainGap['kind']): Gap['severity'] {
  const important = criticality === 'high' || criticality === 'critical';
  if (kind === 'missing') return important ? 'high' : 'medium';
  return important ? 'medium' : 'low';
}

interface Scope {
  vendorId?: string;
  engagementIds?: readonly string[];
}

type Sorted = { gap: Gap; sort: Array<string | number> };
type Model = Awaited<ReturnType<typeof requirementModel>>;
type ModelClause = Model['clauses'] extends Map<string, infer C> ? C : never;

/** The gaps of the running engagements in scope, in the order of the portfolio list. */
export async function computeGaps(ctx: Ctx, scope: Scope = {}): Promise<Gap[]> {
  return (await sortedGaps(ctx, scope)).map((s) => s.gap);
}

/**
 * Calls `visit` for every gap of these engagements. Most engagements of a large portfolio
 * have no contract in force yet; theirs are the same for every engagement of one
 * criticality, data access and service type, so they are worked out once per such profile
 * (the shared gaps name the first engagement; visitors take the engagement from `e`).
 */
async function eachGap(ctx: Ctx, model: Model, engagements: readonly Engagement[], visit: (e: Engagement, clause: ModelClause, g: DomainGap) => void): Promise<void> {
  if (engagements.length === 0 || model.rules.length === 0) return;
  const today = todayOf(ctx);
  const covering = (await contractsCovering(ctx, engagements.map((e) => e.id))).filter((c) => inForce(c, today));
  const reviews = await effectiveReviews(ctx, covering);
  const byEngagement = new Map<string, ContractSummary[]>();
  for (const c of covering) {
    for (const e of c.engagementIds) {
      const list = byEngagement.get(e);
      if (list) list.push(c);
      else byEngagement.set(e, [c]);
    }
  }
  const uncovered = new Map<string, DomainGap[]>();
  for (const e of engagements) {
    const facts = { id: e.id, criticality: e.criticality as Criticality, dataAccess: e.dataAccess as DataAccess, serviceType: e.serviceType };
    const contracts = byEngagement.get(e.id);
    let gaps: DomainGap[];
    if (contracts) {
      gaps = gapsOf(facts, model.rules, (clauseId) =>
        contracts.map((c): CoveringClause => {
          const r = reviews.effective(c.id, clauseId);
          return { contractId: c.id, contractTitle: c.title, status: r ? (r.review.status as CoveringClause['status']) : null, weakReason: r?.review.weakReason ?? null };
        }),
      );
    } else {
      const profile = `${e.criticality}\u0000${e.dataAccess}\u0000${e.serviceType}`;
      gaps = uncovered.get(profile) ?? gapsOf(facts, model.rules, () => []);
      uncovered.set(profile, gaps);
    }
    for (const g of gaps) visit(e, model.clauses.get(g.clauseKey)!, g);
  }
}

async function sortedGaps(ctx: Ctx, scope: Scope): Promise<Sorted[]> {
  let engagements = await runningEngagements(ctx, scope.vendorId);
  if (scope.engagementIds) {
    const wanted = new Set(scope.engagementIds);
    engagements = engagements.filter((e) => wanted.has(e.id));
  }
  const model = await requirementModel(ctx);
  const position = new Map(model.order.map((id, i) => [id, i]));
  const out: Sorted[] = [];
  let names: { of: Engagement; vendor: string; name: string } | null = null;
  await eachGap(ctx, model, engagements, (e, clause, g) => {
    if (names?.of !== e) names = { of: e, vendor: e.vendorName.toLowerCase(), name: e.name.toLowerCase() };
    const severity = severityOf(e.criticality as Criticality, g.kind);
    out.push({
      gap: {
        key: `${e.id}:${clause.id}`,
        vendor: { id: e.vendorId, name: e.vendorName },
        engagement: { id: e.id, name: e.name, criticality: e.criticality, dataAccess: e.dataAccess },
        clause: { id: clause.id, title: clause.title },
        kind: g.kind,
        severity,
        reasons: g.reasons,
        contracts: g.contracts.map((c) => ({ id: c.contractId, title: c.contractTitle, status: c.status, weakReason: c.weakReason })),
      },
      sort: [SEVERITY_RANK[severity], names.vendor, names.name, position.get(clause.id) ?? 0, e.id, clause.id],
    });
  });
  out.sort((a, b) => compareTuples(a.sort, b.sort));
  return out;
}

function compareTuples(a: readonly unknown[], b: readonly unknown[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return a.length - b.length;
}

/**
 * The portfolio's gaps, filtered, as keyset pages: computed on read (requirements, contracts
 * and reviews change them at once), sorted by severity, vendor, engagement and clause; the
 * cursor is the last gap's sort tuple, so a page after a change still starts where it should.
 */
export async function listGaps(ctx: Ctx, q: z.output<typeof GapListQuery>) {
  gapPolicy.check(ctx.actor, 'list');
  if (q.vendorId) await referenceVendor(ctx, q.vendorId, 'vendorId');
  if (q.engagementId) await referenceEngagement(ctx, q.engagementId, 'engagementId');
  if (q.clauseId) await referenceClause(ctx, q.clauseId, 'clauseId');
  let all = await sortedGaps(ctx, { vendorId: q.vendorId, engagementIds: q.engagementId ? [q.engagementId] : undefined });
  if (q.clauseId) all = all.filter((s) => s.gap.clause.id === q.clauseId);
  if (q.severity) all = all.filter((s) => s.gap.severity === q.severity);
  const page = await keysetPage(
    q,
    { arity: 6, key: (s: Sorted) => s.sort },
    async (after, limit) => (after ? all.filter((s) => compareTuples(s.sort, after) > 0) : all).slice(0, limit),
    (s) => s.gap,
  );
  return { ...page, total: all.length };
}

/** For the risk module: the gaps of these engagements (ones the actor may not see are left out). */
export async function gapsForEngagements(ctx: Ctx, engagementIds: readonly string[]): Promise<Gap[]> {
  gapPolicy.check(ctx.actor, 'list');
  return computeGaps(ctx, { engagementIds });
}

/** What the risk signals read of a gap: no contracts, reasons or order. */
export interface GapFact {
  key: string;
  vendorId: string;
  engagementId: string;
  engagementName: string;
  clauseId: string;
  clauseTitle: string;
  /** The library's built-in data-protection clause: a data processing agreement's place in a contract. */
  isDpa: boolean;
  kind: Gap['kind'];
  severity: Gap['severity'];
}

/**
 * For the risk module: the gaps of these running engagements (as the engagements module
 * presented them to it), unsorted. At 50,000 engagements the full, sorted list costs
 * several seconds in objects the signals never read.
 */
export async function gapFactsOf(ctx: Ctx, engagements: readonly Engagement[]): Promise<GapFact[]> {
  gapPolicy.check(ctx.actor, 'list');
  const out: GapFact[] = [];
  await eachGap(ctx, await requirementModel(ctx), engagements, (e, clause, g) => {
    out.push({
      key: `${e.id}:${clause.id}`,
      vendorId: e.vendorId,
      engagementId: e.id,
      engagementName: e.name,
      clauseId: clause.id,
      clauseTitle: clause.title,
      isDpa: clause.builtinKey === 'data_protection',
      kind: g.kind,
      severity: severityOf(e.criticality as Criticality, g.kind),
    });
  });
  return out;
}
