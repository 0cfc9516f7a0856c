import type { CoreFacts, RuleDef, Signal } from './types.ts';

/** Facts from the clause checklist: the gaps of running engagements (missing or weak required clauses). */
export interface ContractFacts {
  gaps: Array<{ key: string; vendorId: string; engagementId: string; engagementName: string; clauseId: string; clauseTitle: string; kind: 'missing' | 'weak' | 'unreviewed' | string; severity: 'high' | 'medium' | 'low' | string; isDpa: boolean }>;
}
type F = CoreFacts & ContractFacts;

const SEVERITY_RANK: Record<string, number> = { low: 0, medium: 1, high: 2 };

export const clauseMissing: RuleDef<F> = {
  key: 'clause_missing',
  label: 'Required contract clause missing or weak',
  describe: 'A running engagement whose contracts lack a required clause (the clause checklist found a gap).',
  category: 'contract_legal',
  defaults: { minSeverity: 2 },
  paramLabels: { minSeverity: 'Gaps from severity (0 low, 1 medium, 2 high)' },
  evaluate(f, p) {
    const vendors = new Map(f.vendors.map((v) => [v.id, v]));
    const out: Signal[] = [];
    for (const g of f.gaps) {
      const v = vendors.get(g.vendorId);
      if (!v || g.isDpa || (SEVERITY_RANK[g.severity] ?? 0) < p.minSeverity) continue;
      out.push({
        rule: this.key,
        subjectKey: g.key,
        vendorId: v.id,
        engagementId: g.engagementId,
        findingId: null,
        category: this.category,
        title: `${g.engagementName}: ${g.clauseTitle} ${g.kind === 'weak' ? 'weak' : 'missing'}`,
        detail: `The contracts of ${g.engagementName} (${v.name}) ${g.kind === 'weak' ? 'have only a weak' : g.kind === 'unreviewed' ? 'have not been reviewed for a' : 'lack a'} "${g.clauseTitle}" clause.`,
        likelihood: 3,
        impact: g.severity === 'high' ? 4 : 3,
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
