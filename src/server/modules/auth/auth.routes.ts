import { LoginRequest, Me } from '../../../shared/contracts/auth.ts';
import { OkResponse } from '../../../shared/contracts/common.ts';
import { requireActor } from '../../http/access.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/cookies.ts';
import { publicCtxOf } from '../../http/ctx.ts';
import type { App } from '../../http/types.ts';
import * as auth from './auth.service.ts';

export function registerAuthRoutes(app: App) {
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Start a session', body: LoginRequest, response: { 200: Me } },
    },
    async (request, reply) => {
      const ctx = publicCtxOf(request);
      const { secret, me } = await auth.login(ctx, { ...request.body, ip: request.ip });
      setSessionCookie(request, reply, secret, ctx.config.session.absoluteMs);
      return me;
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: 'signed-in' }, schema: { tags: ['auth'], summary: 'End the session', response: { 200: OkResponse } } },
    async (request, reply) => {
      await auth.logout(publicCtxOf(request), requireActor(request).sessionId);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/auth/me',
    { config: { access: 'signed-in' }, schema: { tags: ['auth'], summary: 'Who am I', response: { 200: Me } } },
    async (request) => auth.me(publicCtxOf(request), requireActor(request)),
  );
}
