import { IdParams, OkResponse, Page } from '../../../shared/contracts/common.ts';
import { Evidence, EvidenceListQuery, EvidenceUpdate } from '../../../shared/contracts/due-diligence.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { sendFile } from './evidence.http.ts';
import * as service from './evidence.service.ts';

const tags = ['due diligence'];

/**
 * Evidence as the client's users keep it. Uploads live with the modules that know what an
 * upload is for: due diligence (a vendor's document, maybe for an assessment) and the
 * portal (the vendor's own).
 */
export function registerEvidenceRoutes(app: App) {
  app.get(
    '/api/v1/vendors/:id/evidence',
    { config: { access: 'assessment.read' }, schema: { tags, summary: "A vendor's evidence, newest first", params: IdParams, querystring: EvidenceListQuery, response: { 200: Page(Evidence) } } },
    (req) => service.listVendorEvidence(ctxOf(req), parseId(req.params.id, 'vendor'), req.query),
  );
  app.get('/api/v1/evidence/:id/download', { config: { access: 'assessment.read' }, schema: { tags, summary: 'Download a document (always as an attachment)', params: IdParams } }, async (req, reply) =>
    sendFile(reply, await service.downloadEvidence(ctxOf(req), parseId(req.params.id, 'evidence'))),
  );
  app.patch('/api/v1/evidence/:id', { config: { access: 'evidence.write' }, schema: { tags, summary: "Correct a document's metadata, or share it with the vendor (its portal lists it) or not", params: IdParams, body: EvidenceUpdate, response: { 200: Evidence } } }, (req) =>
    service.updateEvidenceMeta(ctxOf(req), parseId(req.params.id, 'evidence'), req.body),
  );
  app.delete('/api/v1/evidence/:id', { config: { access: 'evidence.write' }, schema: { tags, summary: 'Delete a document and its file', params: IdParams, response: { 200: OkResponse } } }, async (req) => {
    await service.deleteEvidence(ctxOf(req), parseId(req.params.id, 'evidence'));
    return { ok: true as const };
  });
}
