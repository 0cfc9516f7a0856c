import { SignalListQuery } from '../../../src/shared/contracts/risks.ts';
import { evaluateSignals, listSignals } from '../../../src/server/modules/risks/risks.public.ts';
import { anEvidence } from '../../../src/server/seed/builders/due-diligence.ts';
import { aFourthParty, aRisk } from '../../../src/server/seed/builders/risks.ts';
import { inApp } from '../../support/due-diligence.ts';
import type { PagingCase } from './types.ts';
import { ROWS } from './types.ts';

const times = async <T>(n: number, f: (i: number) => Promise<T>) => {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await f(i));
  return out;
};

// Risks share their residual level and fourth parties their name, so the id decides their order across pages.
export const risksCases: PagingCase[] = [
  {
    route: 'GET /api/v1/risks',
    async seed(t, org) {
      const made = await times(ROWS, (i) => aRisk(inApp(org, t.config), { title: `Paged risk ${i}`, inherentLikelihood: 2, inherentImpact: 2 }));
      return { url: '/api/v1/risks?q=Paged%20risk', ids: made.map((r) => r.id) };
    },
  },
  {
    route: 'GET /api/v1/fourth-parties',
    async seed(t, org) {
      const h = inApp(org, t.config);
      const made = [await aFourthParty(h, { vendorId: org.vendor.id, name: 'Shared Cloud' }), await aFourthParty(h, { vendorId: org.otherVendor.id, name: 'Shared Cloud Ltd' }), await aFourthParty(h, { vendorId: org.vendor.id, name: 'Other host' })];
      return { url: '/api/v1/fourth-parties', ids: made.map((f) => f.id) };
    },
  },
  {
    route: 'GET /api/v1/risk-signals',
    async seed(t, org) {
      const h = inApp(org, t.config);
      // Three lapsed documents of a high-tier vendor: three signals of one rule.
      for (const type of ['iso27001_certificate', 'soc2_type2_report', 'penetration_test'] as const) await anEvidence(h, { vendorId: org.vendor.id, type, validUntil: '2020-01-01' });
      await evaluateSignals(h.ctx());
      const ids = (await listSignals(h.ctx(), SignalListQuery.parse({ rule: 'evidence_expiry', limit: 200 }))).items.map((s) => s.id);
      return { url: '/api/v1/risk-signals?rule=evidence_expiry', ids };
    },
  },
];
