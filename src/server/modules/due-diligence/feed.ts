import type { DueItem, Exposure } from '../../../shared/contracts/dashboard.ts';
import type { Ctx } from '../../context.ts';
import type { ModuleFeed } from '../../feeds/feed.ts';
import { dueDiligenceOverview } from './overview.ts';

const EXAMPLES = 3;

// The dashboard asks `due` and `exposures` with the same request context: read the overview once.
const overviews = new WeakMap<Ctx, ReturnType<typeof dueDiligenceOverview>>();
function overviewOnce(ctx: Ctx) {
  let o = overviews.get(ctx);
  if (!o) overviews.set(ctx, (o = dueDiligenceOverview(ctx)));
  return o;
}
const ref = (id: string, name: string) => ({ id, name });

/** Due diligence's dates and exposures for the owner's dashboard, read from its overview. */
export const dueDiligenceFeed: ModuleFeed = {
  name: 'Due diligence',

  async due(ctx: Ctx, window) {
    const o = await overviewOnce(ctx);
    const items: DueItem[] = [];
    for (const a of o.open) {
      if (a.status === 'submitted' || a.dueDate > window.to) continue;
      items.push({ key: `assessment:${a.id}`, kind: 'assessment_due', title: `Questionnaire due from ${a.vendorName}`, detail: a.templateName, date: a.dueDate, overdue: a.dueDate < window.from, vendor: ref(a.vendorId, a.vendorName), engagement: null, href: `/assessments/${a.id}` });
    }
    for (const e of o.expiringEvidence) {
      if (!e.validUntil || e.validUntil > window.to || e.validUntil < window.from) continue;
      items.push({ key: `evidence:${e.id}`, kind: 'evidence_expires', title: `Evidence expires: ${e.title}`, detail: e.vendorName, date: e.validUntil, overdue: false, vendor: ref(e.vendorId, e.vendorName), engagement: null, href: `/vendors/${e.vendorId}/assessments` });
    }
    const due = o.reviews.filter((r) => r.nextReviewDate <= window.to);
    const review = (r: (typeof due)[number], detail: string | null): DueItem => ({ key: `review:${r.vendorId}`, kind: 'review_due', title: `Due-diligence review due: ${r.vendorName}`, detail, date: r.nextReviewDate, overdue: r.nextReviewDate < window.from, vendor: ref(r.vendorId, r.vendorName), engagement: null, href: `/vendors/${r.vendorId}/assessments` });
    for (const r of due.filter((r) => r.lastCompletedAt)) items.push(review(r, null));
    // Vendors never assessed are all due at once (a new organisation has only those): one
    // line naming the first few, so they do not push everything else off the week.
    const first = due.filter((r) => !r.lastCompletedAt);
    if (first.length === 1) items.push(review(first[0], 'never assessed'));
    if (first.length > 1) {
      const names = first.slice(0, EXAMPLES).map((r) => r.vendorName).join(', ');
      items.push({
        key: 'review:never-assessed',
        kind: 'review_due',
        title: `First due-diligence review due: ${first.length} vendors never assessed`,
        detail: first.length > EXAMPLES ? `${names} and ${first.length - EXAMPLES} more` : names,
        date: first[0].nextReviewDate,
        overdue: first.some((r) => r.nextReviewDate < window.from),
        vendor: null,
        engagement: null,
        href: '/due-diligence',
      });
    }
    for (const f of o.openFindings) {
      if (!f.dueDate || f.dueDate > window.to) continue;
      items.push({ key: `finding:${f.id}`, kind: 'finding_due', title: `Finding to fix: ${f.title}`, detail: f.vendorName, date: f.dueDate, overdue: f.dueDate < window.from, vendor: ref(f.vendorId, f.vendorName), engagement: null, href: f.assessmentId ? `/assessments/${f.assessmentId}` : `/vendors/${f.vendorId}/assessments` });
    }
    return items;
  },

  async exposures(ctx: Ctx, today) {
    const o = await overviewOnce(ctx);
    const neverAssessed = o.reviews.filter((r) => r.tier <= 2 && !r.lastCompletedAt);
    const high = o.openFindings.filter((f) => f.severity === 'high' || f.severity === 'critical');
    const expired = o.expiringEvidence.filter((e) => e.validUntil !== null && e.validUntil < today);
    const out: Exposure[] = [
      {
        key: 'dd:never-assessed',
        label: 'Tier-1 and tier-2 vendors never assessed',
        count: neverAssessed.length,
        severity: 'high',
        href: '/due-diligence',
        examples: neverAssessed.slice(0, EXAMPLES).map((r) => ({ label: r.vendorName, href: `/vendors/${r.vendorId}/assessments` })),
      },
      {
        key: 'dd:high-findings',
        label: 'Open high or critical findings',
        count: high.length,
        severity: 'high',
        href: '/due-diligence',
        examples: high.slice(0, EXAMPLES).map((f) => ({ label: `${f.title} (${f.vendorName})`, href: f.assessmentId ? `/assessments/${f.assessmentId}` : `/vendors/${f.vendorId}/assessments` })),
      },
      {
        key: 'dd:expired-evidence',
        label: 'Evidence expired in the last 30 days',
        count: expired.length,
        severity: 'medium',
        href: '/due-diligence',
        examples: expired.slice(0, EXAMPLES).map((e) => ({ label: `${e.title} (${e.vendorName})`, href: `/vendors/${e.vendorId}/assessments` })),
      },
    ];
    return out;
  },
};
