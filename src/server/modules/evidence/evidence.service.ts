import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { EvidenceMeta } from '../../../shared/contracts/due-diligence.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/record.ts';
import { vendorExists } from '../vendors/vendors.repo.ts';
import * as repo from './evidence.repo.ts';
import { attachmentHeader, cleanFileName, openStored, removeStored, storeUpload } from './evidence.storage.ts';
import { toEvidence } from './evidence.view.ts';

export interface UploadTarget {
  vendorId: string;
  assessmentId?: string | null;
  questionId?: string | null;
}

/** Stores an uploaded document with its own validity dates (not the upload date). */
export async function uploadEvidence(ctx: Ctx, target: UploadTarget, meta: z.output<typeof EvidenceMeta>, file: { name: string; stream: Readable; declaredBytes: number | null }) {
  if (!(await vendorExists(ctx.db, ctx.actor.orgId, target.vendorId))) throw AppError.notFound('The vendor');
  const fileName = cleanFileName(file.name);
  const max = ctx.config.maxUploadBytes;
  if (file.declaredBytes !== null && file.declaredBytes > max) {
    file.stream.resume(); // drain, so the client gets our answer instead of a reset
    throw new AppError('payload_too_large', `The file is larger than ${Math.round(max / 1024 / 1024)} MB.`);
  }
  const stored = await storeUpload(ctx.config.filesDir, ctx.actor.orgId, file.stream, max);
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const r = await repo.insertEvidence(tx, {
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
        createdAt: ctx.now,
      });
      await recordAudit(tx, ctx, { action: 'evidence.upload', objectType: 'evidence', objectId: r.id, after: r });
      return r;
    });
    return toEvidence(row, ctx.now);
  } catch (err) {
    await removeStored(ctx.config.filesDir, ctx.actor.orgId, stored.storageKey);
    throw err;
  }
}

export async function listVendorEvidence(ctx: Ctx, vendorId: string) {
  if (!(await vendorExists(ctx.db, ctx.actor.orgId, vendorId))) throw AppError.notFound('The vendor');
  return (await repo.listEvidence(ctx.db, ctx.actor.orgId, { vendorId })).map((e) => toEvidence(e, ctx.now));
}

/** Opens a document for download; `vendorId` restricts a vendor contact to its own vendor. */
export async function downloadEvidence(ctx: Ctx, id: string, vendorId?: string) {
  const e = await repo.findEvidence(ctx.db, ctx.actor.orgId, id);
  if (!e || (vendorId && e.vendorId !== vendorId)) throw AppError.notFound('The document');
  const { stream, size } = await openStored(ctx.config.filesDir, ctx.actor.orgId, e.storageKey);
  return { stream, size, contentType: e.contentType, disposition: attachmentHeader(e.fileName) };
}

export async function updateEvidenceMeta(ctx: Ctx, id: string, patch: Partial<z.output<typeof EvidenceMeta>>) {
  const row = await ctx.db.transaction(async (tx) => {
    const before = await repo.findEvidence(tx, ctx.actor.orgId, id);
    if (!before) throw AppError.notFound('The document');
    const validFrom = patch.validFrom !== undefined ? patch.validFrom : before.validFrom;
    const validUntil = patch.validUntil !== undefined ? patch.validUntil : before.validUntil;
    if (validFrom && validUntil && validFrom > validUntil) throw AppError.invalid('validUntil', 'Must not end before it starts');
    const after = await repo.updateEvidence(tx, ctx.actor.orgId, id, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
    await recordAudit(tx, ctx, { action: 'evidence.update', objectType: 'evidence', objectId: id, before, after });
    return after;
  });
  return toEvidence(row, ctx.now);
}

export async function deleteEvidence(ctx: Ctx, id: string) {
  const removed = await ctx.db.transaction(async (tx) => {
    const before = await repo.deleteEvidence(tx, ctx.actor.orgId, id);
    if (!before) throw AppError.notFound('The document');
    await recordAudit(tx, ctx, { action: 'evidence.delete', objectType: 'evidence', objectId: id, before });
    return before;
  });
  // The row is gone for good; only then the file goes too.
  await removeStored(ctx.config.filesDir, ctx.actor.orgId, removed.storageKey);
}
