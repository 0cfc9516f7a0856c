import { monthLabel } from '../../costs/fiscal.ts';
import { runRateForecast } from '../../costs/forecast.ts';
import { formatMoney, totalsByCurrency } from '../../money.ts';
import type { CoreFacts, EngagementFact, RuleDef, Signal } from './types.ts';

/**
 * Facts from costs: per engagement and budget currency, this fiscal year's budget and actual
 * (approved and paid invoices, net) with the months elapsed and the organisation's forecast
 * threshold; and per engagement and month, the service credit the SLA report says is owed
 * and was neither received on an invoice nor waived. Money stays per currency.
 */
export interface CostFacts {
  budgets: Array<{ engagementId: string; fiscalYearLabel: string; currency: string; budgetMinor: number; actualMinor: number; monthsElapsed: number; thresholdPct: number }>;
  credits: Array<{ engagementId: string; month: string; currency: string; outstandingMinor: number }>;
}
type F = CoreFacts & CostFacts;

const impactOf = (e: EngagementFact) => (e.criticality === 'critical' ? 4 : e.criticality === 'high' ? 3 : 2);
const money = (amountMinor: number, currency: string) => formatMoney({ amountMinor, currency });

/** "2026-12", 2 → "2026-10". */
function monthsBack(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/**
 * An engagement whose actual already exceeds this fiscal year's budget, or whose run-rate
 * forecast exceeds it by more than the threshold — the costs module's own alert, so the
 * register and the costs page agree. One signal per engagement, every currency in words.
 */
export const budgetOverrun: RuleDef<F> = {
  key: 'budget_overrun',
  label: 'Budget overrun',
  describe: 'An engagement whose invoices already exceed this fiscal year’s budget, or whose run-rate forecast exceeds it by more than the threshold.',
  category: 'financial',
  // 0 keeps the forecast threshold set in the cost settings, so both screens say the same.
  defaults: { overPct: 0 },
  paramLabels: { overPct: 'Forecast over budget by more than (%; 0 uses the cost settings’ threshold)' },
  evaluate(f, p) {
    const engagements = new Map(f.engagements.map((e) => [e.id, e]));
    const vendors = new Map(f.vendors.map((v) => [v.id, v]));
    const byEngagement = new Map<string, string[]>();
    const worst = new Map<string, 'actual_over' | 'forecast_over'>();
    for (const b of [...f.budgets].sort((x, y) => x.currency.localeCompare(y.currency))) {
      const e = engagements.get(b.engagementId);
      if (!e || b.budgetMinor <= 0) continue;
      const threshold = p.overPct > 0 ? p.overPct : b.thresholdPct;
      const r = runRateForecast(b.currency, b.budgetMinor, b.actualMinor, b.monthsElapsed, threshold);
      if (!r.alert) continue;
      const words =
        r.alert === 'actual_over'
          ? `invoices of ${money(r.actualMinor, b.currency)} already exceed the budget of ${money(r.budgetMinor, b.currency)}`
          : `the run rate of ${r.monthsElapsed} month${r.monthsElapsed === 1 ? '' : 's'} ends the year at ${money(r.forecastMinor, b.currency)}, more than ${threshold} % over the budget of ${money(r.budgetMinor, b.currency)}`;
      byEngagement.set(e.id, [...(byEngagement.get(e.id) ?? []), `${b.fiscalYearLabel}: ${words}`]);
      if (r.alert === 'actual_over' || !worst.has(e.id)) worst.set(e.id, r.alert);
    }
    const out: Signal[] = [];
    for (const [id, lines] of byEngagement) {
      const e = engagements.get(id)!;
      const v = vendors.get(e.vendorId);
      if (!v) continue;
      const actual = worst.get(id) === 'actual_over';
      out.push({
        rule: this.key,
        subjectKey: e.id,
        vendorId: v.id,
        engagementId: e.id,
        findingId: null,
        category: this.category,
        title: `${e.name}: ${actual ? 'over budget' : 'forecast over budget'}`,
        detail: `${v.name}: ${lines.join('; ')}.`,
        likelihood: actual ? 5 : 4,
        impact: impactOf(e),
        evidence: [{ label: 'Budget against actual', href: `/engagements/${e.id}/costs` }],
      });
    }
    return out;
  },
};

/**
 * Service credits the vendor owes and has not given: months at least `graceMonths` old (a
 * month's credit is expected on a later invoice) with an amount outstanding. One signal per
 * engagement, amounts per currency, never added across currencies.
 */
export const creditsNotReceived: RuleDef<F> = {
  key: 'credits_not_received',
  label: 'Service credits not received',
  describe: 'An engagement whose vendor owes service credits for missed service levels that were neither received on an invoice nor waived.',
  category: 'financial',
  defaults: { graceMonths: 1, months: 1 },
  paramLabels: { graceMonths: 'Months allowed for the credit to reach an invoice', months: 'Months outstanding, at least' },
  evaluate(f, p) {
    const engagements = new Map(f.engagements.map((e) => [e.id, e]));
    const vendors = new Map(f.vendors.map((v) => [v.id, v]));
    // A credit for a month is due once `graceMonths` further months have begun.
    const dueBefore = monthsBack(f.today.slice(0, 7), Math.max(0, Math.round(p.graceMonths)));
    const byEngagement = new Map<string, CostFacts['credits']>();
    for (const c of f.credits) {
      if (c.outstandingMinor <= 0 || c.month >= dueBefore || !engagements.has(c.engagementId)) continue;
      byEngagement.set(c.engagementId, [...(byEngagement.get(c.engagementId) ?? []), c]);
    }
    const out: Signal[] = [];
    for (const [id, rows] of byEngagement) {
      const months = [...new Set(rows.map((r) => r.month))].sort();
      if (months.length < Math.max(1, p.months)) continue;
      const e = engagements.get(id)!;
      const v = vendors.get(e.vendorId);
      if (!v) continue;
      const owed = totalsByCurrency(rows.map((r) => ({ currency: r.currency, amountMinor: r.outstandingMinor }))).sort((a, b) => a.currency.localeCompare(b.currency));
      out.push({
        rule: this.key,
        subjectKey: e.id,
        vendorId: v.id,
        engagementId: e.id,
        findingId: null,
        category: this.category,
        title: `${e.name}: service credits not received`,
        detail: `${v.name} owes ${owed.map((m) => money(m.amountMinor, m.currency)).join(' and ')} in service credits for ${months.map(monthLabel).join(', ')}, neither received on an invoice nor waived.`,
        likelihood: months.length >= 3 ? 5 : 4,
        impact: impactOf(e) - 1,
        evidence: [{ label: 'Service credits', href: `/engagements/${e.id}/costs` }],
      });
    }
    return out;
  },
};

export const COST_RULES = [budgetOverrun, creditsNotReceived];
