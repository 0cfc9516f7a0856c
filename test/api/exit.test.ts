import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, civilDateIn } from '../../src/domain/civil-date.ts';
import { whatMoved } from '../../src/domain/exit/history.ts';
import { DEFAULT_WEIGHTS } from '../../src/domain/exit/readiness.ts';
import { BUILTIN_STEPS } from '../../src/domain/exit/template.ts';
import { FEEDS } from '../../src/server/feeds/registry.ts';
import { exitFeed, readinessByEngagement, recordReadinessDrift } from '../../src/server/modules/exit/exit.public.ts';
import { aClauseReview } from '../../src/server/seed/builders/clauses.ts';
import { aContract } from '../../src/server/seed/builders/contracts.ts';
import { SMALL_PDF } from '../../src/server/seed/builders/due-diligence.ts';
import { anEngagement, aVendor } from '../../src/server/seed/builders/core.ts';
import { anExitPlan, aVendorAccount } from '../../src/server/seed/builders/exit.ts';
import type { EngagementExit } from '../../src/shared/contracts/exit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { call, inApp } from '../support/deliverables.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// Issue 14: assets and access, fallback, exit plans from a template, readiness measured, drills, running an exit.
let t: TestApp;
let org: TestOrg;
let owner: Login;
let manager: Login;
let analyst: Login;
let contact: Login;
const h = () => inApp(org, t.config);
const today = () => civilDateIn(new Date(), 'UTC');
const put = (login: Login, url: string, payload: object) => t.app.inject({ method: 'PUT', url, payload, headers: authHeaders(login) });

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
  owner = await loginAs(t.database.db, org.users.owner);
  manager = await loginAs(t.database.db, org.users.manager);
  analyst = await loginAs(t.database.db, org.users.analyst);
  contact = await loginAs(t.database.db, org.users.vendor_contact);
});
afterAll(() => t.close());

async function view(engagementId: string, as = analyst): Promise<EngagementExit> {
  const res = await call(t, as, 'GET', `/api/v1/engagements/${engagementId}/exit`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const factor = (v: EngagementExit, key: string) => v.readiness.factors.find((f) => f.key === key)!;

describe('assets, vendor accounts, recovery objectives and the in-house fallback', () => {
  it('records assets and moves readiness when access is verified', async () => {
    const e = await anEngagement(h(), { vendorId: org.vendor.id });
    const res = await call(t, manager, 'POST', `/api/v1/engagements/${e.id}/exit/assets`, { kind: 'source_repository', name: 'Billing repository', holder: 'vendor', location: 'Vendor GitLab' });
    expect(res.statusCode, res.body).toBe(201);
    const asset = (res.json() as EngagementExit).assets[0];
    expect(asset).toMatchObject({ kindLabel: 'Source repository', holderLabel: 'The vendor holds it', controlled: false });
    await call(t, manager, 'POST', `/api/v1/engagements/${e.id}/exit/assets`, { kind: 'domain_dns', name: 'billing.example.com', holder: 'client', clientAdminAccess: true, lastVerifiedOn: addDays(today(), -30) });
    let v = await view(e.id);
    // One of two assets in order: half of the assets factor's 20 = 10.
    expect(factor(v, 'assets')).toMatchObject({ credit: 0.5, points: 10 });
    expect(v.readiness.score).toBe(10);

    // The repository moves to us and someone checks admin access today: the factor is full, and history has the step.
    await call(t, manager, 'PATCH', `/api/v1/exit-assets/${asset.id}`, { holder: 'client' });
    const verified = await call(t, manager, 'POST', `/api/v1/exit-assets/${asset.id}/verify`, { clientAdminAccess: true });
    expect(verified.statusCode, verified.body).toBe(200);
    v = verified.json();
    expect(v.assets.find((a) => a.id === asset.id)).toMatchObject({ lastVerifiedOn: today(), controlled: true });
    expect(v.readiness.score).toBe(20);
    expect(v.history.map((p) => p.score)).toEqual([0, 10, 20]);
    expect(v.history.at(-1)!.reason).toBe('Access verified: Billing repository');
  });

  it('keeps vendor accounts, recovery objectives and fallback; refuses bad input by field', async () => {
    const e = await anEngagement(h(), { vendorId: org.vendor.id });
    const acc = await call(t, manager, 'POST', `/api/v1/engagements/${e.id}/exit/accounts`, { system: 'AWS production', account: 'vendor-ops', mfaEnforced: false });
    expect(acc.statusCode, acc.body).toBe(201);
    const id = (acc.json() as EngagementExit).accounts[0].id;
    const revoked = await call(t, manager, 'POST', `/api/v1/exit-accounts/${id}/revoke`);
    expect((revoked.json() as EngagementExit).accounts[0].revokedOn).toBe(today());
    expect((await call(t, manager, 'POST', `/api/v1/exit-accounts/${id}/revoke`)).statusCode).toBe(409);

    const saved = await put(manager, `/api/v1/engagements/${e.id}/exit/profile`, {
      rtoHours: 8,
      rpoHours: 1,
      substitutability: 'hard',
      substitutabilityReason: 'Custom integrations with the ERP',
      backupOwnerIds: [org.users.manager.id],
      skills: [
        { name: 'Database administration', coverage: 'can_run', coveredById: org.users.admin.id },
        { name: 'Release pipeline', coverage: 'none' },
      ],
      runbooks: [{ title: 'Restore from backup', location: 'Wiki › Billing › Runbooks', lastReviewedOn: addDays(today(), -10) }],
      daysAlone: 5,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const v = saved.json() as EngagementExit;
    expect(v.profile).toMatchObject({ rtoHours: 8, substitutabilityLabel: 'Hard to replace', daysAlone: 5, backupOwners: [{ id: org.users.manager.id, name: org.users.manager.name }] });
    expect(v.profile.skills[0]).toMatchObject({ coverageLabel: 'Can run it', coveredBy: { id: org.users.admin.id } });
    // Skills: (1 + 0) / 2 of 15 = 7.5; documentation: 10 → 17.5 → 18.
    expect(factor(v, 'skills').points).toBe(7.5);
    expect(v.readiness.score).toBe(18);

    const bad = await put(manager, `/api/v1/engagements/${e.id}/exit/profile`, { skills: [{ name: 'Networking', coverage: 'basic' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('skills.0.coveredById');
    const contactAsOwner = await put(manager, `/api/v1/engagements/${e.id}/exit/profile`, { backupOwnerIds: [org.users.vendor_contact.id] });
    expect(contactAsOwner.json().error.details.issues[0].path).toBe('backupOwnerIds.0');
    const future = await call(t, manager, 'POST', `/api/v1/engagements/${e.id}/exit/assets`, { kind: 'certificate', name: 'TLS', holder: 'client', lastVerifiedOn: addDays(today(), 3) });
    expect(future.json().error.details.issues[0].path).toBe('lastVerifiedOn');
    const kind = await call(t, manager, 'POST', `/api/v1/engagements/${e.id}/exit/assets`, { kind: 'spaceship', name: 'X', holder: 'client' });
    expect(kind.statusCode).toBe(400);
    expect(kind.body).toContain('source repository');
    // Nothing half-written: the refused saves left the profile as it was.
    expect((await view(e.id)).profile.skills).toHaveLength(2);
  });
});

describe('exit plans from the template, the exit-assistance clause, drills', () => {
  it('builds a plan from the built-in template, counts the clause, and turns a failed drill step into an action', async () => {
    const e = await anEngagement(h(), { vendorId: org.vendor.id, criticality: 'critical' });
    const built = await call(t, manager, 'POST', `/api/v1/engagements/${e.id}/exit/plan`, { target: 'vendor', alternativeName: 'Northwind Hosting', budgetMinor: 4_500_000, currency: 'eur' });
    expect(built.statusCode, built.body).toBe(201);
    let v = built.json() as EngagementExit;
    expect(v.plan!.steps.map((s) => s.key)).toEqual(BUILTIN_STEPS.map((s) => s.key));
    expect(v.plan).toMatchObject({ status: 'draft', reviewedOn: today(), currency: 'EUR', targetLabel: 'Move to Northwind Hosting', triggerLabels: ['The vendor becomes insolvent', 'Service levels are breached again and again', 'The contract ends'] });
    // Plan reviewed (15) and an alternative named (5).
    expect(v.readiness.score).toBe(20);
    expect((await call(t, manager, 'POST', `/api/v1/engagements/${e.id}/exit/plan`, {})).statusCode).toBe(409);

    // The contract in force has the exit-assistance clause: +10.
    const contract = await aContract(h(), { vendorId: org.vendor.id, engagementIds: [e.id] });
    await aClauseReview(h(), { contractId: contract.id, clause: 'exit_assistance', status: 'present' });
    v = await view(e.id);
    expect(factor(v, 'clause')).toMatchObject({ credit: 1, points: DEFAULT_WEIGHTS.clause });
    expect(v.readiness.score).toBe(30);

    // A drill of six steps: five done, the data export not possible (and 15 hours against an RTO of 4).
    const results = BUILTIN_STEPS.slice(0, 6).map((s) => ({ stepKey: s.key, title: s.title, result: s.key === 'data_export' ? 'not_possible' : 'done', minutesTaken: s.key === 'data_export' ? 900 : 30, note: s.key === 'data_export' ? 'No export format agreed' : null }));
    await put(manager, `/api/v1/engagements/${e.id}/exit/profile`, { rtoHours: 4 });
    const drilled = await call(t, manager, 'POST', `/api/v1/engagements/${e.id}/exit/drills`, { scenario: 'Vendor insolvent overnight', kind: 'tabletop', heldOn: today(), participants: ['Ana', 'Ben'], results });
    expect(drilled.statusCode, drilled.body).toBe(201);
    v = drilled.json();
    expect(v.drills[0]).toMatchObject({ outcome: 83, kindLabel: 'Tabletop exercise' });
    expect(v.drills[0].results.find((r) => r.stepKey === 'data_export')).toMatchObject({ resultLabel: 'Not possible', overRto: true });
    expect(v.actions).toHaveLength(1);
    expect(v.actions[0]).toMatchObject({ status: 'open', title: 'Close the gap in "Export the data in the agreed format, and verify it"' });
    expect(v.actions[0].detail).toContain('took 900 minutes against a recovery time objective of 4 hours');
    expect(factor(v, 'drill').credit).toBeCloseTo(0.833, 3);
    // 30 + 15 × 5/6 = 42.5 → 43 (the data export, not possible, earns nothing).
    expect(v.readiness.score).toBe(43);
    expect(v.history.at(-1)!.reason).toBe('Drill recorded: Vendor insolvent overnight');

    // A second drill where the export works: the data export factor is full.
    const again = await call(t, manager, 'POST', `/api/v1/engagements/${e.id}/exit/drills`, { scenario: 'Export rehearsal', kind: 'live', heldOn: today(), results: [{ stepKey: 'data_export', title: 'Export', result: 'done', minutesTaken: 120 }] });
    expect(factor(again.json(), 'data_export').credit).toBe(1);
    const closed = await call(t, manager, 'PATCH', `/api/v1/exit-actions/${v.actions[0].id}`, { status: 'done' });
    expect((closed.json() as EngagementExit).actions[0].status).toBe('done');

    const future = await call(t, manager, 'POST', `/api/v1/engagements/${e.id}/exit/drills`, { scenario: 'X', kind: 'live', heldOn: addDays(today(), 1), results });
    expect(future.json().error.details.issues[0].path).toBe('heldOn');
    expect((await call(t, analyst, 'POST', `/api/v1/engagements/${e.id}/exit/drills`, { scenario: 'X', kind: 'live', heldOn: today(), results })).statusCode).toBe(403);
  });

  it('uses the organisation’s own template and weights (Settings → Exit)', async () => {
    const set = await put(owner, '/api/v1/exit-settings', {
      steps: [
        { title: 'Give notice', owner: 'us', offsetDays: 0 },
        { title: 'Hand over the runbooks', owner: 'vendor', offsetDays: 14, evidence: 'The runbooks' },
      ],
      threshold: 60,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ stepsAreBuiltin: false, threshold: 60, steps: [{ key: 'give_notice' }, { key: 'hand_over_the_runbooks' }] });
    const e = await anEngagement(h(), { vendorId: org.vendor.id });
    const v = await anExitPlan(h(), { engagementId: e.id });
    expect(v.plan!.steps.map((s) => s.title)).toEqual(['Give notice', 'Hand over the runbooks']);
    expect(v.readiness).toMatchObject({ threshold: 60, belowThreshold: true });
    const bad = await put(owner, '/api/v1/exit-settings', { weights: { ...DEFAULT_WEIGHTS, plan: 0, clause: 0, assets: 0, documentation: 0, skills: 0, drill: 0, alternative: 0, data_export: 0 } });
    expect(bad.json().error.details.issues[0].path).toBe('weights');
    expect((await put(manager, '/api/v1/exit-settings', { threshold: 10 })).statusCode).toBe(403);
    // Back to the built-in template for the tests after this one.
    expect((await put(owner, '/api/v1/exit-settings', { steps: null, threshold: 50 })).json()).toMatchObject({ stepsAreBuiltin: true });
  });
});

describe('running an exit', () => {
  it('dates the checklist from today, moves the vendor to exiting, shows the contact its own steps, and closes the engagement at the end', async () => {
    const e = await anEngagement(h(), { vendorId: org.vendor.id, criticality: 'critical' });
    await aVendorAccount(h(), { engagementId: e.id, system: 'Jira', account: 'vendor-admin' });
    const plan = (await anExitPlan(h(), { engagementId: e.id })).plan!;
    const step = plan.steps.find((s) => s.key === 'documentation_handover')!;
    await call(t, manager, 'PATCH', `/api/v1/exit-plans/${plan.id}`, { notes: 'Keep this from the vendor' });
    const started = await call(t, manager, 'POST', `/api/v1/exit-plans/${plan.id}/start`);
    expect(started.statusCode, started.body).toBe(200);
    const v = started.json() as EngagementExit;
    expect(v.plan!.status).toBe('running');
    expect(v.plan!.steps.map((s) => s.dueOn)).toEqual(BUILTIN_STEPS.map((s) => addDays(today(), s.offsetDays)));
    expect(v.engagement.status).toBe('ending');
    expect((await call(t, analyst, 'GET', `/api/v1/vendors/${org.vendor.id}`)).json().status).toBe('exiting');
    expect((await call(t, manager, 'POST', `/api/v1/exit-plans/${plan.id}/start`)).statusCode).toBe(409);
    expect((await call(t, manager, 'PATCH', `/api/v1/exit-plans/${plan.id}`, { timelineDays: 10 })).statusCode).toBe(409);

    await call(t, manager, 'PATCH', `/api/v1/exit-steps/${step.id}`, { internalNote: 'They will stall on this' });
    const portal = await call(t, contact, 'GET', '/api/v1/portal/exit-steps');
    expect(portal.statusCode, portal.body).toBe(200);
    const mine = portal.json().items as Array<{ id: string; title: string }>;
    expect(mine.map((s) => s.title)).toContain(step.title);
    expect(mine).toHaveLength(BUILTIN_STEPS.filter((s) => s.owner === 'vendor').length);
    expect(portal.body).not.toContain('They will stall');
    expect(portal.body).not.toContain('Keep this from the vendor');
    // The contact uploads the runbooks as a file, then hands the step in with a note.
    const up = await t.app.inject({ method: 'POST', url: `/api/v1/portal/exit-steps/${step.id}/files?fileName=runbooks.pdf`, payload: SMALL_PDF, headers: { ...authHeaders(contact), 'content-type': 'application/pdf' } });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ fileName: 'runbooks.pdf', contentType: 'application/pdf' });
    const handedIn = await call(t, contact, 'POST', `/api/v1/portal/exit-steps/${step.id}/deliver`, { note: 'Runbooks uploaded to the shared drive, folder Handover' });
    expect(handedIn.json()).toMatchObject({ status: 'delivered', vendorNote: 'Runbooks uploaded to the shared drive, folder Handover', files: [{ fileName: 'runbooks.pdf' }] });
    // We download what the vendor handed over.
    const fileId = (await view(e.id)).plan!.steps.find((s) => s.id === step.id)!.files[0].id;
    const got = await call(t, analyst, 'GET', `/api/v1/exit-step-files/${fileId}/download`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(SMALL_PDF)).toBe(true);
    // Our own steps are not the vendor's to hand in.
    const ours = plan.steps.find((s) => s.owner === 'us')!;
    expect((await call(t, contact, 'POST', `/api/v1/portal/exit-steps/${ours.id}/deliver`, { note: 'x' })).statusCode).toBe(404);

    let last: EngagementExit | null = null;
    for (const s of plan.steps) last = (await call(t, manager, 'PATCH', `/api/v1/exit-steps/${s.id}`, { status: 'done' })).json();
    expect(last!.plan).toMatchObject({ status: 'done', finishedOn: today() });
    expect(last!.engagement.status).toBe('ended');
    expect(last!.accounts[0].revokedOn).toBe(today());
    expect((await call(t, contact, 'POST', `/api/v1/portal/exit-steps/${step.id}/deliver`, { note: 'late' })).statusCode).toBe(409);
  });
});

describe('actions added by hand', () => {
  it('adds an action with an owner and a due date, edits it, and refuses an owner from another organisation or the vendor', async () => {
    const e = await anEngagement(h(), { vendorId: org.vendor.id });
    const added = await call(t, manager, 'POST', `/api/v1/engagements/${e.id}/exit/actions`, { title: 'Get the root password of the billing database back', dueOn: '2027-02-01', ownerUserId: org.users.analyst.id });
    expect(added.statusCode, added.body).toBe(201);
    const action = (added.json() as EngagementExit).actions[0];
    expect(action).toMatchObject({ title: 'Get the root password of the billing database back', dueOn: '2027-02-01', drillId: null, status: 'open', owner: { id: org.users.analyst.id } });
    expect(action.owner!.name).not.toBe('A former user');

    const moved = await call(t, manager, 'PATCH', `/api/v1/exit-actions/${action.id}`, { dueOn: '2027-03-15', ownerUserId: null });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await view(e.id)).actions[0]).toMatchObject({ dueOn: '2027-03-15', owner: null, status: 'open' });

    const stranger = await createTestOrg(t.database.db);
    for (const ownerUserId of [stranger.users.analyst.id, org.users.vendor_contact.id]) {
      const bad = await call(t, manager, 'PATCH', `/api/v1/exit-actions/${action.id}`, { ownerUserId });
      expect(bad.statusCode, bad.body).toBe(400);
      expect(bad.json().error.details.issues[0].path).toBe('ownerUserId');
    }
    expect((await call(t, manager, 'PATCH', `/api/v1/exit-actions/${action.id}`, {})).statusCode).toBe(400);

    // Due within the dashboard's window, it is on the feed until it is closed.
    const window = { from: today(), to: addDays(today(), 30) };
    await call(t, manager, 'PATCH', `/api/v1/exit-actions/${action.id}`, { dueOn: addDays(today(), -2) });
    const due = (await exitFeed.due!(h().ctx(), window)).find((d) => d.key === `exit-action:${action.id}`);
    expect(due).toMatchObject({ overdue: true, engagement: { id: e.id }, title: expect.stringContaining('Get the root password') });
    await call(t, manager, 'PATCH', `/api/v1/exit-actions/${action.id}`, { status: 'done' });
    expect((await exitFeed.due!(h().ctx(), window)).some((d) => d.key === `exit-action:${action.id}`)).toBe(false);
    expect((await call(t, manager, 'POST', `/api/v1/engagements/${e.id}/exit/actions`, { title: '  ' })).statusCode).toBe(400);
    expect((await call(t, analyst, 'POST', `/api/v1/engagements/${e.id}/exit/actions`, { title: 'Analysts read only' })).statusCode).toBe(403);
  });
});

describe('the daily readiness check', () => {
  it('names the factors that moved without an exit change, once however often it runs', () => {
    expect(whatMoved(null, { plan: 15 })).toBe('Recorded by the daily check');
    expect(whatMoved({ clause: 0, drill: 15, plan: 15 }, { clause: 10, drill: 12.46, plan: 15 })).toBe(
      'Changed outside the exit plan: The contract has an exit-assistance clause: 0 → 10 points; Last exit drill, its outcome and how recent it is: 15 → 12.5 points',
    );
  });

  it('adds a point of history when a clause review moves the score, and none when nothing moved', async () => {
    const e = await anEngagement(h(), { vendorId: org.vendor.id });
    await anExitPlan(h(), { engagementId: e.id });
    const before = (await view(e.id)).history.length;
    const contract = await aContract(h(), { vendorId: org.vendor.id, engagementIds: [e.id] });
    await aClauseReview(h(), { contractId: contract.id, clause: 'exit_assistance', status: 'present' });
    // The clause review is not an exit change: no point yet, though the score moved.
    expect((await view(e.id)).history).toHaveLength(before);

    const ctx = h().ctx();
    const [a, b] = await Promise.all([recordReadinessDrift(ctx), recordReadinessDrift(ctx)]);
    expect(a.recorded + b.recorded).toBeGreaterThanOrEqual(1);
    const v = await view(e.id);
    expect(v.history).toHaveLength(before + 1);
    expect(v.history.at(-1)).toMatchObject({ score: v.readiness.score, reason: 'Changed outside the exit plan: The contract has an exit-assistance clause: 0 → 10 points' });
    expect((await recordReadinessDrift(ctx)).recorded).toBe(0);
    expect((await view(e.id)).history).toHaveLength(before + 1);
  });
});

describe('when an exit completes', () => {
  const runToEnd = async (engagementId: string) => {
    const plan = (await anExitPlan(h(), { engagementId })).plan!;
    expect((await call(t, manager, 'POST', `/api/v1/exit-plans/${plan.id}/start`)).statusCode).toBe(200);
    for (const s of plan.steps) expect((await call(t, manager, 'PATCH', `/api/v1/exit-steps/${s.id}`, { status: 'done' })).statusCode).toBe(200);
  };
  const statusOf = async (vendorId: string) => (await call(t, analyst, 'GET', `/api/v1/vendors/${vendorId}`)).json().status;

  it('makes the vendor a former vendor when nothing of it still runs, and leaves it exiting while another engagement does', async () => {
    const vendor = await aVendor(h(), { name: 'Leaving Soon Ltd', status: 'active' });
    const first = await anEngagement(h(), { vendorId: vendor.id, name: 'Payroll run', status: 'active' });
    const second = await anEngagement(h(), { vendorId: vendor.id, name: 'Payroll support', status: 'active' });
    await runToEnd(first.id);
    expect(await statusOf(vendor.id)).toBe('exiting');
    await runToEnd(second.id);
    expect(await statusOf(vendor.id)).toBe('former');
  });
});

describe('the portfolio, the risk module’s fact and the feed', () => {
  it('lists readiness weakest first, and the feed names critical engagements not ready to exit', async () => {
    const res = await call(t, analyst, 'GET', '/api/v1/exit/readiness?critical=true');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: Array<{ score: number; engagement: { criticality: string } }>; total: number };
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((r) => ['critical', 'high'].includes(r.engagement.criticality))).toBe(true);
    expect(body.items.map((r) => r.score)).toEqual([...body.items.map((r) => r.score)].sort((a, b) => a - b));
    const rows = await readinessByEngagement(h().ctx());
    expect(rows.length).toBeGreaterThan(0);
    expect(FEEDS).toContain(exitFeed);
    const exposures = await exitFeed.exposures!(h().ctx(), today());
    expect(exposures[0].count).toBe(rows.filter((r) => ['critical', 'high'].includes(r.engagement.criticality) && r.belowThreshold).length);
    const due = await exitFeed.due!(h().ctx(), { from: today(), to: addDays(today(), 30) });
    expect(due.some((d) => d.kind === 'exit_drill')).toBe(true);
  });
});
