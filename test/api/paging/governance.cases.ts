import { aMeeting, anActionItem } from '../../../src/server/seed/builders/governance.ts';
import { createReview } from '../../../src/server/modules/governance/governance.public.ts';
import { inApp } from '../../support/due-diligence.ts';
import type { PagingCase } from './types.ts';
import { ROWS } from './types.ts';

const times = async <T>(n: number, f: (i: number) => Promise<T>) => {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await f(i));
  return out;
};

// Rows share the sort value (meeting day, due date), so the id decides their order across pages.
export const governanceCases: PagingCase[] = [
  {
    route: 'GET /api/v1/meetings',
    async seed(t, org) {
      const made = await times(ROWS, (i) => aMeeting(inApp(org, t.config), { engagementId: org.engagementId, occursOn: `2026-03-0${1 + (i % 2)}`, title: `Paged ${i}` }));
      return { url: `/api/v1/meetings?engagementId=${org.engagementId}`, ids: made.map((m) => m.id) };
    },
  },
  {
    route: 'GET /api/v1/action-items',
    async seed(t, org) {
      const made = await times(ROWS, (i) => anActionItem(inApp(org, t.config), { engagementId: org.engagementId, dueOn: `2026-04-0${1 + (i % 2)}` }));
      return { url: `/api/v1/action-items?engagementId=${org.engagementId}`, ids: made.map((a) => a.id) };
    },
  },
  {
    route: 'GET /api/v1/portal/action-items',
    as: 'vendor_contact',
    async seed(t, org) {
      const made = await times(ROWS, (i) => anActionItem(inApp(org, t.config), { engagementId: org.engagementId, ownerSide: 'vendor', dueOn: `2026-04-0${1 + (i % 2)}` }));
      return { url: '/api/v1/portal/action-items', ids: made.map((a) => a.id) };
    },
  },
  {
    route: 'GET /api/v1/performance-reviews',
    async seed(t, org) {
      const ctx = inApp(org, t.config).ctx();
      const made = await times(ROWS, (i) => createReview(ctx, { engagementId: org.engagementId, period: `2026-Q${i + 1}` }));
      return { url: `/api/v1/performance-reviews?engagementId=${org.engagementId}`, ids: made.map((r) => r.id) };
    },
  },
];
