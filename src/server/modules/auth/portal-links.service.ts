import type { Me } from '../../../shared/contracts/auth.ts';
import type { PublicCtx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { startSession } from './auth.service.ts';
import { countRecentSignInFailures, findPrincipal, recordSignInFailures } from './auth.repo.ts';
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
  const session = await startSession(ctx, { ...user, id: user.userId }, {}, 'link');
  return { ...session, assessmentId: link.assessmentId };
}

const LINK_REQUEST_WINDOW_MS = 60 * 60_000;
const MAX_LINK_REQUESTS_PER_EMAIL = 3;
const MAX_LINK_REQUESTS_PER_ADDRESS = 20;

/**
 * Counts a vendor's "send me a new link" against limits per e-mail and per network address
 * (in the sign-in failures table, under keys of their own), whether or not the e-mail
 * exists, so the limit itself reveals nothing.
 * @returns false when over a limit (nothing is recorded then).
 */
export async function allowPortalLinkRequest(db: Db, p: { email: string; ip: string; now: Date }): Promise<boolean> {
  const since = new Date(p.now.getTime() - LINK_REQUEST_WINDOW_MS);
  const byEmail = `portal-link:email:${p.email.toLowerCase()}`;
  const byAddress = `portal-link:ip:${p.ip}`;
  const [e, a] = await Promise.all([countRecentSignInFailures(db, byEmail, since), countRecentSignInFailures(db, byAddress, since)]);
  if (e >= MAX_LINK_REQUESTS_PER_EMAIL || a >= MAX_LINK_REQUESTS_PER_ADDRESS) return false;
  await recordSignInFailures(db, [byEmail, byAddress], p.now);
  return true;
}
