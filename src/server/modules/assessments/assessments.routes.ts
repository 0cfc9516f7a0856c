import { z } from 'zod';
import { IdParams, OkResponse, Page } from '../../../shared/contracts/common.ts';
import {
  AcceptedAnswers,
  AssessmentCreate,
  AssessmentDetail,
  AssessmentListQuery,
  AssessmentSummary,
  Comment,
  CommentInput,
  CompleteInput,
  Finding,
  FindingInput,
  LinkSent,
  FindingListQuery,
  FindingUpdate,
  ReviewInput,
} from '../../../shared/contracts/due-diligence.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import { mailContextOf } from '../../http/mail-context.ts';
import type { App } from '../../http/types.ts';
import * as review from './review-assessment.ts';
import * as service from './assessments.service.ts';
import * as findings from './findings.service.ts';
import { resendLink, sendAssessment } from './send-assessment.ts';

const tags = ['due diligence'];
const read = { access: 'assessment.read' } as const;
const write = { access: 'assessment.write' } as const;
const aid = (p: { id: string }) => parseId(p.id, 'assessment');

/** The client's side of assessments: send, review, comment, complete, and findings. The vendor's side is the portal's. */
export function registerAssessmentRoutes(app: App) {
  app.get('/api/v1/assessments', { config: read, schema: { tags, summary: 'Assessments sent to vendors, newest first', querystring: AssessmentListQuery, response: { 200: Page(AssessmentSummary) } } }, (req) =>
    service.listAssessments(ctxOf(req), req.query),
  );
  app.post('/api/v1/assessments', { config: write, schema: { tags, summary: 'Send a questionnaire to a vendor', body: AssessmentCreate, response: { 201: AssessmentDetail } } }, async (req, reply) => {
    const sent = await sendAssessment(ctxOf(req), req.body, mailContextOf(req));
    reply.status(201);
    return sent;
  });
  app.get('/api/v1/assessments/:id', { config: read, schema: { tags, summary: 'An assessment with answers, threads, findings and score', params: IdParams, response: { 200: AssessmentDetail } } }, (req) =>
    service.getAssessment(ctxOf(req), aid(req.params)),
  );
  app.post(
    '/api/v1/assessments/:id/link',
    { config: write, schema: { tags, summary: 'E-mail the vendor contact a new portal link (returned only when no mail server is configured)', params: IdParams, response: { 200: LinkSent } } },
    async (req) => ({ ok: true as const, ...(await resendLink(ctxOf(req), aid(req.params), mailContextOf(req))) }),
  );
  app.put(
    '/api/v1/assessments/:id/answers/:questionId/review',
    { config: write, schema: { tags, summary: 'Accept an answer, ask for clarification, or mark it a finding', params: z.object({ id: z.string(), questionId: z.string().max(128) }), body: ReviewInput, response: { 200: OkResponse } } },
    async (req) => {
      await review.reviewAnswer(ctxOf(req), aid(req.params), req.params.questionId, req.body.status, mailContextOf(req));
      return { ok: true as const };
    },
  );
  app.post('/api/v1/assessments/:id/comments', { config: write, schema: { tags, summary: 'Comment to the vendor, or an internal note', params: IdParams, body: CommentInput, response: { 201: Comment } } }, async (req, reply) => {
    const c = await review.addComment(ctxOf(req), aid(req.params), req.body);
    reply.status(201);
    return c;
  });
  app.post(
    '/api/v1/assessments/:id/answers/accept-unflagged',
    { config: write, schema: { tags, summary: 'Accept every pending answer with no finding and no clarification asked', params: IdParams, response: { 200: AcceptedAnswers } } },
    (req) => service.acceptUnflagged(ctxOf(req), aid(req.params)),
  );
  app.post(
    '/api/v1/assessments/:id/complete',
    {
      config: write,
      schema: { tags, summary: 'Finish the review and freeze the score (409 with unreviewed answers unless confirmUnreviewed)', params: IdParams, body: CompleteInput.nullish(), response: { 200: AssessmentDetail } },
    },
    (req) => service.completeAssessment(ctxOf(req), aid(req.params), { confirmUnreviewed: req.body?.confirmUnreviewed === true }),
  );
  app.post('/api/v1/assessments/:id/cancel', { config: write, schema: { tags, summary: 'Withdraw the questionnaire', params: IdParams, response: { 200: AssessmentDetail } } }, (req) =>
    service.cancelAssessment(ctxOf(req), aid(req.params)),
  );
  app.post('/api/v1/assessments/:id/findings', { config: write, schema: { tags, summary: 'Raise a finding', params: IdParams, body: FindingInput, response: { 201: Finding } } }, async (req, reply) => {
    const f = await findings.raiseFinding(ctxOf(req), aid(req.params), req.body);
    reply.status(201);
    return f;
  });
  app.get('/api/v1/findings', { config: read, schema: { tags, summary: 'Findings across vendors, newest first', querystring: FindingListQuery, response: { 200: Page(Finding) } } }, (req) =>
    findings.listFindings(ctxOf(req), req.query),
  );
  app.patch('/api/v1/findings/:id', { config: write, schema: { tags, summary: 'Update a finding (status, owner, due date…)', params: IdParams, body: FindingUpdate, response: { 200: Finding } } }, (req) =>
    findings.updateFinding(ctxOf(req), parseId(req.params.id, 'finding'), req.body),
  );
}
