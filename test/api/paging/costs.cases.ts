import { aContract } from '../../../src/server/seed/builders/contracts.ts';
import { aBudget, aChangeRequest, anInvoice, aRateCardItem } from '../../../src/server/seed/builders/costs.ts';
import { setExchangeRate } from '../../../src/server/modules/costs/costs.public.ts';
import { inApp } from '../../support/due-diligence.ts';
import type { PagingCase } from './types.ts';
import { ROWS } from './types.ts';

const times = async <T>(n: number, f: (i: number) => Promise<T>) => {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await f(i));
  return out;
};

// Some rows share the sort value (fiscal year, name, invoice date), so the id decides their order across pages.
export const costsCases: PagingCase[] = [
  {
    // Two currencies share each month, so the currency then the id decide the order across pages.
    route: 'GET /api/v1/exchange-rates',
    async seed(t, org) {
      const made = await times(ROWS, (i) => setExchangeRate(inApp(org, t.config).ctx(), { currency: i % 2 ? 'USD' : 'GBP', month: `2026-${String(1 + Math.floor(i / 2)).padStart(2, '0')}`, perEur: `1.${i}` }));
      return { url: '/api/v1/exchange-rates', ids: made.map((r) => r.id) };
    },
  },
  {
    route: 'GET /api/v1/budgets',
    async seed(t, org) {
      const made = await times(ROWS, (i) => aBudget(inApp(org, t.config), { engagementId: org.engagementId, fiscalYear: 2026 + (i % 2), label: `Paged budget ${i}` }));
      return { url: `/api/v1/budgets?engagementId=${org.engagementId}`, ids: made.map((b) => b.id) };
    },
  },
  {
    route: 'GET /api/v1/rate-card-items',
    async seed(t, org) {
      const contract = await aContract(inApp(org, t.config), { vendorId: org.vendor.id });
      const made = await times(ROWS, (i) => aRateCardItem(inApp(org, t.config), { contractId: contract.id, name: `Role ${i % 2}` }));
      return { url: `/api/v1/rate-card-items?contractId=${contract.id}`, ids: made.map((r) => r.id) };
    },
  },
  {
    route: 'GET /api/v1/invoices',
    async seed(t, org) {
      const made = await times(ROWS, (i) => anInvoice(inApp(org, t.config), { vendorId: org.vendor.id, engagementId: org.engagementId, invoiceDate: `2026-0${3 + (i % 2)}-15` }));
      return { url: `/api/v1/invoices?engagementId=${org.engagementId}`, ids: made.map((x) => x.id) };
    },
  },
  {
    route: 'GET /api/v1/change-requests',
    async seed(t, org) {
      const made = await times(ROWS, (i) => aChangeRequest(inApp(org, t.config), { engagementId: org.engagementId, title: `Paged change ${i}` }));
      return { url: `/api/v1/change-requests?engagementId=${org.engagementId}`, ids: made.map((x) => x.id) };
    },
  },
  {
    route: 'GET /api/v1/portal/change-requests',
    as: 'vendor_contact',
    async seed(t, org) {
      const made = await times(ROWS, (i) => aChangeRequest(inApp(org, t.config), { engagementId: org.engagementId, title: `Portal change ${i}`, contact: org.users.vendor_contact }));
      return { url: '/api/v1/portal/change-requests', ids: made.map((x) => x.id) };
    },
  },
];
