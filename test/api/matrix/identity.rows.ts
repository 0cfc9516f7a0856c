import { randomUUID } from 'node:crypto';
import { revokeInvitation } from '../../../src/server/modules/users/users.public.ts';
import { anApiToken, anInvitation } from '../../../src/server/seed/builders/core.ts';
import { PASSWORD, type TestOrg } from '../../support/factories.ts';
import { ADMINS, INTERNAL, type AreaRows, type MatrixEnv } from './types.ts';

/** Rows for sign-in, set-up, the organisation, users, invitations and API tokens. */
export function identityRows(env: MatrixEnv): AreaRows {
  const { uniq, id } = env;
  const freshInvitation = (org: TestOrg) => anInvitation(org.handle);
  /** An invitation that can no longer be withdrawn: it was withdrawn already. */
  async function withdrawnInvitation(org: TestOrg) {
    const inv = await anInvitation(org.handle);
    await revokeInvitation(org.handle.ctx(), inv.id);
    return inv;
  }
  const rows: AreaRows['rows'] = {
    'GET /api/v1/health': { allowed: 'public', ok: 200, build: () => ({ url: '/api/v1/health' }) },
    'GET /api/v1/openapi.json': { allowed: 'public', ok: 200, build: () => ({ url: '/api/v1/openapi.json' }) },
    'GET /api/v1/setup/status': { allowed: 'public', ok: 200, build: () => ({ url: '/api/v1/setup/status' }) },
    // Organisations exist, so setting up again is a conflict for everyone.
    'POST /api/v1/setup': {
      allowed: 'public',
      ok: 409,
      build: () => ({ url: '/api/v1/setup', payload: { orgName: 'Take over', name: 'X', email: `x.${uniq()}@test.outsight.test`, password: 'long enough password' } }),
    },
    'POST /api/v1/auth/login': { allowed: 'public', ok: 200, build: () => ({ url: '/api/v1/auth/login', payload: { email: env.own.users.analyst.email, password: PASSWORD } }) },
    'POST /api/v1/auth/logout': { allowed: 'signed-in', ok: 200, build: () => ({ url: '/api/v1/auth/logout' }) },
    'GET /api/v1/auth/me': { allowed: 'signed-in', ok: 200, build: () => ({ url: '/api/v1/auth/me' }) },
    'GET /api/v1/org': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/org' }) },
    'PATCH /api/v1/org': { allowed: ADMINS, ok: 200, build: () => ({ url: '/api/v1/org', payload: { name: `Renamed ${uniq()}` } }) },
    'GET /api/v1/users': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/users' }) },
    'PATCH /api/v1/users/:id': {
      allowed: ADMINS,
      ok: 200,
      scoped: true,
      policy: 'The user',
      build: (c) => ({ url: `/api/v1/users/${id(c, (o) => o.users.analyst.id)}`, payload: { name: `Renamed ${uniq()}` } }),
    },
    'GET /api/v1/invitations': { allowed: ADMINS, ok: 200, build: () => ({ url: '/api/v1/invitations' }) },
    'POST /api/v1/invitations': { allowed: ADMINS, ok: 201, build: () => ({ url: '/api/v1/invitations', payload: { email: `new.${uniq()}@test.outsight.test`, role: 'analyst' } }) },
    'DELETE /api/v1/invitations/:id': {
      allowed: ADMINS,
      ok: 200,
      scoped: true,
      policy: 'The invitation',
      forbiddenState: 409,
      build: async (c) => {
        if (c.scope === 'missing') return { url: `/api/v1/invitations/${randomUUID()}` };
        const inv = c.scope === 'state' ? await withdrawnInvitation(c.org) : await freshInvitation(c.org);
        return { url: `/api/v1/invitations/${inv.id}` };
      },
    },
    'GET /api/v1/invitations/by-token/:token': {
      allowed: 'public',
      ok: 200,
      scoped: true,
      publicMissing: 404,
      build: async (c) => ({ url: `/api/v1/invitations/by-token/${c.scope === 'missing' ? 'inv_nope' : (await freshInvitation(c.org)).token}` }),
    },
    'POST /api/v1/invitations/by-token/:token/accept': {
      allowed: 'public',
      ok: 200,
      scoped: true,
      publicMissing: 404,
      build: async (c) => ({
        url: `/api/v1/invitations/by-token/${c.scope === 'missing' ? 'inv_nope' : (await freshInvitation(c.org)).token}/accept`,
        payload: { name: 'Invitee', password: 'long enough password' },
      }),
    },
    'GET /api/v1/tokens': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/tokens' }) },
    'POST /api/v1/tokens': { allowed: INTERNAL, ok: 201, build: () => ({ url: '/api/v1/tokens', payload: { name: 'matrix' } }) },
    'DELETE /api/v1/tokens/:id': {
      allowed: INTERNAL,
      ok: 200,
      scoped: true,
      policy: 'The API token',
      build: async (c) => {
        if (c.scope === 'missing') return { url: `/api/v1/tokens/${randomUUID()}` };
        // "Own" is the caller's own token; "foreign" one of another organisation's owner.
        // Whoever may hold no token (a vendor contact, refused at the route) gets the owner's.
        const mayHold = c.actor && (INTERNAL as readonly string[]).includes(c.actor.role);
        const holder = c.scope === 'own' && mayHold ? c.actor! : c.org.users.owner;
        const tok = await anApiToken(c.org.handle, { user: holder, name: 'matrix' });
        return { url: `/api/v1/tokens/${tok.id}` };
      },
    },
  };
  return { rows };
}
