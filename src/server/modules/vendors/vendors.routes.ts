import { z } from 'zod';
import { IdParams, Page } from '../../../shared/contracts/common.ts';
import { Vendor, VendorImportResult, VendorInput, VendorListQuery, VendorUpdate } from '../../../shared/contracts/vendors.ts';
import { ctxOf } from '../../http/ctx.ts';
import type { App } from '../../http/types.ts';
import { parseId } from '../../http/ids.ts';
import { vendorsToCsv } from './vendors.csv.ts';
import { importVendors } from './import-vendors.ts';
import * as service from './vendors.service.ts';

const tags = ['vendors'];
const read = { access: 'vendor.read' } as const;
const write = { access: 'vendor.write' } as const;

export function registerVendorRoutes(app: App) {
  app.get('/api/v1/vendors', { config: read, schema: { tags, summary: 'List vendors', querystring: VendorListQuery, response: { 200: Page(Vendor) } } }, (req) =>
    service.listVendors(ctxOf(req), req.query),
  );

  app.post('/api/v1/vendors', { config: write, schema: { tags, summary: 'Create a vendor', body: VendorInput, response: { 201: Vendor } } }, async (req, reply) => {
    reply.status(201);
    return service.createVendor(ctxOf(req), req.body);
  });

  app.get('/api/v1/vendors/tags', { config: read, schema: { tags, summary: 'All tags in use', response: { 200: z.object({ items: z.array(z.string()) }) } } }, async (req) => ({
    items: await service.listVendorTags(ctxOf(req)),
  }));

  app.get(
    '/api/v1/vendors/export.csv',
    { config: read, schema: { tags, summary: 'Export vendors as CSV (formula-safe)', querystring: VendorListQuery.omit({ cursor: true, limit: true }) } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const all = await service.allVendors(ctx, req.query);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="vendors-${ctx.now.toISOString().slice(0, 10)}.csv"`);
      return vendorsToCsv(all);
    },
  );

  app.post(
    '/api/v1/vendors/import',
    {
      config: write,
      bodyLimit: 10 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import vendors from CSV (all or nothing)',
        description: 'Send the file as the body with Content-Type text/csv. Rows match existing vendors by name.',
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
        response: { 200: VendorImportResult },
      },
    },
    async (req) => {
      const body = req.body;
      const buf = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : '');
      return importVendors(ctxOf(req), buf, { dryRun: req.query.dryRun === 'true' });
    },
  );

  app.get('/api/v1/vendors/:id', { config: read, schema: { tags, summary: 'Get a vendor', params: IdParams, response: { 200: Vendor } } }, (req) =>
    service.getVendor(ctxOf(req), parseId(req.params.id, 'vendor')),
  );

  app.patch('/api/v1/vendors/:id', { config: write, schema: { tags, summary: 'Edit a vendor', params: IdParams, body: VendorUpdate, response: { 200: Vendor } } }, (req) =>
    service.updateVendor(ctxOf(req), parseId(req.params.id, 'vendor'), req.body),
  );

  app.post('/api/v1/vendors/:id/archive', { config: write, schema: { tags, summary: 'Archive a vendor', params: IdParams, response: { 200: Vendor } } }, (req) =>
    service.setVendorArchived(ctxOf(req), parseId(req.params.id, 'vendor'), true),
  );

  app.post('/api/v1/vendors/:id/restore', { config: write, schema: { tags, summary: 'Restore an archived vendor', params: IdParams, response: { 200: Vendor } } }, (req) =>
    service.setVendorArchived(ctxOf(req), parseId(req.params.id, 'vendor'), false),
  );
}
