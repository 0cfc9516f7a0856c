/**
 * The comparison matrix of a sourcing project: each candidate's weighted total, the spread
 * between evaluators (large disagreement flagged) and how robust the ranking is to the
 * weights. Pure: the server hands in the criteria, the evaluators' scores and the scores
 * computed from data (price, due diligence, working hours, references, interviews).
 *
 * Scores are on a 0–5 scale. A criterion's weight is a number of points (any non-negative
 * integer); the weighted total is Σ weight × score / Σ weight, so it stays on the 0–5 scale
 * whatever the points add up to. A cell nobody scored counts 0 and is listed as missing:
 * an incomplete candidate must not look better for it.
 */

export const MAX_SCORE = 5;
/** Two evaluators this many points apart on one criterion disagree. */
export const CELL_DISAGREEMENT = 2;
/** Evaluators' weighted totals this far apart (on 0–5) disagree on the candidate. */
export const TOTAL_DISAGREEMENT = 1;
/** The weight moves the robustness check tries, as factors (±20 %). */
export const WEIGHT_MOVES = [0.8, 1.2] as const;
const EPS = 1e-9;

export interface MatrixCriterion {
  id: string;
  name: string;
  weight: number;
}
export interface EvaluatorScore {
  candidateId: string;
  criterionId: string;
  evaluatorId: string;
  score: number;
}
/** A cell the data decides (the proposal's price, the due-diligence score, …): it replaces the evaluators' scores. */
export interface ComputedScore {
  candidateId: string;
  criterionId: string;
  score: number;
  basis: string;
}
export interface MatrixInput {
  criteria: readonly MatrixCriterion[];
  candidates: readonly { id: string; name: string }[];
  scores: readonly EvaluatorScore[];
  computed?: readonly ComputedScore[];
}

export interface MatrixCell {
  criterionId: string;
  /** The score used in the total: computed, or the mean of the evaluators'; null when nobody scored it. */
  score: number | null;
  source: 'computed' | 'evaluators' | 'missing';
  basis: string | null;
  evaluators: { evaluatorId: string; score: number }[];
  /** Highest minus lowest evaluator score; null with fewer than two. */
  spread: number | null;
  disagreement: boolean;
}
export interface MatrixRow {
  candidateId: string;
  name: string;
  total: number;
  rank: number;
  cells: MatrixCell[];
  /** Each evaluator's own weighted total (computed cells included, their unscored cells at the others' mean). */
  byEvaluator: { evaluatorId: string; total: number }[];
  spread: number | null;
  disagreement: boolean;
  missing: string[];
}
export interface WeightMove {
  criterionId: string;
  /** The factor applied to that criterion's weight (0.8 or 1.2). */
  factor: number;
  /** The winner after the move; null for a tie at the top. */
  winnerId: string | null;
}
export interface Matrix {
  rows: MatrixRow[];
  /** The candidate strictly ahead of all others; null when nobody is scored or the top is tied. */
  winnerId: string | null;
  robustness: { robust: boolean; moves: WeightMove[]; flips: WeightMove[] };
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function weighted(weights: ReadonlyMap<string, number>, score: (criterionId: string) => number | null): number {
  let sum = 0;
  let w = 0;
  for (const [id, weight] of weights) {
    w += weight;
    sum += weight * (score(id) ?? 0);
  }
  return w > 0 ? sum / w : 0;
}

function winnerOf(totals: ReadonlyMap<string, number>): string | null {
  const sorted = [...totals].sort((a, b) => b[1] - a[1]);
  if (!sorted.length) return null;
  if (sorted.length > 1 && sorted[0][1] - sorted[1][1] < EPS) return null;
  return sorted[0][0];
}

export function compareCandidates(input: MatrixInput): Matrix {
  const weights = new Map(input.criteria.map((c) => [c.id, Math.max(0, c.weight)]));
  const computed = new Map((input.computed ?? []).map((c) => [`${c.candidateId}|${c.criterionId}`, c]));
  const byCell = new Map<string, { evaluatorId: string; score: number }[]>();
  for (const s of input.scores) {
    if (!weights.has(s.criterionId)) continue;
    const k = `${s.candidateId}|${s.criterionId}`;
    const list = byCell.get(k) ?? [];
    list.push({ evaluatorId: s.evaluatorId, score: s.score });
    byCell.set(k, list);
  }

  const rows: MatrixRow[] = input.candidates.map((cand) => {
    const cells: MatrixCell[] = input.criteria.map((cr) => {
      const k = `${cand.id}|${cr.id}`;
      const evaluators = (byCell.get(k) ?? []).slice().sort((a, b) => a.evaluatorId.localeCompare(b.evaluatorId));
      const spread = evaluators.length > 1 ? Math.max(...evaluators.map((e) => e.score)) - Math.min(...evaluators.map((e) => e.score)) : null;
      const c = computed.get(k);
      if (c) return { criterionId: cr.id, score: c.score, source: 'computed', basis: c.basis, evaluators, spread, disagreement: false };
      return {
        criterionId: cr.id,
        score: evaluators.length ? mean(evaluators.map((e) => e.score)) : null,
        source: evaluators.length ? 'evaluators' : 'missing',
        basis: null,
        evaluators,
        spread,
        disagreement: spread !== null && spread >= CELL_DISAGREEMENT,
      };
    });
    const cellOf = new Map(cells.map((c) => [c.criterionId, c]));
    const total = weighted(weights, (id) => cellOf.get(id)!.score);
    const evaluatorIds = [...new Set(cells.flatMap((c) => (c.source === 'evaluators' ? c.evaluators.map((e) => e.evaluatorId) : [])))].sort();
    const byEvaluator = evaluatorIds.map((evaluatorId) => ({
      evaluatorId,
      total: weighted(weights, (id) => {
        const cell = cellOf.get(id)!;
        if (cell.source !== 'evaluators') return cell.score;
        return cell.evaluators.find((e) => e.evaluatorId === evaluatorId)?.score ?? cell.score;
      }),
    }));
    const spread = byEvaluator.length > 1 ? Math.max(...byEvaluator.map((e) => e.total)) - Math.min(...byEvaluator.map((e) => e.total)) : null;
    return {
      candidateId: cand.id,
      name: cand.name,
      total,
      rank: 0,
      cells,
      byEvaluator,
      spread,
      disagreement: spread !== null && spread >= TOTAL_DISAGREEMENT - EPS,
      missing: cells.filter((c) => c.source === 'missing').map((c) => c.criterionId),
    };
  });

  rows.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  rows.forEach((r, i) => (r.rank = i > 0 && Math.abs(rows[i - 1].total - r.total) < EPS ? rows[i - 1].rank : i + 1));
  const winnerId = winnerOf(new Map(rows.map((r) => [r.candidateId, r.total])));

  // Robustness: move one weight at a time by ±20 % and see whether the winner changes.
  const moves: WeightMove[] = [];
  for (const cr of input.criteria) {
    if (!(weights.get(cr.id)! > 0)) continue;
    for (const factor of WEIGHT_MOVES) {
      const moved = new Map(weights);
      moved.set(cr.id, weights.get(cr.id)! * factor);
      const totals = new Map(rows.map((r) => [r.candidateId, weighted(moved, (id) => r.cells.find((c) => c.criterionId === id)!.score)]));
      moves.push({ criterionId: cr.id, factor, winnerId: winnerOf(totals) });
    }
  }
  const flips = moves.filter((m) => m.winnerId !== winnerId);
  return { rows, winnerId, robustness: { robust: winnerId !== null && flips.length === 0, moves, flips } };
}
