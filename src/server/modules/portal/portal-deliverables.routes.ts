import { IdParams, Page } from '../../../shared/contracts/common.ts';
import { DeliverableFile, DeliverableFileUploadQuery, PortalDeliverable, PortalDeliverableDetail, PortalDeliverableListQuery, SubmitInput } from '../../../shared/contracts/deliverables.ts';
import { z } from 'zod';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { downloadDeliverableFile, getOwnDeliverable, listOwnDeliverables, submitDeliverable, uploadDeliverableFile } from '../deliverables/deliverables.public.ts';
import { sendFile, uploadedFile, withRawBody } from '../evidence/evidence.public.ts';

const tags = ['portal'];
const contact = { access: 'portal.use' } as const;
const did = (p: { id: string }) => parseId(p.id, 'deliverable');

/**
 * The vendor's deliverables in the portal: its own vendor's only (another vendor's is "not
 * found"), with criteria, due dates, status and rejection reasons; it hands them in with a
 * note and files, and again after a rejection. Nothing of payments, internal notes or contracts.
 */
export async function registerPortalDeliverableRoutes(app: App) {
  app.get(
    '/api/v1/portal/deliverables',
    { config: contact, schema: { tags, summary: "Your vendor's deliverables, soonest due first", querystring: PortalDeliverableListQuery, response: { 200: Page(PortalDeliverable).extend({ total: z.number().int() }) } } },
    (req) => listOwnDeliverables(ctxOf(req), req.query),
  );
  app.get('/api/v1/portal/deliverables/:id', { config: contact, schema: { tags, summary: 'One of your deliverables, with its submissions', params: IdParams, response: { 200: PortalDeliverableDetail } } }, (req) =>
    getOwnDeliverable(ctxOf(req), did(req.params)),
  );
  app.post(
    '/api/v1/portal/deliverables/:id/submit',
    { config: contact, schema: { tags, summary: 'Hand in a deliverable (or again after a rejection): a note and the files uploaded for it', params: IdParams, body: SubmitInput, response: { 200: PortalDeliverableDetail } } },
    (req) => submitDeliverable(ctxOf(req), did(req.params), req.body),
  );
  app.get('/api/v1/portal/deliverable-files/:id/download', { config: contact, schema: { tags, summary: 'Download a file of one of your deliverables', params: IdParams } }, async (req, reply) =>
    sendFile(reply, await downloadDeliverableFile(ctxOf(req), parseId(req.params.id, 'file'))),
  );
  await withRawBody(app, (scope) => {
    scope.post(
      '/api/v1/portal/deliverables/:id/files',
      {
        config: contact,
        bodyLimit: 1024 ** 3,
        schema: { tags, summary: 'Upload a file for your next submission (the file is the body; PDF, image or Office document)', params: IdParams, querystring: DeliverableFileUploadQuery, response: { 201: DeliverableFile } },
      },
      async (req, reply) => {
        const f = await uploadDeliverableFile(ctxOf(req), did(req.params), uploadedFile(req, req.query.fileName));
        reply.status(201);
        return f;
      },
    );
  });
}
