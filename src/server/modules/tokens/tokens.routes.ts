import { IdParams, OkResponse, Page, PageQuery } from '../../../shared/contracts/common.ts';
import { ApiToken, ApiTokenCreate, ApiTokenCreated } from '../../../shared/contracts/users.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import * as service from './tokens.service.ts';

const tags = ['tokens'];
const own = { access: 'token.own' } as const;

export function registerTokenRoutes(app: App) {
  app.get('/api/v1/tokens', { config: own, schema: { tags, summary: 'My API tokens', querystring: PageQuery, response: { 200: Page(ApiToken) } } }, (req) =>
    service.listTokens(ctxOf(req), req.query),
  );
  app.post('/api/v1/tokens', { config: own, schema: { tags, summary: 'Create an API token (shown once)', body: ApiTokenCreate, response: { 201: ApiTokenCreated } } }, async (req, reply) => {
    reply.status(201);
    return service.createToken(ctxOf(req), req.body);
  });
  app.delete('/api/v1/tokens/:id', { config: own, schema: { tags, summary: 'Revoke an API token', params: IdParams, response: { 200: OkResponse } } }, async (req) => {
    await service.revokeToken(ctxOf(req), parseId(req.params.id, 'API token'));
    return { ok: true as const };
  });
}
