import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit, type AuditActor } from '../audit/record.ts';
import { newSecret, sha256 } from '../auth/secrets.ts';
import * as repo from './tokens.repo.ts';

function toToken(t: repo.TokenRow) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
  };
}

export async function listTokens(ctx: Ctx) {
  return (await repo.listTokens(ctx.db, ctx.actor.orgId, ctx.actor.userId)).map(toToken);
}

/** Creates an API token for the actor; the secret is returned here once and stored hashed. */
export async function createToken(
  db: Db,
  actor: AuditActor,
  input: { name: string; expiresInDays?: number | null },
  now: Date,
  requestId: string | null = null,
) {
  const token = newSecret('osk_');
  const row = await db.transaction(async (tx) => {
    const t = await repo.insertToken(tx, {
      orgId: actor.orgId,
      userId: actor.userId,
      name: input.name,
      prefix: token.slice(0, 10),
      tokenHash: sha256(token),
      createdAt: now,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
    });
    await recordAudit(tx, { actor, requestId }, { action: 'token.create', objectType: 'api_token', objectId: t.id, after: t });
    return t;
  });
  return { ...toToken(row), token };
}

export async function revokeToken(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const after = await repo.revokeToken(tx, ctx.actor.orgId, ctx.actor.userId, id, ctx.now);
    if (!after) throw AppError.notFound('The API token');
    await recordAudit(tx, ctx, { action: 'token.revoke', objectType: 'api_token', objectId: id, after });
  });
}
