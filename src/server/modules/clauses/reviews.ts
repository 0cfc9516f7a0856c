import type { z } from 'zod';
import { applies, gapsOf, type Criticality, type DataAccess } from '../../../domain/contracts/requirements.ts';
import type { ClauseReview, ClauseReviewInput, ContractChecklist } from '../../../shared/contracts/clauses.ts';
import type { Engagement } from '../../../shared/contracts/engagements.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { contractsCovering, getContractSummary, referenceContract, type ContractSummary } from '../contracts/contracts.public.ts';
import { allEngagements } from '../engagements/engagements.public.ts';
import { clausePolicy, clauseReviewPolicy, type ReviewedContract } from './clauses.policy.ts';
import { presentClause, presentReview } from './clauses.presenter.ts';
import * as repo from './clauses.repo.ts';
import { effectiveReviews, inForce, todayOf } from './gaps.ts';
import { ensureClauseSetup } from './library.ts';
import { requirementModel } from './requirements.ts';

const owned = (ctx: Ctx, c: ContractSummary): ReviewedContract & ContractSummary => ({ ...c, orgId: ctx.actor.orgId });

/** The engagements a contract covers (all of its vendor's, so a single list call). */
async function coveredEngagements(ctx: Ctx, c: ContractSummary): Promise<Engagement[]> {
  if (c.engagementIds.length === 0) return [];
  const wanted = new Set(c.engagementIds);
  return (await allEngagements(ctx, { vendorId: c.vendorId, archived: 'all' })).filter((e) => wanted.has(e.id));
}

const CHANGE_FIELDS = [
  ['status', 'status'],
  ['weakReason', 'why it is weak'],
  ['section', 'section'],
  ['page', 'page'],
  ['quote', 'quoted wording'],
] as const;

function changesBetween(parent: ClauseReview | null, own: ClauseReview | null): ContractChecklist['items'][number]['changes'] {
  if (!own) return [];
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return CHANGE_FIELDS.filter(([f]) => str(parent?.[f]) !== str(own[f])).map(([field, label]) => ({ field, label, before: str(parent?.[field]), after: str(own[field]) }));
}

/**
 * The clause checklist of a contract: every clause of the library with the review that
 * counts (an amendment carries what it amends until reviewed itself, and shows what its own
 * review changed), why each is required, progress, and the gaps this contract leaves for
 * the engagements it covers (with another contract that fills one named).
 */
export async function contractChecklist(ctx: Ctx, contractId: string): Promise<ContractChecklist> {
  clauseReviewPolicy.check(ctx.actor, 'read');
  const contract = clauseReviewPolicy.authorize(ctx.actor, 'read', owned(ctx, await getContractSummary(ctx, contractId)));
  const model = await requirementModel(ctx);
  const engagements = (await coveredEngagements(ctx, contract)).filter((e) => !e.archived && e.status !== 'ended');
  const today = todayOf(ctx);
  const others = engagements.length ? (await contractsCovering(ctx, engagements.map((e) => e.id))).filter((c) => c.id !== contract.id && inForce(c, today)) : [];
  const reviews = await effectiveReviews(ctx, [contract, ...others]);
  const parent = contract.type === 'amendment' && contract.parentId ? reviews.contract(contract.parentId) : null;

  const facts = engagements.map((e) => ({ id: e.id, name: e.name, criticality: e.criticality as Criticality, dataAccess: e.dataAccess as DataAccess, serviceType: e.serviceType }));
  const requiredBecause = new Map<string, Set<string>>();
  for (const f of facts) for (const r of model.rules) if (applies(r, f)) requiredBecause.set(r.clauseKey, (requiredBecause.get(r.clauseKey) ?? new Set()).add(r.reason));

  const items: ContractChecklist['items'] = [];
  for (const id of model.order) {
    const clause = model.clauses.get(id)!;
    const own = reviews.own(contract.id, id);
    if (clause.retiredAt && !own) continue; // a retired clause stays on the contracts that reviewed it
    const effective = reviews.effective(contract.id, id);
    const parentEffective = parent ? reviews.effective(parent.id, id) : null;
    const review = effective ? presentReview(effective.review) : null;
    const parentReview = parentEffective ? presentReview(parentEffective.review) : null;
    items.push({
      clause: presentClause(clause, 0),
      review,
      inheritedFrom: effective && effective.from.id !== contract.id ? { id: effective.from.id, title: effective.from.title } : null,
      parentReview,
      changes: parent ? changesBetween(parentReview, own ? presentReview(own) : null) : [],
      requiredBecause: [...(requiredBecause.get(id) ?? [])],
    });
  }

  const gaps: ContractChecklist['gaps'] = [];
  for (const f of facts) {
    const mine = gapsOf(f, model.rules, (clauseId) => {
      const r = reviews.effective(contract.id, clauseId);
      return [{ contractId: contract.id, contractTitle: contract.title, status: r ? (r.review.status as 'present') : null, weakReason: r?.review.weakReason ?? null }];
    });
    for (const g of mine) {
      const filler = others.find((o) => o.engagementIds.includes(f.id) && ['present', 'not_applicable'].includes(reviews.effective(o.id, g.clauseKey)?.review.status ?? ''));
      const clause = model.clauses.get(g.clauseKey)!;
      gaps.push({ engagement: { id: f.id, name: f.name }, clause: { id: clause.id, title: clause.title }, kind: g.kind, reasons: g.reasons, coveredBy: filler ? { id: filler.id, title: filler.title } : null });
    }
  }

  // Progress counts the clauses reviewed on this contract itself (an amendment's carried-over reviews are a start, not a review).
  const done = (i: ContractChecklist['items'][number]) => i.review !== null && i.inheritedFrom === null;
  const order = new Map(model.order.map((id, i) => [id, i]));
  gaps.sort((a, b) => a.engagement.name.localeCompare(b.engagement.name) || (order.get(a.clause.id) ?? 0) - (order.get(b.clause.id) ?? 0));
  const reviewed = items.filter(done).length;
  const required = items.filter((i) => i.requiredBecause.length > 0);
  return {
    contract: { id: contract.id, title: contract.title, type: contract.type, isAmendment: contract.type === 'amendment' },
    amends: parent ? { id: parent.id, title: parent.title } : null,
    items,
    progress: { reviewed, total: items.length, required: required.length, requiredReviewed: required.filter(done).length },
    gaps,
  };
}

/** Records the review of one clause of a contract: who and when come from the request. */
export async function saveClauseReview(ctx: Ctx, contractId: string, clauseId: string, input: z.output<typeof ClauseReviewInput>): Promise<ContractChecklist> {
  clauseReviewPolicy.check(ctx.actor, 'review');
  const contract = clauseReviewPolicy.authorize(ctx.actor, 'review', owned(ctx, await getContractSummary(ctx, contractId)));
  await ensureClauseSetup(ctx); // the library exists before a clause of it is named
  const found = await repo.findClause(ctx.db, ctx.actor.orgId, clauseId);
  const clause = clausePolicy.authorize(ctx.actor, 'read', found?.clause);
  if (clause.retiredAt) throw new AppError('conflict', `"${clause.title}" is retired: restore it in the clause library before reviewing it.`);
  const weakReason = input.status === 'weak' ? (input.weakReason ?? '').trim() : '';
  if (input.status === 'weak' && !weakReason) {
    throw AppError.invalid('weakReason', 'Say why the clause is weak, in your words (e.g. "audits allowed, but no frequency").');
  }
  await change(ctx, async (tx) => {
    const before = await repo.lockReview(tx.db, ctx.actor.orgId, contract.id, clause.id);
    const after = await repo.upsertReview(tx.db, {
      orgId: ctx.actor.orgId,
      contractId: contract.id,
      clauseId: clause.id,
      status: input.status,
      weakReason: weakReason || null,
      section: input.section ?? null,
      page: input.page ?? null,
      quote: input.quote ?? null,
      note: input.note ?? null,
      reviewedById: ctx.actor.userId,
      reviewedAt: ctx.now,
    });
    await tx.audit({ action: 'clause_review.save', objectType: 'clause_review', objectId: contract.id, objectLabel: `${clause.title} in ${contract.title}`, before, after });
  });
  return contractChecklist(ctx, contract.id);
}

/**
 * Starts a contract's review from another contract's (an amendment from what it amends, a
 * statement of work from a sibling): every clause reviewed there and not here is copied,
 * with this reviewer and time; clauses already reviewed here are left alone.
 */
export async function copyClauseReviews(ctx: Ctx, contractId: string, fromContractId: string): Promise<ContractChecklist> {
  clauseReviewPolicy.check(ctx.actor, 'review');
  const contract = clauseReviewPolicy.authorize(ctx.actor, 'review', owned(ctx, await getContractSummary(ctx, contractId)));
  const from = await referenceContract(ctx, fromContractId, 'fromContractId');
  if (from.id === contract.id) throw AppError.invalid('fromContractId', 'Choose another contract than this one.');
  const model = await requirementModel(ctx);
  const reviews = await effectiveReviews(ctx, [contract, from]);
  await change(ctx, async (tx) => {
    let copied = 0;
    for (const id of model.order) {
      const clause = model.clauses.get(id)!;
      if (clause.retiredAt || reviews.own(contract.id, id)) continue;
      const source = reviews.effective(from.id, id);
      if (!source) continue;
      const r = source.review;
      await repo.upsertReview(tx.db, {
        orgId: ctx.actor.orgId,
        contractId: contract.id,
        clauseId: id,
        status: r.status,
        weakReason: r.weakReason,
        section: r.section,
        page: r.page,
        quote: r.quote,
        note: r.note,
        reviewedById: ctx.actor.userId,
        reviewedAt: ctx.now,
      });
      copied++;
    }
    if (copied > 0) {
      await tx.audit({ action: 'clause_review.copy', objectType: 'clause_review', objectId: contract.id, objectLabel: contract.title, after: { fromContractId: from.id, fromContract: from.title, clauses: copied } });
    }
  });
  return contractChecklist(ctx, contract.id);
}
