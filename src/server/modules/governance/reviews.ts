import type { z } from 'zod';
import { quarterBounds, scoreOf } from '../../../domain/governance/scorecard.ts';
import type { Review, ReviewInput, ReviewListQuery } from '../../../shared/contracts/governance.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { findingsDueBetween } from '../assessments/assessments.public.ts';
import { change } from '../audit/audit.public.ts';
import { listInvoices } from '../costs/costs.public.ts';
import { vendorOnTimeRate } from '../deliverables/deliverables.public.ts';
import { referenceEngagement } from '../engagements/engagements.public.ts';
import { slaReport } from '../sla/sla.public.ts';
import { reviewPolicy } from './governance.policy.ts';
import * as repo from './governance.repo.ts';
import { todayOf } from './settings.ts';
import { reportsInPeriod } from './status-reports.ts';

export const DEFAULT_WEIGHTS = { sla: 40, deliverables: 30, actions: 20, reports: 10, findings: 10, invoices: 10 };
const pct = (v: number) => `${Math.round(v * 1000) / 10} %`;
const share = (good: number, all: number) => (all ? good / all : null);

/** Every page of a keyset-paged list (an engagement's invoices or change requests: tens a quarter, not thousands). */
export async function allPages<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    out.push(...p.items);
    cursor = p.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** The SLA report of the quarter, or nothing when the engagement has no policy. */
async function slaOf(ctx: Ctx, engagementId: string, months: string[]) {
  try {
    return await slaReport(ctx, engagementId, { from: months[0], to: months[2] });
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  }
}

/**
 * The measured criteria of an engagement for a quarter, each with where it comes from: the
 * SLA report (tickets within target), the vendor's deliverables on time (deadline in the
 * quarter), the vendor's action items due in the quarter done by their due date, and the
 * status reports due in the quarter handed in on time.
 */
async function measure(ctx: Ctx, eng: { id: string; vendorId: string }, period: string, weights: typeof DEFAULT_WEIGHTS): Promise<repo.ReviewCriterionRow[]> {
  const { from, to, months } = quarterBounds(period);
  const sla = await slaOf(ctx, eng.id, months);
  const tickets = sla?.months.reduce((s, m) => s + m.priorities.reduce((x, p) => x + p.tickets, 0), 0) ?? 0;
  const breached = sla?.months.reduce((s, m) => s + m.priorities.reduce((x, p) => x + p.breached, 0), 0) ?? 0;
  const rate = (await vendorOnTimeRate(ctx, eng.vendorId, 'quarter')).periods.find((p) => p.period === period);
  const today = todayOf(ctx);
  const actions = (await repo.listActions(ctx.db, ctx.actor.orgId, { engagementId: eng.id, statuses: ['open', 'done'] }, null, 1000)).filter(
    (a) => a.action.ownerSide === 'vendor' && a.action.dueOn >= from && a.action.dueOn <= to && a.action.dueOn < today,
  );
  const actionsInTime = actions.filter((a) => a.action.status === 'done' && a.action.doneOn !== null && a.action.doneOn <= a.action.dueOn).length;
  const reports = await reportsInPeriod(ctx, eng.id, from, to);
  const reportsDue = reports ? reports.onTime + reports.late + reports.missing : 0;
  const slaValue = sla ? share(tickets - breached, tickets) : null;
  const delValue = rate ? share(rate.onTime, rate.onTime + rate.late) : null;
  const actValue = share(actionsInTime, actions.length);
  const repValue = reports ? share(reports.onTime, reportsDue) : null;
  // The vendor's findings due in the quarter (due date passed): closed by that date. A finding due later is not judged yet.
  const findings = (await findingsDueBetween(ctx, eng.vendorId, from, to)).filter((f) => f.dueDate < today);
  const findingsInTime = findings.filter((f) => f.closedOn !== null && f.closedOn <= f.dueDate).length;
  const findValue = share(findingsInTime, findings.length);
  // The engagement's invoices dated in the quarter: accurate when not disputed and no failing check is left without an override.
  const invoices = (await allPages((cursor) => listInvoices(ctx, { engagementId: eng.id, limit: 200, cursor }))).filter((i) => i.invoiceDate >= from && i.invoiceDate <= to);
  const disputed = invoices.filter((i) => i.status === 'disputed').length;
  const failing = invoices.filter((i) => i.status !== 'disputed' && i.openChecks > 0).length;
  const invValue = share(invoices.length - disputed - failing, invoices.length);
  return [
    { key: 'sla', label: 'SLA attainment', source: 'SLA report of the quarter', weight: weights.sla, value: slaValue, detail: !sla ? 'No SLA policy' : tickets ? `${tickets - breached} of ${tickets} tickets within target (${pct(slaValue!)})` : 'No tickets in the quarter' },
    { key: 'deliverables', label: 'Deliverables on time', source: "The vendor's deliverables with a deadline in the quarter (all its engagements)", weight: weights.deliverables, value: delValue, detail: rate ? `${rate.onTime} of ${rate.onTime + rate.late} on time` : 'No deliverable judged in the quarter' },
    { key: 'actions', label: 'Action items done in time', source: "The vendor's action items due in the quarter", weight: weights.actions, value: actValue, detail: actions.length ? `${actionsInTime} of ${actions.length} done by their due date` : 'No action item due in the quarter' },
    { key: 'reports', label: 'Status reports on time', source: 'Status reports due in the quarter', weight: weights.reports, value: repValue, detail: !reports ? 'No status reports asked for' : reportsDue ? `${reports.onTime} of ${reportsDue} on time, ${reports.late} late, ${reports.missing} missing` : 'None due yet' },
    { key: 'findings', label: 'Findings closed in time', source: "The vendor's due-diligence findings due in the quarter", weight: weights.findings, value: findValue, detail: findings.length ? `${findingsInTime} of ${findings.length} closed by their due date` : 'No finding due in the quarter' },
    { key: 'invoices', label: 'Invoice accuracy', source: "The engagement's invoices dated in the quarter", weight: weights.invoices, value: invValue, detail: invoices.length ? `${invoices.length - disputed - failing} of ${invoices.length} passed their checks${disputed ? `, ${disputed} disputed` : ''}${failing ? `, ${failing} with a failing check` : ''}` : 'No invoice in the quarter' },
  ];
}

function present(r: repo.ReviewWithNames): Review {
  const x = r.review;
  return {
    id: x.id,
    engagementId: x.engagementId,
    engagementName: r.engagementName,
    vendorId: x.vendorId,
    vendorName: r.vendorName,
    period: x.period,
    criteria: x.criteria as Review['criteria'],
    score: x.scoreTenths === null ? null : x.scoreTenths / 10,
    shared: x.sharedAt !== null,
    createdAt: x.createdAt.toISOString(),
  };
}

export async function listReviews(ctx: Ctx, q: z.output<typeof ReviewListQuery>) {
  reviewPolicy.check(ctx.actor, 'list');
  if (q.engagementId) await referenceEngagement(ctx, q.engagementId, 'engagementId');
  return keysetPage(q, repo.reviewSort, (after, limit) => repo.listReviews(ctx.db, ctx.actor.orgId, { engagementId: q.engagementId }, after, limit), present);
}

async function getReview(ctx: Ctx, id: string): Promise<Review> {
  const found = await repo.findReview(ctx.db, ctx.actor.orgId, id);
  reviewPolicy.authorize(ctx.actor, 'read', found?.review);
  return present(found!);
}

/** Scores an engagement for a quarter from its measured data; a quarter is scored once. */
export async function createReview(ctx: Ctx, input: z.output<typeof ReviewInput>): Promise<Review> {
  reviewPolicy.check(ctx.actor, 'create');
  const eng = await referenceEngagement(ctx, input.engagementId, 'engagementId');
  if (quarterBounds(input.period).from > todayOf(ctx)) throw AppError.invalid('period', 'That quarter has not started yet.');
  const criteria = await measure(ctx, eng, input.period, { ...DEFAULT_WEIGHTS, ...input.weights });
  const { score } = scoreOf(criteria);
  const id = await change(ctx, async (tx) => {
    if (await repo.findReviewFor(tx.db, ctx.actor.orgId, eng.id, input.period)) throw new AppError('conflict', `${eng.name} already has a review for ${input.period}.`);
    const row = await repo.insertReview(tx.db, { orgId: ctx.actor.orgId, vendorId: eng.vendorId, engagementId: eng.id, period: input.period, criteria, scoreTenths: score === null ? null : Math.round(score * 10), createdBy: ctx.actor.userId, createdAt: ctx.now });
    await tx.audit({ action: 'performance_review.create', objectType: 'performance_review', objectId: row.id, objectLabel: `Review of ${eng.name} for ${row.period}`, after: row });
    return row.id;
  });
  return getReview(ctx, id);
}

/** Shares a review with the vendor: its contacts read it in the portal from then on. */
export async function shareReview(ctx: Ctx, id: string): Promise<Review> {
  reviewPolicy.check(ctx.actor, 'share');
  await change(ctx, async (tx) => {
    const before = reviewPolicy.authorize(ctx.actor, 'share', (await repo.findReview(tx.db, ctx.actor.orgId, id))?.review);
    const after = await repo.updateReview(tx.db, ctx.actor.orgId, id, { sharedAt: ctx.now });
    await tx.audit({ action: 'performance_review.share', objectType: 'performance_review', objectId: id, objectLabel: `Review for ${before.period}`, before, after });
  });
  return getReview(ctx, id);
}

/** The reviews shared with the vendor, oldest first (its trend), for the portal. */
export async function ownReviews(ctx: Ctx): Promise<{ items: Review[] }> {
  reviewPolicy.check(ctx.actor, 'listOwn');
  if (!ctx.actor.vendorId) return { items: [] };
  return { items: (await repo.listReviews(ctx.db, ctx.actor.orgId, { sharedOfVendor: ctx.actor.vendorId }, null, 200)).map(present) };
}
