import { ClauseListQuery } from '../../../../shared/contracts/clauses.ts';
import { allGaps, listClauses } from '../../clauses/clauses.public.ts';
import type { FactSource } from './types.ts';

export const contractFacts: FactSource = {
  name: 'Contract clauses',
  rules: ['clause_missing', 'no_dpa'],
  async gather(ctx) {
    const clauses = await listClauses(ctx, ClauseListQuery.parse({ retired: 'all' }));
    // The built-in data-protection clause is the data processing agreement's place in a contract.
    const dpa = new Set(clauses.items.filter((c) => c.key === 'data_protection').map((c) => c.id));
    const gaps = await allGaps(ctx);
    return {
      gaps: gaps.map((g) => ({ key: g.key, vendorId: g.vendor.id, engagementId: g.engagement.id, engagementName: g.engagement.name, clauseId: g.clause.id, clauseTitle: g.clause.title, kind: g.kind, severity: g.severity, isDpa: dpa.has(g.clause.id) })),
    };
  },
};
