import { randomUUID } from 'node:crypto';
import { BUILTIN_STEPS } from '../../../src/domain/exit/template.ts';
import { updateStep } from '../../../src/server/modules/exit/exit.public.ts';
import { anEngagement, aUser } from '../../../src/server/seed/builders/core.ts';
import { SMALL_PDF } from '../../../src/server/seed/builders/due-diligence.ts';
import { anExitAsset, anExitDrill, anExitPlan, aStepFile, aVendorAccount } from '../../../src/server/seed/builders/exit.ts';
import { revokeVendorAccount } from '../../../src/server/modules/exit/exit.public.ts';
import { inApp } from '../../support/due-diligence.ts';
import type { TestOrg } from '../../support/factories.ts';
import { ADMINS, CONTACT, INTERNAL, WRITERS, type AreaRows, type Call, type MatrixEnv, type Row } from './types.ts';

const A = 'The exit asset';
const V = 'The vendor account';
const P = 'The exit plan';
const S = 'The exit step';
const X = 'The exit action';
const F = 'The handed-over file';

interface Fixtures {
  assetId: string;
  accountId: string;
  revokedAccountId: string;
  draftPlanId: string;
  draftStepId: string;
  runningPlanId: string;
  runningStepId: string;
  /** A step the vendor owns of a running exit. */
  vendorStepId: string;
  donePlanId: string;
  doneVendorStepId: string;
  otherVendorStepId: string;
  actionId: string;
  fileId: string;
  otherVendorFileId: string;
}

/** Rows for exit readiness: settings, the engagement's exit page and its writes, plans and steps, drills, actions, the portal's handover steps. */
export function exitRows(env: MatrixEnv): AreaRows {
  const fx = new Map<TestOrg, Fixtures>();
  const f = (o: TestOrg) => fx.get(o)!;
  const h = (o: TestOrg) => inApp(o, env.t.config);
  const vendorStep = (plan: { steps: Array<{ id: string; owner: string }> }) => plan.steps.find((s) => s.owner === 'vendor')!.id;

  async function fixtures(o: TestOrg): Promise<Fixtures> {
    const asset = await anExitAsset(h(o), { engagementId: o.engagementId });
    const account = await aVendorAccount(h(o), { engagementId: o.engagementId });
    const revoked = await aVendorAccount(h(o), { engagementId: o.engagementId });
    await revokeVendorAccount(h(o).ctx(), revoked.id);
    const draft = (await anExitPlan(h(o), { engagementId: o.engagementId })).plan!;
    const running = (await anExitPlan(h(o), { engagementId: (await anEngagement(h(o), { vendorId: o.vendor.id })).id, start: true })).plan!;
    const done = (await anExitPlan(h(o), { engagementId: (await anEngagement(h(o), { vendorId: o.vendor.id })).id, start: true })).plan!;
    for (const s of done.steps) await updateStep(h(o).ctx(), s.id, { status: 'done' });
    const theirs = (await anExitPlan(h(o), { engagementId: (await anEngagement(h(o), { vendorId: o.otherVendor.id })).id, start: true })).plan!;
    const drill = await anExitDrill(h(o), o.engagementId, { results: { [BUILTIN_STEPS[0].key]: 'not_possible' } });
    const file = await aStepFile(h(o), o.users.vendor_contact, vendorStep(running));
    const theirContact = await aUser(h(o), { role: 'vendor_contact', vendorId: o.otherVendor.id });
    const theirFile = await aStepFile(h(o), theirContact, vendorStep(theirs));
    return {
      assetId: asset.id,
      accountId: account.id,
      revokedAccountId: revoked.id,
      draftPlanId: draft.id,
      draftStepId: draft.steps[0].id,
      runningPlanId: running.id,
      runningStepId: running.steps[0].id,
      vendorStepId: vendorStep(running),
      donePlanId: done.id,
      doneVendorStepId: vendorStep(done),
      otherVendorStepId: vendorStep(theirs),
      actionId: drill.actions[0].id,
      fileId: file.id,
      otherVendorFileId: theirFile.id,
    };
  }

  const pick = (c: Call, own: (x: Fixtures) => string, state?: (x: Fixtures) => string, other: (x: Fixtures) => string = (x) => x.otherVendorStepId) => {
    if (c.scope === 'missing') return randomUUID();
    if (c.scope === 'state') return state!(f(c.org));
    if (c.scope === 'otherVendor') return other(f(c.org));
    return own(f(c.org));
  };
  const eng = (c: Call) => env.id(c, (o) => o.engagementId);
  /** A new engagement of the vendor for a call that creates its one plan (own scope); the fixtures' otherwise. */
  const freshEngagement = async (c: Call) => (c.scope === 'own' ? (await anEngagement(h(c.org), { vendorId: c.org.vendor.id })).id : eng(c));

  const rows: Record<string, Row> = {
    'GET /api/v1/exit-settings': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/exit-settings' }) },
    'PUT /api/v1/exit-settings': { allowed: ADMINS, ok: 200, build: () => ({ url: '/api/v1/exit-settings', payload: { threshold: 50 } }) },
    'GET /api/v1/exit/readiness': { allowed: INTERNAL, ok: 200, build: () => ({ url: '/api/v1/exit/readiness' }) },

    'GET /api/v1/engagements/:id/exit': { allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${eng(c)}/exit` }) },
    'PUT /api/v1/engagements/:id/exit/profile': { allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${eng(c)}/exit/profile`, payload: { rtoHours: 8, daysAlone: 3 } }) },
    'POST /api/v1/engagements/:id/exit/assets': {
      allowed: WRITERS,
      ok: 201,
      scoped: true,
      build: (c) => ({ url: `/api/v1/engagements/${eng(c)}/exit/assets`, payload: { kind: 'monitoring', name: `Dashboards ${env.uniq()}`, holder: 'shared' } }),
    },
    'PATCH /api/v1/exit-assets/:id': { policy: A, allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/exit-assets/${pick(c, (x) => x.assetId)}`, payload: { notes: `Edited ${env.uniq()}` } }) },
    'POST /api/v1/exit-assets/:id/verify': { policy: A, allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/exit-assets/${pick(c, (x) => x.assetId)}/verify`, payload: { clientAdminAccess: true } }) },
    'DELETE /api/v1/exit-assets/:id': {
      policy: A,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      build: async (c) => ({ url: `/api/v1/exit-assets/${c.scope === 'own' ? (await anExitAsset(h(c.org), { engagementId: c.org.engagementId })).id : pick(c, (x) => x.assetId)}` }),
    },

    'POST /api/v1/engagements/:id/exit/accounts': { allowed: WRITERS, ok: 201, scoped: true, build: (c) => ({ url: `/api/v1/engagements/${eng(c)}/exit/accounts`, payload: { system: 'VPN', account: `v-${env.uniq()}` } }) },
    'PATCH /api/v1/exit-accounts/:id': { policy: V, allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/exit-accounts/${pick(c, (x) => x.accountId)}`, payload: { mfaEnforced: true } }) },
    'POST /api/v1/exit-accounts/:id/revoke': {
      policy: V,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => ({ url: `/api/v1/exit-accounts/${c.scope === 'own' ? (await aVendorAccount(h(c.org), { engagementId: c.org.engagementId })).id : pick(c, (x) => x.accountId, (x) => x.revokedAccountId)}/revoke` }),
    },

    'POST /api/v1/engagements/:id/exit/plan': { allowed: WRITERS, ok: 201, scoped: true, build: async (c) => ({ url: `/api/v1/engagements/${await freshEngagement(c)}/exit/plan`, payload: { timelineDays: 120 } }) },
    'PATCH /api/v1/exit-plans/:id': {
      policy: P,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/exit-plans/${pick(c, (x) => x.draftPlanId, (x) => x.runningPlanId)}`, payload: { notes: `Edited ${env.uniq()}` } }),
    },
    'POST /api/v1/exit-plans/:id/review': {
      policy: P,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/exit-plans/${pick(c, (x) => x.draftPlanId, (x) => x.donePlanId)}/review` }),
    },
    'POST /api/v1/exit-plans/:id/start': {
      policy: P,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: async (c) => ({
        url: `/api/v1/exit-plans/${c.scope === 'own' ? (await anExitPlan(h(c.org), { engagementId: (await anEngagement(h(c.org), { vendorId: c.org.vendor.id })).id })).plan!.id : pick(c, (x) => x.draftPlanId, (x) => x.runningPlanId)}/start`,
      }),
    },
    'PATCH /api/v1/exit-steps/:id': {
      policy: S,
      allowed: WRITERS,
      ok: 200,
      scoped: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/exit-steps/${pick(c, (x) => x.runningStepId, (x) => x.draftStepId)}`, payload: { internalNote: `Note ${env.uniq()}` } }),
    },

    'POST /api/v1/engagements/:id/exit/drills': {
      allowed: WRITERS,
      ok: 201,
      scoped: true,
      build: (c) => ({ url: `/api/v1/engagements/${eng(c)}/exit/drills`, payload: { scenario: 'Vendor gone', kind: 'tabletop', heldOn: '2026-01-15', results: [{ stepKey: 'give_notice', title: 'Give notice', result: 'done' }] } }),
    },
    'POST /api/v1/engagements/:id/exit/actions': {
      allowed: WRITERS,
      ok: 201,
      scoped: true,
      build: (c) => ({ url: `/api/v1/engagements/${eng(c)}/exit/actions`, payload: { title: `Get the root password back ${env.uniq()}`, dueOn: '2027-01-31' } }),
    },
    'PATCH /api/v1/exit-actions/:id': { policy: X, allowed: WRITERS, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/exit-actions/${pick(c, (x) => x.actionId)}`, payload: { status: 'open' } }) },

    'GET /api/v1/portal/exit-steps': { allowed: CONTACT, ok: 200, build: () => ({ url: '/api/v1/portal/exit-steps' }) },
    'POST /api/v1/portal/exit-steps/:id/deliver': {
      policy: S,
      allowed: CONTACT,
      ok: 200,
      scoped: true,
      otherVendor: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/portal/exit-steps/${pick(c, (x) => x.vendorStepId, (x) => x.doneVendorStepId)}/deliver`, payload: { note: `Handed over ${env.uniq()}` } }),
    },
    'POST /api/v1/portal/exit-steps/:id/files': {
      policy: S,
      allowed: CONTACT,
      ok: 201,
      scoped: true,
      otherVendor: true,
      forbiddenState: 409,
      build: (c) => ({ url: `/api/v1/portal/exit-steps/${pick(c, (x) => x.vendorStepId, (x) => x.doneVendorStepId)}/files?fileName=export.pdf`, payload: SMALL_PDF, headers: { 'content-type': 'application/pdf' } }),
    },
    'GET /api/v1/portal/exit-step-files/:id/download': {
      policy: F,
      allowed: CONTACT,
      ok: 200,
      scoped: true,
      otherVendor: true,
      build: (c) => ({ url: `/api/v1/portal/exit-step-files/${pick(c, (x) => x.fileId, undefined, (x) => x.otherVendorFileId)}/download` }),
    },
    'GET /api/v1/exit-step-files/:id/download': { policy: F, allowed: INTERNAL, ok: 200, scoped: true, build: (c) => ({ url: `/api/v1/exit-step-files/${pick(c, (x) => x.fileId)}/download` }) },
  };

  return {
    rows,
    async setup() {
      fx.set(env.own, await fixtures(env.own));
      fx.set(env.foreign, await fixtures(env.foreign));
    },
  };
}
