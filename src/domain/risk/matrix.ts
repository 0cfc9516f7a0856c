import { DomainError } from '../errors.ts';
import { isCurrency, type Money } from '../money.ts';

/**
 * The organisation's own risk matrix: likelihood × impact, 3×3 to 5×5, its own labels, and
 * the level of each cell set as a lookup grid (as ISO 27005's examples do) rather than only
 * likelihood × impact. The appetite is the highest level the organisation accepts; a cell
 * above it is "above appetite".
 */
export interface RiskLevel {
  label: string;
  /** A colour name of the UI palette (green, yellow, orange, red, …). */
  color: string;
}
export interface RiskMatrix {
  size: number;
  likelihoodLabels: string[];
  impactLabels: string[];
  levels: RiskLevel[];
  /** grid[likelihood - 1][impact - 1] = index into `levels`. */
  grid: number[][];
  /** Index into `levels`: the highest level within appetite. */
  appetite: number;
  /** Optional: a money band per impact level and a chance per year per likelihood level, for a rough annual-loss figure. */
  loss?: LossBands | null;
}

/**
 * A rough annual loss: the impact level's money band (minor units, one currency) times the
 * likelihood level's chance per year (whole percent). A guide for ranking, not a forecast.
 */
export interface LossBands {
  currency: string;
  /** Per impact level, lowest first: the loss if it happens, in minor units. */
  impactMinor: number[];
  /** Per likelihood level, lowest first: the chance it happens in a year, 0–100 %. */
  likelihoodPct: number[];
}

export const MIN_SIZE = 3;
export const MAX_SIZE = 5;

export const DEFAULT_MATRIX: RiskMatrix = {
  size: 5,
  likelihoodLabels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
  impactLabels: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
  levels: [
    { label: 'Low', color: 'green' },
    { label: 'Medium', color: 'yellow' },
    { label: 'High', color: 'orange' },
    { label: 'Very high', color: 'red' },
  ],
  grid: [
    [0, 0, 0, 1, 1],
    [0, 0, 1, 1, 2],
    [0, 1, 1, 2, 2],
    [1, 1, 2, 2, 3],
    [1, 2, 2, 3, 3],
  ],
  appetite: 1,
};

/** Checks a matrix as a whole, naming the field that is wrong. */
export function validateMatrix(m: RiskMatrix): RiskMatrix {
  if (!Number.isInteger(m.size) || m.size < MIN_SIZE || m.size > MAX_SIZE) throw DomainError.invalid('size', `The matrix is ${MIN_SIZE}×${MIN_SIZE} to ${MAX_SIZE}×${MAX_SIZE}.`);
  if (m.likelihoodLabels.length !== m.size) throw DomainError.invalid('likelihoodLabels', `Give ${m.size} likelihood labels, one per row.`);
  if (m.impactLabels.length !== m.size) throw DomainError.invalid('impactLabels', `Give ${m.size} impact labels, one per column.`);
  if (m.levels.length < 2 || m.levels.length > 6) throw DomainError.invalid('levels', 'Give two to six levels, lowest first.');
  if (m.grid.length !== m.size || m.grid.some((row) => row.length !== m.size)) throw DomainError.invalid('grid', `The grid has ${m.size} rows of ${m.size} cells.`);
  m.grid.forEach((row, l) =>
    row.forEach((v, i) => {
      if (!Number.isInteger(v) || v < 0 || v >= m.levels.length) throw DomainError.invalid(`grid.${l}.${i}`, `The cell for likelihood "${m.likelihoodLabels[l]}" and impact "${m.impactLabels[i]}" names no level.`);
    }),
  );
  if (!Number.isInteger(m.appetite) || m.appetite < 0 || m.appetite >= m.levels.length) throw DomainError.invalid('appetite', 'The appetite is one of the levels.');
  if (m.loss) {
    if (!isCurrency(m.loss.currency)) throw DomainError.invalid('loss.currency', 'Expected a currency code such as EUR.');
    if (m.loss.impactMinor.length !== m.size) throw DomainError.invalid('loss.impactMinor', `Give ${m.size} amounts, one per impact level.`);
    if (m.loss.likelihoodPct.length !== m.size) throw DomainError.invalid('loss.likelihoodPct', `Give ${m.size} chances per year, one per likelihood level.`);
    m.loss.impactMinor.forEach((v, i) => {
      if (!Number.isSafeInteger(v) || v < 0) throw DomainError.invalid(`loss.impactMinor.${i}`, 'A whole, non-negative number of minor units.');
    });
    m.loss.likelihoodPct.forEach((v, i) => {
      if (!Number.isInteger(v) || v < 0 || v > 100) throw DomainError.invalid(`loss.likelihoodPct.${i}`, 'A whole percentage from 0 to 100.');
    });
  }
  return m;
}

/** A likelihood and impact (1-based) on the matrix. */
export interface Cell {
  likelihood: number;
  impact: number;
}

export function checkCell(m: RiskMatrix, c: Cell, field: string): void {
  if (c.likelihood < 1 || c.likelihood > m.size) throw DomainError.invalid(`${field}Likelihood`, `The likelihood is 1 to ${m.size} on this organisation's matrix.`);
  if (c.impact < 1 || c.impact > m.size) throw DomainError.invalid(`${field}Impact`, `The impact is 1 to ${m.size} on this organisation's matrix.`);
}

/** The cell's level from the lookup grid; a cell outside a shrunk matrix counts as its nearest edge. */
export function levelOf(m: RiskMatrix, c: Cell): number {
  const l = Math.min(Math.max(c.likelihood, 1), m.size);
  const i = Math.min(Math.max(c.impact, 1), m.size);
  return m.grid[l - 1][i - 1];
}

/** The score shown beside the level: likelihood × impact (the level decides, the product orders). */
export const scoreOf = (c: Cell) => c.likelihood * c.impact;

export const aboveAppetite = (m: RiskMatrix, c: Cell) => levelOf(m, c) > m.appetite;

/** A rule's suggestion on a 1–5 scale, on a matrix of another size. */
export function scaled(m: RiskMatrix, onFive: number): number {
  return Math.min(m.size, Math.max(1, Math.round((onFive * m.size) / 5)));
}

/** Counts per cell (rows likelihood high→low is for the UI; here [likelihood-1][impact-1]). */
export function heatMap(m: RiskMatrix, risks: readonly { inherent: Cell; residual: Cell }[]) {
  const empty = () => Array.from({ length: m.size }, () => Array.from({ length: m.size }, () => 0));
  const inherent = empty();
  const residual = empty();
  const clamp = (v: number) => Math.min(Math.max(v, 1), m.size) - 1;
  for (const r of risks) {
    inherent[clamp(r.inherent.likelihood)][clamp(r.inherent.impact)]++;
    residual[clamp(r.residual.likelihood)][clamp(r.residual.impact)]++;
  }
  return { inherent, residual };
}

/** The rough annual loss of a cell (null without loss bands): band × chance, rounded to a minor unit. */
export function annualLoss(m: RiskMatrix, c: Cell): Money | null {
  if (!m.loss) return null;
  const l = Math.min(Math.max(c.likelihood, 1), m.size);
  const i = Math.min(Math.max(c.impact, 1), m.size);
  return { amountMinor: Math.round((m.loss.impactMinor[i - 1] * m.loss.likelihoodPct[l - 1]) / 100), currency: m.loss.currency };
}
