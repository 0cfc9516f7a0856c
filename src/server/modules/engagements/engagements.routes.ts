import { IdParams, Page } from '../../../shared/contracts/common.ts';
import { Engagement, EngagementInput, EngagementListQuery, EngagementUpdate } from '../../../shared/contracts/engagements.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import * as service from './engagements.service.ts';

const tags = ['engagements'];
const read = { access: 'engagement.read' } as const;
const write = { access: 'engagement.write' } as const;

export function registerEngagementRoutes(app: App) {
  app.get('/api/v1/engagements', { config: read, schema: { tags, summary: 'List engagements', querystring: EngagementListQuery, response: { 200: Page(Engagement) } } }, (req) =>
    service.listEngagements(ctxOf(req), req.query),
  );
  app.post('/api/v1/engagements', { config: write, schema: { tags, summary: 'Create an engagement', body: EngagementInput, response: { 201: Engagement } } }, async (req, reply) => {
    reply.status(201);
    return service.createEngagement(ctxOf(req), req.body);
  });
  app.get('/api/v1/engagements/:id', { config: read, schema: { tags, summary: 'Get an engagement', params: IdParams, response: { 200: Engagement } } }, (req) =>
    service.getEngagement(ctxOf(req), parseId(req.params.id, 'engagement')),
  );
  app.patch('/api/v1/engagements/:id', { config: write, schema: { tags, summary: 'Edit an engagement', params: IdParams, body: EngagementUpdate, response: { 200: Engagement } } }, (req) =>
    service.updateEngagement(ctxOf(req), parseId(req.params.id, 'engagement'), req.body),
  );
  app.post('/api/v1/engagements/:id/archive', { config: write, schema: { tags, summary: 'Archive an engagement', params: IdParams, response: { 200: Engagement } } }, (req) =>
    service.setEngagementArchived(ctxOf(req), parseId(req.params.id, 'engagement'), true),
  );
  app.post('/api/v1/engagements/:id/restore', { config: write, schema: { tags, summary: 'Restore an engagement', params: IdParams, response: { 200: Engagement } } }, (req) =>
    service.setEngagementArchived(ctxOf(req), parseId(req.params.id, 'engagement'), false),
  );
}
