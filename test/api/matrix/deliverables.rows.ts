import { randomUUID } from 'node:crypto';
import { anEngagement } from '../../../src/server/seed/builders/core.ts';
import { aDeliverable, aMilestone, aPayment } from '../../../src/server/seed/builders/deliverables.ts';
import { SMALL_PDF } from '../../../src/server/seed/builders/due-diligence.ts';
import { inApp } from '../../support/due-diligence.ts';
import type { TestOrg } from '../../support/factories.ts';
import { CONTACT, INTERNAL, WRITERS, type AreaRows, type Call, type MatrixEnv, type Row } from './types.ts';

const M = 'The milestone';
const D = 'The deliverable';
const F = 'The file';
const P = 'The payment';

interface Fixtures {
  milestoneId: string;
  deliverableId: string;
  acceptedId: string;
  submittedId: string;
  fileId: string;
  otherVendorDeliverableId: string;
  otherVendorFileId: string;
  paymentId: string;
  paidPaymentId: string;
}

/** Rows for milestones, deliverables, payments and the vendor's deliverables in the portal. */
export function deliverablesRows(env: MatrixEnv): AreaRows {
  const fx = new Map<TestOrg, Fixtures>();
  const f = (o: TestOrg) => fx.get(o)!;
  const h = (o: TestOrg) => inApp(o, env.t.config);
  const contactOf = (o: TestOrg) => o.users.vendor_contact;

  async function fixtures(o: TestOrg): Promise<Fixtures> {
    const milestone = await aMilestone(h(o), { engagementId: o.engagementId, name: `Matrix milestone ${env.uniq()}` });
    const planned = await aDeliverable(h(o), { engagementId: o.engagementId, milestoneId: milestone.id });
    const accepted = await aDeliverable(h(o), { engagementId: o.engagementId, state: 'accepted', contact: contactOf(o), withFile: true });
    const submitted = await aDeliverable(h(o), { engagementId: o.engagementId, state: 'submitted', contact: contactOf(o) });
    const otherEng = await anEngagement(o.handle, { vendorId: o.otherVendor.id });
    const theirs = await aDeliverable(h(o), { engagementId: otherEng.id, state: 'submitted', withFile: true });
    const payment = await aPayment(h(o), { engagementId: o.engagementId });
    const paid = await aPayment(h(o), { engagementId: o.engagementId, paidOn: '2026-01-15' });
    return {
      milestoneId: milestone.id,
      deliverableId: planned.id,
      acceptedId: accepted.id,
      submittedId: submitted.id,
      fileId: accepted.submissions[0].files[0].id,
      otherVendorDeliverableId: theirs.id,
      otherVendorFileId: theirs.submissions[0].files[0].id,
      paymentId: payment.id,
      paidPaymentId: paid.id,
    };
  }

  /** The object of a call: own/foreign fixture, a random id, another vendor's, or one in a forbidding state. */
  const pick = (c: Call, own: (x: Fixtures) => string, state?: (x: Fixtures) => string, other?: (x: Fixtures) => string) => {
    if (c.scope === 'missing') return randomUUID();
    if (c.scope === 'state') return state!(f(c.org));
    if (c.scope === 'otherVendor') return other!(f(c.org));
    return own(f(c.org));
  };
  /** A fresh deliverable for a call that changes one (own scope); fixtures otherwise. */
  async function freshDeliverable(c: Call, state: 'planned' | 'submitted', forbidden: (x: Fixtures) => string): Promise<string> {
    if (c.scope !== 'own') return pick(c, (x) => x.deliverableId, forbidden, (x) => x.otherVendorDeliverableId);
    return (await aDeliverable(h(c.org), { engagementId: c.org.engagementId, state, contact: contactOf(c.org) })).id;
  }

  const rows: Record<string, Row> = {
    'GET /api/v1/milestones': { allowed: INTERNAL, ok: 200, build: () => ({ url: `/api/v1/milestones?engagementId=${env.own.engagementId}` }) },
    'POST /api/v1/milestones': { allowed: WRITERS, ok: 201, build: () => ({ url: '/api/v1/milestones', payload: { engagementId: env.own.engagementId, name: `M ${env.uniq()}` } }) },
    'GET /api/v1/milestones/:id': { policy: M, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/milestones/${env.id(c, (o) => f(o).milestoneId)}` }) },
    'PATCH /api/v1/milestones/:id': { policy: M, allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/milestones/${env.id(c, (o) => f(o).milestoneId)}`, payload: { name: `Renamed ${env.uniq()}` } }) },

    'GET /api/v1/deliverables': { allowed: INTERNAL, ok: 200, build: () => ({ url: `/api/v1/deliverables?engagementId=${env.own.engagementId}` }) },
    'POST /api/v1/deliverables': {
      allowed: WRITERS,
      ok: 201,
      build: () => ({ url: '/api/v1/deliverables', payload: { engagementId: env.own.engagementId, title: `D ${env.uniq()}`, dueDate: '2026-06-30', criteria: ['Works'] } }),
    },
    'GET /api/v1/deliverables/:id': { policy: D, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/deliverables/${env.id(c, (o) => f(o).deliverableId)}` }) },
    'PATCH /api/v1/deliverables/:id': {
      policy: D,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/deliverables/${pick(c, (x) => x.deliverableId, (x) => x.acceptedId)}`, payload: { description: `Edited ${env.uniq()}` } }),
    },
    'POST /api/v1/deliverables/:id/status': {
      policy: D,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/deliverables/${pick(c, (x) => x.deliverableId, (x) => x.submittedId)}/status`, payload: { status: 'in_progress' } }),
    },
    'POST /api/v1/deliverables/:id/accept': {
      policy: D,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/deliverables/${await freshDeliverable(c, 'submitted', (x) => x.acceptedId)}/accept`, payload: { criteriaMet: [true, true] } }),
    },
    'POST /api/v1/deliverables/:id/reject': {
      policy: D,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/deliverables/${await freshDeliverable(c, 'submitted', (x) => x.deliverableId)}/reject`, payload: { reason: 'Incomplete.' } }),
    },
    'GET /api/v1/deliverable-files/:id/download': { policy: F, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/deliverable-files/${env.id(c, (o) => f(o).fileId)}/download` }) },
    'GET /api/v1/vendors/:id/on-time-rate': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/vendors/${env.id(c, (o) => o.vendor.id)}/on-time-rate` }) },

    'GET /api/v1/payments': { allowed: INTERNAL, ok: 200, build: () => ({ url: `/api/v1/payments?engagementId=${env.own.engagementId}` }) },
    'POST /api/v1/payments': {
      allowed: WRITERS,
      ok: 201,
      build: () => ({ url: '/api/v1/payments', payload: { engagementId: env.own.engagementId, label: `P ${env.uniq()}`, amountMinor: 10_000, currency: 'EUR', dueDate: '2026-06-30' } }),
    },
    'GET /api/v1/payments/totals': { allowed: INTERNAL, ok: 200, build: () => ({ url: `/api/v1/payments/totals?engagementId=${env.own.engagementId}` }) },
    'GET /api/v1/payments/:id': { policy: P, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/payments/${env.id(c, (o) => f(o).paymentId)}` }) },
    'PATCH /api/v1/payments/:id': {
      policy: P,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/payments/${pick(c, (x) => x.paymentId, (x) => x.paidPaymentId)}`, payload: { note: `Edited ${env.uniq()}` } }),
    },
    'POST /api/v1/payments/:id/paid': {
      policy: P,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => {
        const id = c.scope === 'own' ? (await aPayment(h(c.org), { engagementId: c.org.engagementId })).id : pick(c, (x) => x.paymentId, (x) => x.paidPaymentId);
        return { url: `/api/v1/payments/${id}/paid`, payload: { paidOn: '2026-02-01' } };
      },
    },

    'GET /api/v1/portal/deliverables': { allowed: CONTACT, ok: 200, build: () => ({ url: '/api/v1/portal/deliverables' }) },
    'GET /api/v1/portal/deliverables/:id': {
      policy: D,
      allowed: CONTACT,
      ok: 200,
      scoped: true,
      otherVendor: true,
      build: (c) => ({ url: `/api/v1/portal/deliverables/${pick(c, (x) => x.deliverableId, undefined, (x) => x.otherVendorDeliverableId)}` }),
    },
    // A vendor contact trying another vendor's deliverable: not found, exactly like a missing one.
    'POST /api/v1/portal/deliverables/:id/submit': {
      policy: D,
      allowed: CONTACT,
      ok: 200,
      scoped: true,
      otherVendor: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/portal/deliverables/${await freshDeliverable(c, 'planned', (x) => x.acceptedId)}/submit`, payload: { note: 'Handed in.' } }),
    },
    'POST /api/v1/portal/deliverables/:id/files': {
      policy: D,
      allowed: CONTACT,
      ok: 201,
      scoped: true,
      otherVendor: true,
      forbiddenState: 409,
      build: (c) => ({
        url: `/api/v1/portal/deliverables/${pick(c, (x) => x.deliverableId, (x) => x.submittedId, (x) => x.otherVendorDeliverableId)}/files?fileName=report.pdf`,
        payload: SMALL_PDF,
        headers: { 'content-type': 'application/pdf' },
      }),
    },
    'GET /api/v1/portal/deliverable-files/:id/download': {
      policy: F,
      allowed: CONTACT,
      ok: 200,
      scoped: true,
      otherVendor: true,
      build: (c) => ({ url: `/api/v1/portal/deliverable-files/${pick(c, (x) => x.fileId, undefined, (x) => x.otherVendorFileId)}/download` }),
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
