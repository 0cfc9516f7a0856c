import { z } from 'zod';
import { requiredText } from '../../../shared/contracts/common.ts';
import { ctxOf } from '../../http/ctx.ts';
import type { App } from '../../http/types.ts';
import { recordAudit } from '../audit/record.ts';
import { findOrg } from '../auth/auth.repo.ts';
import { lockOrg, renameOrg } from './org.repo.ts';

const Org = z.object({ id: z.string(), name: z.string() });
const OrgUpdate = z.object({ name: requiredText(200) }).strict();

// Small enough that route and service stay together; split when it grows.
export function registerOrgRoutes(app: App) {
  app.get('/api/v1/org', { config: { access: 'org.read' }, schema: { tags: ['org'], summary: 'My organisation', response: { 200: Org } } }, async (req) => {
    const ctx = ctxOf(req);
    const o = await findOrg(ctx.db, ctx.actor.orgId);
    return { id: ctx.actor.orgId, name: o?.name ?? '' };
  });
  app.patch('/api/v1/org', { config: { access: 'org.manage' }, schema: { tags: ['org'], summary: 'Rename my organisation', body: OrgUpdate, response: { 200: Org } } }, async (req) => {
    const ctx = ctxOf(req);
    return ctx.db.transaction(async (tx) => {
      const before = await lockOrg(tx, ctx.actor.orgId);
      const after = await renameOrg(tx, ctx.actor.orgId, req.body.name, ctx.now);
      await recordAudit(tx, ctx, { action: 'org.update', objectType: 'org', objectId: ctx.actor.orgId, before, after });
      return { id: after.id, name: after.name };
    });
  });
}
