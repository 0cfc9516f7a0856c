import type { PublicCtx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { personIdOfMembership } from './auth.repo.ts';
import * as repo from './security.repo.ts';
import { newSecret, sha256 } from './secrets.ts';

export const PASSWORD_RESET_TTL_MS = 60 * 60_000;
const INVALID = 'This reset link is no longer valid: it was used, it expired, or a newer one was sent. Ask for a new one.';

/** A single-use reset link's token (1 hour); earlier links of the user stop working. */
export async function createPasswordReset(ctx: PublicCtx, user: { userId: string; orgId: string }): Promise<string> {
  const token = newSecret('pr_');
  await repo.expirePasswordResetsOf(ctx.db, user.orgId, user.userId, ctx.now);
  await repo.insertPasswordReset(ctx.db, { orgId: user.orgId, userId: user.userId, tokenHash: sha256(token), createdAt: ctx.now, expiresAt: new Date(ctx.now.getTime() + PASSWORD_RESET_TTL_MS) });
  return token;
}

/** Who a reset token belongs to, if it still works (not yet used up). */
export async function openPasswordReset(ctx: PublicCtx, token: string): Promise<{ id: string; userId: string; orgId: string }> {
  const row = await repo.findPasswordResetForSignIn(ctx.db, sha256(token));
  if (!row || row.usedAt || row.expiresAt.getTime() <= ctx.now.getTime()) throw new AppError('gone', INVALID);
  return { id: row.id, userId: row.userId, orgId: row.orgId };
}

/** Uses the token up; only the first caller wins. */
export async function usePasswordReset(ctx: PublicCtx, reset: { id: string; orgId: string; userId: string }): Promise<void> {
  if (!(await repo.claimPasswordReset(ctx.db, reset.orgId, reset.id, ctx.now))) throw new AppError('gone', INVALID);
  await repo.expirePasswordResetsOf(ctx.db, reset.orgId, reset.userId, ctx.now);
}

/** Ends the sessions of the person behind a membership, in every organisation, but for `keepId` (the one changing its own password). */
export async function endAllSessionsOf(ctx: PublicCtx, orgId: string, userId: string, keepId: string | null = null): Promise<void> {
  const personId = await personIdOfMembership(ctx.db, orgId, userId);
  if (personId) await repo.deleteOtherSessionsOfPerson(ctx.db, personId, keepId);
}
