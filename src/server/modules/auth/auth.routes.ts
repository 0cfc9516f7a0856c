import { LoginRequest, Me, Memberships, SwitchOrganisation } from '../../../shared/contracts/auth.ts';
import { OkResponse } from '../../../shared/contracts/common.ts';
import { EnrolConfirmRequest, EnrolledSignIn, EnrolStartRequest, Enrolment, LoginCodeRequest, LoginResponse } from '../../../shared/contracts/security.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/cookies.ts';
import { ctxOf, publicCtxOf } from '../../http/ctx.ts';
import type { App } from '../../http/types.ts';
import * as auth from './auth.service.ts';

const tags = ['auth'];

export function registerAuthRoutes(app: App) {
  app.post(
    '/api/v1/auth/login',
    { config: { access: 'public' }, schema: { tags, summary: 'Start a session (or the second step it needs)', body: LoginRequest, response: { 200: LoginResponse } } },
    async (request, reply) => {
      const ctx = publicCtxOf(request);
      const result = await auth.login(ctx, { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] });
      if (result.kind === 'step') return result.step;
      setSessionCookie(request, reply, result.secret, ctx.config.session.absoluteMs);
      return result.me;
    },
  );

  app.post(
    '/api/v1/auth/login/code',
    { config: { access: 'public' }, schema: { tags, summary: 'Second step of sign-in: an authenticator or recovery code', body: LoginCodeRequest, response: { 200: Me } } },
    async (request, reply) => {
      const ctx = publicCtxOf(request);
      const { secret, me } = await auth.loginWithCode(ctx, { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] });
      setSessionCookie(request, reply, secret, ctx.config.session.absoluteMs);
      return me;
    },
  );

  app.post(
    '/api/v1/auth/login/enrol',
    { config: { access: 'public' }, schema: { tags, summary: 'Set up an authenticator during sign-in (the organisation requires one)', body: EnrolStartRequest, response: { 200: Enrolment } } },
    (request) => auth.startEnrolmentAtSignIn(publicCtxOf(request), request.body.challenge),
  );

  app.post(
    '/api/v1/auth/login/enrol/confirm',
    { config: { access: 'public' }, schema: { tags, summary: 'Confirm the new authenticator with a code and sign in', body: EnrolConfirmRequest, response: { 200: EnrolledSignIn } } },
    async (request, reply) => {
      const ctx = publicCtxOf(request);
      const { secret, me, recoveryCodes } = await auth.confirmEnrolmentAtSignIn(ctx, { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] });
      setSessionCookie(request, reply, secret, ctx.config.session.absoluteMs);
      return { me, recoveryCodes };
    },
  );

  app.post('/api/v1/auth/logout', { config: { access: 'signed-in' }, schema: { tags, summary: 'End the session', response: { 200: OkResponse } } }, async (request, reply) => {
    await auth.logout(ctxOf(request));
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  app.get(
    '/api/v1/me/organisations',
    { config: { access: 'account.own' }, schema: { tags, summary: 'The organisations I belong to', response: { 200: Memberships } } },
    (request) => auth.myOrganisations(ctxOf(request)),
  );

  app.post(
    '/api/v1/session/organisation',
    { config: { access: 'account.own' }, schema: { tags, summary: 'Switch this session to another of my organisations', body: SwitchOrganisation, response: { 200: Me } } },
    (request) => auth.switchOrganisation(ctxOf(request), request.body.orgId),
  );

  app.get('/api/v1/auth/me', { config: { access: 'signed-in' }, schema: { tags, summary: 'Who am I', response: { 200: Me } } }, (request) => auth.me(ctxOf(request)));
}
