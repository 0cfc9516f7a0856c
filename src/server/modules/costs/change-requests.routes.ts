import { z } from 'zod';
import {
  ApproveChangeInput,
  ChangeRequest,
  ChangeRequestInput,
  ChangeRequestListQuery,
  ChangeRequestUpdate,
  ImplementChangeInput,
  RejectChangeInput,
  ReviewChangeInput,
  ScopeCreep,
} from '../../../shared/contracts/change-requests.ts';
import { IdParams, Page } from '../../../shared/contracts/common.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import * as workflow from './change-request-workflow.ts';
import * as changes from './change-requests.ts';
import { engagementScopeCreep } from './scope-creep.ts';

const tags = ['costs'];
const read = { access: 'cost.read' } as const;
const write = { access: 'cost.write' } as const;
const cid = (p: { id: string }) => parseId(p.id, 'change request');

/** Change requests on the client's side (the vendor raises and reads its own under /api/v1/portal/change-requests), and scope creep. */
export function registerChangeRequestRoutes(app: App) {
  app.get(
    '/api/v1/change-requests',
    { config: read, schema: { tags, summary: 'Change requests, newest first', querystring: ChangeRequestListQuery, response: { 200: Page(ChangeRequest).extend({ total: z.number().int() }) } } },
    (req) => changes.listChangeRequests(ctxOf(req), req.query),
  );
  app.post('/api/v1/change-requests', { config: write, schema: { tags, summary: 'Raise a change request (as the client)', body: ChangeRequestInput, response: { 201: ChangeRequest } } }, async (req, reply) => {
    reply.status(201);
    return changes.createChangeRequest(ctxOf(req), req.body);
  });
  app.get('/api/v1/change-requests/:id', { config: read, schema: { tags, summary: 'A change request', params: IdParams, response: { 200: ChangeRequest } } }, (req) => changes.getChangeRequest(ctxOf(req), cid(req.params)));
  app.patch('/api/v1/change-requests/:id', { config: write, schema: { tags, summary: 'Edit a change request not yet decided', params: IdParams, body: ChangeRequestUpdate, response: { 200: ChangeRequest } } }, (req) =>
    changes.updateChangeRequest(ctxOf(req), cid(req.params), req.body),
  );
  app.post('/api/v1/change-requests/:id/review', { config: write, schema: { tags, summary: 'Take a proposed change under review', params: IdParams, body: ReviewChangeInput, response: { 200: ChangeRequest } } }, (req) =>
    workflow.reviewChangeRequest(ctxOf(req), cid(req.params), req.body),
  );
  app.post(
    '/api/v1/change-requests/:id/approve',
    {
      config: write,
      schema: { tags, summary: 'Approve a change', description: 'Adds its cost to the engagement’s budget and moves the contract’s value, each as an amendment the history shows.', params: IdParams, body: ApproveChangeInput, response: { 200: ChangeRequest } },
    },
    (req) => workflow.approveChangeRequest(ctxOf(req), cid(req.params), req.body),
  );
  app.post('/api/v1/change-requests/:id/reject', { config: write, schema: { tags, summary: 'Reject a change with a reason the vendor reads', params: IdParams, body: RejectChangeInput, response: { 200: ChangeRequest } } }, (req) =>
    workflow.rejectChangeRequest(ctxOf(req), cid(req.params), req.body),
  );
  app.post('/api/v1/change-requests/:id/implemented', { config: write, schema: { tags, summary: 'Mark an approved change implemented', params: IdParams, body: ImplementChangeInput, response: { 200: ChangeRequest } } }, (req) =>
    workflow.implementChangeRequest(ctxOf(req), cid(req.params), req.body),
  );
  app.get(
    '/api/v1/engagements/:id/scope-creep',
    { config: read, schema: { tags, summary: 'Approved changes as a share of the original value, month by month, per currency', params: IdParams, response: { 200: ScopeCreep } } },
    (req) => engagementScopeCreep(ctxOf(req), parseId(req.params.id, 'engagement')),
  );
}
