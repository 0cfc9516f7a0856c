import type { CoreFacts, RuleDef, Signal } from './types.ts';

/** Facts from exit readiness: per running engagement, its readiness (0–100) and its weakest factors in words. */
export interface ExitFacts {
  exit: Array<{ engagementId: string; score: number; weakest: string[] }>;
}
type F = CoreFacts & ExitFacts;

const SERIOUS = new Set(['critical', 'high']);

/**
 * A critical or high engagement the organisation could not leave in good order: the
 * dependence the articles warn about (a vendor that fails, or disappoints, with no way out).
 */
export const exitReadinessLow: RuleDef<F> = {
  key: 'exit_readiness_low',
  label: 'Exit readiness too low',
  describe: 'A critical or high engagement whose exit readiness is below the threshold: leaving the vendor would not go in good order.',
  category: 'concentration',
  defaults: { threshold: 50 },
  paramLabels: { threshold: 'Readiness below (0–100)' },
  evaluate(f, p) {
    const engagements = new Map(f.engagements.map((e) => [e.id, e]));
    const vendors = new Map(f.vendors.map((v) => [v.id, v]));
    const out: Signal[] = [];
    for (const x of f.exit) {
      const e = engagements.get(x.engagementId);
      const v = e && vendors.get(e.vendorId);
      if (!e || !v || !SERIOUS.has(e.criticality) || x.score >= p.threshold) continue;
      out.push({
        rule: this.key,
        subjectKey: e.id,
        vendorId: v.id,
        engagementId: e.id,
        findingId: null,
        category: this.category,
        title: `${e.name}: exit readiness ${x.score} of 100`,
        detail: `Leaving ${v.name} would not go in good order: readiness is ${x.score}, below ${p.threshold}.${x.weakest.length ? ` Weakest: ${x.weakest.join('; ')}.` : ''}`,
        likelihood: 3,
        impact: e.criticality === 'critical' ? 5 : 4,
        evidence: [{ label: 'Exit readiness', href: `/engagements/${e.id}/exit` }],
      });
    }
    return out;
  },
};

export const EXIT_RULES = [exitReadinessLow];
