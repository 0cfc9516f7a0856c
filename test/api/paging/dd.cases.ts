import { aFinding, anAssessment, anEvidence, aQuestionnaire } from '../../../src/server/seed/builders/due-diligence.ts';
import { inApp } from '../../support/due-diligence.ts';
import type { PagingCase } from './types.ts';
import { ROWS } from './types.ts';

const times = async <T>(n: number, f: (i: number) => Promise<T>) => {
  // One after another: each gets its own creation time, and ties are left to the id.
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await f(i));
  return out;
};

export const ddCases: PagingCase[] = [
  {
    route: 'GET /api/v1/questionnaires',
    async seed(t, org) {
      const made = await times(ROWS, (i) => aQuestionnaire(inApp(org, t.config), { name: `Paged questionnaire ${i}` }));
      return { url: '/api/v1/questionnaires', ids: made.map((q) => q.id) };
    },
  },
  {
    route: 'GET /api/v1/assessments',
    async seed(t, org) {
      const h = inApp(org, t.config);
      const questionnaire = await aQuestionnaire(h);
      const made = await times(ROWS, () => anAssessment(h, { vendorId: org.vendor.id, questionnaireId: questionnaire.id, contact: org.users.vendor_contact }));
      return { url: `/api/v1/assessments?vendorId=${org.vendor.id}`, ids: made.map((a) => a.id) };
    },
  },
  {
    route: 'GET /api/v1/findings',
    async seed(t, org) {
      const h = inApp(org, t.config);
      const a = await anAssessment(h, { state: 'submitted', vendorId: org.vendor.id, contact: org.users.vendor_contact });
      const made = await times(ROWS, (i) => aFinding(h, { assessmentId: a.id, title: `Paged finding ${i}` }));
      return { url: `/api/v1/findings?vendorId=${org.vendor.id}&status=open`, ids: made.map((f) => f.id) };
    },
  },
  {
    route: 'GET /api/v1/vendors/:id/evidence',
    async seed(t, org) {
      const made = await times(ROWS, (i) => anEvidence(inApp(org, t.config), { vendorId: org.vendor.id, title: `Paged evidence ${i}` }));
      return { url: `/api/v1/vendors/${org.vendor.id}/evidence`, ids: made.map((e) => e.id) };
    },
  },
  {
    route: 'GET /api/v1/portal/evidence',
    as: 'vendor_contact',
    async seed(t, org) {
      const made = await times(ROWS, (i) => anEvidence(inApp(org, t.config), { as: org.users.vendor_contact, title: `Vendor's own ${i}` }));
      return { url: '/api/v1/portal/evidence', ids: made.map((e) => e.id) };
    },
  },
];
