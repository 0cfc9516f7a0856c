import type { z } from 'zod';
import { scoreOf } from '../../../domain/governance/scorecard.ts';
import { SURVEY_CRITERIA, type ReviewSurvey, type SurveyAnswer, type SurveyForm, type SurveySend } from '../../../shared/contracts/governance.ts';
import type { Ctx, PublicCtx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import type { MailContext } from '../../mail/mailer.ts';
import { change, changeAs } from '../audit/audit.public.ts';
import { newSecret, sha256 } from '../auth/auth.public.ts';
import { referenceInternalUser } from '../users/users.public.ts';
import { reviewPolicy } from './governance.policy.ts';
import * as repo from './governance.repo.ts';

export const SURVEY_TTL_DAYS = 14;
/** Each rated criterion weighs this much beside the measured ones (SLA 40, deliverables 30, …). */
export const RATED_WEIGHT = 10;
const USED = 'This survey link was already used: each link takes one set of answers.';

export const QUESTIONS: { key: (typeof SURVEY_CRITERIA)[number]; label: string; help: string }[] = [
  { key: 'quality', label: 'Quality of work', help: 'Is what the vendor delivers right the first time?' },
  { key: 'communication', label: 'Communication', help: 'Does the vendor tell you early and plainly what is going on?' },
  { key: 'expertise', label: 'Expertise', help: 'Does the team know the technology and your business well enough?' },
  { key: 'proactiveness', label: 'Proactiveness', help: 'Does the vendor suggest improvements and raise problems before you find them?' },
];
const labelOf = (k: string) => QUESTIONS.find((q) => q.key === k)!.label;

/**
 * The rated criteria from the answers in: the average 1–5 mapped onto 0–1 (1 → 0, 5 → 1) so it
 * weighs like a measured share; "not measured" (null) while nobody has answered.
 */
export function ratedCriteria(invites: readonly repo.SurveyInviteRow[]): repo.ReviewCriterionRow[] {
  const answered = invites.filter((i) => i.answers);
  return QUESTIONS.map((q) => {
    const ratings = answered.map((i) => i.answers![q.key]?.rating).filter((r): r is number => typeof r === 'number');
    const avg = ratings.length ? ratings.reduce((s, r) => s + r, 0) / ratings.length : null;
    return {
      key: q.key,
      label: q.label,
      source: `Survey of ${invites.length} internal stakeholder${invites.length === 1 ? '' : 's'} (rated 1–5)`,
      weight: RATED_WEIGHT,
      value: avg === null ? null : (avg - 1) / 4,
      detail: avg === null ? `Not measured: no answer yet (${invites.length} asked)` : `Average ${Math.round(avg * 10) / 10} of 5 from ${ratings.length} answer${ratings.length === 1 ? '' : 's'}`,
    };
  });
}

/** Replaces the review's rated criteria (keeping the measured ones) and its score. */
async function rescore(db: Parameters<typeof repo.updateReview>[0], review: repo.ReviewRow) {
  const invites = (await repo.invitesOf(db, review.orgId, review.id)).map((i) => i.invite);
  const measured = review.criteria.filter((c) => !(SURVEY_CRITERIA as readonly string[]).includes(c.key));
  const criteria = [...measured, ...ratedCriteria(invites)];
  const { score } = scoreOf(criteria);
  return repo.updateReview(db, review.orgId, review.id, { criteria, scoreTenths: score === null ? null : Math.round(score * 10) });
}

/**
 * Sends the review's survey to internal people, each by a single-use link that expires. A
 * person already asked for this review is asked again with a fresh link only if they have
 * not answered. The mails go after the commit: a failing mail server does not undo the
 * survey (the links can be sent again).
 */
export async function sendSurvey(ctx: Ctx, reviewId: string, input: z.output<typeof SurveySend>, mail: MailContext): Promise<z.output<typeof ReviewSurvey>> {
  reviewPolicy.check(ctx.actor, 'survey');
  const found = await repo.findReview(ctx.db, ctx.actor.orgId, reviewId);
  reviewPolicy.authorize(ctx.actor, 'survey', found?.review);
  const ids = [...new Set(input.userIds)];
  const people: Awaited<ReturnType<typeof referenceInternalUser>>[] = [];
  for (const [i, id] of ids.entries()) people.push(await referenceInternalUser(ctx, id, `userIds[${i}]`));
  const expiresAt = new Date(ctx.now.getTime() + (input.expiresInDays ?? SURVEY_TTL_DAYS) * 86_400_000);
  const links = await change(ctx, async (tx) => {
    const review = await repo.lockReview(tx.db, ctx.actor.orgId, reviewId);
    const already = await repo.invitesOf(tx.db, ctx.actor.orgId, reviewId);
    const answered = people.find((p) => already.some((a) => a.invite.userId === p.id && a.invite.answeredAt));
    if (answered) throw AppError.invalid(`userIds[${ids.indexOf(answered.id)}]`, `${answered.name} has already answered this survey.`);
    const made = people.map((p) => ({ person: p, token: newSecret('sv_') }));
    await repo.insertInvites(
      tx.db,
      made.map((m) => ({ orgId: ctx.actor.orgId, reviewId, userId: m.person.id, tokenHash: sha256(m.token), sentAt: ctx.now, expiresAt })),
    );
    const after = await rescore(tx.db, review!);
    await tx.audit({ action: 'performance_review.survey', objectType: 'performance_review', objectId: reviewId, objectLabel: `Review of ${found!.engagementName} for ${after.period}`, after: { sentTo: people.map((p) => p.email), expiresAt } });
    return made.map((m) => ({ name: m.person.name, email: m.person.email, url: `${mail.baseUrl}/survey/${encodeURIComponent(m.token)}` }));
  });
  for (const l of links) {
    await mail.mailer.send({
      to: l.email,
      subject: `How is ${found!.vendorName} doing? Four questions for the ${found!.review.period} review`,
      text: [
        `Hello ${l.name},`,
        '',
        `${ctx.actor.name} is reviewing ${found!.vendorName} (${found!.engagementName}) for ${found!.review.period} and asks for your view:`,
        'quality of work, communication, expertise and proactiveness, each from 1 to 5 with a comment if you like.',
        '',
        `Answer here (the link works once, until ${expiresAt.toISOString().slice(0, 10)}): ${l.url}`,
        '',
        'Your answers stay inside your organisation; the vendor sees at most the averages.',
      ].join('\n'),
    });
  }
  const survey = await reviewSurvey(ctx, reviewId);
  // Without SMTP the mails only reach the log: the sender gets the links once to hand over.
  return mail.mailer.delivers ? survey : { ...survey, links: links.map((l) => ({ name: l.name, url: l.url })) };
}

/** The survey of a review for the client: who was asked, who answered, averages and comments (not attributed). */
export async function reviewSurvey(ctx: Ctx, reviewId: string): Promise<z.output<typeof ReviewSurvey>> {
  reviewPolicy.check(ctx.actor, 'readSurvey');
  reviewPolicy.authorize(ctx.actor, 'readSurvey', (await repo.findReview(ctx.db, ctx.actor.orgId, reviewId))?.review);
  const invites = await repo.invitesOf(ctx.db, ctx.actor.orgId, reviewId);
  const rated = ratedCriteria(invites.map((i) => i.invite));
  return {
    recipients: invites.map((i) => ({ name: i.name, sentAt: i.invite.sentAt.toISOString(), expiresAt: i.invite.expiresAt.toISOString(), answered: i.invite.answeredAt !== null })),
    criteria: QUESTIONS.map((q, n) => {
      const given = invites.map((i) => i.invite.answers?.[q.key]).filter((a) => a !== undefined && a !== null);
      const value = rated[n].value;
      return { key: q.key, label: labelOf(q.key), average: value === null ? null : Math.round((value * 4 + 1) * 10) / 10, answers: given.length, comments: given.map((a) => a.comment).filter((c): c is string => !!c) };
    }),
  };
}

// Before anyone is signed in the link's token is the only authority: no actor, no policy.

async function usable(ctx: PublicCtx, token: string) {
  const found = await repo.findInviteByTokenForLink(ctx.db, sha256(token));
  if (!found) throw AppError.notFound('The survey');
  if (found.invite.answeredAt) throw new AppError('gone', USED);
  if (found.invite.expiresAt.getTime() <= ctx.now.getTime()) throw new AppError('gone', 'This survey link has expired. Ask the person who sent it for a new one.');
  return found;
}

/** What the link shows: the four questions about one vendor — nothing else of the organisation, nobody else's answers. */
export async function openSurvey(ctx: PublicCtx, token: string): Promise<z.output<typeof SurveyForm>> {
  const f = await usable(ctx, token);
  return { personName: f.name, vendorName: f.review.vendorName, engagementName: f.review.engagementName, period: f.review.review.period, expiresAt: f.invite.expiresAt.toISOString(), questions: QUESTIONS };
}

/** Takes one person's answers once; the review's rated criteria and score follow at once. */
export async function answerSurvey(ctx: PublicCtx, token: string, input: z.output<typeof SurveyAnswer>): Promise<void> {
  const f = await usable(ctx, token);
  const actor = { userId: f.invite.userId, orgId: f.invite.orgId, name: f.name, email: f.email, via: 'session' as const };
  const answers = Object.fromEntries(SURVEY_CRITERIA.map((k) => [k, { rating: input[k].rating, comment: input[k].comment || null }]));
  await changeAs(ctx.db, actor, ctx.requestId, async (tx, audit) => {
    const review = await repo.lockReview(tx, f.invite.orgId, f.invite.reviewId);
    if (!(await repo.claimInvite(tx, f.invite.orgId, f.invite.id, answers, ctx.now))) throw new AppError('gone', USED);
    const after = await rescore(tx, review!);
    // The audit keeps that an answer came in and the new score, not the ratings (they stay unattributed).
    await audit({ action: 'performance_review.survey_answer', objectType: 'performance_review', objectId: review!.id, objectLabel: `Review for ${review!.period}`, after: { scoreTenths: after.scoreTenths } });
  });
}
