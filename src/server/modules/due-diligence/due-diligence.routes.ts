import { IdParams } from '../../../shared/contracts/common.ts';
import { ClientEvidenceUploadQuery, DueDiligenceOverview, Evidence } from '../../../shared/contracts/due-diligence.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { uploadedFile, withRawBody } from '../evidence/evidence.public.ts';
import { dueDiligenceOverview } from './overview.ts';
import { uploadVendorEvidence } from './upload-evidence.ts';

const tags = ['due diligence'];

/** Due diligence across its modules: the overview, and the client's evidence upload (which may name an assessment). */
export async function registerDueDiligenceRoutes(app: App) {
  app.get(
    '/api/v1/due-diligence/overview',
    { config: { access: 'assessment.read' }, schema: { tags, summary: 'Overdue requests, scores, expiring evidence, open findings, reviews due', response: { 200: DueDiligenceOverview } } },
    (req) => dueDiligenceOverview(ctxOf(req)),
  );
  await withRawBody(app, (scope) => {
    scope.post(
      '/api/v1/vendors/:id/evidence',
      {
        config: { access: 'evidence.write' },
        bodyLimit: 1024 ** 3,
        schema: { tags, summary: 'Upload a document (the file as the body, metadata in the query)', params: IdParams, querystring: ClientEvidenceUploadQuery, response: { 201: Evidence } },
      },
      async (req, reply) => {
        const { fileName, assessmentId, questionId, sharedWithVendor, ...meta } = req.query;
        const e = await uploadVendorEvidence(ctxOf(req), { vendorId: parseId(req.params.id, 'vendor'), assessmentId, questionId, sharedWithVendor }, meta, uploadedFile(req, fileName));
        reply.status(201);
        return e;
      },
    );
  });
}
