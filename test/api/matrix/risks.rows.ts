import { randomUUID } from 'node:crypto';
import { addRiskAction, closeRisk } from '../../../src/server/modules/risks/risks.public.ts';
import { aFourthParty, aRisk } from '../../../src/server/seed/builders/risks.ts';
import { inApp } from '../../support/due-diligence.ts';
import type { TestOrg } from '../../support/factories.ts';
import { ADMINS, INTERNAL, WRITERS, type AreaRows, type Call, type MatrixEnv, type Row } from './types.ts';

const R = 'The risk';
const A = 'The risk action';
const F = 'The fourth party';

interface Fixtures {
  riskId: string;
  closedId: string;
  actionId: string;
  closedActionId: string;
  fourthPartyId: string;
}

/** Rows for the risk register, its settings, signals, fourth parties, concentration and what-if (internal users only; auditors read). */
export function risksRows(env: MatrixEnv): AreaRows {
  const fx = new Map<TestOrg, Fixtures>();
  const f = (o: TestOrg) => fx.get(o)!;
  const h = (o: TestOrg) => inApp(o, env.t.config);

  async function fixtures(o: TestOrg): Promise<Fixtures> {
    const risk = await aRisk(h(o), { vendorId: o.vendor.id });
    const withAction = await addRiskAction(h(o).ctx(), risk.id, { title: 'Matrix action', status: 'open' });
    const closedBase = await aRisk(h(o), { vendorId: o.vendor.id });
    const closedWithAction = await addRiskAction(h(o).ctx(), closedBase.id, { title: 'Closed action', status: 'open' });
    await closeRisk(h(o).ctx(), closedBase.id, {});
    const fp = await aFourthParty(h(o), { vendorId: o.vendor.id, name: 'Matrix Cloud' });
    return { riskId: risk.id, closedId: closedBase.id, actionId: withAction.actions[0].id, closedActionId: closedWithAction.actions[0].id, fourthPartyId: fp.id };
  }

  const pick = (c: Call, own: (x: Fixtures) => string, state?: (x: Fixtures) => string) => {
    if (c.scope === 'missing') return randomUUID();
    if (c.scope === 'state') return state!(f(c.org));
    return own(f(c.org));
  };
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

  const rows: Record<string, Row> = {
    'GET /api/v1/risk-settings': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/risk-settings' }) },
    'PUT /api/v1/risk-settings': { allowed: ADMINS, ok: 200, build: () => ({ url: '/api/v1/risk-settings', payload: { rules: { concentration: { params: { maxSharePct: 30 } } } } }) },

    'GET /api/v1/risks': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/risks' }) },
    'POST /api/v1/risks': { allowed: WRITERS, ok: 201, build: () => ({ url: '/api/v1/risks', payload: { title: `Matrix risk ${env.uniq()}`, category: 'financial', vendorId: env.own.vendor.id, inherentLikelihood: 2, inherentImpact: 3 } }) },
    'GET /api/v1/risks/heat-map': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/risks/heat-map' }) },
    'GET /api/v1/risks/:id': { policy: R, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/risks/${env.id(c, (o) => f(o).riskId)}` }) },
    'PATCH /api/v1/risks/:id': {
      policy: R,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/risks/${pick(c, (x) => x.riskId, (x) => x.closedId)}`, payload: { description: `Edited ${env.uniq()}` } }),
    },
    'POST /api/v1/risks/:id/accept': {
      policy: R,
      allowed: ADMINS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/risks/${pick(c, (x) => x.riskId, (x) => x.closedId)}/accept`, payload: { expiresOn: day(90) } }),
    },
    'POST /api/v1/risks/:id/close': {
      policy: R,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/risks/${c.scope === 'own' ? (await aRisk(h(c.org))).id : pick(c, (x) => x.riskId, (x) => x.closedId)}/close`, payload: {} }),
    },
    'POST /api/v1/risks/:id/reopen': {
      policy: R,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/risks/${c.scope === 'own' ? (await aRisk(h(c.org), { closed: true })).id : pick(c, (x) => x.closedId, (x) => x.riskId)}/reopen` }),
    },
    'POST /api/v1/risks/:id/actions': {
      policy: R,
      allowed: WRITERS,
      ok: 201,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/risks/${pick(c, (x) => x.riskId, (x) => x.closedId)}/actions`, payload: { title: `Action ${env.uniq()}` } }),
    },
    'PATCH /api/v1/risk-actions/:id': {
      policy: A,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/risk-actions/${pick(c, (x) => x.actionId, (x) => x.closedActionId)}`, payload: { status: 'in_progress' } }),
    },

    'GET /api/v1/risk-signals': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/risk-signals' }) },
    'POST /api/v1/risk-signals/evaluate': { allowed: WRITERS, ok: 200, build: () => ({ url: '/api/v1/risk-signals/evaluate' }) },

    'GET /api/v1/fourth-parties': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/fourth-parties' }) },
    'POST /api/v1/fourth-parties': { allowed: WRITERS, ok: 201, build: () => ({ url: '/api/v1/fourth-parties', payload: { vendorId: env.own.vendor.id, name: `Sub ${env.uniq()}`, service: 'Hosting' } }) },
    'GET /api/v1/fourth-parties/:id': { policy: F, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/fourth-parties/${env.id(c, (o) => f(o).fourthPartyId)}` }) },
    'PATCH /api/v1/fourth-parties/:id': { policy: F, allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/fourth-parties/${env.id(c, (o) => f(o).fourthPartyId)}`, payload: { service: `Hosting ${env.uniq()}` } }) },
    'DELETE /api/v1/fourth-parties/:id': {
      policy: F,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: async (c) => ({ url: `/api/v1/fourth-parties/${c.scope === 'own' ? (await aFourthParty(h(c.org), { vendorId: c.org.vendor.id })).id : env.id(c, (o) => f(o).fourthPartyId)}` }),
    },

    'GET /api/v1/risk-concentration': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/risk-concentration' }) },
    'GET /api/v1/what-if': { allowed: INTERNAL, ok: 200, build: () => ({ url: `/api/v1/what-if?vendorId=${env.own.vendor.id}` }) },
  };

  return {
    rows,
    async setup() {
      fx.set(env.own, await fixtures(env.own));
      fx.set(env.foreign, await fixtures(env.foreign));
    },
  };
}
