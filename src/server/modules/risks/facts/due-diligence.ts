import { EVIDENCE_TYPE_LABELS } from '../../../../shared/contracts/due-diligence.ts';
import { allOpenFindings } from '../../assessments/assessments.public.ts';
import { reviewSchedule } from '../../due-diligence/due-diligence.public.ts';
import { longestValidEvidence } from '../../evidence/evidence.public.ts';
import type { FactSource } from './types.ts';

/** Kinds of document that lapse: "other" documents are too unlike each other to supersede one another. */
const LAPSING = new Set(['iso27001_certificate', 'soc2_type2_report', 'penetration_test', 'insurance_certificate', 'nda', 'dpa', 'policy']);

export const dueDiligenceFacts: FactSource = {
  name: 'Due diligence',
  rules: ['evidence_expiry', 'assessment_overdue', 'finding_past_due', 'low_dd_score'],
  // Uncut lists: the overview stops at 5,000 vendors and 500 findings, and a fact a rule
  // does not see reads as cleared.
  async gather(ctx, core) {
    const reviews = await reviewSchedule(ctx, core.vendors);
    const findings = await allOpenFindings(ctx);
    const evidence = (await longestValidEvidence(ctx))
      .filter((e) => LAPSING.has(e.type))
      .map((e) => ({ vendorId: e.vendorId, type: e.type, typeLabel: EVIDENCE_TYPE_LABELS[e.type as keyof typeof EVIDENCE_TYPE_LABELS] ?? e.type, evidenceId: e.id, title: e.title, validUntil: e.validUntil }));
    return {
      evidence,
      reviews: reviews.map((r) => ({ vendorId: r.vendorId, lastCompletedAt: r.lastCompletedAt, lastScore: r.lastScore, nextReviewDate: r.nextReviewDate, reviewDue: r.reviewDue })),
      findings: findings.map((f) => ({ id: f.id, vendorId: f.vendorId, title: f.title, severity: f.severity, dueDate: f.dueDate, status: f.status })),
    };
  },
};
