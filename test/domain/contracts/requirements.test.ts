import { describe, expect, it } from 'vitest';
import { BUILTIN_CLAUSE_KEYS, BUILTIN_CLAUSES } from '../../../src/domain/contracts/clauses.ts';
import { DEFAULT_REQUIREMENTS, DORA_REQUIREMENTS, gapsOf, type CoveringClause, type EngagementFacts } from '../../../src/domain/contracts/requirements.ts';

const critical: EngagementFacts = { id: 'e1', criticality: 'critical', dataAccess: 'internal', serviceType: 'infrastructure_operations' };
const lowPersonal: EngagementFacts = { id: 'e2', criticality: 'low', dataAccess: 'personal_data', serviceType: 'service_desk' };
const lowInternal: EngagementFacts = { ...lowPersonal, id: 'e3', dataAccess: 'internal' };

const contract = (statuses: Record<string, CoveringClause['status']>) => (key: string): CoveringClause[] => [
  { contractId: 'c1', contractTitle: 'Master services agreement', status: statuses[key] ?? null, weakReason: statuses[key] === 'weak' ? 'no frequency' : null },
];
const allPresent = Object.fromEntries(BUILTIN_CLAUSE_KEYS.map((k) => [k, 'present' as const]));

describe('clause gaps', () => {
  it('a critical engagement whose only contract lacks exit assistance has that gap; marking it present clears it', () => {
    const without = gapsOf(critical, DEFAULT_REQUIREMENTS, contract({ ...allPresent, exit_assistance: 'missing' }));
    expect(without.map((g) => [g.clauseKey, g.kind])).toEqual([['exit_assistance', 'missing']]);
    expect(gapsOf(critical, DEFAULT_REQUIREMENTS, contract(allPresent))).toEqual([]);
  });

  it('a weak clause is a gap of its own kind, and says why', () => {
    const g = gapsOf(critical, DEFAULT_REQUIREMENTS, contract({ ...allPresent, audit_rights: 'weak' }));
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ clauseKey: 'audit_rights', kind: 'weak' });
    expect(g[0].contracts[0].weakReason).toBe('no frequency');
  });

  it('the data-processing requirement applies only to engagements with personal data', () => {
    const keys = (e: EngagementFacts) => gapsOf(e, DEFAULT_REQUIREMENTS, () => []).map((g) => g.clauseKey);
    expect(keys(lowPersonal)).toContain('data_protection');
    expect(keys(lowInternal)).not.toContain('data_protection');
    expect(keys(critical)).toContain('exit_assistance');
    expect(keys(lowInternal)).not.toContain('exit_assistance');
  });

  it('without any contract every required clause is missing; reviewed-by-nobody is "unreviewed"', () => {
    expect(gapsOf(lowInternal, DEFAULT_REQUIREMENTS, () => []).every((g) => g.kind === 'missing')).toBe(true);
    expect(gapsOf(lowInternal, DEFAULT_REQUIREMENTS, contract({})).every((g) => g.kind === 'unreviewed')).toBe(true);
  });

  it('not applicable, as a reviewer decided, is no gap', () => {
    expect(gapsOf(lowInternal, DEFAULT_REQUIREMENTS, contract({ ...allPresent, governing_law: 'not_applicable' }))).toEqual([]);
  });

  it('every requirement names a clause of the library', () => {
    for (const r of [...DEFAULT_REQUIREMENTS, ...DORA_REQUIREMENTS]) expect(BUILTIN_CLAUSE_KEYS).toContain(r.clauseKey);
    expect(new Set(BUILTIN_CLAUSE_KEYS).size).toBe(BUILTIN_CLAUSES.length);
  });

  it('DORA: critical services need audit rights and exit with transition, every ICT contract a service description', () => {
    const keys = (e: EngagementFacts) => gapsOf(e, DORA_REQUIREMENTS, () => []).map((g) => g.clauseKey);
    expect(keys(critical)).toEqual(expect.arrayContaining(['audit_rights', 'exit_assistance', 'scope_deliverables']));
    expect(keys(lowInternal)).not.toContain('audit_rights');
    expect(keys(lowInternal)).toContain('scope_deliverables');
  });
});
