import { aDeliverable, aMilestone, aPayment } from '../../../src/server/seed/builders/deliverables.ts';
import { inApp } from '../../support/due-diligence.ts';
import type { PagingCase } from './types.ts';
import { ROWS } from './types.ts';

const times = async <T>(n: number, f: (i: number) => Promise<T>) => {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await f(i));
  return out;
};
// Some rows share a due date (or a position), so the id decides their order across pages.
const due = (i: number) => `2026-0${3 + (i % 2)}-15`;

export const deliverablesCases: PagingCase[] = [
  {
    route: 'GET /api/v1/milestones',
    async seed(t, org) {
      const made = await times(ROWS, (i) => aMilestone(inApp(org, t.config), { engagementId: org.engagementId, name: `Paged milestone ${i}`, position: i % 2 }));
      return { url: `/api/v1/milestones?engagementId=${org.engagementId}`, ids: made.map((m) => m.id) };
    },
  },
  {
    route: 'GET /api/v1/deliverables',
    async seed(t, org) {
      const made = await times(ROWS, (i) => aDeliverable(inApp(org, t.config), { engagementId: org.engagementId, title: `Paged deliverable ${i}`, dueDate: due(i) }));
      return { url: `/api/v1/deliverables?engagementId=${org.engagementId}`, ids: made.map((d) => d.id) };
    },
  },
  {
    route: 'GET /api/v1/payments',
    async seed(t, org) {
      const made = await times(ROWS, (i) => aPayment(inApp(org, t.config), { engagementId: org.engagementId, label: `Paged payment ${i}`, dueDate: due(i) }));
      return { url: `/api/v1/payments?engagementId=${org.engagementId}`, ids: made.map((p) => p.id) };
    },
  },
  {
    route: 'GET /api/v1/portal/deliverables',
    as: 'vendor_contact',
    async seed(t, org) {
      const made = await times(ROWS, (i) => aDeliverable(inApp(org, t.config), { engagementId: org.engagementId, title: `Portal deliverable ${i}`, dueDate: due(i) }));
      return { url: '/api/v1/portal/deliverables', ids: made.map((d) => d.id) };
    },
  },
];
