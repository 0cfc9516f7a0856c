import { Org, OrgUpdate } from '../../../shared/contracts/org.ts';
import { ctxOf } from '../../http/ctx.ts';
import type { App } from '../../http/types.ts';
import * as service from './org.service.ts';

const tags = ['org'];

export function registerOrgRoutes(app: App) {
  app.get('/api/v1/org', { config: { access: 'org.read' }, schema: { tags, summary: 'My organisation', response: { 200: Org } } }, (req) => service.getOrg(ctxOf(req)));
  app.patch('/api/v1/org', { config: { access: 'org.manage' }, schema: { tags, summary: 'Rename my organisation', body: OrgUpdate, response: { 200: Org } } }, (req) =>
    service.renameOrg(ctxOf(req), req.body),
  );
}
