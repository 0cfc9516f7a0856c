import { OkResponse } from '../../../shared/contracts/common.ts';
import { MessageResponse, PasswordChangeRequest, PasswordResetConfirm, PasswordResetRequest } from '../../../shared/contracts/security.ts';
import { ctxOf, publicCtxOf } from '../../http/ctx.ts';
import { mailContextOf } from '../../http/mail-context.ts';
import type { App } from '../../http/types.ts';
import * as service from './password.service.ts';

const tags = ['account'];

export function registerPasswordRoutes(app: App) {
  app.post(
    '/api/v1/account/password',
    { config: { access: 'account.own' }, schema: { tags, summary: 'Change my password (needs the current one; my other sessions end)', body: PasswordChangeRequest, response: { 200: OkResponse } } },
    async (req) => {
      await service.changeOwnPassword(ctxOf(req), req.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/v1/auth/password-reset',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'E-mail a password reset link (same answer whether or not the address exists)', body: PasswordResetRequest, response: { 200: MessageResponse } } },
    (req) => service.requestPasswordReset(publicCtxOf(req), { email: req.body.email, ip: req.ip }, mailContextOf(req)),
  );
  app.post(
    '/api/v1/auth/password-reset/confirm',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Choose a new password with a reset link', body: PasswordResetConfirm, response: { 200: MessageResponse } } },
    (req) => service.confirmPasswordReset(publicCtxOf(req), req.body),
  );
}
