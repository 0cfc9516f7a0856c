import type { CoreFacts, RuleDef, Signal } from './types.ts';

/** Facts from SLA measurement: per measured engagement, whether each of the last months met its targets (null: nothing to judge). */
export interface SlaFacts {
  sla: Array<{ engagementId: string; months: Array<{ month: string; met: boolean | null }> }>;
}
type F = CoreFacts & SlaFacts;

export const slaBelowTarget: RuleDef<F> = {
  key: 'sla_below_target',
  label: 'SLA below target month after month',
  describe: 'An engagement that missed its service levels in N of the last M full months.',
  category: 'service_delivery',
  defaults: { breaches: 2, months: 3 },
  paramLabels: { breaches: 'Months missed (N)', months: 'Out of the last months (M)' },
  evaluate(f, p) {
    const engagements = new Map(f.engagements.map((e) => [e.id, e]));
    const vendors = new Map(f.vendors.map((v) => [v.id, v]));
    const out: Signal[] = [];
    for (const s of f.sla) {
      const e = engagements.get(s.engagementId);
      const v = e && vendors.get(e.vendorId);
      if (!e || !v) continue;
      const recent = [...s.months].sort((a, b) => (a.month < b.month ? -1 : 1)).slice(-p.months);
      const missed = recent.filter((m) => m.met === false);
      if (missed.length < p.breaches) continue;
      out.push({
        rule: this.key,
        subjectKey: e.id,
        vendorId: v.id,
        engagementId: e.id,
        findingId: null,
        category: this.category,
        title: `${e.name}: SLA missed ${missed.length} of the last ${recent.length} months`,
        detail: `Targets were missed in ${missed.map((m) => m.month).join(', ')}.`,
        likelihood: missed.length === recent.length ? 5 : 4,
        impact: e.criticality === 'critical' ? 5 : e.criticality === 'high' ? 4 : 3,
        evidence: [{ label: 'SLA report', href: `/engagements/${e.id}/sla` }],
      });
    }
    return out;
  },
};

export const SLA_RULES = [slaBelowTarget];
