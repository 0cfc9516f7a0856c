import type { z } from 'zod';
import type { Evidence, EvidenceMeta } from '../../../shared/contracts/due-diligence.ts';
import type { PortalHome } from '../../../shared/contracts/portal.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { listVendorRequests, referenceAssessmentForEvidence } from '../assessments/assessments.public.ts';
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
