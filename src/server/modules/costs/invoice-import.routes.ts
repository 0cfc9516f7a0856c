import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvoiceImportQuery, InvoiceImportResult, InvoiceMapping, InvoiceMappingInput } from '../../../shared/contracts/invoice-import.ts';
import { IdParams, OkResponse } from '../../../shared/contracts/common.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { importInvoices } from './import-invoices.ts';
import { deleteInvoiceMapping, listInvoiceMappings, saveInvoiceMapping, updateInvoiceMapping } from './invoice-mappings.ts';

const tags = ['costs'];

/** Invoice import from an accounting export (the file as the body), and the mappings saved by name. */
export async function registerInvoiceImportRoutes(app: App) {
  app.get('/api/v1/invoice-mappings', { config: { access: 'cost.read' }, schema: { tags, summary: 'Saved invoice import mappings, by name', response: { 200: z.object({ items: z.array(InvoiceMapping) }) } } }, (req) =>
    listInvoiceMappings(ctxOf(req)),
  );
  app.put('/api/v1/invoice-mappings', { config: { access: 'cost.write' }, schema: { tags, summary: 'Save an invoice import mapping under its name (replacing one of that name)', body: InvoiceMappingInput, response: { 200: InvoiceMapping } } }, (req) =>
    saveInvoiceMapping(ctxOf(req), req.body),
  );
  app.put(
    '/api/v1/invoice-mappings/:id',
    { config: { access: 'cost.write' }, schema: { tags, summary: 'Edit a saved invoice import mapping: its columns, and its name if another is given', params: IdParams, body: InvoiceMappingInput, response: { 200: InvoiceMapping } } },
    (req) => updateInvoiceMapping(ctxOf(req), parseId(req.params.id, 'invoice mapping'), req.body),
  );
  app.delete('/api/v1/invoice-mappings/:id', { config: { access: 'cost.write' }, schema: { tags, summary: 'Delete a saved invoice import mapping', params: IdParams, response: { 200: OkResponse } } }, async (req) => {
    await deleteInvoiceMapping(ctxOf(req), parseId(req.params.id, 'invoice mapping'));
    return { ok: true as const };
  });
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/gzip'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/v1/invoices/import',
      {
        config: { access: 'cost.write' },
        bodyLimit: 20 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Import invoices from an accounting export (CSV or XLSX; all or nothing; every check runs)',
          description: 'Send the file as the body (text/csv, or the .xlsx type or application/octet-stream for a workbook); name a saved mapping. With dryRun=true nothing is stored and the answer lists the invoices and their failing checks.',
          querystring: InvoiceImportQuery,
          response: { 200: InvoiceImportResult },
        },
      },
      async (req) => {
        const body = req.body;
        const buf = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : '');
        return importInvoices(ctxOf(req), buf, { mapping: req.query.mapping, dryRun: req.query.dryRun === 'true', fileName: req.query.fileName ?? null });
      },
    );
  });
}
