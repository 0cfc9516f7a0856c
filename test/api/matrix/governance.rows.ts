import { randomUUID } from 'node:crypto';
import { anEngagement } from '../../../src/server/seed/builders/core.ts';
import { aCadence, aMeeting, anActionItem } from '../../../src/server/seed/builders/governance.ts';
import { inApp } from '../../support/due-diligence.ts';
import type { TestOrg } from '../../support/factories.ts';
import { INTERNAL, WRITERS, type AreaRows, type Call, type MatrixEnv, type Row } from './types.ts';

const C = 'The meeting cadence';
const M = 'The meeting';
const A = 'The action item';
const CONTACT = ['vendor_contact'] as const;

interface Fixtures {
  cadenceId: string;
  meetingId: string;
  /** An item the vendor's side owns, one the client's side owns, one dropped, one of the other vendor. */
  vendorActionId: string;
  clientActionId: string;
  droppedActionId: string;
  otherVendorActionId: string;
}

/** Rows for governance: settings, overlap, cadences, meetings, action items, and the vendor's action items in the portal. */
export function governanceRows(env: MatrixEnv): AreaRows {
  const fx = new Map<TestOrg, Fixtures>();
  const f = (o: TestOrg) => fx.get(o)!;
  const h = (o: TestOrg) => inApp(o, env.t.config);

  async function fixtures(o: TestOrg): Promise<Fixtures> {
    const cadence = await aCadence(h(o), { engagementId: o.engagementId });
    const meeting = await aMeeting(h(o), { engagementId: o.engagementId, occursOn: '2026-02-03', cadenceId: cadence.id, notes: 'Internal minutes' });
    const vendorAction = await anActionItem(h(o), { engagementId: o.engagementId, ownerSide: 'vendor', title: 'Vendor item' });
    const clientAction = await anActionItem(h(o), { engagementId: o.engagementId, ownerSide: 'client', title: 'Client item' });
    const dropped = await anActionItem(h(o), { engagementId: o.engagementId, ownerSide: 'vendor', title: 'Dropped item', status: 'dropped' });
    const otherEng = await anEngagement(o.handle, { vendorId: o.otherVendor.id });
    const other = await anActionItem(h(o), { engagementId: otherEng.id, ownerSide: 'vendor', title: 'Other vendor item' });
    return { cadenceId: cadence.id, meetingId: meeting.id, vendorActionId: vendorAction.id, clientActionId: clientAction.id, droppedActionId: dropped.id, otherVendorActionId: other.id };
  }

  const pick = (c: Call, own: (x: Fixtures) => string, state?: (x: Fixtures) => string, other?: (x: Fixtures) => string) => {
    if (c.scope === 'missing') return randomUUID();
    if (c.scope === 'state') return state!(f(c.org));
    if (c.scope === 'otherVendor') return other!(f(c.org));
    return own(f(c.org));
  };
  const eng = (c: Call) => env.id(c, (o) => o.engagementId);

  const rows: Record<string, Row> = {
    'GET /api/v1/engagements/:id/governance': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${eng(c)}/governance` }) },
    'PUT /api/v1/engagements/:id/governance': { allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${eng(c)}/governance`, payload: { chatChannel: `#ops-${env.uniq()}` } }) },
    'GET /api/v1/engagements/:id/overlap': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${eng(c)}/overlap` }) },
    'GET /api/v1/engagements/:id/cadences': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${eng(c)}/cadences` }) },
    'GET /api/v1/engagements/:id/agenda': { allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${eng(c)}/agenda` }) },

    'POST /api/v1/meeting-cadences': {
      allowed: WRITERS,
      ok: 201,
      build: () => ({ url: '/api/v1/meeting-cadences', payload: { engagementId: env.own.engagementId, kind: 'monthly_service_review', startsOn: '2026-01-01', startTime: '14:00', timeZone: 'Europe/Berlin' } }),
    },
    'PATCH /api/v1/meeting-cadences/:id': { policy: C, allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/meeting-cadences/${pick(c, (x) => x.cadenceId)}`, payload: { startTime: '11:00' } }) },
    'DELETE /api/v1/meeting-cadences/:id': {
      policy: C,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: async (c) => ({ url: `/api/v1/meeting-cadences/${c.scope === 'own' ? (await aCadence(h(c.org), { engagementId: c.org.engagementId })).id : pick(c, (x) => x.cadenceId)}` }),
    },

    'GET /api/v1/meetings': { allowed: INTERNAL, ok: 200, build: () => ({ url: `/api/v1/meetings?engagementId=${env.own.engagementId}` }) },
    'POST /api/v1/meetings': { allowed: WRITERS, ok: 201, build: () => ({ url: '/api/v1/meetings', payload: { engagementId: env.own.engagementId, occursOn: '2026-02-20', title: `Ad hoc ${env.uniq()}`, notes: 'Talked.' } }) },
    'GET /api/v1/meetings/:id': { policy: M, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/meetings/${pick(c, (x) => x.meetingId)}` }) },

    'GET /api/v1/action-items': { allowed: INTERNAL, ok: 200, build: () => ({ url: `/api/v1/action-items?engagementId=${env.own.engagementId}` }) },
    'POST /api/v1/action-items': { allowed: WRITERS, ok: 201, build: () => ({ url: '/api/v1/action-items', payload: { engagementId: env.own.engagementId, title: `Do ${env.uniq()}`, ownerSide: 'vendor', dueOn: '2026-06-30' } }) },
    'GET /api/v1/action-items/:id': { policy: A, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/action-items/${pick(c, (x) => x.clientActionId)}` }) },
    'PATCH /api/v1/action-items/:id': { policy: A, allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/action-items/${pick(c, (x) => x.clientActionId)}`, payload: { internalNote: `Note ${env.uniq()}` } }) },

    'GET /api/v1/portal/action-items': { allowed: CONTACT, ok: 200, build: () => ({ url: '/api/v1/portal/action-items' }) },
    'PATCH /api/v1/portal/action-items/:id': {
      policy: A,
      allowed: CONTACT,
      ok: 200,
      scoped: true,
      otherVendor: true,
      forbiddenState: 409,
      build: (c) => ({
        url: `/api/v1/portal/action-items/${pick(
          c,
          (x) => x.vendorActionId,
          (x) => x.droppedActionId,
          (x) => x.otherVendorActionId,
        )}`,
        payload: { status: 'done', vendorNote: 'Done.' },
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
