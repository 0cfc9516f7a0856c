import type { CoreFacts, RuleDef, Signal } from './types.ts';

/** Facts from the clause checklist: the gaps of running engagements (missing or weak required clauses). */
export interface ContractFacts {
  gaps: Array<{ key: string; vendorId: string; engagementId: string; engagementName: string; clauseId: string; clauseTitle: string; kind: 'missing' | 'weak' | 'unreviewed' | string; severity: 'high' | 'medium' | 'low' | string; isDpa: boolean }>;
}
type F = CoreFacts & ContractFacts;

const SEVERITY_RANK: Record<string, number> = { low: 0, medium: 1, high: 2 };

export const clauseMissing: RuleDef<F> = {
  key: 'clause_missing',
  label: 'Required contract clauses missing or weak',
  describe: "A running engagement whose contracts lack required clauses (the clause checklist's gaps), one signal per engagement.",
  category: 'contract_legal',
  defaults: { minSeverity: 2 },
  paramLabels: { minSeverity: 'Gaps from severity (0 low, 1 medium, 2 high)' },
  evaluate(f, p) {
    const vendors = new Map(f.vendors.map((v) => [v.id, v]));
    // One signal per engagement: a contract missing ten clauses is one risk to treat, not ten.
    const byEngagement = new Map<string, ContractFacts['gaps']>();
    for (const g of f.gaps) {
      if (!vendors.has(g.vendorId) || g.isDpa || (SEVERITY_RANK[g.severity] ?? 0) < p.minSeverity) continue;
      const list = byEngagement.get(g.engagementId);
      if (list) list.push(g);
      else byEngagement.set(g.engagementId, [g]);
    }
    const out: Signal[] = [];
    for (const [engagementId, gaps] of byEngagement) {
      const v = vendors.get(gaps[0].vendorId)!;
      const name = gaps[0].engagementName;
      const titles = gaps.map((g) => g.clauseTitle).sort((a, b) => a.localeCompare(b));
      const missing = gaps.filter((g) => g.kind === 'missing').length;
      out.push({
        rule: this.key,
        subjectKey: engagementId,
        vendorId: v.id,
        engagementId,
        findingId: null,
        category: this.category,
        title: gaps.length === 1 ? `${name}: ${titles[0]} ${gaps[0].kind === 'weak' ? 'weak' : 'missing'}` : `${name}: ${gaps.length} required clauses missing or weak`,
        detail: `The contracts in force for ${name} (${v.name}) lack or weaken: ${titles.join(', ')}.`,
        likelihood: 3,
        impact: missing > 0 && gaps.some((g) => g.severity === 'high') ? 4 : 3,
        evidence: [{ label: 'Contract gaps', href: `/vendors/${v.id}/contract-gaps` }],
      });
    }
    return out;
  },
};

/** Data access that needs a data processing agreement. */
const PERSONAL = new Set(['personal_data', 'special_category_personal_data']);

export const noDpa: RuleDef<F> = {
  key: 'no_dpa',
  label: 'Personal data without a data processing agreement',
  describe: 'A running engagement with access to personal data whose contracts lack the data processing agreement clause.',
  category: 'data_protection',
  defaults: {},
  paramLabels: {},
  evaluate(f) {
    const vendors = new Map(f.vendors.map((v) => [v.id, v]));
    const out: Signal[] = [];
    for (const g of f.gaps) {
      const v = vendors.get(g.vendorId);
      if (!v || !g.isDpa || g.kind !== 'missing') continue;
      out.push({
        rule: this.key,
        subjectKey: g.engagementId,
        vendorId: v.id,
        engagementId: g.engagementId,
        findingId: null,
        category: this.category,
        title: `${g.engagementName}: personal data without a data processing agreement`,
        detail: `${v.name} has ${PERSONAL.has(v.dataAccess) ? 'access to personal data' : 'data access'} on ${g.engagementName}, and no contract in force has the "${g.clauseTitle}" clause.`,
        likelihood: 4,
        impact: 5,
        evidence: [{ label: 'Contract gaps', href: `/vendors/${v.id}/contract-gaps` }],
      });
    }
    return out;
  },
};

export const CONTRACT_RULES = [clauseMissing, noDpa];
