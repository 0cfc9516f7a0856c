import { z } from 'zod';
import { IdParams, Page } from '../../../shared/contracts/common.ts';
import { PortalActionItem, PortalActionListQuery, PortalActionUpdate, PortalReviews, PortalStatusReports, StatusReport, StatusReportFileQuery, StatusReportInput } from '../../../shared/contracts/governance.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { attachStatusReportFile, downloadStatusReportFile, listOwnActions, ownReviews, ownStatusReports, submitStatusReport, vendorUpdateAction } from '../governance/governance.public.ts';
import { sendFile, uploadedFile, withRawBody } from '../evidence/evidence.public.ts';

const tags = ['portal'];
const contact = { access: 'portal.use' } as const;

/** The action items the vendor's side owns: seen and marked done in the portal; nothing of the client's items, minutes or notes. */
export async function registerPortalGovernanceRoutes(app: App) {
  app.get(
    '/api/v1/portal/action-items',
    { config: contact, schema: { tags, summary: "Your side's action items, soonest due first", querystring: PortalActionListQuery, response: { 200: Page(PortalActionItem).extend({ total: z.number().int() }) } } },
    (req) => listOwnActions(ctxOf(req), req.query),
  );
  app.patch(
    '/api/v1/portal/action-items/:id',
    { config: contact, schema: { tags, summary: 'Mark one of your action items done (or open again), with a note', params: IdParams, body: PortalActionUpdate, response: { 200: PortalActionItem } } },
    (req) => vendorUpdateAction(ctxOf(req), parseId(req.params.id, 'action item'), req.body),
  );

  app.get('/api/v1/portal/status-reports', { config: contact, schema: { tags, summary: 'The status reports your engagements ask for: handed in, late, missing and due', response: { 200: PortalStatusReports } } }, (req) =>
    ownStatusReports(ctxOf(req)),
  );
  app.post('/api/v1/portal/status-reports', { config: contact, schema: { tags, summary: 'Hand in the status report for one due date', body: StatusReportInput, response: { 201: StatusReport } } }, async (req, reply) => {
    reply.status(201);
    return submitStatusReport(ctxOf(req), req.body);
  });
  app.get('/api/v1/portal/status-reports/:id/file', { config: contact, schema: { tags, summary: 'Download the file of one of your status reports', params: IdParams } }, async (req, reply) =>
    sendFile(reply, await downloadStatusReportFile(ctxOf(req), parseId(req.params.id, 'status report'))),
  );
  app.get('/api/v1/portal/performance-reviews', { config: contact, schema: { tags, summary: 'The performance reviews the client shared with you, oldest first', response: { 200: PortalReviews } } }, (req) => ownReviews(ctxOf(req)));
  await withRawBody(app, (scope) => {
    scope.post(
      '/api/v1/portal/status-reports/:id/file',
      { config: contact, bodyLimit: 1024 ** 3, schema: { tags, summary: 'Attach a file to a status report you handed in (the file is the body)', params: IdParams, querystring: StatusReportFileQuery, response: { 201: StatusReport } } },
      async (req, reply) => {
        const r = await attachStatusReportFile(ctxOf(req), parseId(req.params.id, 'status report'), uploadedFile(req, req.query.fileName));
        reply.status(201);
        return r;
      },
    );
  });
}
