import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { IdParams, OkResponse, Page, PageQuery } from '../../../shared/contracts/common.ts';
import { Month, Outage, OutageInput, SlaOverview, SlaPolicy, SlaPolicyInput, SlaReport, SlaReportQuery, SlaTicket, SlaTicketQuery, TicketTimeline } from '../../../shared/contracts/sla.ts';
import { SLA_TICKET_COLUMNS, slaTicketCells, slaTicketRecord } from '../../../shared/sla-ticket-csv.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import { sharedJson } from '../../http/shared-json.ts';
import type { App } from '../../http/types.ts';
import { getPolicy, listPolicyVersions, savePolicy } from '../sla-policies/sla-policies.public.ts';
import { allSlaTickets, slaTickets } from './list-tickets.ts';
import { slaOverview } from './overview.ts';
import * as sla from './sla.service.ts';

const tags = ['sla'];
const read = { access: 'sla.read' } as const;
const write = { access: 'sla.write' } as const;
const eid = (p: { id: string }) => parseId(p.id, 'engagement');

export function registerSlaRoutes(app: App) {
  app.get('/api/v1/engagements/:id/sla-policy', { config: read, schema: { tags, summary: 'The SLA policy in force (or ?version=N)', params: IdParams, querystring: z.object({ version: z.coerce.number().int().min(1).optional() }), response: { 200: SlaPolicy } } }, (req) =>
    getPolicy(ctxOf(req), eid(req.params), req.query.version),
  );
  app.put('/api/v1/engagements/:id/sla-policy', { config: write, schema: { tags, summary: 'Save a new version of the SLA policy', params: IdParams, body: SlaPolicyInput, response: { 200: SlaPolicy } } }, (req) =>
    savePolicy(ctxOf(req), eid(req.params), req.body),
  );
  app.get(
    '/api/v1/engagements/:id/sla-policy/versions',
    { config: read, schema: { tags, summary: 'Every version of the SLA policy, newest first', params: IdParams, querystring: PageQuery, response: { 200: Page(SlaPolicy) } } },
    (req) => listPolicyVersions(ctxOf(req), eid(req.params), req.query),
  );
  app.get('/api/v1/engagements/:id/sla/report', { config: read, schema: { tags, summary: 'Monthly attainment, breaches and credits', params: IdParams, querystring: SlaReportQuery, response: { 200: SlaReport } } }, async (req, reply) =>
    sharedJson(reply, SlaReport, await sla.slaReport(ctxOf(req), eid(req.params), req.query)),
  );
  app.get(
    '/api/v1/engagements/:id/sla/tickets',
    { config: read, schema: { tags, summary: 'Tickets with their SLA verdicts', params: IdParams, querystring: SlaTicketQuery, response: { 200: Page(SlaTicket).extend({ total: z.number() }) } } },
    (req) => slaTickets(ctxOf(req), eid(req.params), req.query),
  );
  app.get(
    '/api/v1/engagements/:id/sla/tickets.csv',
    { config: read, schema: { tags, summary: 'One row per ticket with its SLA verdict (CSV)', params: IdParams, querystring: SlaTicketQuery.omit({ cursor: true, limit: true }) } },
    async (req, reply) => {
      const items = await allSlaTickets(ctxOf(req), eid(req.params), req.query);
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="sla-tickets.csv"');
      // The same columns as `outsight sla tickets`; cells formula-safe.
      return stringify([[...SLA_TICKET_COLUMNS], ...items.map((t) => slaTicketCells(slaTicketRecord(t)))]);
    },
  );
  app.get('/api/v1/tickets/:id/timeline', { config: read, schema: { tags, summary: 'When the clock ran and when it was paused', params: IdParams, response: { 200: TicketTimeline } } }, (req) =>
    sla.ticketTimeline(ctxOf(req), parseId(req.params.id, 'ticket')),
  );
  app.get('/api/v1/sla/overview', { config: read, schema: { tags, summary: 'SLA attainment across vendors for one month', querystring: z.object({ month: Month.optional() }), response: { 200: SlaOverview } } }, async (req, reply) =>
    sharedJson(reply, SlaOverview, await slaOverview(ctxOf(req), req.query.month)),
  );
  app.get('/api/v1/engagements/:id/outages', { config: read, schema: { tags, summary: 'Outages and maintenance windows, in time order', params: IdParams, querystring: PageQuery, response: { 200: Page(Outage) } } }, (req) =>
    sla.listOutages(ctxOf(req), eid(req.params), req.query),
  );
  app.post('/api/v1/engagements/:id/outages', { config: write, schema: { tags, summary: 'Record an outage or a planned maintenance window', params: IdParams, body: OutageInput, response: { 201: Outage } } }, async (req, reply) => {
    reply.status(201);
    return sla.addOutage(ctxOf(req), eid(req.params), req.body);
  });
  app.delete('/api/v1/outages/:id', { config: write, schema: { tags, summary: 'Delete an outage record', params: IdParams, response: { 200: OkResponse } } }, async (req) => {
    await sla.removeOutage(ctxOf(req), parseId(req.params.id, 'outage'));
    return { ok: true as const };
  });
}
