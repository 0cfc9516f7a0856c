/**
 * Risk signals (issue 13): every rule evaluated over a generated portfolio of 10,000
 * vendors, 50,000 engagements, 200,000 evidence records (reduced to the longest-valid
 * document per vendor and type, as the evidence module's query does), 1,000,000 SLA month
 * rows (20 months per engagement), 20,000 findings and 30,000 clause gaps; then reconciled
 * against the stored signals of that same evaluation, which must write nothing.
 * Target (issue): ≤ 1 s for the pure evaluation.
 */
import { evaluate, fingerprintOf, reconcile, type Facts } from '../src/domain/risk/signals/index.ts';
import { now, type BenchOptions, type SectionResult } from './bench-types.ts';
import { intBetween, mulberry32, pick } from './prng.ts';
import { benchRiskSignalsPg } from './risk-signals-pg.ts';

const TODAY = '2026-12-04';
const TYPES = ['iso27001_certificate', 'soc2_type2_report', 'penetration_test', 'insurance_certificate', 'nda', 'dpa', 'policy'];
const CRIT = ['low', 'medium', 'high', 'critical'];
const day = (offset: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const month = (back: number) => {
  const d = new Date(Date.UTC(2026, 11 - back, 1));
  return d.toISOString().slice(0, 7);
};

export function generatePortfolio(seed: number, scale = 1) {
  const rng = mulberry32(seed);
  const V = Math.round(10_000 * scale);
  const E = Math.round(50_000 * scale);
  const vendors = Array.from({ length: V }, (_, i) => ({ id: `v${i}`, name: `Vendor ${i}`, tier: intBetween(rng, 1, 4), dataAccess: pick(rng, ['none', 'internal', 'personal_data']), status: 'active' }));
  const engagements = Array.from({ length: E }, (_, i) => ({ id: `e${i}`, name: `Engagement ${i}`, vendorId: `v${i % V}`, criticality: pick(rng, CRIT), serviceType: pick(rng, ['service_desk', 'cloud_hosting', 'other']), status: 'active' }));
  // 200,000 evidence records, then the longest-valid per vendor and type.
  const best = new Map<string, { vendorId: string; type: string; typeLabel: string; evidenceId: string; title: string; validUntil: string }>();
  for (let i = 0; i < Math.round(200_000 * scale); i++) {
    const vendorId = `v${intBetween(rng, 0, V - 1)}`;
    const type = pick(rng, TYPES);
    const validUntil = day(intBetween(rng, -400, 900));
    const k = `${vendorId}:${type}`;
    const old = best.get(k);
    if (!old || old.validUntil < validUntil) best.set(k, { vendorId, type, typeLabel: type, evidenceId: `x${i}`, title: `Document ${i}`, validUntil });
  }
  const sla = engagements.map((e) => ({ engagementId: e.id, months: Array.from({ length: 20 }, (_, m) => ({ month: month(m + 1), met: rng() < 0.15 ? false : rng() < 0.1 ? null : true })) }));
  const facts: Facts = {
    today: TODAY,
    vendors,
    engagements,
    evidence: [...best.values()],
    reviews: vendors.map((v) => ({ vendorId: v.id, lastCompletedAt: rng() < 0.2 ? null : `${day(-intBetween(rng, 30, 700))}T10:00:00Z`, lastScore: rng() < 0.2 ? null : intBetween(rng, 20, 100), nextReviewDate: day(intBetween(rng, -100, 300)), reviewDue: rng() < 0.3 })),
    findings: Array.from({ length: Math.round(20_000 * scale) }, (_, i) => ({ id: `f${i}`, vendorId: `v${intBetween(rng, 0, V - 1)}`, title: `Finding ${i}`, severity: pick(rng, CRIT), dueDate: day(intBetween(rng, -200, 200)), status: pick(rng, ['open', 'in_progress', 'resolved']) })),
    gaps: Array.from({ length: Math.round(30_000 * scale) }, (_, i) => {
      const e = engagements[intBetween(rng, 0, E - 1)];
      return { key: `${e.id}:c${i % 12}`, vendorId: e.vendorId, engagementId: e.id, engagementName: e.name, clauseId: `c${i % 12}`, clauseTitle: `Clause ${i % 12}`, kind: pick(rng, ['missing', 'weak']), severity: pick(rng, ['high', 'medium', 'low']), isDpa: i % 12 === 0 };
    }),
    sla,
    exit: engagements.map((e) => ({ engagementId: e.id, score: intBetween(rng, 0, 100), weakest: ['no drill in the last year'] })),
    budgets: engagements.map((e) => ({ engagementId: e.id, fiscalYearLabel: 'FY 2026', currency: 'EUR', budgetMinor: 1_200_000, actualMinor: intBetween(rng, 0, 1_400_000), monthsElapsed: 12, thresholdPct: 10 })),
    credits: engagements.filter(() => rng() < 0.05).map((e) => ({ engagementId: e.id, month: month(intBetween(rng, 1, 6)), currency: 'EUR', outstandingMinor: intBetween(rng, 1, 50_000) })),
  };
  return facts;
}

export async function benchRiskSignals(opts: BenchOptions): Promise<SectionResult> {
  const log = opts.log ?? (() => {});
  log('risk-signals: generating the portfolio');
  const facts = generatePortfolio(opts.seed ?? 13);
  evaluate(facts); // warm up
  const runs = 5;
  let evalMs = Infinity;
  let signals = evaluate(facts);
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    signals = evaluate(facts);
    evalMs = Math.min(evalMs, now() - t0);
  }
  const stored = signals.map((s) => ({ rule: s.rule, subjectKey: s.subjectKey, active: true, fingerprint: fingerprintOf(s) }));
  let reconcileMs = Infinity;
  let writes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    const plan = reconcile(stored, evaluate(facts));
    reconcileMs = Math.min(reconcileMs, now() - t0);
    writes = plan.raise.length + plan.update.length + plan.clear.length;
  }
  const byRule = new Map<string, number>();
  for (const s of signals) byRule.set(s.rule, (byRule.get(s.rule) ?? 0) + 1);
  // End to end on PostgreSQL when a server answers (OUTSIGHT_BENCH_PG_URL, default the local one).
  const pgPart = await benchRiskSignalsPg(facts, log);
  return {
    id: 'risk-signals',
    title: 'Risk signals over a generated portfolio (pure evaluation, and end to end on PostgreSQL)',
    rows: [
      { name: 'evaluate every rule', nsPerOp: (evalMs * 1e6) / facts.engagements.length, timedOps: facts.engagements.length, totalMs: evalMs, mismatches: null, scaled: false },
      { name: 'evaluate again + reconcile with the stored signals', nsPerOp: (reconcileMs * 1e6) / facts.engagements.length, timedOps: facts.engagements.length, totalMs: reconcileMs, mismatches: writes, scaled: false },
      ...(pgPart?.rows ?? []),
    ],
    ratios: { evaluateMs: evalMs, evaluateAndReconcileMs: reconcileMs },
    notes: [
      `${facts.vendors.length.toLocaleString('en')} vendors, ${facts.engagements.length.toLocaleString('en')} engagements, ${facts.evidence.length.toLocaleString('en')} longest-valid documents (of 200,000 records), ${(facts.sla.length * 20).toLocaleString('en')} SLA month rows, ${facts.findings.length.toLocaleString('en')} findings, ${facts.gaps.length.toLocaleString('en')} clause gaps`,
      `${signals.length.toLocaleString('en')} signals: ${[...byRule].map(([r, n]) => `${r} ${n.toLocaleString('en')}`).join(', ')}`,
      'ns/op is per engagement; "mismatches" on the second row counts writes the second evaluation would make (must be 0). Best of 5, CPU time.',
      ...(pgPart?.notes ?? ['PostgreSQL: no server answered, the end-to-end rows were skipped']),
      'PostgreSQL rows: one run each, wall-clock time, ns/op per signal (per engagement for the read); "mismatches" on "nothing changed" counts rows written (must be 0).',
    ],
    mismatches: writes + (pgPart?.mismatches ?? 0),
  };
}
