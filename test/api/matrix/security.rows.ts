import { aPendingAuthenticator } from '../../../src/server/seed/builders/security.ts';
import { PASSWORD } from '../../support/factories.ts';
import { ADMINS, type AreaRows, type MatrixEnv } from './types.ts';

/**
 * Rows for two-step sign-in, passwords, one's sessions and the organisation's sign-in
 * rules. Own-account routes act on the caller only (no object to reach in another
 * organisation); the public second steps answer an unknown challenge or token alike.
 */
export function securityRows(env: MatrixEnv): AreaRows {
  const { uniq } = env;
  const signedIn = 'signed-in' as const;
  const rows: AreaRows['rows'] = {
    'POST /api/v1/auth/login/code': { allowed: 'public', ok: 410, build: () => ({ url: '/api/v1/auth/login/code', payload: { challenge: 'ch_unknown', code: '123456' } }) },
    'POST /api/v1/auth/login/enrol': { allowed: 'public', ok: 410, build: () => ({ url: '/api/v1/auth/login/enrol', payload: { challenge: 'ch_unknown' } }) },
    'POST /api/v1/auth/login/enrol/confirm': { allowed: 'public', ok: 410, build: () => ({ url: '/api/v1/auth/login/enrol/confirm', payload: { challenge: 'ch_unknown', code: '123456' } }) },
    // The same answer whether or not the address exists.
    'POST /api/v1/auth/password-reset': { allowed: 'public', ok: 200, build: () => ({ url: '/api/v1/auth/password-reset', payload: { email: `nobody.${uniq()}@test.outsight.test` } }) },
    'POST /api/v1/auth/password-reset/confirm': { allowed: 'public', ok: 410, build: () => ({ url: '/api/v1/auth/password-reset/confirm', payload: { token: 'pr_unknown', password: 'heron violet gravel spoon' } }) },
    'GET /api/v1/account/security': { allowed: signedIn, ok: 200, build: () => ({ url: '/api/v1/account/security' }) },
    'POST /api/v1/account/mfa/setup': { allowed: signedIn, ok: 200, build: () => ({ url: '/api/v1/account/mfa/setup' }) },
    // Enrolment started, a wrong code: the code field is refused (allowed roles reach the rule).
    'POST /api/v1/account/mfa/confirm': {
      allowed: signedIn,
      ok: 400,
      build: async (c) => {
        if (c.actor) await aPendingAuthenticator({ db: env.t.database.db, config: env.t.config }, c.actor);
        return { url: '/api/v1/account/mfa/confirm', payload: { code: 'abcdef' } };
      },
    },
    'POST /api/v1/account/mfa/disable': { allowed: signedIn, ok: 200, build: () => ({ url: '/api/v1/account/mfa/disable', payload: { password: PASSWORD } }) },
    // Without two-step sign-in there are no recovery codes to renew: a state rule.
    'POST /api/v1/account/mfa/recovery-codes': { allowed: signedIn, ok: 409, build: () => ({ url: '/api/v1/account/mfa/recovery-codes', payload: { password: PASSWORD } }) },
    // The right current password and a weak new one: allowed roles reach the password policy.
    'POST /api/v1/account/password': { allowed: signedIn, ok: 400, build: () => ({ url: '/api/v1/account/password', payload: { currentPassword: PASSWORD, newPassword: '1234567890' } }) },
    'GET /api/v1/account/sessions': { allowed: signedIn, ok: 200, build: () => ({ url: '/api/v1/account/sessions' }) },
    'POST /api/v1/account/sessions/sign-out-others': { allowed: signedIn, ok: 200, build: () => ({ url: '/api/v1/account/sessions/sign-out-others' }) },
    // One's own memberships; switching names an organisation in the body: one's own answers, any other is "not found".
    'GET /api/v1/me/organisations': { allowed: signedIn, ok: 200, build: () => ({ url: '/api/v1/me/organisations' }) },
    'POST /api/v1/session/organisation': {
      allowed: signedIn,
      ok: 200,
      scoped: true,
      build: (c) => ({ url: '/api/v1/session/organisation', payload: { orgId: env.id(c, (o) => o.orgId) } }),
    },
    'GET /api/v1/org/security': { allowed: ADMINS, ok: 200, build: () => ({ url: '/api/v1/org/security' }) },
    'PUT /api/v1/org/security': { allowed: ['owner'], ok: 200, build: () => ({ url: '/api/v1/org/security', payload: { requireMfa: false } }) },
  };
  return { rows };
}
