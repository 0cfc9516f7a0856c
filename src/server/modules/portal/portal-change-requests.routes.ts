import { z } from 'zod';
import { PortalChangeRequest, PortalChangeRequestInput, PortalChangeRequestListQuery, PortalChangeRequestUpdate, WithdrawChangeInput } from '../../../shared/contracts/change-requests.ts';
import { IdParams, Page } from '../../../shared/contracts/common.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { amendOwnChangeRequest, getOwnChangeRequest, listOwnChangeRequests, raiseChangeRequest, withdrawOwnChangeRequest } from '../costs/costs.public.ts';
import { ownEngagements } from '../engagements/engagements.public.ts';

const tags = ['portal'];
const contact = { access: 'portal.use' } as const;

/**
 * The vendor's change requests in the portal: it raises one on its own vendor's engagements
 * and follows its own (another vendor's is "not found"), corrects one it raised while it is
 * proposed and withdraws it until the client decides; never the client's internal note,
 * the contract, the budget or any invoice check.
 */
export function registerPortalChangeRequestRoutes(app: App) {
  app.get(
    '/api/v1/portal/engagements',
    { config: contact, schema: { tags, summary: "Your vendor's engagements, by name (to raise a change request on)", response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }) } } },
    async (req) => ({ items: await ownEngagements(ctxOf(req)) }),
  );
  app.get(
    '/api/v1/portal/change-requests',
    { config: contact, schema: { tags, summary: "Your vendor's change requests, newest first", querystring: PortalChangeRequestListQuery, response: { 200: Page(PortalChangeRequest).extend({ total: z.number().int() }) } } },
    (req) => listOwnChangeRequests(ctxOf(req), req.query),
  );
  app.post('/api/v1/portal/change-requests', { config: contact, schema: { tags, summary: 'Raise a change request', body: PortalChangeRequestInput, response: { 201: PortalChangeRequest } } }, async (req, reply) => {
    reply.status(201);
    return raiseChangeRequest(ctxOf(req), req.body);
  });
  app.get('/api/v1/portal/change-requests/:id', { config: contact, schema: { tags, summary: 'One of your change requests', params: IdParams, response: { 200: PortalChangeRequest } } }, (req) =>
    getOwnChangeRequest(ctxOf(req), parseId(req.params.id, 'change request')),
  );
  app.patch(
    '/api/v1/portal/change-requests/:id',
    { config: contact, schema: { tags, summary: 'Correct a change request you raised, while it is proposed', params: IdParams, body: PortalChangeRequestUpdate, response: { 200: PortalChangeRequest } } },
    (req) => amendOwnChangeRequest(ctxOf(req), parseId(req.params.id, 'change request'), req.body),
  );
  app.post(
    '/api/v1/portal/change-requests/:id/withdraw',
    { config: contact, schema: { tags, summary: 'Withdraw a change request you raised, before the client decides it', params: IdParams, body: WithdrawChangeInput, response: { 200: PortalChangeRequest } } },
    (req) => withdrawOwnChangeRequest(ctxOf(req), parseId(req.params.id, 'change request'), req.body),
  );
}
