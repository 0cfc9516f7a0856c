import type { z } from 'zod';
import type { ApiTokenCreate, ApiTokenCreated } from '../../../shared/contracts/users.ts';
import type { PageRequest } from '../../paging.ts';
import type { Actor, Ctx, PublicCtx } from '../../context.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { actorOf, newSecret, principalOf, sha256 } from '../auth/auth.public.ts';
import { tokenPolicy } from './tokens.policy.ts';
import { presentToken } from './tokens.presenter.ts';
import * as repo from './tokens.repo.ts';

/** One page of the actor's own tokens, newest first. */
export async function listTokens(ctx: Ctx, q: PageRequest) {
  tokenPolicy.check(ctx.actor, 'list');
  return keysetPage(q, repo.TOKEN_SORT, (after, limit) => repo.listTokens(ctx.db, ctx.actor.orgId, ctx.actor.userId, after, limit), (r) => presentToken(r.token));
}

/** Creates an API token for the actor; the secret is returned here once and stored hashed. */
export async function createToken(ctx: Ctx, input: z.output<typeof ApiTokenCreate>): Promise<z.output<typeof ApiTokenCreated>> {
  tokenPolicy.check(ctx.actor, 'create');
  const token = newSecret('osk_');
  const row = await change(ctx, async (tx) => {
    const t = await repo.insertToken(tx.db, {
      orgId: ctx.actor.orgId,
      userId: ctx.actor.userId,
      name: input.name,
      prefix: token.slice(0, 10),
      tokenHash: sha256(token),
      createdAt: ctx.now,
      expiresAt: input.expiresInDays ? new Date(ctx.now.getTime() + input.expiresInDays * 86_400_000) : null,
    });
    await tx.audit({ action: 'token.create', objectType: 'api_token', objectId: t.id, after: t });
    return t;
  });
  return { ...presentToken(row), token };
}

/** Revokes one of the actor's own tokens; anyone else's, or one already revoked, is not found. */
export async function revokeToken(ctx: Ctx, id: string): Promise<void> {
  tokenPolicy.check(ctx.actor, 'revoke');
  await change(ctx, async (tx) => {
    const before = tokenPolicy.authorize(ctx.actor, 'revoke', await repo.lockToken(tx.db, ctx.actor.orgId, id));
    const after = await repo.revokeToken(tx.db, ctx.actor.orgId, id, ctx.now);
    await tx.audit({ action: 'token.revoke', objectType: 'api_token', objectId: id, before, after });
  });
}

/**
 * Resolves `Authorization: Bearer <token>` before anyone is signed in; the token acts with
 * its user's current role. Disabled users and vendor contacts get no actor.
 */
export async function actorFromToken(ctx: PublicCtx, token: string): Promise<Actor | null> {
  const row = await repo.findActiveTokenForSignIn(ctx.db, sha256(token), ctx.now);
  if (!row) return null;
  const user = await principalOf(ctx.db, row.orgId, row.userId);
  if (!user || user.disabled || user.role === 'vendor_contact') return null;
  // Writing on every request would turn reads into writes; a minute's precision is enough.
  if (!row.lastUsedAt || ctx.now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await repo.markTokenUsed(ctx.db, row.orgId, row.id, ctx.now);
  }
  return actorOf(user, 'token');
}
