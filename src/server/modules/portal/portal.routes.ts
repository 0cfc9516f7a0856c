import { z } from 'zod';
import { Me } from '../../../shared/contracts/auth.ts';
import { AnswerInput, PortalCommentInput } from '../../../shared/contracts/due-diligence.ts';
import { setSessionCookie } from '../../http/cookies.ts';
import { ctxOf, publicCtxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import { mailContextOf } from '../../http/mail-context.ts';
import type { App } from '../../http/types.ts';
import * as answers from '../assessments/assessment-answers.service.ts';
import { usePortalLink } from '../auth/auth.public.ts';
import * as portal from './portal.service.ts';

const tags = ['portal'];
const contact = { access: 'portal.use' } as const;
const Any = z.any();
const aid = (p: { id: string }) => parseId(p.id, 'questionnaire');

/** The vendor portal: a vendor contact sees its own vendor's requests and nothing else. */
export function registerPortalRoutes(app: App) {
  app.post(
    '/api/v1/portal/links/:token/session',
    { config: { access: 'public' }, schema: { tags, summary: 'Open a portal session from an e-mailed link (single use)', params: z.object({ token: z.string().max(200) }), response: { 200: z.object({ me: Me, assessmentId: z.string().nullable() }) } } },
    async (req, reply) => {
      const ctx = publicCtxOf(req);
      const { secret, me, assessmentId } = await usePortalLink(ctx, req.params.token);
      setSessionCookie(req, reply, secret, ctx.config.session.absoluteMs);
      return { me, assessmentId };
    },
  );
  app.get('/api/v1/portal', { config: contact, schema: { tags, summary: "The signed-in vendor contact's portal: vendor and requests", response: { 200: Any } } }, (req) => portal.portalHome(ctxOf(req)));
  app.get('/api/v1/portal/assessments/:id', { config: contact, schema: { tags, summary: 'A questionnaire to answer', params: z.object({ id: z.string() }), response: { 200: Any } } }, (req) =>
    portal.portalAssessment(ctxOf(req), aid(req.params)),
  );
  app.put(
    '/api/v1/portal/assessments/:id/answers/:questionId',
    { config: contact, schema: { tags, summary: 'Save an answer (autosave)', params: z.object({ id: z.string(), questionId: z.string().max(128) }), body: AnswerInput, response: { 200: Any } } },
    (req) => answers.saveAnswer(ctxOf(req), aid(req.params), req.params.questionId, req.body.value),
  );
  app.post('/api/v1/portal/assessments/:id/confirm', { config: contact, schema: { tags, summary: 'Confirm all answers carried over from last time', params: z.object({ id: z.string() }), response: { 200: z.object({ ok: z.literal(true) }) } } }, async (req) => {
    await answers.confirmCarriedOver(ctxOf(req), aid(req.params));
    return { ok: true as const };
  });
  app.post('/api/v1/portal/assessments/:id/submit', { config: contact, schema: { tags, summary: 'Submit the answers', params: z.object({ id: z.string() }), response: { 200: z.object({ ok: z.literal(true) }) } } }, async (req) => {
    await answers.submitAssessment(ctxOf(req), aid(req.params), mailContextOf(req));
    return { ok: true as const };
  });
  app.post('/api/v1/portal/assessments/:id/comments', { config: contact, schema: { tags, summary: 'Reply in a clarification thread', params: z.object({ id: z.string() }), body: PortalCommentInput, response: { 201: Any } } }, async (req, reply) => {
    reply.status(201);
    return answers.addComment(ctxOf(req), aid(req.params), { ...req.body, visibility: 'vendor' });
  });
  app.get('/api/v1/portal/evidence', { config: contact, schema: { tags, summary: "Your vendor's documents", response: { 200: z.object({ items: z.array(Any), nextCursor: z.null() }) } } }, async (req) => ({
    items: await portal.portalEvidence(ctxOf(req)),
    nextCursor: null,
  }));
}
