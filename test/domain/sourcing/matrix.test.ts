import { describe, expect, it } from 'vitest';
import { compareCandidates, type EvaluatorScore } from '../../../src/domain/sourcing/matrix.ts';

/**
 * The worked example: three candidates (A, B, C), five criteria, two evaluators (E1, E2).
 *
 * | criterion     | weight | A (E1/E2) | B (E1/E2) | C (E1/E2) |
 * |---------------|-------:|-----------|-----------|-----------|
 * | expertise     |     30 | 5 / 5     | 3 / 3     | 2 / 4     |
 * | references    |     20 | 4 / 4     | 4 / 4     | 3 / 3     |
 * | communication |     15 | 3 / 3     | 4 / 4     | 5 / 5     |
 * | cost          |     25 | 2 / 2     | 5 / 4     | 3 / 3     |
 * | security      |     10 | 4 / 4     | 3 / 3     | 5 / 5     |
 *
 * Totals (Σ weight × mean score / Σ weight, weights add up to 100):
 * - A: 30×5 + 20×4 + 15×3 + 25×2 + 10×4 = 150+80+45+50+40 = 365 → 3.65
 * - B: 30×3 + 20×4 + 15×4 + 25×4.5 + 10×3 = 90+80+60+112.5+30 = 372.5 → 3.725
 * - C: 30×3 + 20×3 + 15×5 + 25×3 + 10×5 = 90+60+75+75+50 = 350 → 3.50
 * B wins by 0.075.
 *
 * Evaluators: B — E1 385 → 3.85, E2 360 → 3.60 (spread 0.25); C — E1 320 → 3.20,
 * E2 380 → 3.80 (spread 0.60, under the 1-point flag) with expertise 2 against 4 flagged.
 *
 * Robustness (one weight × 0.8 or × 1.2, the others unchanged):
 * - expertise × 1.2 (36, Σ 106): A (365+30)/106 = 3.726, B (372.5+18)/106 = 3.684 → A wins;
 * - cost × 0.8 (20, Σ 95): A (365−10)/95 = 3.737, B (372.5−22.5)/95 = 3.684 → A wins;
 * - the eight other moves keep B first (e.g. cost × 1.2: A 375/105 = 3.571, B 395/105 = 3.762).
 * So the ranking is not robust: two of ten moves change the winner.
 */
const criteria = [
  { id: 'expertise', name: 'Expertise', weight: 30 },
  { id: 'references', name: 'References', weight: 20 },
  { id: 'communication', name: 'Communication', weight: 15 },
  { id: 'cost', name: 'Cost', weight: 25 },
  { id: 'security', name: 'Security', weight: 10 },
];
const candidates = [
  { id: 'A', name: 'Alpha' },
  { id: 'B', name: 'Beta' },
  { id: 'C', name: 'Gamma' },
];
const table: Record<string, Record<string, [number, number]>> = {
  A: { expertise: [5, 5], references: [4, 4], communication: [3, 3], cost: [2, 2], security: [4, 4] },
  B: { expertise: [3, 3], references: [4, 4], communication: [4, 4], cost: [5, 4], security: [3, 3] },
  C: { expertise: [2, 4], references: [3, 3], communication: [5, 5], cost: [3, 3], security: [5, 5] },
};
const scores: EvaluatorScore[] = Object.entries(table).flatMap(([candidateId, row]) =>
  Object.entries(row).flatMap(([criterionId, [e1, e2]]) => [
    { candidateId, criterionId, evaluatorId: 'E1', score: e1 },
    { candidateId, criterionId, evaluatorId: 'E2', score: e2 },
  ]),
);

describe('comparison matrix — worked example', () => {
  const m = compareCandidates({ criteria, candidates, scores });
  const row = (id: string) => m.rows.find((r) => r.candidateId === id)!;

  it('weights the mean scores into totals and ranks them', () => {
    expect(m.rows.map((r) => r.candidateId)).toEqual(['B', 'A', 'C']);
    expect(row('A').total).toBeCloseTo(3.65, 10);
    expect(row('B').total).toBeCloseTo(3.725, 10);
    expect(row('C').total).toBeCloseTo(3.5, 10);
    expect(m.rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(m.winnerId).toBe('B');
  });

  it('shows each evaluator’s total, the spread, and flags the cell where they disagree by two points', () => {
    expect(row('B').byEvaluator).toEqual([
      { evaluatorId: 'E1', total: expect.closeTo(3.85, 10) },
      { evaluatorId: 'E2', total: expect.closeTo(3.6, 10) },
    ]);
    expect(row('B').spread).toBeCloseTo(0.25, 10);
    expect(row('C').spread).toBeCloseTo(0.6, 10);
    expect(row('C').disagreement).toBe(false);
    const flagged = m.rows.flatMap((r) => r.cells.filter((c) => c.disagreement).map((c) => `${r.candidateId}:${c.criterionId}:${c.spread}`));
    expect(flagged).toEqual(['C:expertise:2']);
  });

  it('finds the two ±20 % weight moves that would change the winner', () => {
    expect(m.robustness.moves).toHaveLength(10);
    expect(m.robustness.flips).toEqual([
      { criterionId: 'expertise', factor: 1.2, winnerId: 'A' },
      { criterionId: 'cost', factor: 0.8, winnerId: 'A' },
    ]);
    expect(m.robustness.robust).toBe(false);
  });

  it('calls a clear lead robust: with cost at 10 points B is ahead under every move', () => {
    const w = criteria.map((c) => (c.id === 'expertise' ? { ...c, weight: 20 } : c));
    // A: 20×5+80+45+50+40 = 315 / 90 = 3.50; B: 60+80+60+112.5+30 = 342.5 / 90 = 3.806.
    const r = compareCandidates({ criteria: w, candidates, scores });
    expect(r.winnerId).toBe('B');
    expect(r.robustness.flips).toEqual([]);
    expect(r.robustness.robust).toBe(true);
  });
});

describe('comparison matrix — data-computed cells, gaps and ties', () => {
  it('uses a computed score instead of the evaluators’, counts an unscored cell as 0 and lists it', () => {
    const m = compareCandidates({
      criteria: [
        { id: 'cost', name: 'Cost', weight: 50 },
        { id: 'expertise', name: 'Expertise', weight: 50 },
      ],
      candidates: [{ id: 'X', name: 'X' }],
      scores: [{ candidateId: 'X', criterionId: 'cost', evaluatorId: 'E1', score: 1 }],
      computed: [{ candidateId: 'X', criterionId: 'cost', score: 4, basis: 'lowest price' }],
    });
    // (50×4 + 50×0) / 100 = 2
    expect(m.rows[0].total).toBe(2);
    expect(m.rows[0].cells[0]).toMatchObject({ source: 'computed', score: 4, basis: 'lowest price' });
    expect(m.rows[0].missing).toEqual(['expertise']);
  });

  it('names no winner on a tie at the top, and a tie is never robust', () => {
    const m = compareCandidates({
      criteria: [{ id: 'k', name: 'K', weight: 1 }],
      candidates: [
        { id: 'X', name: 'X' },
        { id: 'Y', name: 'Y' },
      ],
      scores: [
        { candidateId: 'X', criterionId: 'k', evaluatorId: 'E', score: 3 },
        { candidateId: 'Y', criterionId: 'k', evaluatorId: 'E', score: 3 },
      ],
    });
    expect(m.winnerId).toBeNull();
    expect(m.rows.map((r) => r.rank)).toEqual([1, 1]);
    expect(m.robustness.robust).toBe(false);
  });
});
