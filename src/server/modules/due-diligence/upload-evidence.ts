import type { z } from 'zod';
import type { Evidence, EvidenceMeta } from '../../../shared/contracts/due-diligence.ts';
import type { Ctx } from '../../context.ts';
import { referenceAssessmentForEvidence } from '../assessments/assessments.public.ts';
import { uploadEvidence, type UploadedFile } from '../evidence/evidence.public.ts';

/**
 * The client files a document under a vendor, maybe for one of that vendor's
 * assessments. The assessment goes through its own policy first: another organisation's,
 * another vendor's or an unknown one is an invalid field, never a 201 or a 500.
 */
export async function uploadVendorEvidence(
  ctx: Ctx,
  target: { vendorId: string; assessmentId?: string; questionId?: string; sharedWithVendor?: boolean },
  meta: z.output<typeof EvidenceMeta>,
  file: UploadedFile,
): Promise<Evidence> {
  if (target.assessmentId) await referenceAssessmentForEvidence(ctx, target.assessmentId, target.vendorId, "Choose one of this vendor's assessments.");
  return uploadEvidence(ctx, target, meta, file);
}
