import { IdParams, OkResponse, Page } from '../../../shared/contracts/common.ts';
import { ApiToken, ApiTokenCreate, ApiTokenCreated } from '../../../shared/contracts/users.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import * as service from './tokens.service.ts';

const tags = ['tokens'];
const own = { access: 'token.own' } as const;

export function registerTokenRoutes(app: App) {
  app.get('/api/v1/tokens', { config: own, schema: { tags, summary: 'My API tokens', response: { 200: Page(ApiToken) } } }, async (req) => ({
    items: await service.listTokens(ctxOf(req)),
    nextCursor: null,
  }));
  app.post('/api/v1/tokens', { config: own, schema: { tags, summary: 'Create an API token (shown once)', body: ApiTokenCreate, response: { 201: ApiTokenCreated } } }, async (req, reply) => {
    const ctx = ctxOf(req);
    reply.status(201);
    return service.createToken(ctx.db, ctx.actor, req.body, ctx.now, ctx.requestId);
  });
  app.delete('/api/v1/tokens/:id', { config: own, schema: { tags, summary: 'Revoke an API token', params: IdParams, response: { 200: OkResponse } } }, async (req) => {
    await service.revokeToken(ctxOf(req), parseId(req.params.id, 'API token'));
    return { ok: true as const };
  });
}
