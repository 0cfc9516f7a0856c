import { addDays, isHighTier, type CoreFacts, type RuleDef, type Signal } from './types.ts';

/** Facts from due diligence: each vendor's best evidence per document type, its reviews, open findings. */
export interface DueDiligenceFacts {
  /** Per vendor and evidence type, the document valid longest (undated ones are left out). */
  evidence: Array<{ vendorId: string; type: string; typeLabel: string; evidenceId: string; title: string; validUntil: string }>;
  reviews: Array<{ vendorId: string; lastCompletedAt: string | null; lastScore: number | null; nextReviewDate: string; reviewDue: boolean }>;
  findings: Array<{ id: string; vendorId: string; title: string; severity: string; dueDate: string | null; status: string }>;
}
type F = CoreFacts & DueDiligenceFacts;

const vendorsById = (f: CoreFacts) => new Map(f.vendors.map((v) => [v.id, v]));
const vendorHref = (id: string, tab = 'assessments') => `/vendors/${id}/${tab}`;

export const evidenceExpiry: RuleDef<F> = {
  key: 'evidence_expiry',
  label: 'Evidence expired or expiring',
  describe: 'A high-tier vendor whose newest document of a kind (a certificate, a report) has expired or expires soon.',
  category: 'compliance',
  defaults: { maxTier: 2, daysAhead: 30 },
  paramLabels: { maxTier: 'Vendors of tier up to', daysAhead: 'Days before expiry' },
  evaluate(f, p) {
    const vendors = vendorsById(f);
    const horizon = addDays(f.today, p.daysAhead);
    const out: Signal[] = [];
    for (const e of f.evidence) {
      const v = vendors.get(e.vendorId);
      if (!v || !isHighTier(v, p.maxTier) || e.validUntil > horizon) continue;
      const expired = e.validUntil < f.today;
      out.push({
        rule: this.key,
        subjectKey: `${e.vendorId}:${e.type}`,
        vendorId: v.id,
        engagementId: null,
        findingId: null,
        category: this.category,
        title: `${v.name}: ${e.typeLabel} ${expired ? 'expired' : 'expiring'}`,
        detail: `${e.title} ${expired ? 'expired' : 'expires'} on ${e.validUntil}, and no newer ${e.typeLabel} is on file.`,
        likelihood: expired ? 4 : 3,
        impact: v.tier === 1 ? 4 : 3,
        evidence: [{ label: e.title, href: vendorHref(v.id) }],
      });
    }
    return out;
  },
};

export const assessmentOverdue: RuleDef<F> = {
  key: 'assessment_overdue',
  label: 'Assessment overdue or never done',
  describe: 'A high-tier vendor whose periodic review is due, or which was never assessed.',
  category: 'compliance',
  defaults: { maxTier: 2 },
  paramLabels: { maxTier: 'Vendors of tier up to' },
  evaluate(f, p) {
    const vendors = vendorsById(f);
    const out: Signal[] = [];
    for (const r of f.reviews) {
      const v = vendors.get(r.vendorId);
      if (!v || !isHighTier(v, p.maxTier) || !r.reviewDue) continue;
      const never = r.lastCompletedAt === null;
      out.push({
        rule: this.key,
        subjectKey: v.id,
        vendorId: v.id,
        engagementId: null,
        findingId: null,
        category: this.category,
        title: `${v.name}: ${never ? 'never assessed' : 'assessment overdue'}`,
        detail: never ? `No completed assessment is on file for this tier ${v.tier} vendor.` : `The last assessment was completed on ${r.lastCompletedAt!.slice(0, 10)}; the next was due on ${r.nextReviewDate}.`,
        likelihood: 3,
        impact: v.tier === 1 ? 4 : 3,
        evidence: [{ label: 'Assessments', href: vendorHref(v.id) }],
      });
    }
    return out;
  },
};

const SERIOUS = new Set(['high', 'critical']);
export const findingPastDue: RuleDef<F> = {
  key: 'finding_past_due',
  label: 'Serious finding open past its due date',
  describe: 'A high or critical finding still open after its due date.',
  category: 'security',
  defaults: { graceDays: 0 },
  paramLabels: { graceDays: 'Days of grace after the due date' },
  evaluate(f, p) {
    const vendors = vendorsById(f);
    const cutoff = addDays(f.today, -p.graceDays);
    const out: Signal[] = [];
    for (const x of f.findings) {
      const v = vendors.get(x.vendorId);
      if (!v || !SERIOUS.has(x.severity) || x.status === 'resolved' || x.status === 'accepted_risk' || !x.dueDate || x.dueDate >= cutoff) continue;
      out.push({
        rule: this.key,
        subjectKey: x.id,
        vendorId: v.id,
        engagementId: null,
        findingId: x.id,
        category: this.category,
        title: `${v.name}: ${x.severity} finding past due — ${x.title}`,
        detail: `The ${x.severity} finding "${x.title}" was due on ${x.dueDate} and is still open.`,
        likelihood: 4,
        impact: x.severity === 'critical' ? 5 : 4,
        evidence: [{ label: x.title, href: vendorHref(v.id) }],
      });
    }
    return out;
  },
};

export const lowDueDiligenceScore: RuleDef<F> = {
  key: 'low_dd_score',
  label: 'Low due-diligence score',
  describe: "A vendor whose last completed assessment scored below the threshold.",
  category: 'security',
  defaults: { minScore: 60 },
  paramLabels: { minScore: 'Lowest acceptable score (0–100)' },
  evaluate(f, p) {
    const vendors = vendorsById(f);
    const out: Signal[] = [];
    for (const r of f.reviews) {
      const v = vendors.get(r.vendorId);
      if (!v || r.lastScore === null || r.lastScore >= p.minScore) continue;
      out.push({
        rule: this.key,
        subjectKey: v.id,
        vendorId: v.id,
        engagementId: null,
        findingId: null,
        category: this.category,
        title: `${v.name}: low due-diligence score`,
        detail: `The last assessment scored ${Math.round(r.lastScore)} out of 100 (below ${p.minScore}).`,
        likelihood: 3,
        impact: v.tier <= 2 ? 4 : 2,
        evidence: [{ label: 'Last assessment', href: vendorHref(v.id) }],
      });
    }
    return out;
  },
};

export const DUE_DILIGENCE_RULES = [evidenceExpiry, assessmentOverdue, findingPastDue, lowDueDiligenceScore];
