import { OkResponse } from '../../../shared/contracts/common.ts';
import {
  AccountSecurity,
  Enrolment,
  MfaConfirmRequest,
  OrgSecuritySettings,
  OrgSecurityUpdate,
  PasswordProof,
  RecoveryCodes,
  SessionList,
  SignedOutOthers,
} from '../../../shared/contracts/security.ts';
import { ctxOf } from '../../http/ctx.ts';
import type { App } from '../../http/types.ts';
import * as account from './account.service.ts';

const tags = ['account'];

/** One's own sign-in security, and the organisation's sign-in rules. */
export function registerAccountRoutes(app: App) {
  app.get('/api/v1/account/security', { config: { access: 'account.own' }, schema: { tags, summary: 'My two-step sign-in and password status', response: { 200: AccountSecurity } } }, (req) =>
    account.accountSecurity(ctxOf(req)),
  );
  app.post('/api/v1/account/mfa/setup', { config: { access: 'account.own' }, schema: { tags, summary: 'Start setting up an authenticator app', response: { 200: Enrolment } } }, (req) =>
    account.startMfaSetup(ctxOf(req)),
  );
  app.post(
    '/api/v1/account/mfa/confirm',
    { config: { access: 'account.own' }, schema: { tags, summary: 'Turn on two-step sign-in with a first code; returns recovery codes once', body: MfaConfirmRequest, response: { 200: RecoveryCodes } } },
    (req) => account.confirmMfaSetup(ctxOf(req), req.body.code),
  );
  app.post(
    '/api/v1/account/mfa/disable',
    { config: { access: 'account.own' }, schema: { tags, summary: 'Turn off two-step sign-in (needs the password)', body: PasswordProof, response: { 200: OkResponse } } },
    async (req) => {
      await account.turnOffOwnMfa(ctxOf(req), req.body.password);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/v1/account/mfa/recovery-codes',
    { config: { access: 'account.own' }, schema: { tags, summary: 'New recovery codes (the old ones stop working; needs the password)', body: PasswordProof, response: { 200: RecoveryCodes } } },
    (req) => account.renewRecoveryCodes(ctxOf(req), req.body.password),
  );
  app.get('/api/v1/account/sessions', { config: { access: 'account.own' }, schema: { tags, summary: 'My open sessions', response: { 200: SessionList } } }, (req) =>
    account.listOwnSessions(ctxOf(req)),
  );
  app.post('/api/v1/account/sessions/sign-out-others', { config: { access: 'account.own' }, schema: { tags, summary: 'End all my other sessions', response: { 200: SignedOutOthers } } }, (req) =>
    account.signOutOthers(ctxOf(req)),
  );
  app.get('/api/v1/org/security', { config: { access: 'org.manage' }, schema: { tags: ['org'], summary: "The organisation's sign-in rules", response: { 200: OrgSecuritySettings } } }, (req) =>
    account.orgSecurity(ctxOf(req)),
  );
  app.put(
    '/api/v1/org/security',
    { config: { access: 'org.security' }, schema: { tags: ['org'], summary: 'Require two-step sign-in of everyone (owners only)', body: OrgSecurityUpdate, response: { 200: OrgSecuritySettings } } },
    (req) => account.updateOrgSecurity(ctxOf(req), req.body),
  );
}
