import { HealthStatus, ReadyStatus } from '../../../shared/contracts/health.ts';
import { ErrorResponse } from '../../../shared/contracts/common.ts';
import { publicCtxOf } from '../../http/ctx.ts';
import type { App } from '../../http/types.ts';
import { checkLiveness, checkReadiness } from './health.service.ts';

const tags = ['health'];

export function registerHealthRoutes(app: App) {
  app.get(
    '/api/v1/health',
    { config: { access: 'public' }, schema: { tags, summary: 'Liveness: the server is up (does not ask the database)', response: { 200: HealthStatus } } },
    () => checkLiveness(),
  );
  app.get(
    '/api/v1/health/ready',
    { config: { access: 'public' }, schema: { tags, summary: 'Readiness: the database answers (503 database_unavailable otherwise)', response: { 200: ReadyStatus, 503: ErrorResponse } } },
    (request) => checkReadiness(publicCtxOf(request).db),
  );
}
