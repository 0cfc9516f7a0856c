import { randomUUID } from 'node:crypto';
import type { ChangeStatus } from '../../../src/shared/contracts/change-requests.ts';
import { anEngagement } from '../../../src/server/seed/builders/core.ts';
import { aChangeRequest } from '../../../src/server/seed/builders/costs.ts';
import { inApp } from '../../support/due-diligence.ts';
import type { TestOrg } from '../../support/factories.ts';
import { CONTACT, INTERNAL, WRITERS, type AreaRows, type Call, type MatrixEnv, type Row } from './types.ts';

const C = 'The change request';

interface Fixtures {
  proposedId: string;
  approvedId: string;
  otherVendorId: string;
  /** Raised by the org's vendor contact in the portal: proposed, and approved (a state the vendor can no longer change). */
  vendorProposedId: string;
  vendorApprovedId: string;
}

/** Rows for change requests (the client's side and the vendor's in the portal) and scope creep. */
export function changeRequestRows(env: MatrixEnv): AreaRows {
  const fx = new Map<TestOrg, Fixtures>();
  const f = (o: TestOrg) => fx.get(o)!;
  const h = (o: TestOrg) => inApp(o, env.t.config);

  async function fixtures(o: TestOrg): Promise<Fixtures> {
    const proposed = await aChangeRequest(h(o), { engagementId: o.engagementId, title: `Matrix change ${env.uniq()}` });
    const approved = await aChangeRequest(h(o), { engagementId: o.engagementId, state: 'approved' });
    const theirs = await aChangeRequest(h(o), { engagementId: (await anEngagement(o.handle, { vendorId: o.otherVendor.id })).id });
    const contact = o.users.vendor_contact;
    const vendorProposed = await aChangeRequest(h(o), { engagementId: o.engagementId, contact });
    const vendorApproved = await aChangeRequest(h(o), { engagementId: o.engagementId, contact, state: 'approved' });
    return { proposedId: proposed.id, approvedId: approved.id, otherVendorId: theirs.id, vendorProposedId: vendorProposed.id, vendorApprovedId: vendorApproved.id };
  }

  /** The object of a call: own/foreign fixture, a random id, another vendor's, or one in a forbidding state. */
  const pick = (c: Call, own: (x: Fixtures) => string, state?: (x: Fixtures) => string) => {
    if (c.scope === 'missing') return randomUUID();
    if (c.scope === 'state') return state!(f(c.org));
    if (c.scope === 'otherVendor') return f(c.org).otherVendorId;
    return own(f(c.org));
  };
  /** A fresh change in `state` for a call that decides one (own scope); fixtures otherwise. */
  const fresh = async (c: Call, state: ChangeStatus, forbidden: (x: Fixtures) => string) =>
    c.scope === 'own' ? (await aChangeRequest(h(c.org), { engagementId: c.org.engagementId, state })).id : pick(c, (x) => x.proposedId, forbidden);
  const raise = () => ({ title: `Raised ${env.uniq()}`, reason: 'Needed.', scope: 'More work.', currency: 'EUR', oneOffMinor: 10_000 });

  const rows: Record<string, Row> = {
    'GET /api/v1/change-requests': { allowed: INTERNAL, ok: 200, build: () => ({ url: `/api/v1/change-requests?engagementId=${env.own.engagementId}` }) },
    'POST /api/v1/change-requests': { allowed: WRITERS, ok: 201, build: () => ({ url: '/api/v1/change-requests', payload: { ...raise(), engagementId: env.own.engagementId } }) },
    'GET /api/v1/change-requests/:id': { policy: C, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/change-requests/${pick(c, (x) => x.proposedId)}` }) },
    'PATCH /api/v1/change-requests/:id': {
      policy: C,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/change-requests/${pick(c, (x) => x.proposedId, (x) => x.approvedId)}`, payload: { internalNote: `Edited ${env.uniq()}` } }),
    },
    'POST /api/v1/change-requests/:id/review': {
      policy: C,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/change-requests/${await fresh(c, 'proposed', (x) => x.approvedId)}/review`, payload: {} }),
    },
    'POST /api/v1/change-requests/:id/approve': {
      policy: C,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/change-requests/${await fresh(c, 'under_review', (x) => x.approvedId)}/approve`, payload: {} }),
    },
    'POST /api/v1/change-requests/:id/reject': {
      policy: C,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/change-requests/${await fresh(c, 'proposed', (x) => x.approvedId)}/reject`, payload: { reason: 'Not now.' } }),
    },
    'POST /api/v1/change-requests/:id/implemented': {
      policy: C,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/change-requests/${c.scope === 'own' ? (await aChangeRequest(h(c.org), { engagementId: c.org.engagementId, state: 'approved' })).id : pick(c, (x) => x.approvedId, (x) => x.proposedId)}/implemented`, payload: { implementedOn: '2099-01-01' } }),
    },
    'GET /api/v1/engagements/:id/scope-creep': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${env.id(c, (o) => o.engagementId)}/scope-creep` }) },

    'GET /api/v1/portal/engagements': { allowed: CONTACT, ok: 200, build: () => ({ url: '/api/v1/portal/engagements' }) },
    'GET /api/v1/portal/change-requests': { allowed: CONTACT, ok: 200, build: () => ({ url: '/api/v1/portal/change-requests' }) },
    'POST /api/v1/portal/change-requests': { allowed: CONTACT, ok: 201, build: () => ({ url: '/api/v1/portal/change-requests', payload: { ...raise(), engagementId: env.own.engagementId } }) },
    // A vendor contact reaching for another vendor's change request: not found, exactly like a missing one.
    'GET /api/v1/portal/change-requests/:id': { policy: C, allowed: CONTACT, ok: 200, scoped: true, otherVendor: true, build: (c) => ({ url: `/api/v1/portal/change-requests/${pick(c, (x) => x.proposedId)}` }) },
    // The vendor corrects its own proposed change; an approved one is a forbidding state.
    'PATCH /api/v1/portal/change-requests/:id': {
      policy: C,
      allowed: CONTACT,
      ok: 200,
      scoped: true,
      otherVendor: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/portal/change-requests/${pick(c, (x) => x.vendorProposedId, (x) => x.vendorApprovedId)}`, payload: { scope: `Corrected ${env.uniq()}` } }),
    },
    'POST /api/v1/portal/change-requests/:id/withdraw': {
      policy: C,
      allowed: CONTACT,
      ok: 200,
      scoped: true,
      otherVendor: true,
      forbiddenState: 409,
      build: async (c) => ({
        url: `/api/v1/portal/change-requests/${c.scope === 'own' ? (await aChangeRequest(h(c.org), { engagementId: c.org.engagementId, contact: c.org.users.vendor_contact })).id : pick(c, (x) => x.vendorProposedId, (x) => x.vendorApprovedId)}/withdraw`,
        payload: { reason: 'Raised twice by mistake.' },
      }),
    },
  };

  return {
    rows,
    async setup() {
      fx.set(env.own, await fixtures(env.own));
      fx.set(env.foreign, await fixtures(env.foreign));
    },
  };
}
