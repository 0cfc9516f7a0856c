import { DueAhead, DueQuery, OwnerDashboard } from '../../../shared/contracts/dashboard.ts';
import { ctxOf } from '../../http/ctx.ts';
import type { App } from '../../http/types.ts';
import { getDashboard, listDueAhead } from './dashboard.service.ts';

export function registerDashboardRoutes(app: App) {
  app.get(
    '/api/v1/dashboard',
    { config: { access: 'dashboard.read' }, schema: { tags: ['dashboard'], summary: 'This week, what exposes us, what we pay for — from every module', response: { 200: OwnerDashboard } } },
    (req) => getDashboard(ctxOf(req)),
  );
  app.get(
    '/api/v1/dashboard/due',
    {
      config: { access: 'dashboard.read' },
      schema: { tags: ['dashboard'], summary: 'Everything due in the next days and overdue, from every module (mine=true: what you own)', querystring: DueQuery, response: { 200: DueAhead } },
    },
    (req) => listDueAhead(ctxOf(req), req.query),
  );
}
