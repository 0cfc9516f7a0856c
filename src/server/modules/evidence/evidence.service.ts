import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { Evidence, EvidenceListQuery, EvidenceMeta, EvidenceUpdate } from '../../../shared/contracts/due-diligence.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { requireVendor } from '../vendors/vendors.public.ts';
import { evidencePolicy } from './evidence.policy.ts';
import { presentEvidence } from './evidence.presenter.ts';
import * as repo from './evidence.repo.ts';
import { attachmentHeader, cleanFileName, openStored, removeStored, storeUpload } from './evidence.storage.ts';

/**
 * Where an upload goes. `assessmentId` must already have passed the assessment's own
 * policy (the assessments module sits above this one): the due-diligence and portal
 * modules reference it before they call here.
 */
export interface UploadTarget {
  vendorId: string;
  assessmentId?: string | null;
  questionId?: string | null;
  /** The client's choice; a vendor contact's own upload is always shared with its vendor. */
  sharedWithVendor?: boolean;
}

export interface UploadedFile {
  name: string;
  stream: Readable;
  declaredBytes: number | null;
}

/** One page of a vendor's evidence, newest first (the client's view: all of it). */
export async function listVendorEvidence(ctx: Ctx, vendorId: string, q: z.output<typeof EvidenceListQuery>) {
  evidencePolicy.check(ctx.actor, 'list');
  await requireVendor(ctx, 'read', vendorId);
  const present = (e: repo.EvidenceItem) => presentEvidence(e, ctx.now);
  return keysetPage(q, repo.EVIDENCE_SORT, (after, limit) => repo.listVendorEvidence(ctx.db, ctx.actor.orgId, vendorId, { sharedOnly: false }, after, limit), present);
}

/** One page of what a vendor contact may see of its vendor's evidence: what is shared with the vendor. */
export async function listSharedEvidence(ctx: Ctx, q: z.output<typeof EvidenceListQuery>) {
  evidencePolicy.check(ctx.actor, 'listShared');
  if (!ctx.actor.vendorId) throw AppError.notFound('Your vendor');
  const vendor = await requireVendor(ctx, 'read', ctx.actor.vendorId);
  const present = (e: repo.EvidenceItem) => presentEvidence(e, ctx.now);
  return keysetPage(q, repo.EVIDENCE_SORT, (after, limit) => repo.listVendorEvidence(ctx.db, ctx.actor.orgId, vendor.id, { sharedOnly: true }, after, limit), present);
}

/** Evidence attached to an assessment the caller has already been allowed to read, as far as the caller may see it. */
export async function evidenceOfAssessment(ctx: Ctx, assessmentId: string): Promise<Evidence[]> {
  const rows = await repo.listAssessmentEvidence(ctx.db, ctx.actor.orgId, assessmentId);
  return rows.filter((e) => evidencePolicy.can(ctx.actor, 'read', e)).map((e) => presentEvidence(e, ctx.now));
}

/** Stores an uploaded document with its own validity dates (not the upload date). */
export async function uploadEvidence(ctx: Ctx, target: UploadTarget, meta: z.output<typeof EvidenceMeta>, file: UploadedFile): Promise<Evidence> {
  evidencePolicy.check(ctx.actor, 'upload');
  // A vendor contact uploads for its own vendor only; another vendor is "not found".
  await requireVendor(ctx, 'read', target.vendorId);
  const fileName = cleanFileName(file.name);
  const max = ctx.config.maxUploadBytes;
  if (file.declaredBytes !== null && file.declaredBytes > max) {
    file.stream.resume(); // drain, so the client gets our answer instead of a reset
    throw new AppError('payload_too_large', `The file is larger than ${Math.round(max / 1024 / 1024)} MB.`);
  }
  // A vendor's contacts share one upload quota; the client's own uploads do not count.
  const quota = ctx.actor.role === 'vendor_contact' ? ctx.config.vendorUploadQuotaBytes : null;
  const used = quota === null ? 0 : await repo.vendorUploadedBytes(ctx.db, ctx.actor.orgId, target.vendorId);
  if (quota !== null && used + (file.declaredBytes ?? 0) > quota) {
    file.stream.resume();
    throw quotaExceeded(quota, used);
  }
  const stored = await storeUpload(ctx.config.filesDir, ctx.actor.orgId, file.stream, max);
  if (quota !== null && used + stored.sizeBytes > quota) {
    await removeStored(ctx.config.filesDir, ctx.actor.orgId, stored.storageKey);
    throw quotaExceeded(quota, used);
  }
  try {
    const row = await change(ctx, async (tx) => {
      const r = await repo.insertEvidence(tx.db, {
        orgId: ctx.actor.orgId,
        vendorId: target.vendorId,
        assessmentId: target.assessmentId ?? null,
        questionId: target.questionId ?? null,
        type: meta.type,
        title: meta.title,
        issuer: meta.issuer ?? null,
        scope: meta.scope ?? null,
        validFrom: meta.validFrom ?? null,
        validUntil: meta.validUntil ?? null,
        fileName,
        ...stored,
        uploadedBy: ctx.actor.userId,
        sharedWithVendor: ctx.actor.role === 'vendor_contact' || target.sharedWithVendor === true,
        createdAt: ctx.now,
      });
      await tx.audit({ action: 'evidence.upload', objectType: 'evidence', objectId: r.id, after: r });
      return r;
    });
    return presentEvidence({ ...row, fromVendor: ctx.actor.role === 'vendor_contact' }, ctx.now);
  } catch (err) {
    await removeStored(ctx.config.filesDir, ctx.actor.orgId, stored.storageKey);
    throw err;
  }
}

const mb = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`);
function quotaExceeded(quota: number, used: number) {
  return new AppError('quota_exceeded', `Your uploads for this client are limited to ${mb(quota)} in all and ${mb(used)} is used. Ask your contact at the client to remove documents that are no longer needed or to raise the limit.`, {
    quotaBytes: quota,
    usedBytes: used,
  });
}

/** Opens a document for download, if the caller may see it. */
export async function downloadEvidence(ctx: Ctx, id: string) {
  const e = evidencePolicy.authorize(ctx.actor, 'read', await repo.findEvidence(ctx.db, ctx.actor.orgId, id));
  const { stream, size } = await openStored(ctx.config.filesDir, ctx.actor.orgId, e.storageKey);
  return { stream, size, contentType: e.contentType, disposition: attachmentHeader(e.fileName) };
}

export async function updateEvidenceMeta(ctx: Ctx, id: string, patch: z.output<typeof EvidenceUpdate>): Promise<Evidence> {
  evidencePolicy.check(ctx.actor, 'update');
  const row = await change(ctx, async (tx) => {
    const before = evidencePolicy.authorize(ctx.actor, 'update', await repo.lockEvidence(tx.db, ctx.actor.orgId, id));
    const validFrom = patch.validFrom !== undefined ? patch.validFrom : before.validFrom;
    const validUntil = patch.validUntil !== undefined ? patch.validUntil : before.validUntil;
    if (validFrom && validUntil && validFrom > validUntil) throw AppError.invalid('validUntil', 'Must not end before it starts');
    // What the vendor uploaded in its portal is its own: it cannot be hidden from it.
    if (patch.sharedWithVendor === false && before.fromVendor) {
      throw new AppError('conflict', 'The vendor uploaded this document in its portal, so it stays visible to the vendor. Delete it if it should go.');
    }
    const after = await repo.updateEvidence(tx.db, ctx.actor.orgId, id, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
    await tx.audit({ action: 'evidence.update', objectType: 'evidence', objectId: id, before, after });
    return { ...after, fromVendor: before.fromVendor };
  });
  return presentEvidence(row, ctx.now);
}

export async function deleteEvidence(ctx: Ctx, id: string): Promise<void> {
  evidencePolicy.check(ctx.actor, 'delete');
  const removed = await change(ctx, async (tx) => {
    const before = evidencePolicy.authorize(ctx.actor, 'delete', await repo.lockEvidence(tx.db, ctx.actor.orgId, id));
    await repo.deleteEvidence(tx.db, ctx.actor.orgId, id);
    await tx.audit({ action: 'evidence.delete', objectType: 'evidence', objectId: id, before });
    return before;
  });
  // The row is gone for good; only then the file goes too.
  await removeStored(ctx.config.filesDir, ctx.actor.orgId, removed.storageKey);
}

/**
 * Evidence ids named in a file answer, checked in one query: each must be evidence the
 * caller may see, of the assessment's vendor; otherwise the answer's field is invalid.
 */
export async function referenceEvidence(ctx: Ctx, ids: readonly string[], vendorId: string, field = 'value'): Promise<void> {
  const message = 'Attach documents you uploaded for this questionnaire.';
  const found = new Map((await repo.findEvidenceByIds(ctx.db, ctx.actor.orgId, ids)).map((e) => [e.id, e]));
  for (const id of ids) {
    const e = evidencePolicy.reference(ctx.actor, 'attach', found.get(id), field, message);
    if (e.vendorId !== vendorId) throw AppError.invalid(field, message);
  }
}

/**
 * Evidence expiring in [since, until] for the overview, soonest first, at most `cap`;
 * `truncated` says when there was more.
 */
export async function expiringEvidence(ctx: Ctx, since: string, until: string, cap: number) {
  evidencePolicy.check(ctx.actor, 'list');
  const rows = await repo.listExpiringEvidence(ctx.db, ctx.actor.orgId, since, until, cap + 1);
  return { items: rows.slice(0, cap).map((r) => ({ ...presentEvidence(r.evidence, ctx.now), vendorName: r.vendorName })), truncated: rows.length > cap };
}

/** For the reminder job, which sweeps every organisation: evidence expiring in [since, until] with who owns its vendor. */
export function evidenceExpiringAcrossOrgs(ctx: Pick<Ctx, 'db'>, since: string, until: string) {
  return repo.evidenceExpiringAcrossOrgs(ctx.db, since, until);
}

/** For the risk module: per vendor and document type, the dated document valid longest (the client's view). */
export async function longestValidEvidence(ctx: Ctx) {
  evidencePolicy.check(ctx.actor, 'list');
  const rows = await repo.longestValidByVendorAndType(ctx.db, ctx.actor.orgId);
  return rows.map((r) => ({ ...r, validUntil: r.validUntil! }));
}
