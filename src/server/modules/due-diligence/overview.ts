import type { z } from 'zod';
import { inherentRisk, nextReviewDate, type CriticalityTier, type DataAccessLevel } from '../../../domain/questionnaire/risk.ts';
import type { DueDiligenceOverview } from '../../../shared/contracts/due-diligence.ts';
import type { Ctx } from '../../context.ts';
import { assessmentsForOverview, lastCompletedByVendor, openFindingsForOverview } from '../assessments/assessments.public.ts';
import { expiringEvidence } from '../evidence/evidence.public.ts';
import { allVendors } from '../vendors/vendors.public.ts';

const DAY = 86_400_000;
/** Each list of the overview stops here and says so; the full lists page through their own endpoints. */
export const OVERVIEW_CAP = 500;
/** Vendors whose review dates the overview works out; an organisation has thousands at most. */
export const OVERVIEW_VENDOR_CAP = 5000;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Every vendor in use (not archived), up to the cap. */
async function vendorsInUse(ctx: Ctx) {
  const all = await allVendors(ctx, { archived: 'false', sort: 'name' });
  return { items: all.slice(0, OVERVIEW_VENDOR_CAP), truncated: all.length > OVERVIEW_VENDOR_CAP };
}

type VendorForReview = { id: string; name: string; tier: number; dataAccess: string; status: string };

/** When each vendor (not former) must next be reviewed, from its inherent risk and its last completed review; soonest first. */
function reviewRows(vendors: readonly VendorForReview[], last: Awaited<ReturnType<typeof lastCompletedByVendor>>, today: string) {
  return vendors
    .filter((v) => v.status !== 'former')
    .map((v) => {
      const risk = inherentRisk(v.tier as CriticalityTier, v.dataAccess as DataAccessLevel);
      const done = last.get(v.id) ?? null;
      const next = nextReviewDate(done?.completedAt?.slice(0, 10) ?? null, risk, today);
      return {
        vendorId: v.id,
        vendorName: v.name,
        tier: v.tier,
        dataAccess: v.dataAccess,
        riskLevel: risk.level,
        reviewEveryMonths: risk.reviewEveryMonths,
        lastScore: done?.overallScore ?? null,
        lastCompletedAt: done?.completedAt ?? null,
        nextReviewDate: next,
        reviewDue: next <= today,
      };
    })
    .sort((a, b) => (a.nextReviewDate < b.nextReviewDate ? -1 : a.nextReviewDate > b.nextReviewDate ? 1 : a.vendorName.localeCompare(b.vendorName)));
}

/**
 * For the risk signals: the review schedule of these vendors, all of them (the overview
 * stops at 5,000; a rule that saw only those would clear the rest's signals).
 */
export async function reviewSchedule(ctx: Ctx, vendors: readonly VendorForReview[]) {
  return reviewRows(vendors, await lastCompletedByVendor(ctx), isoDay(ctx.now));
}

/**
 * The due-diligence overview: who is overdue, what is open, when each vendor in use must
 * next be reviewed (and its last score), evidence about to expire, and open findings.
 */
export async function dueDiligenceOverview(ctx: Ctx): Promise<z.output<typeof DueDiligenceOverview>> {
  const today = isoDay(ctx.now);
  const [overdue, open, vendors, last, expiring, findings] = [
    await assessmentsForOverview(ctx, { status: ['sent', 'in_progress'], dueBefore: today }, OVERVIEW_CAP),
    await assessmentsForOverview(ctx, { status: ['sent', 'in_progress', 'submitted'] }, OVERVIEW_CAP),
    await vendorsInUse(ctx),
    await lastCompletedByVendor(ctx),
    await expiringEvidence(ctx, isoDay(new Date(ctx.now.getTime() - 30 * DAY)), isoDay(new Date(ctx.now.getTime() + 60 * DAY)), OVERVIEW_CAP),
    await openFindingsForOverview(ctx, OVERVIEW_CAP),
  ];
  const reviews = reviewRows(vendors.items, last, today);
  return {
    overdue: overdue.items,
    open: open.items,
    reviews,
    expiringEvidence: expiring.items,
    openFindings: findings.items,
    truncated: [overdue, open, vendors, expiring, findings].some((x) => x.truncated),
  };
}
