import { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.ts';
import { InvoiceDocument } from '../../../shared/contracts/costs.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { sendFile, uploadedFile, withRawBody } from '../evidence/evidence.public.ts';
import { attachInvoiceDocument, downloadInvoiceDocument, listInvoiceDocuments } from './invoice-documents.ts';

const tags = ['costs'];
const iid = (p: { id: string }) => parseId(p.id, 'invoice');

/** The invoice as the vendor sent it: a PDF uploaded as the body, listed, downloaded. */
export async function registerInvoiceDocumentRoutes(app: App) {
  app.get('/api/v1/invoices/:id/documents', { config: { access: 'cost.read' }, schema: { tags, summary: "The invoice's PDF copies as the vendor sent them, newest first", params: IdParams, response: { 200: z.object({ items: z.array(InvoiceDocument) }) } } }, (req) =>
    listInvoiceDocuments(ctxOf(req), iid(req.params)),
  );
  app.get(
    '/api/v1/invoices/:id/documents/:documentId/download',
    { config: { access: 'cost.read' }, schema: { tags, summary: "Download an invoice's PDF (always as an attachment)", params: z.object({ id: z.string(), documentId: z.string() }) } },
    async (req, reply) => sendFile(reply, await downloadInvoiceDocument(ctxOf(req), iid(req.params), parseId(req.params.documentId, 'document'))),
  );
  await withRawBody(app, (scope) => {
    scope.post(
      '/api/v1/invoices/:id/documents',
      {
        config: { access: 'cost.write' },
        bodyLimit: 1024 ** 3,
        schema: { tags, summary: "Attach the vendor's PDF of the invoice (the file as the body, its name in the query)", params: IdParams, querystring: z.object({ fileName: z.string().min(1).max(255) }), response: { 201: InvoiceDocument } },
      },
      async (req, reply) => {
        const doc = await attachInvoiceDocument(ctxOf(req), iid(req.params), uploadedFile(req, req.query.fileName));
        reply.status(201);
        return doc;
      },
    );
  });
}
