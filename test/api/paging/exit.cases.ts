import { anEngagement } from '../../../src/server/seed/builders/core.ts';
import { inApp } from '../../support/due-diligence.ts';
import type { PagingCase } from './types.ts';
import { ROWS } from './types.ts';

// Every new engagement has no exit yet, so they share the score 0 and the engagement id decides their order across pages.
export const exitCases: PagingCase[] = [
  {
    route: 'GET /api/v1/exit/readiness',
    async seed(t, org) {
      const made = [org.engagementId];
      for (let i = 0; i < ROWS; i++) made.push((await anEngagement(inApp(org, t.config), { vendorId: org.vendor.id })).id);
      return { url: '/api/v1/exit/readiness', ids: made };
    },
    idOf: (item) => String((item.engagement as { id: string }).id),
  },
];
