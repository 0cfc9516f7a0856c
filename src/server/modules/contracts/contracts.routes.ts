import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, OkResponse } from '../../../shared/contracts/common.ts';
import {
  Contract,
  ContractInput,
  ContractListQuery,
  ContractPage,
  ContractSettings,
  ContractSettingsInput,
  ContractDocument,
  ContractImportResult,
  ContractUpdate,
  CustomKeyDate,
  CustomKeyDateInput,
  KeyDatesQuery,
  KeyDatesView,
  NoticeInput,
  NoticeKindEnum,
} from '../../../shared/contracts/contracts.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { sendFile, uploadedFile, withRawBody } from '../evidence/evidence.public.ts';
import * as service from './contracts.service.ts';
import { importContracts } from './import-contracts.ts';
import { downloadDocument, listDocuments, uploadDocument } from './documents.ts';
import { addCustomDate, keyDatesView, listCustomDates, removeCustomDate } from './key-dates.ts';
import { noticeLetter, recordNotice } from './notice.ts';
import { getContractSettings, updateContractSettings } from './settings.ts';

const tags = ['contracts'];
const read = { access: 'contract.read' } as const;
const write = { access: 'contract.write' } as const;

export async function registerContractRoutes(app: App) {
  app.get('/api/v1/contracts', { config: read, schema: { tags, summary: 'List contracts', querystring: ContractListQuery, response: { 200: ContractPage } } }, (req) =>
    service.listContracts(ctxOf(req), req.query),
  );
  app.post('/api/v1/contracts', { config: write, schema: { tags, summary: 'Create a contract', body: ContractInput, response: { 201: Contract } } }, async (req, reply) => {
    reply.status(201);
    return service.createContract(ctxOf(req), req.body);
  });
  // The spreadsheet as the body: CSV (text/csv) or a workbook (its own type, or application/octet-stream).
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/gzip'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/v1/contracts/import',
      {
        config: write,
        bodyLimit: 10 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Import contracts from a spreadsheet (CSV or XLSX; all or nothing)',
          description:
            'Send the file as the body (Content-Type text/csv, or the .xlsx type or application/octet-stream for a workbook). Vendors, parents, the internal owner and engagements are named, not given by id. With dryRun=true nothing is stored and the answer lists what would be created.',
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false'), fileName: z.string().max(300).optional() }),
          response: { 200: ContractImportResult },
        },
      },
      async (req) => {
        const body = req.body;
        const buf = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : '');
        return importContracts(ctxOf(req), buf, { dryRun: req.query.dryRun === 'true', fileName: req.query.fileName ?? null });
      },
    );
  });
  app.get(
    '/api/v1/contracts/key-dates',
    { config: read, schema: { tags, summary: 'Key dates across all contracts in a window (default: the next 90 days)', querystring: KeyDatesQuery, response: { 200: KeyDatesView } } },
    (req) => keyDatesView(ctxOf(req), req.query),
  );
  app.get('/api/v1/contracts/settings', { config: read, schema: { tags, summary: 'Lead time, reminder offsets and calendar for contract key dates', response: { 200: ContractSettings } } }, (req) =>
    getContractSettings(ctxOf(req)),
  );
  app.put(
    '/api/v1/contracts/settings',
    { config: { access: 'org.manage' }, schema: { tags, summary: 'Set the lead time, reminder offsets and calendar', body: ContractSettingsInput, response: { 200: ContractSettings } } },
    (req) => updateContractSettings(ctxOf(req), req.body),
  );
  app.get('/api/v1/contracts/:id', { config: read, schema: { tags, summary: 'Get a contract with its key dates', params: IdParams, response: { 200: Contract } } }, (req) =>
    service.getContract(ctxOf(req), parseId(req.params.id, 'contract')),
  );
  app.patch('/api/v1/contracts/:id', { config: write, schema: { tags, summary: 'Edit a contract', params: IdParams, body: ContractUpdate, response: { 200: Contract } } }, (req) =>
    service.updateContract(ctxOf(req), parseId(req.params.id, 'contract'), req.body),
  );
  app.post('/api/v1/contracts/:id/archive', { config: write, schema: { tags, summary: 'Archive a contract', params: IdParams, response: { 200: Contract } } }, (req) =>
    service.setContractArchived(ctxOf(req), parseId(req.params.id, 'contract'), true),
  );
  app.post('/api/v1/contracts/:id/restore', { config: write, schema: { tags, summary: 'Restore a contract', params: IdParams, response: { 200: Contract } } }, (req) =>
    service.setContractArchived(ctxOf(req), parseId(req.params.id, 'contract'), false),
  );
  app.post('/api/v1/contracts/:id/notice', { config: write, schema: { tags, summary: 'Record that notice was given', params: IdParams, body: NoticeInput, response: { 200: Contract } } }, (req) =>
    recordNotice(ctxOf(req), parseId(req.params.id, 'contract'), req.body),
  );
  app.get(
    '/api/v1/contracts/:id/notice-letter',
    {
      config: read,
      schema: { tags, summary: 'A notice letter (Markdown) built from the contract', params: IdParams, querystring: z.object({ kind: NoticeKindEnum.default('non_renewal') }), response: { 200: z.string() } },
    },
    async (req, reply) => {
      const letter = await noticeLetter(ctxOf(req), parseId(req.params.id, 'contract'), req.query.kind);
      reply.header('content-type', 'text/markdown; charset=utf-8').header('content-disposition', `attachment; filename="${letter.fileName}"`);
      return letter.text;
    },
  );
  app.get('/api/v1/contracts/:id/key-dates', { config: read, schema: { tags, summary: "A contract's own added dates", params: IdParams, response: { 200: z.object({ items: z.array(CustomKeyDate) }) } } }, (req) =>
    listCustomDates(ctxOf(req), parseId(req.params.id, 'contract')),
  );
  app.post('/api/v1/contracts/:id/key-dates', { config: write, schema: { tags, summary: 'Add a key date to a contract', params: IdParams, body: CustomKeyDateInput, response: { 201: CustomKeyDate } } }, async (req, reply) => {
    reply.status(201);
    return addCustomDate(ctxOf(req), parseId(req.params.id, 'contract'), req.body);
  });
  app.delete(
    '/api/v1/contracts/:id/key-dates/:dateId',
    { config: write, schema: { tags, summary: 'Remove an added key date', params: z.object({ id: z.string(), dateId: z.string() }), response: { 200: OkResponse } } },
    async (req) => {
      await removeCustomDate(ctxOf(req), parseId(req.params.id, 'contract'), parseId(req.params.dateId, 'key date'));
      return { ok: true as const };
    },
  );
  app.get('/api/v1/contracts/:id/documents', { config: read, schema: { tags, summary: "The contract's signed documents, newest version first", params: IdParams, response: { 200: z.object({ items: z.array(ContractDocument) }) } } }, (req) =>
    listDocuments(ctxOf(req), parseId(req.params.id, 'contract')),
  );
  app.get(
    '/api/v1/contracts/:id/documents/:documentId/download',
    { config: read, schema: { tags, summary: 'Download a signed document (always as an attachment)', params: z.object({ id: z.string(), documentId: z.string() }) } },
    async (req, reply) => sendFile(reply, await downloadDocument(ctxOf(req), parseId(req.params.id, 'contract'), parseId(req.params.documentId, 'document'))),
  );
  await withRawBody(app, (scope) => {
    scope.post(
      '/api/v1/contracts/:id/documents',
      {
        config: write,
        bodyLimit: 1024 ** 3,
        schema: { tags, summary: 'Upload a new version of the signed document (PDF or DOCX as the body, its name in the query)', params: IdParams, querystring: z.object({ fileName: z.string().min(1).max(255) }), response: { 201: ContractDocument } },
      },
      async (req, reply) => {
        const doc = await uploadDocument(ctxOf(req), parseId(req.params.id, 'contract'), uploadedFile(req, req.query.fileName));
        reply.status(201);
        return doc;
      },
    );
  });
}
