import type { z } from 'zod';
import type { Evidence, EvidenceMeta } from '../../../shared/contracts/due-diligence.ts';
import type { PortalHome } from '../../../shared/contracts/portal.ts';
import type { Ctx, PublicCtx } from '../../context.ts';
import type { MailContext } from '../../mail/mailer.ts';
import { allowPortalLinkRequest, membershipsByEmailForSignIn } from '../auth/auth.public.ts';
import { AppError } from '../../http/app-error.ts';
import { listVendorRequests, mailReturnLink, referenceAssessmentForEvidence } from '../assessments/assessments.public.ts';
import { orgName } from '../org/org.public.ts';
import { uploadEvidence, type UploadedFile } from '../evidence/evidence.public.ts';
import { getVendor } from '../vendors/vendors.public.ts';

function ownVendorId(ctx: Ctx): string {
  if (!ctx.actor.vendorId) throw AppError.notFound('Your vendor');
  return ctx.actor.vendorId;
}

/** The portal's home: the contact's vendor, the client's name and the vendor's requests. */
export async function portalHome(ctx: Ctx): Promise<z.output<typeof PortalHome>> {
  const vendor = await getVendor(ctx, ownVendorId(ctx));
  return { vendor: { id: vendor.id, name: vendor.name }, org: { name: await orgName(ctx.db, ctx.actor.orgId) }, requests: await listVendorRequests(ctx) };
}

/**
 * A document the vendor uploads for itself, optionally for one answer of one of its
 * requests (which must be its own and still open, by the assessment's policy).
 */
export async function uploadPortalEvidence(ctx: Ctx, target: { assessmentId?: string; questionId?: string }, meta: z.output<typeof EvidenceMeta>, file: UploadedFile): Promise<Evidence> {
  const vendorId = ownVendorId(ctx);
  if (target.assessmentId) await referenceAssessmentForEvidence(ctx, target.assessmentId, vendorId, 'Not one of your questionnaires.');
  return uploadEvidence(ctx, { vendorId, ...target }, meta, file);
}

/** What a returning vendor is told, whether or not the address is known: the answer must not reveal who has an account. */
export const FRESH_LINK_SENT = 'If this address belongs to a vendor contact with an open questionnaire, a new link is on its way. It can take a few minutes.';

/**
 * A vendor whose link was used or expired asks for a new one. It goes only to the
 * registered address of an active vendor contact, never to whoever asked; limited per
 * e-mail and per network address.
 */
export async function requestFreshLink(ctx: PublicCtx, input: { email: string; ip: string }, mail: MailContext): Promise<{ ok: true; message: string }> {
  if (!(await allowPortalLinkRequest(ctx.db, { email: input.email, ip: input.ip, now: ctx.now }))) {
    throw new AppError('rate_limited', 'Too many requests for a new link. Wait an hour and try again, or ask your contact at the client.');
  }
  // A contact serving several clients gets one link per client: each opens that client's portal only.
  for (const who of await membershipsByEmailForSignIn(ctx.db, input.email)) {
    if (who.role === 'vendor_contact' && !who.disabled) await mailReturnLink(ctx.db, mail, { orgId: who.orgId, userId: who.userId, email: who.email }, ctx.now);
  }
  return { ok: true, message: FRESH_LINK_SENT };
}
