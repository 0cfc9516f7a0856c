import type { Readable } from 'node:stream';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { attachmentHeader, cleanFileName, openStored, removeStored, storeDocument, type UploadedFile } from '../evidence/evidence.public.ts';
import { contractPolicy } from './contracts.policy.ts';
import * as repo from './contracts.repo.ts';

/** Signed contracts are PDFs or Word documents, decided from the content (magic bytes), not the name. */
const SIGNED_TYPES = new Set(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);

const present = (r: { doc: repo.DocumentRow; uploadedByName: string | null }) => ({
  id: r.doc.id,
  contractId: r.doc.contractId,
  version: r.doc.version,
  fileName: r.doc.fileName,
  contentType: r.doc.contentType,
  sizeBytes: r.doc.sizeBytes,
  uploadedByName: r.uploadedByName,
  uploadedAt: r.doc.createdAt.toISOString(),
});

export async function listDocuments(ctx: Ctx, contractId: string) {
  contractPolicy.authorize(ctx.actor, 'read', await repo.findContractRow(ctx.db, ctx.actor.orgId, contractId));
  return { items: (await repo.documentsOf(ctx.db, ctx.actor.orgId, contractId)).map(present) };
}

/** A new version of the contract's signed document, stored like evidence (size cap, type from content). */
export async function uploadDocument(ctx: Ctx, contractId: string, file: UploadedFile) {
  contractPolicy.check(ctx.actor, 'notice');
  const contract = contractPolicy.authorize(ctx.actor, 'notice', await repo.findContractRow(ctx.db, ctx.actor.orgId, contractId));
  const fileName = cleanFileName(file.name);
  const stored = await storeDocument(ctx.config.filesDir, ctx.actor.orgId, file, ctx.config.maxUploadBytes, SIGNED_TYPES, 'A signed contract must be a PDF or a Word document (.docx).');
  try {
    const row = await change(ctx, async (tx) => {
      const r = await repo.insertDocument(tx.db, { orgId: ctx.actor.orgId, contractId, fileName, contentType: stored.contentType, sizeBytes: stored.sizeBytes, storageKey: stored.storageKey, uploadedBy: ctx.actor.userId, createdAt: ctx.now });
      await tx.audit({ action: 'contract_document.upload', objectType: 'contract', objectId: contractId, objectLabel: contract.title, after: r });
      return r;
    });
    return present({ doc: row, uploadedByName: ctx.actor.name });
  } catch (err) {
    await removeStored(ctx.config.filesDir, ctx.actor.orgId, stored.storageKey);
    throw err;
  }
}

export async function downloadDocument(ctx: Ctx, contractId: string, id: string): Promise<{ stream: Readable; size: number; contentType: string; disposition: string }> {
  contractPolicy.authorize(ctx.actor, 'read', await repo.findContractRow(ctx.db, ctx.actor.orgId, contractId));
  const doc = await repo.findDocument(ctx.db, ctx.actor.orgId, contractId, id);
  if (!doc) throw AppError.notFound('The document');
  const f = await openStored(ctx.config.filesDir, ctx.actor.orgId, doc.storageKey);
  return { ...f, contentType: doc.contentType, disposition: attachmentHeader(doc.fileName) };
}
