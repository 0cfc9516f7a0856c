import { z } from 'zod';
import { IdParams, Page } from '../../../shared/contracts/common.ts';
import {
  AcceptInput,
  DeliverableDetail,
  Deliverable,
  DeliverableInput,
  DeliverableListQuery,
  DeliverableStatusInput,
  DeliverableUpdate,
  MarkPaidInput,
  Milestone,
  MilestoneInput,
  MilestoneListQuery,
  MilestoneUpdate,
  OnTimeQuery,
  OnTimeRate,
  Payment,
  PaymentInput,
  PaymentListQuery,
  PaymentTotals,
  PaymentTotalsQuery,
  PaymentUpdate,
  RejectInput,
} from '../../../shared/contracts/deliverables.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { sendFile } from '../evidence/evidence.public.ts';
import * as service from './deliverables.service.ts';
import * as payments from './payments.service.ts';

const tags = ['deliverables and payments'];
const read = { access: 'contract.read' } as const;
const write = { access: 'contract.write' } as const;
const mid = (p: { id: string }) => parseId(p.id, 'milestone');
const did = (p: { id: string }) => parseId(p.id, 'deliverable');
const pid = (p: { id: string }) => parseId(p.id, 'payment');
const Total = { total: z.number().int() };

/** Milestones, deliverables and the payment plan as the client's users keep them. The vendor's side is in the portal module. */
export function registerDeliverableRoutes(app: App) {
  app.get('/api/v1/milestones', { config: read, schema: { tags, summary: 'Milestones of an engagement or contract, in order', querystring: MilestoneListQuery, response: { 200: Page(Milestone) } } }, (req) =>
    service.listMilestones(ctxOf(req), req.query),
  );
  app.post('/api/v1/milestones', { config: write, schema: { tags, summary: 'Add a milestone', body: MilestoneInput, response: { 201: Milestone } } }, async (req, reply) => {
    reply.status(201);
    return service.createMilestone(ctxOf(req), req.body);
  });
  app.get('/api/v1/milestones/:id', { config: read, schema: { tags, summary: 'A milestone', params: IdParams, response: { 200: Milestone } } }, (req) => service.getMilestone(ctxOf(req), mid(req.params)));
  app.patch('/api/v1/milestones/:id', { config: write, schema: { tags, summary: 'Edit a milestone', params: IdParams, body: MilestoneUpdate, response: { 200: Milestone } } }, (req) =>
    service.updateMilestone(ctxOf(req), mid(req.params), req.body),
  );

  app.get(
    '/api/v1/deliverables',
    { config: read, schema: { tags, summary: 'Deliverables, soonest due first, with their lateness', querystring: DeliverableListQuery, response: { 200: Page(Deliverable).extend(Total) } } },
    (req) => service.listDeliverables(ctxOf(req), req.query),
  );
  app.post('/api/v1/deliverables', { config: write, schema: { tags, summary: 'Add a deliverable', body: DeliverableInput, response: { 201: DeliverableDetail } } }, async (req, reply) => {
    reply.status(201);
    return service.createDeliverable(ctxOf(req), req.body);
  });
  app.get('/api/v1/deliverables/:id', { config: read, schema: { tags, summary: 'A deliverable with its submissions and files', params: IdParams, response: { 200: DeliverableDetail } } }, (req) =>
    service.getDeliverable(ctxOf(req), did(req.params)),
  );
  app.patch('/api/v1/deliverables/:id', { config: write, schema: { tags, summary: 'Edit a deliverable (not once accepted)', params: IdParams, body: DeliverableUpdate, response: { 200: DeliverableDetail } } }, (req) =>
    service.updateDeliverable(ctxOf(req), did(req.params), req.body),
  );
  app.post(
    '/api/v1/deliverables/:id/status',
    { config: write, schema: { tags, summary: 'Mark a deliverable planned or in progress', params: IdParams, body: DeliverableStatusInput, response: { 200: DeliverableDetail } } },
    (req) => service.setDeliverableStatus(ctxOf(req), did(req.params), req.body),
  );
  app.post(
    '/api/v1/deliverables/:id/accept',
    { config: write, schema: { tags, summary: 'Accept a submitted deliverable, ticking every acceptance criterion', params: IdParams, body: AcceptInput, response: { 200: DeliverableDetail } } },
    (req) => service.acceptDeliverable(ctxOf(req), did(req.params), req.body),
  );
  app.post('/api/v1/deliverables/:id/reject', { config: write, schema: { tags, summary: 'Reject a submitted deliverable with a reason', params: IdParams, body: RejectInput, response: { 200: DeliverableDetail } } }, (req) =>
    service.rejectDeliverable(ctxOf(req), did(req.params), req.body),
  );
  app.get('/api/v1/deliverable-files/:id/download', { config: read, schema: { tags, summary: "Download a submission's file (always as an attachment)", params: IdParams } }, async (req, reply) =>
    sendFile(reply, await service.downloadDeliverableFile(ctxOf(req), parseId(req.params.id, 'file'))),
  );
  app.get(
    '/api/v1/vendors/:id/on-time-rate',
    { config: read, schema: { tags, summary: "A vendor's on-time rate per quarter or month", params: IdParams, querystring: OnTimeQuery, response: { 200: OnTimeRate } } },
    (req) => service.vendorOnTimeRate(ctxOf(req), parseId(req.params.id, 'vendor'), req.query.by),
  );

  app.get(
    '/api/v1/payments',
    { config: read, schema: { tags, summary: 'The payment schedule, soonest due first, with what blocks each payment', querystring: PaymentListQuery, response: { 200: Page(Payment).extend(Total) } } },
    (req) => payments.listPayments(ctxOf(req), req.query),
  );
  app.post('/api/v1/payments', { config: write, schema: { tags, summary: 'Add a payment to the plan', body: PaymentInput, response: { 201: Payment } } }, async (req, reply) => {
    reply.status(201);
    return payments.createPayment(ctxOf(req), req.body);
  });
  app.get(
    '/api/v1/payments/totals',
    { config: read, schema: { tags, summary: 'Payments per month, planned and paid, one amount per currency', querystring: PaymentTotalsQuery, response: { 200: PaymentTotals } } },
    (req) => payments.paymentTotals(ctxOf(req), req.query),
  );
  app.get('/api/v1/payments/:id', { config: read, schema: { tags, summary: 'A payment and its hold', params: IdParams, response: { 200: Payment } } }, (req) => payments.getPayment(ctxOf(req), pid(req.params)));
  app.patch('/api/v1/payments/:id', { config: write, schema: { tags, summary: 'Edit a payment (not once paid)', params: IdParams, body: PaymentUpdate, response: { 200: Payment } } }, (req) =>
    payments.updatePayment(ctxOf(req), pid(req.params), req.body),
  );
  app.post(
    '/api/v1/payments/:id/paid',
    {
      config: write,
      schema: {
        tags,
        summary: 'Mark a payment paid',
        description: "A payment whose milestone is not accepted is blocked: paying it anyway needs the payment override permission and `overrideReason`, and is flagged.",
        params: IdParams,
        body: MarkPaidInput,
        response: { 200: Payment },
      },
    },
    (req) => payments.markPaymentPaid(ctxOf(req), pid(req.params), req.body),
  );
}
