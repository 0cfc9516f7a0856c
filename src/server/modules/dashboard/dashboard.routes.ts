import { Dashboard } from '../../../shared/contracts/audit.ts';
import { ctxOf } from '../../http/ctx.ts';
import type { App } from '../../http/types.ts';
import { getDashboard } from './dashboard.service.ts';

export function registerDashboardRoutes(app: App) {
  app.get('/api/v1/dashboard', { config: { access: 'dashboard.read' }, schema: { tags: ['dashboard'], summary: 'Counts for the home screen', response: { 200: Dashboard } } }, (req) =>
    getDashboard(ctxOf(req)),
  );
}
