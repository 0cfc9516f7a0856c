import { Me, SetupRequest, SetupStatus } from '../../../shared/contracts/auth.ts';
import { setSessionCookie } from '../../http/cookies.ts';
import { publicCtxOf } from '../../http/ctx.ts';
import type { App } from '../../http/types.ts';
import { needsSetup, setupFirstOrg } from './setup.service.ts';

const tags = ['setup'];

export function registerSetupRoutes(app: App) {
  app.get(
    '/api/v1/setup/status',
    { config: { access: 'public' }, schema: { tags, summary: 'Does this installation need its first organisation?', response: { 200: SetupStatus } } },
    async (request) => ({ needsSetup: await needsSetup(publicCtxOf(request).db) }),
  );

  app.post(
    '/api/v1/setup',
    { config: { access: 'public' }, schema: { tags, summary: 'Create the first organisation and its owner', body: SetupRequest, response: { 200: Me } } },
    async (request, reply) => {
      const ctx = publicCtxOf(request);
      const { secret, me } = await setupFirstOrg(ctx, request.body);
      setSessionCookie(request, reply, secret, ctx.config.session.absoluteMs);
      return me;
    },
  );
}
