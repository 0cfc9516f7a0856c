import { intlOffset } from '../../../domain/sla/tz.ts';
import { compareCandidates, MAX_SCORE, type ComputedScore } from '../../../domain/sourcing/matrix.ts';
import { hoursOverlap } from '../../../domain/sourcing/overlap.ts';
import { formatMoney } from '../../../domain/money.ts';
import type { SourcingMatrix } from '../../../shared/contracts/sourcing.ts';
import type { Ctx } from '../../context.ts';
import { lastCompletedByVendor } from '../assessments/assessments.public.ts';
import { concentrationIf } from '../risks/risks.public.ts';
import { getVendor } from '../vendors/vendors.public.ts';
import { AppError } from '../../http/app-error.ts';
import type { ConcentrationIf } from '../../../shared/contracts/risks.ts';
import { projectPolicy } from './sourcing.policy.ts';
import { presentCriterion } from './sourcing.presenter.ts';
import * as repo from './sourcing.repo.ts';

const round2 = (x: number) => Math.round(x * 100) / 100;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * The scores the data gives, per criterion source: the cheapest opened proposal (in the
 * project's currency) scores 5 and the others 5 × cheapest / price; the last completed
 * due-diligence score out of 100 scores /20; the share of the needed hours the candidate
 * works too scores × 5; references and interviews score their mean rating (1–5).
 * A cell without data is left to the evaluators.
 */
async function computedScores(ctx: Ctx, p: repo.ProjectRow, criteria: repo.CriterionRow[], candidates: repo.CandidateWithVendor[]): Promise<ComputedScore[]> {
  const out: ComputedScore[] = [];
  const sources = new Set(criteria.map((c) => c.source));
  const of = (source: string) => criteria.filter((c) => c.source === source);
  const push = (source: string, candidateId: string, score: number, basis: string) => {
    for (const c of of(source)) out.push({ candidateId, criterionId: c.id, score: Math.max(0, Math.min(MAX_SCORE, score)), basis });
  };

  if (sources.has('proposal_price')) {
    const priced = candidates.filter((c) => c.candidate.proposalOpenedAt && c.candidate.proposalPriceMinor && c.candidate.proposalCurrency === p.currency);
    const cheapest = Math.min(...priced.map((c) => c.candidate.proposalPriceMinor!));
    for (const c of priced) {
      const price = c.candidate.proposalPriceMinor!;
      push('proposal_price', c.candidate.id, (MAX_SCORE * cheapest) / price, `${formatMoney({ amountMinor: price, currency: p.currency })}${price === cheapest ? ', the lowest' : ` against the lowest ${formatMoney({ amountMinor: cheapest, currency: p.currency })}`}`);
    }
  }
  if (sources.has('due_diligence')) {
    const dd = await lastCompletedByVendor(ctx);
    for (const c of candidates) {
      const s = dd.get(c.candidate.vendorId)?.overallScore;
      if (s !== null && s !== undefined) push('due_diligence', c.candidate.id, s / 20, `due-diligence score ${s} of 100`);
    }
  }
  if (sources.has('hours_overlap') && p.hoursNeeded) {
    const offset = (zone: string) => Math.round(intlOffset(zone, ctx.now.getTime()) / 60_000);
    const need = { ...p.hoursNeeded, offsetMinutes: offset(p.hoursNeeded.timeZone) };
    for (const c of candidates) {
      const v = await getVendor(ctx, c.candidate.vendorId);
      if (!v.contactWorkingHours || !v.contactTimeZone) continue;
      const o = hoursOverlap(need, { ...v.contactWorkingHours, offsetMinutes: offset(v.contactTimeZone) });
      push('hours_overlap', c.candidate.id, o.share * MAX_SCORE, `${round2(o.overlapMinutes / 60)} of the ${round2(o.neededMinutes / 60)} hours a week we need`);
    }
  }
  if (sources.has('references') || sources.has('interviews')) {
    const [refs, interviews] = await Promise.all([repo.referencesOf(ctx.db, ctx.actor.orgId, p.id), repo.interviewsOf(ctx.db, ctx.actor.orgId, p.id)]);
    for (const c of candidates) {
      const r = refs.filter((x) => x.candidateId === c.candidate.id);
      if (r.length) push('references', c.candidate.id, mean(r.map((x) => x.rating)), `mean rating of ${r.length} reference check${r.length === 1 ? '' : 's'}`);
      const iv = interviews.filter((x) => x.candidateId === c.candidate.id);
      if (iv.length) push('interviews', c.candidate.id, mean(iv.flatMap((x) => [x.communication, x.clientFeedback, x.hoursFit, x.costEffective])), `mean of ${iv.length} interview scorecard${iv.length === 1 ? '' : 's'}`);
    }
  }
  return out;
}

/**
 * Each candidate's effect on concentration if it were chosen, priced at its opened proposal;
 * a role that does not see risks gets none (the matrix is still shown).
 */
async function concentrationEffects(ctx: Ctx, candidates: repo.CandidateWithVendor[]): Promise<Map<string, ConcentrationIf | null>> {
  const out = new Map<string, ConcentrationIf | null>();
  for (const c of candidates) {
    const opened = Boolean(c.candidate.proposalOpenedAt);
    try {
      out.set(c.candidate.id, await concentrationIf(ctx, { vendorId: c.candidate.vendorId, spendMinor: opened ? (c.candidate.proposalPriceMinor ?? null) : null, currency: opened ? (c.candidate.proposalCurrency ?? null) : null }));
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'forbidden') throw err;
      out.set(c.candidate.id, null);
    }
  }
  return out;
}

/** The comparison matrix as computed now; also what the pilot's scorecard criterion and the export read. */
export async function buildMatrix(ctx: Ctx, p: repo.ProjectRow): Promise<SourcingMatrix> {
  const [criteria, candidates, scores] = await Promise.all([
    repo.criteriaOf(ctx.db, ctx.actor.orgId, p.id),
    repo.candidatesOf(ctx.db, ctx.actor.orgId, p.id),
    repo.scoresOf(ctx.db, ctx.actor.orgId, p.id),
  ]);
  const [computed, effects] = await Promise.all([computedScores(ctx, p, criteria, candidates), concentrationEffects(ctx, candidates)]);
  const m = compareCandidates({
    criteria: criteria.map((c) => ({ id: c.id, name: c.name, weight: c.weight })),
    candidates: candidates.map((c) => ({ id: c.candidate.id, name: c.vendorName })),
    scores: scores.map((s) => ({ candidateId: s.candidateId, criterionId: s.criterionId, evaluatorId: s.evaluatorId, score: s.score })),
    computed,
  });
  const evaluator = new Map(scores.map((s) => [s.evaluatorId, s.evaluatorName]));
  const vendorOf = new Map(candidates.map((c) => [c.candidate.id, c]));
  const criterionName = new Map(criteria.map((c) => [c.id, c.name]));
  const name = (candidateId: string | null) => (candidateId ? vendorOf.get(candidateId)!.vendorName : 'nobody (a tie)');
  const flips = m.robustness.flips.map((f) => ({ criterion: criterionName.get(f.criterionId)!, change: f.factor > 1 ? '+20 %' : '−20 %', winner: name(f.winnerId) }));
  const robustness = !candidates.length
    ? 'No candidates yet.'
    : m.winnerId === null
      ? 'No single leader: the top of the ranking is tied.'
      : m.robustness.robust
        ? `Robust: ${name(m.winnerId)} stays first whichever weight moves by 20 % either way.`
        : `Not robust: ${flips.map((f) => `${f.criterion} ${f.change} puts ${f.winner} first`).join('; ')}.`;
  return {
    projectId: p.id,
    criteria: criteria.map(presentCriterion),
    rows: m.rows.map((r) => ({
      candidateId: r.candidateId,
      vendorId: vendorOf.get(r.candidateId)!.candidate.vendorId,
      vendorName: r.name,
      total: round2(r.total),
      rank: r.rank,
      cells: r.cells.map((c) => ({
        criterionId: c.criterionId,
        score: c.score === null ? null : round2(c.score),
        source: c.source,
        basis: c.basis,
        evaluators: c.evaluators.map((e) => ({ evaluator: evaluator.get(e.evaluatorId) ?? 'Someone', score: e.score })),
        spread: c.spread,
        disagreement: c.disagreement,
      })),
      byEvaluator: r.byEvaluator.map((e) => ({ evaluator: evaluator.get(e.evaluatorId) ?? 'Someone', total: round2(e.total) })),
      spread: r.spread === null ? null : round2(r.spread),
      disagreement: r.disagreement,
      missing: r.missing.map((id) => criterionName.get(id)!),
      concentration: effects.get(r.candidateId) ?? null,
    })),
    winner: m.winnerId ? { candidateId: m.winnerId, vendorName: name(m.winnerId) } : null,
    robust: m.robustness.robust,
    flips,
    robustness,
  };
}

export async function projectMatrix(ctx: Ctx, id: string): Promise<SourcingMatrix> {
  const p = projectPolicy.authorize(ctx.actor, 'read', await repo.findProject(ctx.db, ctx.actor.orgId, id));
  return buildMatrix(ctx, p);
}
