import { z } from 'zod';
import { IdParams, Page } from '../../../shared/contracts/common.ts';
import { ASSESSMENT_STATUSES, AssessmentCreate, CommentInput, FINDING_STATUSES, FindingInput, FindingUpdate, ReviewInput } from '../../../shared/contracts/due-diligence.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import { mailContextOf } from '../../http/mail-context.ts';
import type { App } from '../../http/types.ts';
import * as answers from './assessment-answers.service.ts';
import * as service from './assessments.service.ts';
import * as findings from './findings.service.ts';

const tags = ['due diligence'];
const read = { access: 'assessment.read' } as const;
const write = { access: 'assessment.write' } as const;
const aid = (p: { id: string }) => parseId(p.id, 'assessment');
// Responses are documented loosely: the questionnaire definition is the domain's own shape.
const Any = z.any();

export function registerAssessmentRoutes(app: App) {
  app.get(
    '/api/v1/assessments',
    { config: read, schema: { tags, summary: 'Assessments sent to vendors', querystring: z.object({ vendorId: z.uuid().optional(), status: z.enum(ASSESSMENT_STATUSES).optional() }), response: { 200: Page(Any) } } },
    async (req) => ({ items: await service.listAssessments(ctxOf(req), req.query), nextCursor: null }),
  );
  app.post('/api/v1/assessments', { config: write, schema: { tags, summary: 'Send a questionnaire to a vendor', body: AssessmentCreate, response: { 201: Any } } }, async (req, reply) => {
    reply.status(201);
    return service.sendAssessment(ctxOf(req), req.body, mailContextOf(req));
  });
  app.get('/api/v1/assessments/:id', { config: read, schema: { tags, summary: 'An assessment with answers, threads, findings and score', params: IdParams, response: { 200: Any } } }, (req) =>
    service.getAssessment(ctxOf(req), aid(req.params)),
  );
  app.post('/api/v1/assessments/:id/link', { config: write, schema: { tags, summary: 'E-mail the vendor contact a new portal link', params: IdParams, response: { 200: z.object({ ok: z.literal(true) }) } } }, async (req) => {
    await service.resendLink(ctxOf(req), aid(req.params), mailContextOf(req));
    return { ok: true as const };
  });
  app.put(
    '/api/v1/assessments/:id/answers/:questionId/review',
    { config: write, schema: { tags, summary: 'Accept an answer, ask for clarification, or mark it a finding', params: z.object({ id: z.string(), questionId: z.string().max(128) }), body: ReviewInput, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (req) => {
      await answers.reviewAnswer(ctxOf(req), aid(req.params), req.params.questionId, req.body.status, mailContextOf(req));
      return { ok: true as const };
    },
  );
  app.post('/api/v1/assessments/:id/comments', { config: write, schema: { tags, summary: 'Comment to the vendor, or an internal note', params: IdParams, body: CommentInput, response: { 201: Any } } }, async (req, reply) => {
    reply.status(201);
    return answers.addComment(ctxOf(req), aid(req.params), req.body);
  });
  app.post('/api/v1/assessments/:id/complete', { config: write, schema: { tags, summary: 'Finish the review and freeze the score', params: IdParams, response: { 200: Any } } }, (req) =>
    service.completeAssessment(ctxOf(req), aid(req.params)),
  );
  app.post('/api/v1/assessments/:id/cancel', { config: write, schema: { tags, summary: 'Withdraw the questionnaire', params: IdParams, response: { 200: Any } } }, (req) =>
    service.cancelAssessment(ctxOf(req), aid(req.params)),
  );
  app.post('/api/v1/assessments/:id/findings', { config: write, schema: { tags, summary: 'Raise a finding', params: IdParams, body: FindingInput, response: { 201: Any } } }, async (req, reply) => {
    reply.status(201);
    return findings.raiseFinding(ctxOf(req), aid(req.params), req.body);
  });
  app.get(
    '/api/v1/findings',
    { config: read, schema: { tags, summary: 'Findings across vendors', querystring: z.object({ vendorId: z.uuid().optional(), status: z.enum(FINDING_STATUSES).optional() }), response: { 200: Page(Any) } } },
    async (req) => ({ items: await findings.listFindings(ctxOf(req), req.query), nextCursor: null }),
  );
  app.patch('/api/v1/findings/:id', { config: write, schema: { tags, summary: 'Update a finding (status, owner, due date…)', params: IdParams, body: FindingUpdate, response: { 200: Any } } }, (req) =>
    findings.updateFinding(ctxOf(req), parseId(req.params.id, 'finding'), req.body),
  );
}
