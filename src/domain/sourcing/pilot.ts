import { formatMoney } from '../money.ts';

/**
 * A pilot's success criteria, each shown met or not from the data at the end — and by how
 * much. Pure: the server measures (the SLA engine, the deliverables, the invoices, the
 * matrix) and hands the numbers in.
 */

export type PilotCriterionKey = 'sla' | 'deliverables' | 'budget' | 'scorecard';
export interface PilotCriterionResult {
  key: PilotCriterionKey;
  label: string;
  target: string;
  measured: string;
  /** null: not measurable yet (no tickets, no SLA policy …); the reason is in `measured`. */
  met: boolean | null;
  /** How far from the target, in words ("2.5 points short", "EUR 1,200.00 under the ceiling"). */
  by: string;
}

export interface PilotFacts {
  /** Share of the pilot's tickets within their SLA, against a target in percent. */
  sla?: { targetPct: number; tickets: number; breached: number; problem?: string | null } | null;
  /** Deliverables due by a date: each accepted or not, and when. */
  deliverables?: { dueBy: string; items: readonly { name: string; acceptedOn: string | null }[] } | null;
  /** Spend (approved and paid invoices of the pilot) against a ceiling, in one currency. */
  budget?: { ceilingMinor: number; spentMinor: number; currency: string } | null;
  /** The candidate's weighted total in the matrix against a threshold (0–5). */
  scorecard?: { threshold: number; total: number | null } | null;
}

/** A civil date in words ("30 November 2026"): people read these, not ISO dates. */
const dateWords = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const pct = (x: number) => `${(Math.round(x * 10) / 10).toFixed(1)} %`;
const ppts = (x: number) => `${(Math.round(x * 10) / 10).toFixed(1)} percentage points`;
const pts = (x: number) => (Math.round(x * 100) / 100).toFixed(2);

export function evaluatePilot(f: PilotFacts): PilotCriterionResult[] {
  const out: PilotCriterionResult[] = [];
  if (f.sla) {
    const { targetPct, tickets, breached } = f.sla;
    const target = `At least ${pct(targetPct)} of tickets within their SLA`;
    if (f.sla.problem || tickets === 0) {
      out.push({ key: 'sla', label: 'Service levels', target, measured: f.sla.problem ?? 'No tickets measured in the pilot period', met: null, by: 'not measured' });
    } else {
      const within = ((tickets - breached) / tickets) * 100;
      const diff = within - targetPct;
      out.push({
        key: 'sla',
        label: 'Service levels',
        target,
        measured: `${pct(within)} within SLA (${tickets - breached} of ${tickets} tickets)`,
        met: diff >= -1e-9,
        by: diff >= -1e-9 ? `${ppts(diff)} above the target` : `${ppts(-diff)} short of the target`,
      });
    }
  }
  if (f.deliverables) {
    const { dueBy, items } = f.deliverables;
    const late = items.filter((d) => !d.acceptedOn || d.acceptedOn > dueBy);
    const target = `Every deliverable accepted by ${dateWords(dueBy)}`;
    if (!items.length) out.push({ key: 'deliverables', label: 'Deliverables', target, measured: 'No deliverables recorded for the pilot', met: null, by: 'not measured' });
    else
      out.push({
        key: 'deliverables',
        label: 'Deliverables',
        target,
        measured: `${items.length - late.length} of ${items.length} accepted in time`,
        met: late.length === 0,
        by: late.length === 0 ? 'all accepted in time' : `${late.length} not accepted in time: ${late.map((d) => d.name).join(', ')}`,
      });
  }
  if (f.budget) {
    const { ceilingMinor, spentMinor, currency } = f.budget;
    const diff = ceilingMinor - spentMinor;
    out.push({
      key: 'budget',
      label: 'Budget',
      target: `At most ${formatMoney({ amountMinor: ceilingMinor, currency })}`,
      measured: `${formatMoney({ amountMinor: spentMinor, currency })} invoiced and approved`,
      met: diff >= 0,
      by: diff >= 0 ? `${formatMoney({ amountMinor: diff, currency })} under the ceiling` : `${formatMoney({ amountMinor: -diff, currency })} over the ceiling`,
    });
  }
  if (f.scorecard) {
    const { threshold, total } = f.scorecard;
    const target = `A weighted score of at least ${pts(threshold)} out of 5`;
    if (total === null) out.push({ key: 'scorecard', label: 'Scorecard', target, measured: 'Not scored', met: null, by: 'not measured' });
    else {
      const diff = total - threshold;
      out.push({
        key: 'scorecard',
        label: 'Scorecard',
        target,
        measured: `${pts(total)} out of 5`,
        met: diff >= -1e-9,
        by: diff >= -1e-9 ? `${pts(diff)} above the threshold` : `${pts(-diff)} short of the threshold`,
      });
    }
  }
  return out;
}

/** Met when every criterion is met; not met when any is not; otherwise open. */
export function pilotVerdict(results: readonly PilotCriterionResult[]): 'met' | 'not_met' | 'open' {
  if (results.some((r) => r.met === false)) return 'not_met';
  if (results.length && results.every((r) => r.met === true)) return 'met';
  return 'open';
}
