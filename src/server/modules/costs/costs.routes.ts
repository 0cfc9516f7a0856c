import { z } from 'zod';
import { IdParams, OkResponse, Page } from '../../../shared/contracts/common.ts';
import {
  ApproveInvoiceInput,
  Budget,
  BudgetInput,
  BudgetListQuery,
  BudgetUpdate,
  CheckInvoiceInput,
  CostSettings,
  CostSettingsInput,
  CostsQuery,
  CreditWaiver,
  Spend,
  SpendQuery,
  ServiceCredits,
  ServiceCreditsQuery,
  WaiveCreditInput,
  DisputeInvoiceInput,
  BudgetPositions,
  BudgetPositionsQuery,
  EngagementCosts,
  Invoice,
  InvoiceDetail,
  InvoiceInput,
  InvoiceListQuery,
  InvoiceUpdate,
  OverrideCheckInput,
  PayInvoiceInput,
  RateCardItem,
  RateCardItemInput,
  RateCardItemUpdate,
  RateCardListQuery,
} from '../../../shared/contracts/costs.ts';
import { ctxOf } from '../../http/ctx.ts';
import { parseId } from '../../http/ids.ts';
import type { App } from '../../http/types.ts';
import { engagementCosts } from './budget-vs-actual.ts';
import { registerChangeRequestRoutes } from './change-requests.routes.ts';
import { registerExchangeRateRoutes } from './exchange-rates.routes.ts';
import { registerInvoiceDocumentRoutes } from './invoice-documents.routes.ts';
import { registerInvoiceImportRoutes } from './invoice-import.routes.ts';
import * as budgets from './budgets.ts';
import * as workflow from './invoice-workflow.ts';
import * as invoices from './invoices.ts';
import * as rates from './rate-cards.ts';
import { serviceCredits, waiveServiceCredit, withdrawWaiver } from './service-credits.ts';
import { portfolioBudgets } from './budget-positions.ts';
import { portfolioSpend } from './spend.ts';
import { getCostSettings, updateCostSettings } from './settings.ts';

const tags = ['costs'];
const read = { access: 'cost.read' } as const;
const write = { access: 'cost.write' } as const;
const bid = (p: { id: string }) => parseId(p.id, 'budget');
const rid = (p: { id: string }) => parseId(p.id, 'rate card item');
const iid = (p: { id: string }) => parseId(p.id, 'invoice');

/** Cost settings, budgets, rate cards, invoices with their checks, and budget against actual. Internal users only. */
export async function registerCostRoutes(app: App) {
  app.get('/api/v1/cost-settings', { config: read, schema: { tags, summary: 'The fiscal year start and base currency', response: { 200: CostSettings } } }, (req) => getCostSettings(ctxOf(req)));
  app.put('/api/v1/cost-settings', { config: { access: 'org.manage' }, schema: { tags, summary: 'Set the fiscal year start and base currency', body: CostSettingsInput, response: { 200: CostSettings } } }, (req) =>
    updateCostSettings(ctxOf(req), req.body),
  );

  app.get('/api/v1/budgets', { config: read, schema: { tags, summary: 'Budgets per engagement and fiscal year', querystring: BudgetListQuery, response: { 200: Page(Budget) } } }, (req) => budgets.listBudgets(ctxOf(req), req.query));
  app.post('/api/v1/budgets', { config: write, schema: { tags, summary: 'Add a budget (spread evenly or phased by month)', body: BudgetInput, response: { 201: Budget } } }, async (req, reply) => {
    reply.status(201);
    return budgets.createBudget(ctxOf(req), req.body);
  });
  app.get('/api/v1/budgets/:id', { config: read, schema: { tags, summary: 'A budget with its twelve months', params: IdParams, response: { 200: Budget } } }, (req) => budgets.getBudget(ctxOf(req), bid(req.params)));
  app.patch('/api/v1/budgets/:id', { config: write, schema: { tags, summary: 'Edit a budget', params: IdParams, body: BudgetUpdate, response: { 200: Budget } } }, (req) => budgets.updateBudget(ctxOf(req), bid(req.params), req.body));
  app.delete('/api/v1/budgets/:id', { config: write, schema: { tags, summary: 'Remove a budget', params: IdParams, response: { 200: OkResponse } } }, (req) => budgets.deleteBudget(ctxOf(req), bid(req.params)));

  app.get('/api/v1/rate-card-items', { config: read, schema: { tags, summary: "A contract's rate card, by name", querystring: RateCardListQuery, response: { 200: Page(RateCardItem) } } }, (req) =>
    rates.listRateCardItems(ctxOf(req), req.query),
  );
  app.post('/api/v1/rate-card-items', { config: write, schema: { tags, summary: "Add an item to a contract's rate card", body: RateCardItemInput, response: { 201: RateCardItem } } }, async (req, reply) => {
    reply.status(201);
    return rates.createRateCardItem(ctxOf(req), req.body);
  });
  app.get('/api/v1/rate-card-items/:id', { config: read, schema: { tags, summary: 'A rate card item', params: IdParams, response: { 200: RateCardItem } } }, (req) => rates.getRateCardItem(ctxOf(req), rid(req.params)));
  app.patch('/api/v1/rate-card-items/:id', { config: write, schema: { tags, summary: 'Edit a rate card item', params: IdParams, body: RateCardItemUpdate, response: { 200: RateCardItem } } }, (req) =>
    rates.updateRateCardItem(ctxOf(req), rid(req.params), req.body),
  );
  app.delete('/api/v1/rate-card-items/:id', { config: write, schema: { tags, summary: 'Remove a rate card item no invoice line names', params: IdParams, response: { 200: OkResponse } } }, (req) =>
    rates.deleteRateCardItem(ctxOf(req), rid(req.params)),
  );

  app.get(
    '/api/v1/invoices',
    { config: read, schema: { tags, summary: 'Invoices, newest first, with how many checks fail', querystring: InvoiceListQuery, response: { 200: Page(Invoice).extend({ total: z.number().int() }) } } },
    (req) => invoices.listInvoices(ctxOf(req), req.query),
  );
  app.post('/api/v1/invoices', { config: write, schema: { tags, summary: 'Enter an invoice by hand; every check runs as it is saved', body: InvoiceInput, response: { 201: InvoiceDetail } } }, async (req, reply) => {
    reply.status(201);
    return invoices.createInvoice(ctxOf(req), req.body);
  });
  app.get('/api/v1/invoices/:id', { config: read, schema: { tags, summary: 'An invoice with its lines and checks', params: IdParams, response: { 200: InvoiceDetail } } }, (req) => invoices.getInvoice(ctxOf(req), iid(req.params)));
  app.patch(
    '/api/v1/invoices/:id',
    { config: write, schema: { tags, summary: 'Edit an invoice not yet approved (it starts over as received; the checks run again)', params: IdParams, body: InvoiceUpdate, response: { 200: InvoiceDetail } } },
    (req) => invoices.updateInvoice(ctxOf(req), iid(req.params), req.body),
  );
  app.post('/api/v1/invoices/:id/checked', { config: write, schema: { tags, summary: 'Mark a received invoice checked', params: IdParams, body: CheckInvoiceInput, response: { 200: InvoiceDetail } } }, (req) =>
    workflow.markInvoiceChecked(ctxOf(req), iid(req.params), req.body),
  );
  app.post(
    '/api/v1/invoices/:id/approve',
    { config: write, schema: { tags, summary: 'Approve a checked invoice', description: 'Refused (409, naming them) while a failing check has no override.', params: IdParams, body: ApproveInvoiceInput, response: { 200: InvoiceDetail } } },
    (req) => workflow.approveInvoice(ctxOf(req), iid(req.params), req.body),
  );
  app.post('/api/v1/invoices/:id/paid', { config: write, schema: { tags, summary: 'Mark an approved invoice paid', params: IdParams, body: PayInvoiceInput, response: { 200: InvoiceDetail } } }, (req) =>
    workflow.payInvoice(ctxOf(req), iid(req.params), req.body),
  );
  app.post('/api/v1/invoices/:id/dispute', { config: write, schema: { tags, summary: 'Dispute an invoice with a reason', params: IdParams, body: DisputeInvoiceInput, response: { 200: InvoiceDetail } } }, (req) =>
    workflow.disputeInvoice(ctxOf(req), iid(req.params), req.body),
  );
  app.post(
    '/api/v1/invoices/:id/overrides',
    { config: { access: 'invoice.override' }, schema: { tags, summary: 'Override a failing check with a reason (kept in the audit trail)', params: IdParams, body: OverrideCheckInput, response: { 200: InvoiceDetail } } },
    (req) => workflow.overrideInvoiceCheck(ctxOf(req), iid(req.params), req.body),
  );

  app.get(
    '/api/v1/engagements/:id/costs',
    { config: read, schema: { tags, summary: 'Budget against actual per month of a fiscal year, per currency', params: IdParams, querystring: CostsQuery, response: { 200: EngagementCosts } } },
    (req) => engagementCosts(ctxOf(req), parseId(req.params.id, 'engagement'), req.query.fiscalYear),
  );
  registerChangeRequestRoutes(app);
  await registerInvoiceImportRoutes(app);
  await registerInvoiceDocumentRoutes(app);
  await registerExchangeRateRoutes(app);

  app.get(
    '/api/v1/costs/spend',
    { config: read, schema: { tags, summary: 'Spend by vendor and month of a fiscal year, per currency (approved and paid invoices, net)', querystring: SpendQuery, response: { 200: Spend } } },
    (req) => portfolioSpend(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/costs/budget-positions',
    {
      config: read,
      schema: { tags, summary: "Every engagement's budget of a fiscal year against its actual and run-rate forecast, per currency, and the spend no budget holds", querystring: BudgetPositionsQuery, response: { 200: BudgetPositions } },
    },
    (req) => portfolioBudgets(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/service-credits',
    { config: read, schema: { tags, summary: 'Service credits owed by the SLA engine against credit lines received, per engagement and month', querystring: ServiceCreditsQuery, response: { 200: ServiceCredits } } },
    (req) => serviceCredits(ctxOf(req), req.query),
  );
  app.post('/api/v1/service-credits/waivers', { config: write, schema: { tags, summary: 'Waive a month’s outstanding service credit, with a reason', body: WaiveCreditInput, response: { 201: CreditWaiver } } }, async (req, reply) => {
    reply.status(201);
    return waiveServiceCredit(ctxOf(req), req.body);
  });
  app.delete('/api/v1/service-credits/waivers/:id', { config: write, schema: { tags, summary: 'Take back a waiver: the month’s credit is owed again', params: IdParams, response: { 200: OkResponse } } }, (req) =>
    withdrawWaiver(ctxOf(req), parseId(req.params.id, 'waiver')),
  );
}
