import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { aContract } from '../../../src/server/seed/builders/contracts.ts';
import { aBudget, anInvoice, aRateCardItem, type InvoiceState } from '../../../src/server/seed/builders/costs.ts';
import { attachInvoiceDocument, saveInvoiceMapping, setExchangeRate } from '../../../src/server/modules/costs/costs.public.ts';
import { PDF } from '../../support/due-diligence.ts';
import { inApp } from '../../support/due-diligence.ts';
import { storeWaiver } from '../../support/credit-waivers.repo.ts';
import type { TestOrg } from '../../support/factories.ts';
import { ADMINS, INTERNAL, WRITERS, type AreaRows, type Call, type MatrixEnv, type Row } from './types.ts';

const B = 'The budget';
const MAPPING = { name: 'Matrix export', columns: { number: 'No', invoiceDate: 'Date', vendor: 'Vendor', currency: 'Cur', description: 'Text', quantity: 'Qty', unitPrice: 'Price', amount: 'Amount' } };
const R = 'The rate card item';
const I = 'The invoice';

interface Fixtures {
  contractId: string;
  itemId: string;
  itemPrice: number;
  budgetId: string;
  invoiceId: string;
  approvedId: string;
  paidId: string;
  rateId: string;
  mappingId: string;
  documentId: string;
  waiverId: string;
}

/** Rows for cost settings, budgets, rate cards, invoices and their checks, and budget against actual (internal users only). */
export function costsRows(env: MatrixEnv): AreaRows {
  const fx = new Map<TestOrg, Fixtures>();
  const f = (o: TestOrg) => fx.get(o)!;
  const h = (o: TestOrg) => inApp(o, env.t.config);
  let seq = 0;
  /** A stored waiver of a month no other waiver of the organisation has (one a year from 2001). */
  const waiver = (o: TestOrg) => storeWaiver(env.t.database.db, { orgId: o.orgId, vendorId: o.vendor.id, engagementId: o.engagementId, month: `${2000 + ++seq}-01` });

  /** A clean invoice (one line at the rate card price; a new quantity each time, so no two share a total) in `state`. */
  const invoice = (o: TestOrg, state: InvoiceState) => {
    const q = ++seq;
    const amount = q * f(o).itemPrice;
    return anInvoice(h(o), {
      vendorId: o.vendor.id,
      engagementId: o.engagementId,
      contractId: f(o).contractId,
      invoiceDate: '2026-02-27',
      lines: [{ description: 'Matrix consultant', quantity: String(q), unit: 'day', unitPriceMinor: f(o).itemPrice, amountMinor: amount, taxMinor: 0 }],
      state,
    });
  };

  async function fixtures(o: TestOrg): Promise<Fixtures> {
    const contract = await aContract(h(o), { vendorId: o.vendor.id, engagementIds: [o.engagementId] });
    const item = await aRateCardItem(h(o), { contractId: contract.id, name: 'Matrix consultant', unit: 'day', unitPriceMinor: 70_000 });
    const budget = await aBudget(h(o), { engagementId: o.engagementId });
    fx.set(o, { contractId: contract.id, itemId: item.id, itemPrice: item.unitPriceMinor, budgetId: budget.id, invoiceId: '', approvedId: '', paidId: '', rateId: '', mappingId: '', documentId: '', waiverId: '' });
    const [inv, approved, paid] = [await invoice(o, 'received'), await invoice(o, 'approved'), await invoice(o, 'paid')];
    const rate = await setExchangeRate(h(o).ctx(), { currency: 'USD', month: '2026-02', perEur: '1.0850' });
    const mapping = await saveInvoiceMapping(h(o).ctx(), { ...MAPPING, name: 'Matrix edit' });
    // Stored where the app under test reads its files.
    const doc = await attachInvoiceDocument({ ...h(o).ctx(), config: env.t.config }, inv.id, { name: 'invoice.pdf', stream: Readable.from([PDF]), declaredBytes: PDF.length });
    return { ...f(o), invoiceId: inv.id, approvedId: approved.id, paidId: paid.id, rateId: rate.id, mappingId: mapping.id, documentId: doc.id, waiverId: await waiver(o) };
  }

  const pick = (c: Call, own: (x: Fixtures) => string, state?: (x: Fixtures) => string) => {
    if (c.scope === 'missing') return randomUUID();
    if (c.scope === 'state') return state!(f(c.org));
    return own(f(c.org));
  };
  /** A fresh invoice in `state` for a call that changes one (own scope); fixtures otherwise. */
  const fresh = async (c: Call, state: InvoiceState, forbidden: (x: Fixtures) => string) => (c.scope === 'own' ? (await invoice(c.org, state)).id : pick(c, (x) => x.invoiceId, forbidden));

  const rows: Record<string, Row> = {
    'GET /api/v1/cost-settings': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/cost-settings' }) },
    'PUT /api/v1/cost-settings': { allowed: ADMINS, ok: 200, build: () => ({ url: '/api/v1/cost-settings', payload: { fiscalYearStartMonth: 1, baseCurrency: 'EUR' } }) },

    'GET /api/v1/budgets': { allowed: INTERNAL, ok: 200, build: () => ({ url: `/api/v1/budgets?engagementId=${env.own.engagementId}` }) },
    'POST /api/v1/budgets': { allowed: WRITERS, ok: 201, build: () => ({ url: '/api/v1/budgets', payload: { engagementId: env.own.engagementId, fiscalYear: 2027, amountMinor: 120_000, currency: 'EUR' } }) },
    'GET /api/v1/budgets/:id': { policy: B, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/budgets/${env.id(c, (o) => f(o).budgetId)}` }) },
    'PATCH /api/v1/budgets/:id': { policy: B, allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/budgets/${env.id(c, (o) => f(o).budgetId)}`, payload: { note: `Edited ${env.uniq()}` } }) },
    'DELETE /api/v1/budgets/:id': {
      policy: B,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: async (c) => ({ url: `/api/v1/budgets/${c.scope === 'own' ? (await aBudget(h(c.org), { engagementId: c.org.engagementId })).id : env.id(c, (o) => f(o).budgetId)}` }),
    },

    'GET /api/v1/rate-card-items': { allowed: INTERNAL, ok: 200, build: () => ({ url: `/api/v1/rate-card-items?contractId=${f(env.own).contractId}` }) },
    'POST /api/v1/rate-card-items': {
      allowed: WRITERS,
      ok: 201,
      build: () => ({ url: '/api/v1/rate-card-items', payload: { contractId: f(env.own).contractId, name: `Tester ${env.uniq()}`, unit: 'hour', unitPriceMinor: 9_000, currency: 'EUR' } }),
    },
    'GET /api/v1/rate-card-items/:id': { policy: R, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/rate-card-items/${env.id(c, (o) => f(o).itemId)}` }) },
    'PATCH /api/v1/rate-card-items/:id': { policy: R, allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/rate-card-items/${env.id(c, (o) => f(o).itemId)}`, payload: { validTo: '2030-12-31' } }) },
    'DELETE /api/v1/rate-card-items/:id': {
      policy: R,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: async (c) => ({ url: `/api/v1/rate-card-items/${c.scope === 'own' ? (await aRateCardItem(h(c.org), { contractId: f(c.org).contractId })).id : env.id(c, (o) => f(o).itemId)}` }),
    },

    'GET /api/v1/invoices': { allowed: INTERNAL, ok: 200, build: () => ({ url: `/api/v1/invoices?engagementId=${env.own.engagementId}` }) },
    'POST /api/v1/invoices': {
      allowed: WRITERS,
      ok: 201,
      build: () => ({
        url: '/api/v1/invoices',
        payload: { vendorId: env.own.vendor.id, number: `M-${env.uniq()}`, invoiceDate: '2026-01-31', currency: 'EUR', lines: [{ description: 'Work', quantity: '1', unit: 'fixed', unitPriceMinor: 100, amountMinor: 100 }], subtotalMinor: 100, totalMinor: 100 },
      }),
    },
    'GET /api/v1/invoices/:id': { policy: I, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/invoices/${env.id(c, (o) => f(o).invoiceId)}` }) },
    'GET /api/v1/invoices/:id/documents': { policy: I, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/invoices/${env.id(c, (o) => f(o).invoiceId)}/documents` }) },
    // Any state: the vendor's PDF may come after payment (the paid invoice takes one too).
    'POST /api/v1/invoices/:id/documents': {
      policy: I,
      allowed: WRITERS,
      ok: 201,
      scoped: true,
      build: (c) => ({ url: `/api/v1/invoices/${env.id(c, (o) => f(o).paidId)}/documents?fileName=copy.pdf`, payload: PDF, headers: { 'content-type': 'application/pdf' } }),
    },
    'GET /api/v1/invoices/:id/documents/:documentId/download': {
      policy: I,
      allowed: INTERNAL,
      ok: 200,
      scoped: true,
      build: (c) => ({ url: c.scope === 'missing' ? `/api/v1/invoices/${randomUUID()}/documents/${randomUUID()}/download` : `/api/v1/invoices/${f(c.org).invoiceId}/documents/${f(c.org).documentId}/download` }),
    },
    'PATCH /api/v1/invoices/:id': {
      policy: I,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/invoices/${pick(c, (x) => x.invoiceId, (x) => x.approvedId)}`, payload: { note: `Edited ${env.uniq()}` } }),
    },
    'POST /api/v1/invoices/:id/checked': {
      policy: I,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/invoices/${await fresh(c, 'received', (x) => x.approvedId)}/checked`, payload: {} }),
    },
    'POST /api/v1/invoices/:id/approve': {
      policy: I,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/invoices/${await fresh(c, 'checked', (x) => x.invoiceId)}/approve`, payload: {} }),
    },
    'POST /api/v1/invoices/:id/paid': {
      policy: I,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/invoices/${await fresh(c, 'approved', (x) => x.invoiceId)}/paid`, payload: { paidOn: '2026-03-15' } }),
    },
    'POST /api/v1/invoices/:id/dispute': {
      policy: I,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/invoices/${await fresh(c, 'received', (x) => x.paidId)}/dispute`, payload: { reason: 'Rates above the card.' } }),
    },
    'POST /api/v1/invoices/:id/overrides': {
      policy: I,
      allowed: ADMINS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => {
        // Own: an invoice naming no contract, so its one line fails "not on the rate card".
        const id = c.scope === 'own' ? (await anInvoice(h(c.org), { vendorId: c.org.vendor.id, invoiceDate: '2026-01-15', lines: [{ description: 'Extra', quantity: String(++seq), unit: 'fixed', unitPriceMinor: 1, amountMinor: seq }] })).id : pick(c, (x) => x.invoiceId, (x) => x.approvedId);
        return { url: `/api/v1/invoices/${id}/overrides`, payload: { key: 'no_rate:line:1', reason: 'Agreed extra.' } };
      },
    },

    'GET /api/v1/invoice-mappings': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/invoice-mappings' }) },
    'PUT /api/v1/invoice-mappings': { allowed: WRITERS, ok: 200, build: () => ({ url: '/api/v1/invoice-mappings', payload: MAPPING }) },
    'PUT /api/v1/invoice-mappings/:id': {
      policy: 'The invoice mapping',
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: (c) => ({ url: `/api/v1/invoice-mappings/${env.id(c, (o) => f(o).mappingId)}`, payload: { ...MAPPING, name: 'Matrix edit', columns: { ...MAPPING.columns, tax: `Tax ${env.uniq()}` } } }),
    },
    // Deleting: a fresh mapping for each allowed call, the fixture's for another organisation's (not found).
    'DELETE /api/v1/invoice-mappings/:id': {
      policy: 'The invoice mapping',
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: async (c) => ({
        url: `/api/v1/invoice-mappings/${c.scope === 'own' ? (await saveInvoiceMapping(h(c.org).ctx(), { ...MAPPING, name: `Matrix delete ${env.uniq()}` })).id : env.id(c, (o) => f(o).mappingId)}`,
      }),
    },
    // A dry run of a one-line export (the mapping is saved in setup): nothing is stored.
    'POST /api/v1/invoices/import': {
      allowed: WRITERS,
      ok: 200,
      build: () => ({
        url: '/api/v1/invoices/import?mapping=Matrix%20export&dryRun=true',
        payload: `No,Date,Vendor,Cur,Text,Qty,Price,Amount
M-${env.uniq()},2026-01-31,${env.own.vendor.name},EUR,Work,1,1.00,1.00
`,
        headers: { 'content-type': 'text/csv' },
      }),
    },
    'GET /api/v1/exchange-rates': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/exchange-rates?currency=USD' }) },
    'PUT /api/v1/exchange-rates': { allowed: WRITERS, ok: 200, build: () => ({ url: '/api/v1/exchange-rates', payload: { currency: 'GBP', month: '2026-01', perEur: '0.8412' } }) },
    'DELETE /api/v1/exchange-rates/:id': {
      policy: 'The exchange rate',
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: async (c) => ({ url: `/api/v1/exchange-rates/${c.scope === 'own' ? (await setExchangeRate(h(c.org).ctx(), { currency: 'CHF', month: `20${30 + (seq++ % 60)}-01`, perEur: '0.94' })).id : env.id(c, (o) => f(o).rateId)}` }),
    },
    'POST /api/v1/exchange-rates/import': {
      allowed: WRITERS,
      ok: 200,
      build: () => ({ url: '/api/v1/exchange-rates/import?dryRun=true', payload: 'Date,USD,\n2026-01-30,1.0850,\n', headers: { 'content-type': 'text/csv' } }),
    },
    'GET /api/v1/costs/spend': { allowed: INTERNAL, ok: 200, build: () => ({ url: `/api/v1/costs/spend?fiscalYear=2026&vendorId=${env.own.vendor.id}` }) },
    // The vendor named in the query is the object: another organisation's, or none, is a 404.
    'GET /api/v1/costs/budget-positions': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/costs/budget-positions?fiscalYear=2026&vendorId=${env.id(c, (o) => o.vendor.id)}` }) },
    'GET /api/v1/service-credits': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/service-credits?year=2026' }) },
    // A new waiver for each call that may take it back; the other organisation's stays.
    'DELETE /api/v1/service-credits/waivers/:id': {
      policy: 'The waiver',
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: async (c) => ({ url: `/api/v1/service-credits/waivers/${c.scope === 'own' ? await waiver(c.org) : env.id(c, (o) => f(o).waiverId)}` }),
    },
    // No SLA credit is owed in the matrix's organisation: every allowed role is told there is nothing to waive.
    'POST /api/v1/service-credits/waivers': { allowed: WRITERS, ok: 400, build: () => ({ url: '/api/v1/service-credits/waivers', payload: { engagementId: env.own.engagementId, month: '2026-01', reason: 'Our fault.' } }) },
    'GET /api/v1/engagements/:id/costs': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${env.id(c, (o) => o.engagementId)}/costs?fiscalYear=2026` }) },
  };

  return {
    rows,
    async setup() {
      await saveInvoiceMapping(h(env.own).ctx(), MAPPING);
      fx.set(env.own, await fixtures(env.own));
      fx.set(env.foreign, await fixtures(env.foreign));
    },
  };
}
