import { aVendor, anEngagement } from '../../../src/server/seed/builders/core.ts';
import { authHeaders, loginAs } from '../../support/factories.ts';
import type { PagingCase } from './types.ts';
import { ROWS } from './types.ts';

export const clauseCases: PagingCase[] = [
  {
    // A critical engagement with no contract: every clause its requirements demand is a gap.
    route: 'GET /api/v1/contract-gaps',
    async seed(t, org) {
      const vendor = await aVendor(org.handle, { name: 'Paged gaps' });
      await anEngagement(org.handle, { vendorId: vendor.id, name: 'Uncovered', criticality: 'critical' });
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/contract-gaps?vendorId=${vendor.id}&limit=200`, headers: authHeaders(await loginAs(t.database.db, org.users.owner)) });
      const ids = (res.json() as { items: Array<{ key: string }> }).items.map((g) => g.key);
      if (ids.length < ROWS) throw new Error(`expected at least ${ROWS} gaps, got ${ids.length}`);
      return { url: `/api/v1/contract-gaps?vendorId=${vendor.id}`, ids };
    },
    idOf: (item) => String(item.key),
  },
];
