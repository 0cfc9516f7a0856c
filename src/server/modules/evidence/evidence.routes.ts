import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, OkResponse, Page } from '../../../shared/contracts/common.ts';
import { Evidence, EvidenceMeta, EvidenceMetaFields } from '../../../shared/contracts/due-diligence.ts';
import { AppError } from '../../http/app-error.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { findAssessment } from '../assessments/assessments.repo.ts';
import * as service from './evidence.service.ts';

const tags = ['due diligence'];
const UploadQuery = z.intersection(
  EvidenceMeta,
  z.object({ fileName: z.string().max(2000), assessmentId: z.uuid().optional(), questionId: z.string().max(128).optional() }),
);

function declared(req: FastifyRequest): number | null {
  const n = Number(req.headers['content-length']);
  return Number.isFinite(n) ? n : null;
}

async function sendFile(reply: FastifyReply, f: { stream: Readable; size: number; contentType: string; disposition: string }) {
  reply.header('content-type', f.contentType).header('content-disposition', f.disposition).header('content-length', f.size);
  return reply.send(f.stream);
}

/**
 * Evidence uploads and downloads. Uploads send the file itself as the body and its
 * metadata in the query string, so the file streams to disk under the size cap without
 * a multipart parser buffering it.
 */
export async function registerEvidenceRoutes(app: App) {
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    scope.post(
      '/api/v1/vendors/:id/evidence',
      { config: { access: 'evidence.write' }, bodyLimit: 1024 ** 3, schema: { tags, summary: 'Upload a document (the file as the body, metadata in the query)', params: IdParams, querystring: UploadQuery, response: { 201: Evidence } } },
      async (req, reply) => {
        const { fileName, assessmentId, questionId, ...meta } = req.query;
        const e = await service.uploadEvidence(ctxOf(req), { vendorId: parseId(req.params.id, 'vendor'), assessmentId, questionId }, meta, { name: fileName, stream: req.body as Readable, declaredBytes: declared(req) });
        reply.status(201);
        return e;
      },
    );
    scope.post(
      '/api/v1/portal/evidence',
      { config: { access: 'portal.use' }, bodyLimit: 1024 ** 3, schema: { tags: ['portal'], summary: 'Upload a document for your vendor, optionally for one answer', querystring: UploadQuery, response: { 201: Evidence } } },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const { fileName, assessmentId, questionId, ...meta } = req.query;
        const vendorId = ctx.actor.vendorId;
        if (!vendorId) throw AppError.notFound('Your vendor');
        if (assessmentId) {
          const a = await findAssessment(ctx.db, ctx.actor.orgId, assessmentId);
          if (!a || a.vendorId !== vendorId) throw AppError.invalid('assessmentId', 'Not one of your questionnaires.');
          if (a.status !== 'sent' && a.status !== 'in_progress' && a.status !== 'submitted') throw new AppError('conflict', 'This questionnaire no longer takes documents.');
        }
        const e = await service.uploadEvidence(ctx, { vendorId, assessmentId, questionId }, meta, { name: fileName, stream: req.body as Readable, declaredBytes: declared(req) });
        reply.status(201);
        return e;
      },
    );
  });

  app.get('/api/v1/vendors/:id/evidence', { config: { access: 'assessment.read' }, schema: { tags, summary: "A vendor's documents", params: IdParams, response: { 200: Page(Evidence) } } }, async (req) => ({
    items: await service.listVendorEvidence(ctxOf(req), parseId(req.params.id, 'vendor')),
    nextCursor: null,
  }));
  app.get('/api/v1/evidence/:id/download', { config: { access: 'assessment.read' }, schema: { tags, summary: 'Download a document (always as an attachment)', params: IdParams } }, async (req, reply) =>
    sendFile(reply, await service.downloadEvidence(ctxOf(req), parseId(req.params.id, 'document'))),
  );
  app.get('/api/v1/portal/evidence/:id/download', { config: { access: 'portal.use' }, schema: { tags: ['portal'], summary: 'Download one of your documents', params: IdParams } }, async (req, reply) => {
    const ctx = ctxOf(req);
    return sendFile(reply, await service.downloadEvidence(ctx, parseId(req.params.id, 'document'), ctx.actor.vendorId ?? '-'));
  });
  app.patch('/api/v1/evidence/:id', { config: { access: 'evidence.write' }, schema: { tags, summary: "Correct a document's metadata", params: IdParams, body: EvidenceMetaFields.partial().strict(), response: { 200: Evidence } } }, (req) =>
    service.updateEvidenceMeta(ctxOf(req), parseId(req.params.id, 'document'), req.body),
  );
  app.delete('/api/v1/evidence/:id', { config: { access: 'evidence.write' }, schema: { tags, summary: 'Delete a document and its file', params: IdParams, response: { 200: OkResponse } } }, async (req) => {
    await service.deleteEvidence(ctxOf(req), parseId(req.params.id, 'document'));
    return { ok: true as const };
  });
}
