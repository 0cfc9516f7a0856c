import type { Readable } from 'node:stream';
import type { InvoiceDocument } from '../../../shared/contracts/costs.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { attachmentHeader, cleanFileName, openStored, removeStored, storeDocument, type UploadedFile } from '../evidence/evidence.public.ts';
import { invoicePolicy } from './costs.policy.ts';
import { invoiceInWords } from './costs.presenter.ts';
import * as repo from './costs.repo.ts';
import * as docs from './invoice-documents.repo.ts';

/** An invoice's copy is a PDF, decided from the content (magic bytes), not the name. */
const NOT_A_PDF = 'An invoice must be attached as a PDF.';
const PDF_ONLY = new Set(['application/pdf']);

const present = (r: { doc: docs.InvoiceDocumentRow; uploadedByName: string | null }): InvoiceDocument => ({
  id: r.doc.id,
  invoiceId: r.doc.invoiceId,
  fileName: r.doc.fileName,
  contentType: r.doc.contentType,
  sizeBytes: r.doc.sizeBytes,
  uploadedByName: r.uploadedByName,
  uploadedAt: r.doc.createdAt.toISOString(),
});

export async function listInvoiceDocuments(ctx: Ctx, invoiceId: string): Promise<{ items: InvoiceDocument[] }> {
  invoicePolicy.check(ctx.actor, 'read');
  invoicePolicy.authorize(ctx.actor, 'read', (await repo.findInvoice(ctx.db, ctx.actor.orgId, invoiceId))?.invoice);
  return { items: (await docs.documentsOfInvoice(ctx.db, ctx.actor.orgId, invoiceId)).map(present) };
}

/** The vendor's PDF of the invoice, stored like evidence (size cap, type from content); a corrected copy is added beside the first. */
export async function attachInvoiceDocument(ctx: Ctx, invoiceId: string, file: UploadedFile): Promise<InvoiceDocument> {
  invoicePolicy.check(ctx.actor, 'attach');
  const found = await repo.findInvoice(ctx.db, ctx.actor.orgId, invoiceId);
  const invoice = invoicePolicy.authorize(ctx.actor, 'attach', found?.invoice);
  const fileName = cleanFileName(file.name);
  const stored = await storeDocument(ctx.config.filesDir, ctx.actor.orgId, file, ctx.config.maxUploadBytes, PDF_ONLY, NOT_A_PDF);
  try {
    const row = await change(ctx, async (tx) => {
      const r = await docs.insertInvoiceDocument(tx.db, { orgId: ctx.actor.orgId, invoiceId, fileName, contentType: stored.contentType, sizeBytes: stored.sizeBytes, storageKey: stored.storageKey, uploadedBy: ctx.actor.userId, createdAt: ctx.now });
      await tx.audit({ action: 'invoice_document.upload', objectType: 'invoice', objectId: invoiceId, objectLabel: invoiceInWords(invoice, found!.vendorName), after: r });
      return r;
    });
    return present({ doc: row, uploadedByName: ctx.actor.name });
  } catch (err) {
    await removeStored(ctx.config.filesDir, ctx.actor.orgId, stored.storageKey);
    throw err;
  }
}

export async function downloadInvoiceDocument(ctx: Ctx, invoiceId: string, id: string): Promise<{ stream: Readable; size: number; contentType: string; disposition: string }> {
  invoicePolicy.check(ctx.actor, 'read');
  invoicePolicy.authorize(ctx.actor, 'read', (await repo.findInvoice(ctx.db, ctx.actor.orgId, invoiceId))?.invoice);
  const doc = await docs.findInvoiceDocument(ctx.db, ctx.actor.orgId, invoiceId, id);
  if (!doc) throw AppError.notFound('The document');
  const f = await openStored(ctx.config.filesDir, ctx.actor.orgId, doc.storageKey);
  return { ...f, contentType: doc.contentType, disposition: attachmentHeader(doc.fileName) };
}
