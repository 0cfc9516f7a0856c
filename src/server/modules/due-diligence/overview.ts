import { z } from 'zod';
import { inherentRisk, nextReviewDate } from '../../../domain/questionnaire/risk.ts';
import type { Ctx } from '../../context.ts';
import { ctxOf } from '../../http/ctx.ts';
import type { App } from '../../http/types.ts';
import * as assessmentsRepo from '../assessments/assessments.repo.ts';
import { toAssessmentSummary, toFinding } from '../assessments/assessments.view.ts';
import { evidenceExpiringBy } from '../evidence/evidence.repo.ts';
import { toEvidence } from '../evidence/evidence.view.ts';
import { listVendors } from '../vendors/vendors.repo.ts';

/**
 * The due-diligence overview: who is overdue, scores per vendor, evidence about to
 * expire, open findings, and when each active vendor must next be reviewed.
 */
export async function dueDiligenceOverview(ctx: Ctx) {
  const orgId = ctx.actor.orgId;
  const today = ctx.now.toISOString().slice(0, 10);
  const in60 = new Date(ctx.now.getTime() + 60 * 86_400_000).toISOString().slice(0, 10);
  const all = (await assessmentsRepo.listAssessments(ctx.db, orgId, {})).map((r) => toAssessmentSummary(r, ctx.now));
  const vendors = await listVendors(ctx.db, orgId, { archived: 'false', sort: 'name', limit: 1000 }, null, 1000);
  const lastCompleted = new Map<string, (typeof all)[number]>();
  for (const a of all) if (a.status === 'completed' && !lastCompleted.has(a.vendorId)) lastCompleted.set(a.vendorId, a);
  const reviews = vendors
    .filter((v) => v.vendor.status !== 'former')
    .map((v) => {
      const risk = inherentRisk(v.vendor.tier as 1 | 2 | 3 | 4, v.vendor.dataAccess as Parameters<typeof inherentRisk>[1]);
      const last = lastCompleted.get(v.vendor.id) ?? null;
      const next = nextReviewDate(last?.completedAt?.slice(0, 10) ?? null, risk, today);
      return {
        vendorId: v.vendor.id,
        vendorName: v.vendor.name,
        tier: v.vendor.tier,
        dataAccess: v.vendor.dataAccess,
        riskLevel: risk.level,
        reviewEveryMonths: risk.reviewEveryMonths,
        lastScore: last?.overallScore ?? null,
        lastCompletedAt: last?.completedAt ?? null,
        nextReviewDate: next,
        reviewDue: next <= today,
      };
    })
    .sort((a, b) => (a.nextReviewDate < b.nextReviewDate ? -1 : 1));
  return {
    overdue: all.filter((a) => a.overdue),
    open: all.filter((a) => a.status === 'sent' || a.status === 'in_progress' || a.status === 'submitted'),
    reviews,
    expiringEvidence: (await evidenceExpiringBy(ctx.db, new Date(ctx.now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10), in60, orgId)).map((r) => ({ ...toEvidence(r.evidence, ctx.now), vendorName: r.vendorName })),
    openFindings: (await assessmentsRepo.listFindings(ctx.db, orgId, {})).map(toFinding).filter((f) => f.status === 'open' || f.status === 'in_progress'),
  };
}

export function registerDueDiligenceRoutes(app: App) {
  app.get('/api/v1/due-diligence/overview', { config: { access: 'assessment.read' }, schema: { tags: ['due diligence'], summary: 'Overdue requests, scores, expiring evidence, open findings, reviews due', response: { 200: z.any() } } }, (req) =>
    dueDiligenceOverview(ctxOf(req)),
  );
}
