import { HealthStatus } from '../../../shared/contracts/health.ts';
import { publicCtxOf } from '../../http/ctx.ts';
import type { App } from '../../http/types.ts';
import { checkHealth } from './health.service.ts';

export function registerHealthRoutes(app: App) {
  app.get(
    '/api/v1/health',
    { config: { access: 'public' }, schema: { tags: ['health'], summary: 'Ready when the database answers', response: { 200: HealthStatus } } },
    (request) => checkHealth(publicCtxOf(request).db),
  );
}
