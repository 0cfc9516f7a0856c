import { dayInWords, daysBetween, type CivilDate } from '../civil-date.ts';
import { DomainError } from '../errors.ts';
import type { Coverage, Holder } from './template.ts';

/**
 * Exit readiness: could we leave this vendor, and how well? Eight factors, each worth a
 * credit from 0 to 1, weighted by the organisation's weights; the score is the weighted
 * share out of 100. With weights adding up to 100 (the defaults do), a factor going from no
 * credit to full credit moves the score by exactly its weight.
 */
export const FACTORS = ['plan', 'clause', 'assets', 'documentation', 'skills', 'drill', 'alternative', 'data_export'] as const;
export type FactorKey = (typeof FACTORS)[number];
export type Weights = Record<FactorKey, number>;

export const FACTOR_LABELS: Record<FactorKey, string> = {
  plan: 'Exit plan exists and was reviewed within a year',
  clause: 'The contract has an exit-assistance clause',
  assets: 'Assets we control with verified admin access',
  documentation: 'Runbooks reviewed within a year',
  skills: 'In-house coverage of the skills the service needs',
  drill: 'Last exit drill, its outcome and how recent it is',
  alternative: 'An alternative is identified',
  data_export: 'Data export tested',
};

export const DEFAULT_WEIGHTS: Weights = { plan: 15, clause: 10, assets: 20, documentation: 10, skills: 15, drill: 15, alternative: 5, data_export: 10 };

/** A drill counts in full for this many days, then loses its credit evenly over the next DRILL_FADE_DAYS. */
export const DRILL_FULL_DAYS = 90;
export const DRILL_FADE_DAYS = 360;
/** Verifications, reviews and tests older than this no longer count as current. */
export const CURRENT_DAYS = 365;

export type DrillResult = 'done' | 'problem' | 'not_possible';
export const DRILL_RESULTS = ['done', 'problem', 'not_possible'] as const;
export const DRILL_RESULT_LABELS: Record<DrillResult, string> = { done: 'Done', problem: 'Done with a problem', not_possible: 'Not possible' };
const RESULT_CREDIT: Record<DrillResult, number> = { done: 1, problem: 0.5, not_possible: 0 };
const COVERAGE_CREDIT: Record<Coverage, number> = { none: 0, basic: 0.5, can_run: 1 };

export interface ReadinessInput {
  today: CivilDate;
  plan: { reviewedOn: CivilDate | null; target: 'in_house' | 'vendor'; alternativeName: string | null } | null;
  /** The exit-assistance clause of the contracts in force: the best review, or null when none is reviewed. */
  clause: 'present' | 'weak' | 'missing' | 'not_applicable' | null;
  assets: ReadonlyArray<{ holder: Holder; clientAdminAccess: boolean; lastVerifiedOn: CivilDate | null }>;
  runbooks: ReadonlyArray<{ lastReviewedOn: CivilDate | null }>;
  skills: ReadonlyArray<{ coverage: Coverage }>;
  backupOwners: number;
  /** The most recent drill: when, and each step's result. */
  lastDrill: { heldOn: CivilDate; results: readonly DrillResult[] } | null;
  /** The most recent drill that tried the data export, and how it went. */
  dataExport: { heldOn: CivilDate; result: DrillResult } | null;
}

export interface Factor {
  key: FactorKey;
  label: string;
  weight: number;
  /** 0–1. */
  credit: number;
  /** What the factor adds to the score (weight × credit, out of 100). */
  points: number;
  /** Why it gets this credit, in words. */
  explanation: string;
}

export interface Readiness {
  score: number;
  factors: Factor[];
}

const within = (today: CivilDate, d: CivilDate | null, days = CURRENT_DAYS) => d !== null && d <= today && daysBetween(d, today) <= days;
const pct = (x: number) => `${Math.round(x * 100)} %`;
const share = (n: number, of: number, what: string) => `${n} of ${of} ${what}`;

/** The credit a drill keeps `age` days after it was held. */
export function drillDecay(age: number): number {
  if (age <= DRILL_FULL_DAYS) return 1;
  return Math.max(0, 1 - (age - DRILL_FULL_DAYS) / DRILL_FADE_DAYS);
}

/** How a drill went: the mean of its steps' results (done 1, problem ½, not possible 0). */
export function drillOutcome(results: readonly DrillResult[]): number {
  if (results.length === 0) return 0;
  return results.reduce((s, r) => s + RESULT_CREDIT[r], 0) / results.length;
}

export function validateWeights(w: Weights): Weights {
  for (const k of FACTORS) {
    const v = w[k];
    if (!Number.isInteger(v) || v < 0 || v > 100) throw DomainError.invalid(`weights.${k}`, `The weight of "${FACTOR_LABELS[k]}" must be a whole number from 0 to 100.`);
  }
  if (FACTORS.every((k) => w[k] === 0)) throw DomainError.invalid('weights', 'At least one factor needs a weight above 0.');
  return w;
}

function credits(i: ReadinessInput): Record<FactorKey, { credit: number; explanation: string }> {
  const t = i.today;
  const plan = !i.plan
    ? { credit: 0, explanation: 'No exit plan yet.' }
    : within(t, i.plan.reviewedOn)
      ? { credit: 1, explanation: `Reviewed on ${dayInWords(i.plan.reviewedOn!)}.` }
      : { credit: 0.5, explanation: i.plan.reviewedOn ? `Last reviewed on ${dayInWords(i.plan.reviewedOn)}, more than a year ago.` : 'The plan has never been reviewed.' };

  const clause =
    i.clause === 'present' || i.clause === 'not_applicable'
      ? { credit: 1, explanation: i.clause === 'present' ? 'Present in a contract in force.' : 'Marked not applicable in the contract review.' }
      : i.clause === 'weak'
        ? { credit: 0.5, explanation: 'Present but weak.' }
        : { credit: 0, explanation: i.clause === 'missing' ? 'Missing from the contracts in force.' : 'No contract in force has it reviewed.' };

  const controlled = i.assets.filter((a) => a.holder !== 'vendor' && a.clientAdminAccess && within(t, a.lastVerifiedOn)).length;
  const assets = i.assets.length === 0 ? { credit: 0, explanation: 'No assets recorded.' } : { credit: controlled / i.assets.length, explanation: `${share(controlled, i.assets.length, 'assets')} held by us or shared, with admin access verified within a year.` };

  const current = i.runbooks.filter((r) => within(t, r.lastReviewedOn)).length;
  const documentation = i.runbooks.length === 0 ? { credit: 0, explanation: 'No runbooks recorded.' } : { credit: current / i.runbooks.length, explanation: `${share(current, i.runbooks.length, 'runbooks')} reviewed within a year.` };

  const covered = i.skills.reduce((s, k) => s + COVERAGE_CREDIT[k.coverage], 0);
  const skills =
    i.skills.length === 0
      ? { credit: 0, explanation: 'No skills recorded.' }
      : { credit: covered / i.skills.length, explanation: `${i.skills.filter((k) => k.coverage === 'can_run').length} of ${i.skills.length} skills someone in-house can run, ${i.skills.filter((k) => k.coverage === 'basic').length} with basic knowledge.` };

  let drill = { credit: 0, explanation: 'No drill held yet.' };
  if (i.lastDrill) {
    const age = Math.max(0, daysBetween(i.lastDrill.heldOn, t));
    const outcome = drillOutcome(i.lastDrill.results);
    const decay = drillDecay(age);
    drill = { credit: outcome * decay, explanation: `Held on ${dayInWords(i.lastDrill.heldOn)} (${age} days ago, ${pct(decay)} of its credit left); outcome ${pct(outcome)}.` };
  }

  let alternative = { credit: 0, explanation: 'No exit plan names a target.' };
  if (i.plan?.target === 'vendor') alternative = i.plan.alternativeName ? { credit: 1, explanation: `Alternative vendor: ${i.plan.alternativeName}.` } : { credit: 0, explanation: 'The plan moves to another vendor but names none.' };
  else if (i.plan?.target === 'in_house') alternative = i.backupOwners > 0 ? { credit: 1, explanation: `Taken in-house; ${i.backupOwners} backup owner${i.backupOwners === 1 ? '' : 's'} named.` } : { credit: 0.5, explanation: 'Taken in-house, but no backup owner is named.' };

  let dataExport = { credit: 0, explanation: 'The data export has not been tried in a drill.' };
  if (i.dataExport) {
    const { heldOn, result } = i.dataExport;
    if (result === 'not_possible') dataExport = { credit: 0, explanation: `Not possible in the drill of ${dayInWords(heldOn)}.` };
    else if (result === 'done' && within(t, heldOn)) dataExport = { credit: 1, explanation: `Done in the drill of ${dayInWords(heldOn)}.` };
    else dataExport = { credit: 0.5, explanation: result === 'problem' ? `Done with a problem in the drill of ${dayInWords(heldOn)}.` : `Done in the drill of ${dayInWords(heldOn)}, more than a year ago.` };
  }

  return { plan, clause, assets, documentation, skills, drill, alternative, data_export: dataExport };
}

/** The score and how it was computed, factor by factor. */
export function readiness(input: ReadinessInput, weights: Weights = DEFAULT_WEIGHTS): Readiness {
  const total = FACTORS.reduce((s, k) => s + weights[k], 0);
  if (total <= 0) throw DomainError.invalid('weights', 'At least one factor needs a weight above 0.');
  const c = credits(input);
  const factors = FACTORS.map((key): Factor => {
    const points = (weights[key] * c[key].credit * 100) / total;
    return { key, label: FACTOR_LABELS[key], weight: weights[key], credit: Math.round(c[key].credit * 1000) / 1000, points: Math.round(points * 10) / 10, explanation: c[key].explanation };
  });
  const exact = FACTORS.reduce((s, key) => s + (weights[key] * c[key].credit * 100) / total, 0);
  return { score: Math.round(exact), factors };
}

/** Readiness in words, for lists and the CLI. */
export function readinessBand(score: number): 'good' | 'fair' | 'poor' {
  return score >= 70 ? 'good' : score >= 40 ? 'fair' : 'poor';
}
