import { randomUUID } from 'node:crypto';
import { newSecret, sha256 } from '../../../src/server/modules/auth/secrets.ts';
import { insertToken } from '../../../src/server/modules/tokens/tokens.repo.ts';
import { insertInvitation } from '../../../src/server/modules/users/invitations.repo.ts';
import { PASSWORD, type TestOrg } from '../../support/factories.ts';
import { ADMINS, INTERNAL, type AreaRows, type MatrixEnv } from './types.ts';

/** Rows for sign-in, set-up, the organisation, users, invitations and API tokens. */
export function identityRows(env: MatrixEnv): AreaRows {
  const { uniq, id } = env;
  async function freshInvitation(org: TestOrg) {
    const token = newSecret('inv_');
    const inv = await insertInvitation(env.t.database.db, {
      orgId: org.orgId,
      email: `inv.${uniq()}@test.outsight.test`,
      role: 'analyst',
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    return { token, id: inv.id };
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
      build: (c) => ({ url: `/api/v1/users/${id(c, (o) => o.users.analyst.id)}`, payload: { name: `Renamed ${uniq()}` } }),
    },
    'GET /api/v1/invitations': { allowed: ADMINS, ok: 200, build: () => ({ url: '/api/v1/invitations' }) },
    'POST /api/v1/invitations': { allowed: ADMINS, ok: 201, build: () => ({ url: '/api/v1/invitations', payload: { email: `new.${uniq()}@test.outsight.test`, role: 'analyst' } }) },
    'DELETE /api/v1/invitations/:id': {
      allowed: ADMINS,
      ok: 200,
      scoped: true,
      build: async (c) => ({ url: `/api/v1/invitations/${c.scope === 'missing' ? randomUUID() : (await freshInvitation(c.org)).id}` }),
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
      build: async (c) => {
        if (c.scope === 'missing') return { url: `/api/v1/tokens/${randomUUID()}` };
        // "Own" is the caller's own token; "foreign" one of another organisation's owner.
        const holder = c.scope === 'own' && c.actor ? c.actor : c.org.users.owner;
        const tok = await insertToken(env.t.database.db, { orgId: holder.orgId, userId: holder.id, name: 'm', prefix: 'osk_m', tokenHash: sha256(newSecret()) });
        return { url: `/api/v1/tokens/${tok.id}` };
      },
    },
  };
  return { rows };
}
