import { sharesOf } from '../concentration.ts';
import type { CoreFacts, RuleDef, Signal } from './types.ts';

const IMPORTANT = new Set(['critical', 'high']);

export const vendorConcentration: RuleDef<CoreFacts> = {
  key: 'concentration',
  label: 'Concentration on one vendor',
  describe: "A vendor carrying more than the threshold share of the organisation's critical and high engagements.",
  category: 'concentration',
  defaults: { maxSharePct: 30, minEngagements: 3 },
  paramLabels: { maxSharePct: 'Largest acceptable share (%)', minEngagements: 'Only from this many critical and high engagements in all' },
  evaluate(f, p) {
    const counts = new Map<string, number>();
    let total = 0;
    for (const e of f.engagements) {
      if (!IMPORTANT.has(e.criticality) || e.status === 'ended') continue;
      counts.set(e.vendorId, (counts.get(e.vendorId) ?? 0) + 1);
      total++;
    }
    if (total < p.minEngagements) return [];
    const vendors = new Map(f.vendors.map((v) => [v.id, v]));
    const out: Signal[] = [];
    for (const s of sharesOf(counts)) {
      const v = vendors.get(s.key);
      const pct = Math.round(s.share * 100);
      if (!v || s.share * 100 <= p.maxSharePct) continue;
      out.push({
        rule: this.key,
        subjectKey: v.id,
        vendorId: v.id,
        engagementId: null,
        findingId: null,
        category: this.category,
        title: `${v.name} carries ${pct}% of critical and high engagements`,
        detail: `${s.amount} of ${total} critical and high engagements run with ${v.name} (threshold ${p.maxSharePct}%).`,
        likelihood: 2,
        impact: 5,
        evidence: [{ label: 'Concentration', href: '/risks/concentration' }],
      });
    }
    return out;
  },
};

export const CONCENTRATION_RULES = [vendorConcentration];
