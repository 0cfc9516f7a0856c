import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, fingerprintOf, reconcile, type Facts, type Signal, type StoredSignal } from '../../../src/domain/risk/signals/index.ts';

const TODAY = '2026-12-04';
const base = (): Facts => ({
  today: TODAY,
  vendors: [
    { id: 'v1', name: 'Northwind Cloud', tier: 1, dataAccess: 'personal_data', status: 'active' },
    { id: 'v2', name: 'Contoso Desk', tier: 2, dataAccess: 'internal', status: 'active' },
    { id: 'v3', name: 'Tailspin Print', tier: 4, dataAccess: 'none', status: 'active' },
  ],
  engagements: [
    { id: 'e1', name: 'Hosting', vendorId: 'v1', criticality: 'critical', serviceType: 'hosting', status: 'active' },
    { id: 'e2', name: 'Service desk', vendorId: 'v2', criticality: 'high', serviceType: 'service_desk', status: 'active' },
    { id: 'e3', name: 'Printing', vendorId: 'v3', criticality: 'low', serviceType: 'other', status: 'active' },
  ],
  evidence: [],
  reviews: [],
  findings: [],
  sla: [],
  gaps: [],
  exit: [],
  budgets: [],
  credits: [],
});
const only = (facts: Facts, rule: string) => evaluate(facts).filter((s) => s.rule === rule);

describe('signal rules: each raises on a worked case and clears when the fact clears', () => {
  it('evidence expired or expiring, for high-tier vendors only', () => {
    const f = base();
    // v1's ISO certificate expired on 1 November; v2's SOC 2 report expires in 20 days; v3 (tier 4) expired too but is low tier.
    f.evidence = [
      { vendorId: 'v1', type: 'iso27001_certificate', typeLabel: 'ISO 27001 certificate', evidenceId: 'x1', title: 'ISO 27001 (2023)', validUntil: '2026-11-01' },
      { vendorId: 'v2', type: 'soc2_type2_report', typeLabel: 'SOC 2 Type II report', evidenceId: 'x2', title: 'SOC 2 2025', validUntil: '2026-12-24' },
      { vendorId: 'v3', type: 'insurance_certificate', typeLabel: 'Insurance certificate', evidenceId: 'x3', title: 'Insurance', validUntil: '2026-01-01' },
    ];
    const raised = only(f, 'evidence_expiry');
    expect(raised.map((s) => [s.subjectKey, s.title])).toEqual([
      ['v1:iso27001_certificate', 'Northwind Cloud: ISO 27001 certificate expired'],
      ['v2:soc2_type2_report', 'Contoso Desk: SOC 2 Type II report expiring'],
    ]);
    // The renewed certificate is the vendor's longest-valid one: the signal clears.
    f.evidence[0] = { ...f.evidence[0], evidenceId: 'x4', title: 'ISO 27001 (2026)', validUntil: '2029-11-01' };
    f.evidence[1] = { ...f.evidence[1], validUntil: '2027-06-30' };
    expect(only(f, 'evidence_expiry')).toEqual([]);
  });

  it('assessment overdue or never done, for high-tier vendors', () => {
    const f = base();
    f.reviews = [
      { vendorId: 'v1', lastCompletedAt: null, lastScore: null, nextReviewDate: TODAY, reviewDue: true },
      { vendorId: 'v2', lastCompletedAt: '2025-06-01T10:00:00Z', lastScore: 80, nextReviewDate: '2026-06-01', reviewDue: true },
      { vendorId: 'v3', lastCompletedAt: null, lastScore: null, nextReviewDate: TODAY, reviewDue: true },
    ];
    expect(only(f, 'assessment_overdue').map((s) => s.title)).toEqual(['Northwind Cloud: never assessed', 'Contoso Desk: assessment overdue']);
    f.reviews = f.reviews.map((r) => ({ ...r, reviewDue: false }));
    expect(only(f, 'assessment_overdue')).toEqual([]);
  });

  it('a high or critical finding open past its due date', () => {
    const f = base();
    f.findings = [
      { id: 'f1', vendorId: 'v1', title: 'No MFA for admins', severity: 'critical', dueDate: '2026-11-30', status: 'open' },
      { id: 'f2', vendorId: 'v1', title: 'Old TLS', severity: 'medium', dueDate: '2026-10-01', status: 'open' },
      { id: 'f3', vendorId: 'v2', title: 'No backups test', severity: 'high', dueDate: '2026-12-31', status: 'in_progress' },
    ];
    const s = only(f, 'finding_past_due');
    expect(s.map((x) => [x.subjectKey, x.findingId, x.impact])).toEqual([['f1', 'f1', 5]]);
    f.findings[0].status = 'resolved';
    expect(only(f, 'finding_past_due')).toEqual([]);
  });

  it('SLA below target in N of the last M months (default 2 of 3)', () => {
    const f = base();
    f.sla = [
      { engagementId: 'e2', months: [{ month: '2026-11', met: false }, { month: '2026-10', met: true }, { month: '2026-09', met: false }, { month: '2026-08', met: false }] },
      { engagementId: 'e1', months: [{ month: '2026-11', met: false }, { month: '2026-10', met: true }, { month: '2026-09', met: null }] },
    ];
    const s = only(f, 'sla_below_target');
    expect(s.map((x) => [x.subjectKey, x.title])).toEqual([['e2', 'Service desk: SLA missed 2 of the last 3 months']]);
    f.sla[0].months[0].met = true;
    expect(only(f, 'sla_below_target')).toEqual([]);
  });

  it('exit readiness below the threshold, for critical and high engagements only', () => {
    const f = base();
    f.exit = [
      { engagementId: 'e1', score: 39, weakest: ['no drill in the last year'] },
      { engagementId: 'e2', score: 50, weakest: [] },
      { engagementId: 'e3', score: 10, weakest: [] },
    ];
    // e2 sits on the threshold (not below); e3 is low criticality.
    expect(only(f, 'exit_readiness_low').map((s) => [s.subjectKey, s.title, s.detail])).toEqual([
      ['e1', 'Hosting: exit readiness 39 of 100', 'Leaving Northwind Cloud would not go in good order: readiness is 39, below 50. Weakest: no drill in the last year.'],
    ]);
    f.exit[0].score = 73;
    expect(only(f, 'exit_readiness_low')).toEqual([]);
  });

  it('budget overrun: actual over the budget, or the run-rate forecast over it by more than the threshold', () => {
    const f = base();
    const b = (engagementId: string, budgetMinor: number, actualMinor: number) => ({ engagementId, fiscalYearLabel: 'FY 2026', currency: 'EUR', budgetMinor, actualMinor, monthsElapsed: 6, thresholdPct: 10 });
    // e1: €69,000 in 6 months runs to €138,000 against €120,000 (15 % over, threshold 10 %); e2: already over; e3: on track.
    f.budgets = [b('e1', 12_000_000, 6_900_000), b('e2', 1_000_000, 1_300_000), b('e3', 500_000, 200_000)];
    expect(only(f, 'budget_overrun').map((s) => [s.subjectKey, s.title, s.detail, s.category])).toEqual([
      ['e1', 'Hosting: forecast over budget', 'Northwind Cloud: FY 2026: the run rate of 6 months ends the year at €138,000.00, more than 10 % over the budget of €120,000.00.', 'financial'],
      ['e2', 'Service desk: over budget', 'Contoso Desk: FY 2026: invoices of €13,000.00 already exceed the budget of €10,000.00.', 'financial'],
    ]);
    // The organisation's own threshold for the rule: 20 % lets e1's 15 % pass.
    expect(evaluate(f, { budget_overrun: { params: { overPct: 20 } } }).filter((s) => s.rule === 'budget_overrun').map((s) => s.subjectKey)).toEqual(['e2']);
    // The fact clears: e1's invoices slow down, e2's budget is raised.
    f.budgets = [b('e1', 12_000_000, 6_000_000), b('e2', 3_000_000, 1_300_000)];
    expect(only(f, 'budget_overrun')).toEqual([]);
  });

  it('service credits owed and not received, after the grace month, per currency', () => {
    const f = base();
    f.credits = [
      { engagementId: 'e1', month: '2026-09', currency: 'EUR', outstandingMinor: 120_000 },
      { engagementId: 'e1', month: '2026-10', currency: 'EUR', outstandingMinor: 80_000 },
      { engagementId: 'e1', month: '2026-10', currency: 'GBP', outstandingMinor: 5_000 },
      // November's credit may still come on December's invoice (one grace month).
      { engagementId: 'e2', month: '2026-11', currency: 'EUR', outstandingMinor: 30_000 },
    ];
    expect(only(f, 'credits_not_received').map((s) => [s.subjectKey, s.title, s.detail])).toEqual([
      ['e1', 'Hosting: service credits not received', 'Northwind Cloud owes €2,000.00 and £50.00 in service credits for September 2026, October 2026, neither received on an invoice nor waived.'],
    ]);
    expect(evaluate(f, { credits_not_received: { params: { graceMonths: 0 } } }).filter((s) => s.rule === 'credits_not_received').map((s) => s.subjectKey)).toEqual(['e1', 'e2']);
    expect(evaluate(f, { credits_not_received: { enabled: false } }).filter((s) => s.rule === 'credits_not_received')).toEqual([]);
    // The credits arrive on an invoice (or are waived): nothing is outstanding any more.
    f.credits = [{ engagementId: 'e2', month: '2026-11', currency: 'EUR', outstandingMinor: 30_000 }];
    expect(only(f, 'credits_not_received')).toEqual([]);
  });

  it('a low due-diligence score', () => {
    const f = base();
    f.reviews = [{ vendorId: 'v2', lastCompletedAt: '2026-06-01T10:00:00Z', lastScore: 48.5, nextReviewDate: '2027-06-01', reviewDue: false }];
    expect(only(f, 'low_dd_score').map((s) => s.detail)).toEqual(['The last assessment scored 49 out of 100 (below 60).']);
    f.reviews[0].lastScore = 72;
    expect(only(f, 'low_dd_score')).toEqual([]);
  });

  it('a required clause missing, and personal data without a data processing agreement', () => {
    const f = base();
    f.gaps = [
      { key: 'e1:c-exit', vendorId: 'v1', engagementId: 'e1', engagementName: 'Hosting', clauseId: 'c-exit', clauseTitle: 'Exit assistance and transition', kind: 'missing', severity: 'high', isDpa: false },
      { key: 'e1:c-dp', vendorId: 'v1', engagementId: 'e1', engagementName: 'Hosting', clauseId: 'c-dp', clauseTitle: 'Data protection', kind: 'missing', severity: 'high', isDpa: true },
      { key: 'e3:c-audit', vendorId: 'v3', engagementId: 'e3', engagementName: 'Printing', clauseId: 'c-audit', clauseTitle: 'Audit rights', kind: 'weak', severity: 'low', isDpa: false },
    ];
    expect(only(f, 'clause_missing').map((s) => [s.subjectKey, s.title])).toEqual([['e1', 'Hosting: Exit assistance and transition missing']]);
    // Several gaps of one engagement are one signal (one risk to treat), its words naming them all.
    f.gaps.push({ key: 'e1:c-term', vendorId: 'v1', engagementId: 'e1', engagementName: 'Hosting', clauseId: 'c-term', clauseTitle: 'Termination rights', kind: 'missing', severity: 'high', isDpa: false });
    expect(only(f, 'clause_missing').map((s) => [s.title, s.detail])).toEqual([['Hosting: 2 required clauses missing or weak', 'The contracts in force for Hosting (Northwind Cloud) lack or weaken: Exit assistance and transition, Termination rights.']]);
    expect(only(f, 'no_dpa').map((s) => [s.subjectKey, s.category])).toEqual([['e1', 'data_protection']]);
    f.gaps = [];
    expect(only(f, 'clause_missing')).toEqual([]);
    expect(only(f, 'no_dpa')).toEqual([]);
  });

  it('concentration above the threshold', () => {
    const f = base();
    // Critical and high engagements: v1 has 1, v2 has 1 → 50 % each, but fewer than three in all: nothing yet.
    expect(only(f, 'concentration')).toEqual([]);
    f.engagements.push({ id: 'e4', name: 'Backup', vendorId: 'v1', criticality: 'high', serviceType: 'hosting', status: 'active' }, { id: 'e5', name: 'Network', vendorId: 'v1', criticality: 'critical', serviceType: 'network', status: 'active' });
    // v1 now 3 of 4 = 75 %, v2 25 % (threshold 30 %).
    expect(only(f, 'concentration').map((s) => s.title)).toEqual(['Northwind Cloud carries 75% of critical and high engagements']);
    expect(evaluate(f, { concentration: { params: { maxSharePct: 80 } } }).filter((s) => s.rule === 'concentration')).toEqual([]);
    expect(evaluate(f, { concentration: { enabled: false } }).filter((s) => s.rule === 'concentration')).toEqual([]);
  });
});

/** Applies a plan to a store, like the service does row by row. */
function apply(store: Map<string, StoredSignal>, current: Signal[]) {
  const plan = reconcile([...store.values()], current);
  for (const s of [...plan.raise, ...plan.update]) store.set(`${s.rule}|${s.subjectKey}`, { rule: s.rule, subjectKey: s.subjectKey, active: true, fingerprint: fingerprintOf(s) });
  for (const s of plan.clear) store.set(`${s.rule}|${s.subjectKey}`, { ...s, active: false });
  return plan;
}

describe('reconciling signals', () => {
  it('writes nothing the second time over the same facts', () => {
    const f = base();
    f.findings = [{ id: 'f1', vendorId: 'v1', title: 'No MFA', severity: 'high', dueDate: '2026-11-01', status: 'open' }];
    const store = new Map<string, StoredSignal>();
    const first = apply(store, evaluate(f));
    expect(first.raise).toHaveLength(1);
    const second = apply(store, evaluate(f));
    expect([second.raise, second.update, second.clear]).toEqual([[], [], []]);
  });

  it('keeps exactly one signal per fact, active exactly while the fact holds, over random changes (property)', () => {
    const vendorIds = ['v1', 'v2', 'v3'];
    const finding = fc.record({ id: fc.constantFrom('f1', 'f2', 'f3', 'f4'), vendorId: fc.constantFrom(...vendorIds), severity: fc.constantFrom('medium', 'high', 'critical'), dueDate: fc.constantFrom('2026-10-01', '2027-01-01'), status: fc.constantFrom('open', 'resolved') });
    const evidence = fc.record({ vendorId: fc.constantFrom(...vendorIds), type: fc.constantFrom('iso27001_certificate', 'nda'), validUntil: fc.constantFrom('2026-01-01', '2026-12-20', '2028-01-01') });
    const step = fc.record({ findings: fc.uniqueArray(finding, { selector: (x) => x.id, maxLength: 4 }), evidence: fc.uniqueArray(evidence, { selector: (x) => `${x.vendorId}:${x.type}`, maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        const store = new Map<string, StoredSignal>();
        for (const st of steps) {
          const f = base();
          f.findings = st.findings.map((x) => ({ ...x, title: `Finding ${x.id}` }));
          f.evidence = st.evidence.map((e) => ({ ...e, typeLabel: e.type, evidenceId: `${e.vendorId}-${e.type}`, title: `Doc ${e.type}` }));
          const current = evaluate(f);
          apply(store, current);
          const live = new Set(current.map((s) => `${s.rule}|${s.subjectKey}`));
          // One stored signal per fact, and active exactly for the facts that hold.
          expect(live.size).toBe(current.length);
          for (const [k, s] of store) expect(s.active).toBe(live.has(k));
          const again = reconcile([...store.values()], evaluate(f));
          expect(again.raise.length + again.update.length + again.clear.length).toBe(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
