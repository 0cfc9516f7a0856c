import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { invoiceDocuments, users } from '../../db/schema.ts';

export type InvoiceDocumentRow = typeof invoiceDocuments.$inferSelect;

export async function documentsOfInvoice(db: Db, orgId: string, invoiceId: string): Promise<Array<{ doc: InvoiceDocumentRow; uploadedByName: string | null }>> {
  const uploader = alias(users, 'invoice_document_uploader');
  return db
    .select({ doc: invoiceDocuments, uploadedByName: uploader.name })
    .from(invoiceDocuments)
    .leftJoin(uploader, eq(uploader.id, invoiceDocuments.uploadedBy))
    .where(and(eq(invoiceDocuments.orgId, orgId), eq(invoiceDocuments.invoiceId, invoiceId)))
    .orderBy(desc(invoiceDocuments.createdAt), desc(invoiceDocuments.id));
}

export async function findInvoiceDocument(db: Db, orgId: string, invoiceId: string, id: string): Promise<InvoiceDocumentRow | null> {
  const rows = await db
    .select()
    .from(invoiceDocuments)
    .where(and(eq(invoiceDocuments.orgId, orgId), eq(invoiceDocuments.invoiceId, invoiceId), eq(invoiceDocuments.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertInvoiceDocument(db: Db, row: typeof invoiceDocuments.$inferInsert): Promise<InvoiceDocumentRow> {
  const [created] = await db.insert(invoiceDocuments).values(row).returning();
  return created;
}
