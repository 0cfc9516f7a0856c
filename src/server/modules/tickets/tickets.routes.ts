import type { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FIRST_RESPONSE_RULES } from '../../../domain/sla/first-response.ts';
import { IdParams, Page, PageQuery } from '../../../shared/contracts/common.ts';
import { ImportProgressKey, TicketFormat, TicketImportDone, TicketImportProgress, TicketImportResult, TicketMapping } from '../../../shared/contracts/tickets.ts';
import { TimeZone } from '../../../shared/contracts/vendors.ts';
import { safeCell } from '../../../shared/csv-cell.ts';
import { AppError } from '../../http/app-error.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { importProgress, trackImport } from './import-progress.ts';
import { importTickets } from './import-tickets.ts';
import * as service from './tickets.service.ts';

const tags = ['tickets'];
// Large exports stream straight from the socket into the import; nothing buffers the file.
const MAX_UPLOAD = 4 * 1024 * 1024 * 1024;

const ImportQuery = z.object({
  format: TicketFormat,
  /** For the generic format: the mapping as JSON (the file the UI exports and the CLI reads). */
  mapping: z
    .string()
    .max(20_000)
    .transform((s, c) => {
      try {
        return JSON.parse(s);
      } catch {
        c.addIssue({ code: 'custom', message: 'Not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(TicketMapping)
    .optional(),
  timeZone: TimeZone.optional(),
  dateOrder: z.enum(['dmy', 'mdy', 'ymd']).optional(),
  /** Event logs: how the first response is inferred (overrides the mapping's or preset's rule). */
  firstResponse: z.enum(FIRST_RESPONSE_RULES).optional(),
  strict: z.enum(['true', 'false']).default('false'),
  fileName: z.string().max(300).optional(),
  /** Chosen by the client: it reads the import's progress under this key while the upload runs. */
  progressKey: ImportProgressKey.optional(),
});

/** Registered as its own plugin so its "any body is a stream" parser stays here. */
export async function registerTicketRoutes(app: App) {
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    scope.post(
      '/api/v1/engagements/:id/ticket-imports',
      {
        config: { access: 'ticket.import' },
        bodyLimit: MAX_UPLOAD,
        schema: {
          tags,
          summary: 'Import a ticket export (CSV, XLSX, or gzip of either) as the request body',
          params: IdParams,
          querystring: ImportQuery,
          response: { 200: TicketImportDone },
        },
      },
      async (req, reply) => {
        const q = req.query;
        // The client hanging up (before or after its upload is complete) stops the import:
        // nothing is stored and the server does not go on parsing for nobody.
        const gone = new AbortController();
        const onClose = () => {
          if (!reply.raw.writableFinished) gone.abort(new AppError('bad_request', 'The client closed the connection before the import finished; nothing was imported.'));
        };
        reply.raw.once('close', onClose);
        const ctx = ctxOf(req);
        const progress = trackImport(q.progressKey);
        try {
          return await importTickets(ctx, req.body as Readable, {
            onProgress: progress.update,
            signal: gone.signal,
            engagementId: parseId(req.params.id, 'engagement'),
            format: q.format,
            mapping: q.mapping,
            timeZone: q.timeZone,
            dateOrder: q.dateOrder,
            firstResponse: q.firstResponse,
            strict: q.strict === 'true',
            fileName: q.fileName ?? null,
          });
        } finally {
          progress.end();
        }
      },
    );
  });

  app.get(
    '/api/v1/ticket-import-progress/:key',
    {
      // The key (a random UUID the uploader chose) is the capability; see import-progress.ts.
      config: { access: 'public', noSession: true },
      schema: { tags, summary: 'Where the running import started with this progressKey is: phase, rows read, rows rejected so far', params: z.object({ key: ImportProgressKey }), response: { 200: TicketImportProgress } },
    },
    (req) => importProgress(req.params.key),
  );

  app.get(
    '/api/v1/engagements/:id/ticket-imports',
    { config: { access: 'sla.read' }, schema: { tags, summary: 'Import history of an engagement, newest first, and its ticket count', params: IdParams, querystring: PageQuery, response: { 200: Page(TicketImportResult).extend({ ticketCount: z.number() }) } } },
    (req) => service.listTicketImports(ctxOf(req), parseId(req.params.id, 'engagement'), req.query),
  );

  app.get(
    '/api/v1/ticket-imports/:id/rejections.csv',
    { config: { access: 'sla.read' }, schema: { tags, summary: 'Every rejected row of an import (CSV)', params: IdParams } },
    async (req, reply) => {
      const { importId, records } = await service.importRejections(ctxOf(req), parseId(req.params.id, 'ticket import'));
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="rejected-rows-${importId}.csv"`);
      return stringify([['line', 'field', 'reason', 'value'], ...records.map(([line, field, reason, value]) => [line, safeCell(field), safeCell(reason), safeCell(value)])]);
    },
  );
}
