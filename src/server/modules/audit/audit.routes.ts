import { AuditEvent, AuditListQuery } from '../../../shared/contracts/audit.ts';
import { Page } from '../../../shared/contracts/common.ts';
import { ctxOf } from '../../http/ctx.ts';
import type { App } from '../../http/types.ts';
import { listAudit } from './audit.service.ts';

export function registerAuditRoutes(app: App) {
  app.get(
    '/api/v1/audit-events',
    { config: { access: 'audit.read' }, schema: { tags: ['audit'], summary: 'The audit trail, newest first', querystring: AuditListQuery, response: { 200: Page(AuditEvent) } } },
    (req) => listAudit(ctxOf(req), req.query),
  );
}
