import { aVendor, anEngagement } from '../../../src/server/seed/builders/core.ts';
import type { PagingCase } from './types.ts';
import { ROWS } from './types.ts';

const times = <T>(n: number, f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)));

export const coreCases: PagingCase[] = [
  {
    route: 'GET /api/v1/vendors',
    async seed(_t, org) {
      const made = await times(ROWS, (i) => aVendor(org.handle, { name: `Paged vendor ${i}` }));
      return { url: '/api/v1/vendors?q=Paged%20vendor', ids: made.map((v) => v.id) };
    },
  },
  {
    route: 'GET /api/v1/engagements',
    async seed(_t, org) {
      const made = await times(ROWS, (i) => anEngagement(org.handle, { vendorId: org.vendor.id, name: `Paged service ${i}` }));
      return { url: '/api/v1/engagements?q=Paged%20service', ids: made.map((e) => e.id) };
    },
  },
  {
    route: 'GET /api/v1/audit-events',
    async seed(_t, org) {
      const made = await times(ROWS, (i) => aVendor(org.handle, { name: `Audited vendor ${i}` }));
      return { url: '/api/v1/audit-events?action=vendor.create', ids: made.map((v) => v.id) };
    },
    idOf: (item) => String(item.objectId),
  },
];
