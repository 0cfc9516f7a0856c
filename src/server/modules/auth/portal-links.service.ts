import type { Me } from '../../../shared/contracts/auth.ts';
import type { PublicCtx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { startSession } from './auth.service.ts';
import { findPrincipal } from './auth.repo.ts';
import { newSecret, sha256 } from './secrets.ts';
import * as repo from './portal-links.repo.ts';

export const PORTAL_LINK_TTL_MS = 14 * 86_400_000;

/** A single-use, expiring link that signs a vendor contact in to the portal without a password. */
export async function createPortalLink(db: Db, p: { orgId: string; userId: string; assessmentId: string | null; now: Date; baseUrl: string }) {
  const token = newSecret('pl_');
  await repo.insertPortalLink(db, { orgId: p.orgId, userId: p.userId, assessmentId: p.assessmentId, tokenHash: sha256(token), createdAt: p.now, expiresAt: new Date(p.now.getTime() + PORTAL_LINK_TTL_MS) });
  const path = p.assessmentId ? `/portal/link/${token}?assessment=${p.assessmentId}` : `/portal/link/${token}`;
  return { token, url: `${p.baseUrl}${path}` };
}

/** Opens a portal session from a link: refused when unknown, used, expired or the contact is disabled. */
export async function usePortalLink(ctx: PublicCtx, token: string): Promise<{ secret: string; me: Me; assessmentId: string | null }> {
  const link = await repo.findPortalLinkForSignIn(ctx.db, sha256(token));
  if (!link) throw AppError.notFound('The portal link');
  if (link.usedAt) throw new AppError('gone', 'This link was already used. Ask for a new one, or sign in.');
  if (link.expiresAt.getTime() <= ctx.now.getTime()) throw new AppError('gone', 'This link has expired. Ask for a new one, or sign in.');
  const user = await findPrincipal(ctx.db, link.orgId, link.userId);
  if (!user || user.disabledAt || user.role !== 'vendor_contact') throw new AppError('gone', 'This link no longer works.');
  if (!(await repo.claimPortalLink(ctx.db, link.orgId, link.id, ctx.now))) throw new AppError('gone', 'This link was already used. Ask for a new one, or sign in.');
  const session = await startSession(ctx, { ...user, id: user.userId });
  return { ...session, assessmentId: link.assessmentId };
}
