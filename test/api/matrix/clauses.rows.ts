import { randomUUID } from 'node:crypto';
import { aCustomClause, aRequirement, aReviewableContract, clauseId } from '../../../src/server/seed/builders/clauses.ts';
import type { TestOrg } from '../../support/factories.ts';
import { INTERNAL, WRITERS, type AreaRows, type Call, type MatrixEnv } from './types.ts';

interface ClauseFixtures {
  contractId: string;
  otherContractId: string;
  clauseId: string;
  customClauseId: string;
  requirementId: string;
}

/** Rows for the clause library, clause reviews, requirements and gaps (internal users only: a vendor contact gets 403). */
export function clauseRows(env: MatrixEnv): AreaRows {
  const { uniq, id } = env;
  const fx = new Map<TestOrg, ClauseFixtures>();
  const f = (o: TestOrg) => fx.get(o)!;
  const contract = (c: Call) => id(c, (o) => f(o).contractId);

  async function setup() {
    for (const o of [env.own, env.foreign]) {
      const contractId = (await aReviewableContract(o.handle, { vendorId: o.vendor.id, engagementIds: [o.engagementId], title: `Matrix contract ${uniq()}` })).id;
      const otherContractId = (await aReviewableContract(o.handle, { vendorId: o.vendor.id, engagementIds: [o.engagementId], title: `Matrix contract ${uniq()}` })).id;
      const custom = await aCustomClause(o.handle, { title: `Matrix clause ${uniq()}` });
      const reason = `Matrix ${uniq()}`;
      const list = await aRequirement(o.handle, { clause: 'insurance', reason });
      fx.set(o, { contractId, otherContractId, clauseId: await clauseId(o.handle, 'audit_rights'), customClauseId: custom.id, requirementId: list.items.find((r) => r.reason === reason)!.id! });
    }
  }

  const rows: AreaRows['rows'] = {
    'GET /api/v1/clauses': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/clauses?retired=all' }) },
    'POST /api/v1/clauses': { allowed: WRITERS, ok: 201, build: () => ({ url: '/api/v1/clauses', payload: { title: `Matrix clause ${uniq()}` } }) },
    'PATCH /api/v1/clauses/:id': {
      policy: 'The clause',
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: (c) => ({ url: `/api/v1/clauses/${id(c, (o) => f(o).customClauseId)}`, payload: { guidance: `g ${uniq()}` } }),
    },
    'POST /api/v1/clauses/:id/retire': { policy: 'The clause', allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/clauses/${id(c, (o) => f(o).customClauseId)}/retire` }) },
    'POST /api/v1/clauses/:id/restore': { policy: 'The clause', allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/clauses/${id(c, (o) => f(o).customClauseId)}/restore` }) },
    'GET /api/v1/contracts/:id/clauses': { policy: 'The clause review', allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/contracts/${contract(c)}/clauses` }) },
    'PUT /api/v1/contracts/:id/clauses/:clauseId': {
      policy: 'The clause review',
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: (c) => ({ url: `/api/v1/contracts/${contract(c)}/clauses/${f(c.org).clauseId}`, payload: { status: 'weak', weakReason: `No frequency ${uniq()}` } }),
    },
    'POST /api/v1/contracts/:id/clauses/copy': {
      policy: 'The clause review',
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: (c) => ({ url: `/api/v1/contracts/${contract(c)}/clauses/copy`, payload: { fromContractId: f(c.org).otherContractId } }),
    },
    'GET /api/v1/clause-requirements': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/clause-requirements' }) },
    'POST /api/v1/clause-requirements': {
      allowed: WRITERS,
      ok: 201,
      build: () => ({ url: '/api/v1/clause-requirements', payload: { clauseId: f(env.own).clauseId, when: { criticality: ['critical'] }, reason: `Matrix ${uniq()}` } }),
    },
    'PUT /api/v1/clause-requirements/dora': { allowed: WRITERS, ok: 200, build: () => ({ url: '/api/v1/clause-requirements/dora', payload: { enabled: false } }) },
    'PATCH /api/v1/clause-requirements/:id': {
      policy: 'The clause requirement',
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: (c) => ({ url: `/api/v1/clause-requirements/${id(c, (o) => f(o).requirementId)}`, payload: { reason: `Matrix ${uniq()}` } }),
    },
    'DELETE /api/v1/clause-requirements/:id': {
      policy: 'The clause requirement',
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: async (c) => {
        if (c.scope === 'missing') return { url: `/api/v1/clause-requirements/${randomUUID()}` };
        const reason = `Doomed ${uniq()}`;
        const list = await aRequirement(c.org.handle, { clause: 'penalties', reason });
        return { url: `/api/v1/clause-requirements/${list.items.find((r) => r.reason === reason)!.id}` };
      },
    },
    'GET /api/v1/contract-gaps': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/contract-gaps?limit=200' }) },
  };
  return { rows, setup };
}
