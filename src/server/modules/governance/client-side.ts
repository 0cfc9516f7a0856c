import type { z } from 'zod';
import { addDays } from '../../../domain/civil-date.ts';
import { attendance, attendanceInWords, decisionSpeed, speedInWords, vendorQuestions, type DecisionSpeed } from '../../../domain/governance/client-side.ts';
import { quarterBounds } from '../../../domain/governance/scorecard.ts';
import type { ClientSide, ClientSideQuery } from '../../../shared/contracts/governance.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { clarificationThreadsOfVendor } from '../assessments/assessments.public.ts';
import { listChangeRequests } from '../costs/costs.public.ts';
import { engagementHandIns } from '../deliverables/deliverables.public.ts';
import { getEngagement } from '../engagements/engagements.public.ts';
import { healthBetween } from './cadences.ts';
import { clientSidePolicy } from './governance.policy.ts';
import * as repo from './governance.repo.ts';
import { allPages } from './reviews.ts';
import { todayOf } from './settings.ts';

const withWords = (s: DecisionSpeed, what: string, done?: string) => ({ ...s, words: speedInWords(s, what, done) });

/**
 * The client's own side of an engagement for a quarter (issue 15 §6), beside the vendor's
 * scorecard: how fast it decided the deliverables handed in (handed in → accepted or
 * rejected), the change requests proposed (proposed → approved or rejected) and the vendor's
 * clarification questions on its questionnaires (asked → answered), and whether
 * its people attended the meetings held and kept the cadences. Internal only: a vendor
 * contact never sees it.
 */
export async function clientSide(ctx: Ctx, engagementId: string, q: z.output<typeof ClientSideQuery>): Promise<ClientSide> {
  clientSidePolicy.check(ctx.actor, 'read');
  const eng = await getEngagement(ctx, engagementId);
  const { from, to } = quarterBounds(q.period);
  const today = todayOf(ctx);
  if (from > today) throw AppError.invalid('period', 'That quarter has not started yet.');
  const nowMs = ctx.now.getTime();
  const fromMs = Date.parse(`${from}T00:00:00Z`);
  const endMs = Math.min(Date.parse(`${addDays(to, 1)}T00:00:00Z`), nowMs);

  const handIns = await engagementHandIns(ctx, eng.id, new Date(fromMs), new Date(endMs));
  const deliverables = decisionSpeed(
    handIns.map((h) => ({ atMs: h.submittedAt.getTime(), decidedAtMs: h.decidedAt ? h.decidedAt.getTime() : null })),
    nowMs,
  );

  // Change requests carry their decision as a day: both ends counted in whole days (UTC). One
  // the vendor withdrew was never the client's to decide.
  const crs = (await allPages((cursor) => listChangeRequests(ctx, { engagementId: eng.id, limit: 200, cursor }))).filter(
    (c) => c.status !== 'withdrawn' && c.createdAt.slice(0, 10) >= from && c.createdAt.slice(0, 10) <= to,
  );
  const changeRequests = decisionSpeed(
    crs.map((c) => ({ atMs: Date.parse(c.createdAt.slice(0, 10)), decidedAtMs: c.decidedOn ? Date.parse(c.decidedOn) : null })),
    Date.parse(today),
  );

  // The vendor's questions in the threads of its questionnaires (asked in the period), answered
  // by the client's next message in the thread or by closing the questionnaire.
  const messages = await clarificationThreadsOfVendor(ctx, eng.vendorId, new Date(fromMs));
  const closedAt = new Map(messages.map((m) => [m.thread, m.closedAtMs]));
  const questions = decisionSpeed(
    vendorQuestions(messages, (t) => closedAt.get(t) ?? null).filter((w) => w.atMs >= fromMs && w.atMs < endMs),
    nowMs,
  );

  const recorded = (await repo.meetingsSince(ctx.db, ctx.actor.orgId, [eng.id], addDays(from, -31))).filter((m) => m.occursOn <= to);
  const inPeriod = recorded.filter((m) => m.occursOn >= from && m.status === 'held');
  const cadences = await repo.cadencesOf(ctx.db, ctx.actor.orgId, eng.id);
  const health = cadences.map((c) => healthBetween(c, recorded, fromMs, endMs));
  const kept = health.length ? { expected: health.reduce((s, h) => s + h.expected, 0), skipped: health.reduce((s, h) => s + h.skipped.length, 0), missed: health.reduce((s, h) => s + h.missed.length, 0) } : null;
  const meetings = attendance(
    inPeriod.map((m) => ({ sides: m.attendees.map((a) => a.side as 'client' | 'vendor') })),
    kept,
  );

  return {
    engagementId: eng.id,
    period: q.period,
    deliverables: withWords(deliverables, 'deliverable handed in'),
    changeRequests: withWords(changeRequests, 'change request proposed'),
    questions: withWords(questions, 'question asked by the vendor', 'answered'),
    meetings: { ...meetings, words: attendanceInWords(meetings) },
  };
}
