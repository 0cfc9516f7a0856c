import type { Evidence } from '../../../shared/contracts/due-diligence.ts';
import type { EvidenceRow } from './evidence.repo.ts';

const DAY = 86_400_000;

/** The evidence's own validity decides; the upload date never does. */
export function validityOf(validUntil: string | null, now: Date): Evidence['validity'] {
  if (!validUntil) return 'undated';
  const today = now.toISOString().slice(0, 10);
  if (validUntil < today) return 'expired';
  const in60 = new Date(now.getTime() + 60 * DAY).toISOString().slice(0, 10);
  return validUntil <= in60 ? 'expiring' : 'valid';
}

/** One piece of evidence as the API answers it, to the client's users and (the same fields) to the vendor. */
export function presentEvidence(e: EvidenceRow & { fromVendor: boolean }, now: Date): Evidence {
  return {
    id: e.id,
    vendorId: e.vendorId,
    assessmentId: e.assessmentId,
    questionId: e.questionId,
    type: e.type,
    title: e.title,
    issuer: e.issuer,
    scope: e.scope,
    validFrom: e.validFrom,
    validUntil: e.validUntil,
    fileName: e.fileName,
    contentType: e.contentType,
    sizeBytes: e.sizeBytes,
    uploadedAt: e.createdAt.toISOString(),
    sharedWithVendor: e.sharedWithVendor,
    fromVendor: e.fromVendor,
    validity: validityOf(e.validUntil, now),
  };
}
