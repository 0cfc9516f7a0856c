import { z } from 'zod';
import { Me } from '../../../shared/contracts/auth.ts';
import { IdParams, OkResponse, Page } from '../../../shared/contracts/common.ts';
import { AnswerInput, EvidenceListQuery, EvidenceUploadQuery, PortalCommentInput, SavedAnswer } from '../../../shared/contracts/due-diligence.ts';
import { FreshLinkAnswer, FreshLinkRequest, PortalAssessment, PortalComment, PortalEvidence, PortalHome } from '../../../shared/contracts/portal.ts';
import { setSessionCookie } from '../../http/cookies.ts';
import { ctxOf, publicCtxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import { mailContextOf } from '../../http/mail-context.ts';
import type { App } from '../../http/types.ts';
import { addVendorReply, confirmCarriedOver, getVendorAssessment, saveAnswer, submitAssessment } from '../assessments/assessments.public.ts';
import { usePortalLink } from '../auth/auth.public.ts';
import { downloadEvidence, listSharedEvidence, sendFile, uploadedFile, withRawBody } from '../evidence/evidence.public.ts';
import { registerPortalChangeRequestRoutes } from './portal-change-requests.routes.ts';
import { registerPortalDeliverableRoutes } from './portal-deliverables.routes.ts';
import { registerPortalExitRoutes } from './portal-exit.routes.ts';
import { registerPortalGovernanceRoutes } from './portal-governance.routes.ts';
import { portalHome, requestFreshLink, uploadPortalEvidence } from './portal.service.ts';

const tags = ['portal'];
const contact = { access: 'portal.use' } as const;
const aid = (p: { id: string }) => parseId(p.id, 'questionnaire');

/**
 * The vendor portal, every /api/v1/portal route: a vendor contact sees its own vendor's
 * requests, answers them, and shares evidence — and nothing of the client's review.
 */
export async function registerPortalRoutes(app: App) {
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
  app.post(
    '/api/v1/portal/links/request',
    {
      config: { access: 'public' },
      schema: { tags, summary: "A returning vendor asks for a new link to its registered address (same answer whether or not it exists; rate-limited)", body: FreshLinkRequest, response: { 202: FreshLinkAnswer } },
    },
    async (req, reply) => {
      const answer = await requestFreshLink(publicCtxOf(req), { email: req.body.email, ip: req.ip }, mailContextOf(req));
      reply.status(202);
      return answer;
    },
  );
  app.get('/api/v1/portal', { config: contact, schema: { tags, summary: "The signed-in vendor contact's portal: vendor and requests", response: { 200: PortalHome } } }, (req) => portalHome(ctxOf(req)));
  app.get('/api/v1/portal/assessments/:id', { config: contact, schema: { tags, summary: 'A questionnaire to answer', params: IdParams, response: { 200: PortalAssessment } } }, (req) =>
    getVendorAssessment(ctxOf(req), aid(req.params)),
  );
  app.put(
    '/api/v1/portal/assessments/:id/answers/:questionId',
    { config: contact, schema: { tags, summary: 'Save an answer (autosave)', params: z.object({ id: z.string(), questionId: z.string().max(128) }), body: AnswerInput, response: { 200: SavedAnswer } } },
    (req) => saveAnswer(ctxOf(req), aid(req.params), req.params.questionId, req.body.value),
  );
  app.post('/api/v1/portal/assessments/:id/confirm', { config: contact, schema: { tags, summary: 'Confirm all answers carried over from last time', params: IdParams, response: { 200: OkResponse } } }, async (req) => {
    await confirmCarriedOver(ctxOf(req), aid(req.params));
    return { ok: true as const };
  });
  app.post('/api/v1/portal/assessments/:id/submit', { config: contact, schema: { tags, summary: 'Submit the answers', params: IdParams, response: { 200: OkResponse } } }, async (req) => {
    await submitAssessment(ctxOf(req), aid(req.params), mailContextOf(req));
    return { ok: true as const };
  });
  app.post('/api/v1/portal/assessments/:id/comments', { config: contact, schema: { tags, summary: 'Reply in a clarification thread', params: IdParams, body: PortalCommentInput, response: { 201: PortalComment } } }, async (req, reply) => {
    const c = await addVendorReply(ctxOf(req), aid(req.params), req.body);
    reply.status(201);
    return c;
  });
  app.get('/api/v1/portal/evidence', { config: contact, schema: { tags, summary: 'Your uploads and the evidence attached to your requests, newest first', querystring: EvidenceListQuery, response: { 200: Page(PortalEvidence) } } }, (req) =>
    listSharedEvidence(ctxOf(req), req.query),
  );
  app.get('/api/v1/portal/evidence/:id/download', { config: contact, schema: { tags, summary: 'Download one of your documents', params: IdParams } }, async (req, reply) =>
    sendFile(reply, await downloadEvidence(ctxOf(req), parseId(req.params.id, 'evidence'))),
  );
  await withRawBody(app, (scope) => {
    scope.post(
      '/api/v1/portal/evidence',
      { config: contact, bodyLimit: 1024 ** 3, schema: { tags, summary: 'Upload a document for your vendor, optionally for one answer', querystring: EvidenceUploadQuery, response: { 201: PortalEvidence } } },
      async (req, reply) => {
        const { fileName, assessmentId, questionId, ...meta } = req.query;
        const e = await uploadPortalEvidence(ctxOf(req), { assessmentId, questionId }, meta, uploadedFile(req, fileName));
        reply.status(201);
        return e;
      },
    );
  });
  await registerPortalDeliverableRoutes(app);
  registerPortalChangeRequestRoutes(app);
  await registerPortalExitRoutes(app);
  await registerPortalGovernanceRoutes(app);
}
