/**
 * A vendor's inherent risk — the risk before any control is looked at — and how often
 * it must therefore be reassessed.
 *
 * Inputs are the two facts a vendor manager knows on day one:
 * - criticality tier: 1 = its failure stops the business … 4 = easily replaced, nothing
 *   important depends on it (same scale as the vendor record);
 * - data access: the most sensitive data the vendor can reach (same values as the vendor
 *   record's `dataAccess`).
 *
 * The level comes from this matrix (rows: tier, columns: data access):
 *
 *            none     internal  confidential  personal  special category
 *   tier 1   medium   high      high          critical  critical
 *   tier 2   low      medium    high          high      critical
 *   tier 3   low      medium    medium        high      high
 *   tier 4   low      low       low           medium    high
 *
 * Why a table and not a formula: it is what a risk committee signs off, it can be read
 * in an audit, and it encodes judgement a product of two numbers cannot (any vendor
 * touching special-category data is at least high, whatever its tier). It is monotonic:
 * a more critical tier or more sensitive data never lowers the level.
 *
 * `score` = (5 − tier) × (data index + 1), 1..20, only for sorting vendors within a level.
 *
 * Reassessment interval by level: critical 6 months, high 12, medium 24, low 36.
 */

export const DATA_ACCESS_LEVELS = ['none', 'internal', 'confidential', 'personal_data', 'special_category_personal_data'] as const;
export type DataAccessLevel = (typeof DATA_ACCESS_LEVELS)[number];
export type CriticalityTier = 1 | 2 | 3 | 4;
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const REVIEW_EVERY_MONTHS: Record<RiskLevel, number> = { critical: 6, high: 12, medium: 24, low: 36 };

/** Rows are tiers 1..4, columns follow DATA_ACCESS_LEVELS. */
export const INHERENT_RISK_MATRIX: Readonly<Record<CriticalityTier, readonly RiskLevel[]>> = {
  1: ['medium', 'high', 'high', 'critical', 'critical'],
  2: ['low', 'medium', 'high', 'high', 'critical'],
  3: ['low', 'medium', 'medium', 'high', 'high'],
  4: ['low', 'low', 'low', 'medium', 'high'],
};

export interface InherentRisk {
  readonly level: RiskLevel;
  /** 1..20, higher is riskier; for ordering only. */
  readonly score: number;
  readonly reviewEveryMonths: number;
}

/**
 * Inherent risk of a vendor from its criticality tier and data access (see the matrix
 * in the file comment).
 * @throws RangeError for a tier outside 1..4 or an unknown data access value.
 */
export function inherentRisk(tier: CriticalityTier, dataAccess: DataAccessLevel): InherentRisk {
  const row = INHERENT_RISK_MATRIX[tier];
  const col = DATA_ACCESS_LEVELS.indexOf(dataAccess);
  if (!row) throw new RangeError(`Criticality tier must be 1, 2, 3 or 4, not ${String(tier)}`);
  if (col < 0) throw new RangeError(`Unknown data access "${String(dataAccess)}"`);
  const level = row[col];
  return { level, score: (5 - tier) * (col + 1), reviewEveryMonths: REVIEW_EVERY_MONTHS[level] };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(s: string, what: string): { y: number; m: number; d: number } {
  const match = DATE_RE.exec(s);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return { y, m, d };
  }
  throw new RangeError(`${what} must be a date as YYYY-MM-DD, not ${JSON.stringify(s)}`);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * Adds calendar months to a date; the day is clamped to the target month's length
 * (2024-08-31 + 6 months = 2025-02-28), as people expect of "every six months".
 */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parseDate(date, 'date');
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return `${pad(ny, 4)}-${pad(nm, 2)}-${pad(Math.min(d, daysInMonth(ny, nm)), 2)}`;
}

/**
 * When the next assessment is due: the last completed review plus the risk's interval.
 * With no completed review the vendor is due today. An overdue date stays in the past
 * (it is not moved to today) so the UI can show how late the review is.
 * @throws RangeError for malformed dates.
 */
export function nextReviewDate(lastCompletedDate: string | null, risk: Pick<InherentRisk, 'reviewEveryMonths'>, today: string): string {
  parseDate(today, 'today');
  if (lastCompletedDate === null) return today;
  return addMonths(lastCompletedDate, risk.reviewEveryMonths);
}
