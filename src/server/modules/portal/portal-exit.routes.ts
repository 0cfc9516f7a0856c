import { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.ts';
import { DeliverStepInput, PortalStep, StepFile, StepFileUploadQuery } from '../../../shared/contracts/exit.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { sendFile, uploadedFile, withRawBody } from '../evidence/evidence.public.ts';
import { deliverStep, downloadStepFile, listOwnSteps, uploadStepFile } from '../exit/exit.public.ts';

const tags = ['portal'];
const contact = { access: 'portal.use' } as const;
const sid = (p: { id: string }) => parseId(p.id, 'exit step');

/**
 * The vendor's handover obligations of an exit the client started: its own vendor's steps
 * only (another vendor's is "not found"), without the client's internal notes, owners or
 * budget. Files are uploaded to a step first (raw body), then the step is handed in with a note.
 */
export async function registerPortalExitRoutes(app: App) {
  app.get(
    '/api/v1/portal/exit-steps',
    { config: contact, schema: { tags, summary: 'Your handover steps of exits in progress, soonest due first', response: { 200: z.object({ items: z.array(PortalStep) }) } } },
    async (req) => ({ items: await listOwnSteps(ctxOf(req)) }),
  );
  app.post(
    '/api/v1/portal/exit-steps/:id/deliver',
    { config: contact, schema: { tags, summary: 'Hand in a handover step with a note of what was delivered and where', params: IdParams, body: DeliverStepInput, response: { 200: PortalStep } } },
    (req) => deliverStep(ctxOf(req), sid(req.params), req.body.note),
  );
  app.get('/api/v1/portal/exit-step-files/:id/download', { config: contact, schema: { tags, summary: 'Download a file you handed over', params: IdParams } }, async (req, reply) =>
    sendFile(reply, await downloadStepFile(ctxOf(req), parseId(req.params.id, 'file'))),
  );
  await withRawBody(app, (scope) => {
    scope.post(
      '/api/v1/portal/exit-steps/:id/files',
      {
        config: contact,
        bodyLimit: 1024 ** 3,
        schema: { tags, summary: 'Upload a file for a handover step (the file is the body)', params: IdParams, querystring: StepFileUploadQuery, response: { 201: StepFile } } },
      async (req, reply) => {
        const f = await uploadStepFile(ctxOf(req), sid(req.params), uploadedFile(req, req.query.fileName));
        reply.status(201);
        return { id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes, contentType: f.contentType, uploadedAt: f.createdAt.toISOString() };
      },
    );
  });
}
