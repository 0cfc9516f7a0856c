import { LoginRequest, Me } from '../../../shared/contracts/auth.ts';
import { OkResponse } from '../../../shared/contracts/common.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/cookies.ts';
import { ctxOf, publicCtxOf } from '../../http/ctx.ts';
import type { App } from '../../http/types.ts';
import * as auth from './auth.service.ts';

const tags = ['auth'];

export function registerAuthRoutes(app: App) {
  app.post('/api/v1/auth/login', { config: { access: 'public' }, schema: { tags, summary: 'Start a session', body: LoginRequest, response: { 200: Me } } }, async (request, reply) => {
    const ctx = publicCtxOf(request);
    const { secret, me } = await auth.login(ctx, { ...request.body, ip: request.ip });
    setSessionCookie(request, reply, secret, ctx.config.session.absoluteMs);
    return me;
  });

  app.post('/api/v1/auth/logout', { config: { access: 'signed-in' }, schema: { tags, summary: 'End the session', response: { 200: OkResponse } } }, async (request, reply) => {
    await auth.logout(ctxOf(request));
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  app.get('/api/v1/auth/me', { config: { access: 'signed-in' }, schema: { tags, summary: 'Who am I', response: { 200: Me } } }, (request) => auth.me(ctxOf(request)));
}
