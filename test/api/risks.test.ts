import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { risksToCsv } from '../../src/cli/commands/risks.ts';
import pino from 'pino';
import { FEEDS } from '../../src/server/feeds/registry.ts';
import { runRiskSignals } from '../../src/server/jobs/risk-signals.ts';
import { risksFeed } from '../../src/server/modules/risks/risks.public.ts';
import { anEngagement, aVendor } from '../../src/server/seed/builders/core.ts';
import { anEvidence } from '../../src/server/seed/builders/due-diligence.ts';
import { aFourthParty, aRisk } from '../../src/server/seed/builders/risks.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { call, inApp } from '../support/deliverables.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// Issue 13: the risk register on the organisation's matrix, signals raised from the facts, fourth parties, concentration and what-if.
let t: TestApp;
let org: TestOrg;
let owner: Login;
let manager: Login;
let auditor: Login;
const h = () => inApp(org, t.config);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const put = (login: Login, url: string, payload: object) => t.app.inject({ method: 'PUT', url, payload, headers: authHeaders(login) });

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
  owner = await loginAs(t.database.db, org.users.owner);
  manager = await loginAs(t.database.db, org.users.manager);
  auditor = await loginAs(t.database.db, org.users.auditor);
});
afterAll(() => t.close());

describe('the matrix', () => {
  it('starts at 5×5 and takes a 3×3 lookup grid of its own; a grid naming no level is refused by field', async () => {
    const first = await call(t, auditor, 'GET', '/api/v1/risk-settings');
    expect(first.json().matrix.size).toBe(5);
    expect(first.json().rules.map((r: { key: string }) => r.key)).toContain('evidence_expiry');
    const bad = await put(owner, '/api/v1/risk-settings', { matrix: { ...first.json().matrix, grid: [[0, 0, 0, 1, 5], [0, 0, 1, 1, 2], [0, 1, 1, 2, 2], [1, 1, 2, 2, 3], [1, 2, 2, 3, 3]] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('matrix.grid.0.4');
    const rule = await put(owner, '/api/v1/risk-settings', { rules: { sla_below_target: { params: { breaches: 3 } }, nonsense: { enabled: false } } });
    expect(rule.statusCode).toBe(400);
    expect(rule.json().error.details.issues[0].path).toBe('rules.nonsense');
    const three = { size: 3, likelihoodLabels: ['Low', 'Medium', 'High'], impactLabels: ['Minor', 'Serious', 'Severe'], levels: [{ label: 'Fine', color: 'green' }, { label: 'Act', color: 'red' }], grid: [[0, 0, 1], [0, 1, 1], [1, 1, 1]], appetite: 0 };
    const set = await put(owner, '/api/v1/risk-settings', { matrix: three, rules: { sla_below_target: { params: { breaches: 3 } } } });
    expect(set.statusCode).toBe(200);
    expect(set.json().rules.find((r: { key: string }) => r.key === 'sla_below_target').params.find((p: { key: string }) => p.key === 'breaches').value).toBe(3);
    expect((await call(t, auditor, 'GET', '/api/v1/risks/heat-map')).json().cells[0][2]).toMatchObject({ levelLabel: 'Act', aboveAppetite: true });
    expect((await put(auditor, '/api/v1/risk-settings', { matrix: three })).statusCode).toBe(403);
    // Money bands: "Serious" costs €250,000.00, "Medium" happens 10 % of years → €25,000.00 a year.
    expect((await put(owner, '/api/v1/risk-settings', { matrix: { ...three, loss: { currency: 'EUR', impactMinor: [1_000_000, 25_000_000, 200_000_000], likelihoodPct: [2, 10, 50] } } })).statusCode).toBe(200);
    const priced = await call(t, manager, 'POST', '/api/v1/risks', { title: 'Priced risk', category: 'financial', inherentLikelihood: 2, inherentImpact: 2 });
    expect(priced.json().residual.annualLoss).toEqual({ amountMinor: 2_500_000, currency: 'EUR' });
    expect((await call(t, manager, 'POST', `/api/v1/risks/${priced.json().id}/close`, {})).statusCode).toBe(200);
    expect((await put(owner, '/api/v1/risk-settings', { matrix: first.json().matrix })).statusCode).toBe(200);
  });
});

describe('the register', () => {
  it('links a risk to a vendor and engagement, keeps its score history, and flags an acceptance the residual outgrew', async () => {
    const created = await call(t, manager, 'POST', '/api/v1/risks', {
      title: 'Service desk staff leave at once',
      category: 'service_delivery',
      engagementId: org.engagementId,
      ownerId: org.users.manager.id,
      inherentLikelihood: 4,
      inherentImpact: 4,
      residualLikelihood: 3,
      residualImpact: 3,
      treatment: 'mitigate',
      reviewOn: day(-1),
    });
    expect(created.statusCode).toBe(201);
    const r = created.json();
    // The vendor follows from the engagement; the default matrix puts 4×4 at "High" and 3×3 at "Medium" (within appetite).
    expect(r.vendor.id).toBe(org.vendor.id);
    expect([r.inherent.levelLabel, r.inherent.aboveAppetite, r.residual.levelLabel, r.residual.aboveAppetite]).toEqual(['High', true, 'Medium', false]);
    expect(r.reviewDue).toBe(true);

    const mismatch = await call(t, manager, 'POST', '/api/v1/risks', { title: 'x', category: 'security', vendorId: org.otherVendor.id, engagementId: org.engagementId, inherentLikelihood: 1, inherentImpact: 1 });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.details.issues[0].path).toBe('engagementId');

    const action = await call(t, manager, 'POST', `/api/v1/risks/${r.id}/actions`, { title: 'Cross-train a second team', ownerId: org.users.manager.id, dueOn: day(-2) });
    expect(action.json().actions[0]).toMatchObject({ title: 'Cross-train a second team', overdue: true, status: 'open' });
    expect(action.json().openActions).toBe(1);

    // A manager may not accept; an owner may, and is the approver.
    expect((await call(t, manager, 'POST', `/api/v1/risks/${r.id}/accept`, { expiresOn: day(180) })).statusCode).toBe(403);
    const accepted = await call(t, owner, 'POST', `/api/v1/risks/${r.id}/accept`, { expiresOn: day(180), note: 'Two teams by spring' });
    expect(accepted.json().acceptance).toMatchObject({ approver: { id: org.users.owner.id }, outOfDate: false, expired: false });
    expect(accepted.json().treatment).toBe('accept');

    const rescored = await call(t, manager, 'PATCH', `/api/v1/risks/${r.id}`, { residualLikelihood: 4, scoreNote: 'Two people resigned' });
    expect(rescored.json().acceptance.outOfDate).toBe(true);
    expect(rescored.json().history.map((p: { residual: { likelihood: number }; note: string | null }) => [p.residual.likelihood, p.note])).toEqual([
      [3, 'First assessment'],
      [4, 'Two people resigned'],
    ]);

    // Heat map: the cells count the open risk, inherent 4×4 and residual 4×3.
    const map = (await call(t, auditor, 'GET', '/api/v1/risks/heat-map')).json();
    expect(map.cells[3][3].inherent).toBeGreaterThanOrEqual(1);
    expect(map.cells[3][2].residual).toBeGreaterThanOrEqual(1);
    const inCell = (await call(t, auditor, 'GET', '/api/v1/risks?score=residual&likelihood=4&impact=3')).json();
    expect(inCell.items.map((x: { id: string }) => x.id)).toContain(r.id);

    // Auditors read but never change; a closed risk is changed only after reopening.
    expect((await call(t, auditor, 'PATCH', `/api/v1/risks/${r.id}`, { title: 'x' })).statusCode).toBe(403);
    expect((await call(t, manager, 'POST', `/api/v1/risks/${r.id}/close`, {})).json().status).toBe('closed');
    expect((await call(t, manager, 'PATCH', `/api/v1/risks/${r.id}`, { title: 'x' })).statusCode).toBe(409);
    expect((await call(t, manager, 'POST', `/api/v1/risks/${r.id}/reopen`)).json().status).toBe('open');
  });

  it('refuses bad input by field, never with a 500', async () => {
    const post = (body: object) => call(t, manager, 'POST', '/api/v1/risks', { title: 'x', category: 'security', inherentLikelihood: 2, inherentImpact: 2, ...body });
    const field = async (body: object) => {
      const r = await post(body);
      expect(r.statusCode, r.body).toBe(400);
      return r.json().error.details.issues[0].path;
    };
    expect(await field({ inherentLikelihood: 6 })).toBe('inherentLikelihood');
    expect(await field({ vendorId: '00000000-0000-4000-8000-000000000000' })).toBe('vendorId');
    expect(await field({ ownerId: org.users.vendor_contact.id })).toBe('ownerId');
    expect(await field({ category: 'weather' })).toBe('category');
    expect(await field({ orgId: org.orgId })).toBe('(body)');
    expect((await call(t, auditor, 'GET', '/api/v1/risks?cursor=nonsense')).statusCode).toBe(400);
    expect((await call(t, auditor, 'GET', '/api/v1/risks?q=%25_%5C')).statusCode).toBe(200);
    const accept = await call(t, owner, 'POST', `/api/v1/risks/${(await post({})).json().id}/accept`, { expiresOn: day(0) });
    expect(accept.statusCode).toBe(400);
    expect(accept.json().error.details.issues[0].path).toBe('expiresOn');
  });

  it('feeds reviews, actions and acceptances due, and the risks above appetite, to the dashboard', async () => {
    expect(FEEDS).toContain(risksFeed);
    const above = await aRisk(h(), { title: 'Ransomware at the hosting provider', inherentLikelihood: 5, inherentImpact: 5, vendorId: org.vendor.id, reviewOn: day(3) });
    const ctx = h().ctx();
    const due = await risksFeed.due!(ctx, { from: day(0), to: day(14) });
    expect(due.map((d) => d.title)).toEqual(expect.arrayContaining(['Risk to review: Ransomware at the hosting provider', 'Risk action due: Cross-train a second team']));
    const [exposure] = await risksFeed.exposures!(ctx, day(0));
    expect(exposure.examples.map((e) => e.href)).toContain(`/risks/${above.id}`);
    // The CLI's export (`outsight risks export`): one row per risk, in the matrix's words.
    const csv = risksToCsv((await call(t, auditor, 'GET', '/api/v1/risks?q=Ransomware')).json().items);
    expect(csv.split('\n')[1]).toBe(`Ransomware at the hosting provider,security,open,${org.vendor.name},,,,,5,5,Very high,5,5,Very high,yes,,,,,${day(3)},0,manual,`);
  });
});

describe('signals', () => {
  it('an expired certificate of a high-tier vendor opens one risk; evaluating again writes nothing; the renewed date clears it', async () => {
    expect((await call(t, owner, 'PATCH', `/api/v1/vendors/${org.vendor.id}`, { internalOwnerId: org.users.manager.id })).statusCode).toBe(200);
    const cert = await anEvidence(h(), { vendorId: org.vendor.id, type: 'iso27001_certificate', title: 'ISO 27001 certificate 2023', validUntil: day(-10) });
    // Two evaluations at once (two servers): one signal, one risk.
    const [a, b] = await Promise.all([call(t, manager, 'POST', '/api/v1/risk-signals/evaluate'), call(t, manager, 'POST', '/api/v1/risk-signals/evaluate')]);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    // Every module's facts were read, exit readiness among them.
    expect(a.json().sources.filter((s: { ok: boolean }) => !s.ok)).toEqual([]);
    expect(a.json().sources.map((s: { name: string }) => s.name)).toContain('Exit readiness');
    const signals = (await call(t, auditor, 'GET', '/api/v1/risk-signals?rule=evidence_expiry')).json().items;
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ active: true, title: `${org.vendor.name}: ISO 27001 certificate expired` });
    const risks = (await call(t, auditor, 'GET', `/api/v1/risks?source=signal&vendorId=${org.vendor.id}&q=ISO`)).json();
    expect(risks.total).toBe(1);
    expect(risks.items[0]).toMatchObject({ category: 'compliance', signalActive: true });
    // Owned by the vendor's internal owner.
    expect(risks.items[0].owner?.id).toBe(org.users.manager.id);

    const auditBefore = (await call(t, owner, 'GET', '/api/v1/audit-events?limit=200')).json().items.length;
    const again = (await call(t, manager, 'POST', '/api/v1/risk-signals/evaluate')).json();
    expect([again.raised, again.updated, again.cleared]).toEqual([0, 0, 0]);
    expect((await call(t, owner, 'GET', '/api/v1/audit-events?limit=200')).json().items.length).toBe(auditBefore);

    // The vendor sent the renewed certificate: its date is corrected, the signal clears, the risk stays for a person to close.
    expect((await call(t, manager, 'PATCH', `/api/v1/evidence/${cert.id}`, { validUntil: day(700) })).statusCode).toBe(200);
    const cleared = (await call(t, manager, 'POST', '/api/v1/risk-signals/evaluate')).json();
    expect(cleared.cleared).toBeGreaterThanOrEqual(1);
    const risk = (await call(t, auditor, 'GET', `/api/v1/risks/${risks.items[0].id}`)).json();
    expect(risk.status).toBe('open');
    expect(risk.signalActive).toBe(false);
    expect(risk.signals[0]).toMatchObject({ active: false, ruleLabel: 'Evidence expired or expiring' });
    // The hourly job evaluates every organisation the same way, named as the schedule in the audit trail.
    const tier1 = await aVendor(h(), { name: 'Scheduled Cloud', tier: 1, status: 'active' });
    await anEvidence(h(), { vendorId: tier1.id, type: 'soc2_type2_report', title: 'SOC 2 report 2024', validUntil: day(-1) });
    const run = await runRiskSignals({ db: t.database.db, log: pino({ level: 'silent' }), config: t.config }, new Date());
    expect(run.raised).toBeGreaterThanOrEqual(1);
    const trail = (await call(t, owner, 'GET', '/api/v1/audit-events?limit=20')).json().items as Array<{ actorLabel: string; objectLabel: string | null }>;
    expect(trail.find((e) => e.objectLabel === 'Scheduled Cloud: SOC 2 Type II report expired')?.actorLabel).toMatch(/^Scheduled risk evaluation/);
    // An analyst reads, cannot evaluate.
    const analyst = await loginAs(t.database.db, org.users.analyst);
    expect((await call(t, analyst, 'POST', '/api/v1/risk-signals/evaluate')).statusCode).toBe(403);
  });
});

describe('fourth parties, concentration and what-if', () => {
  it('matches a cloud provider named by several vendors and lists every engagement it would take down', async () => {
    const v2 = await aVendor(h(), { name: 'Fabrikam Payroll', tier: 1, status: 'active', country: 'DE' });
    const e2 = await anEngagement(h(), { vendorId: v2.id, name: 'Payroll run', criticality: 'critical', serviceType: 'cloud_hosting', status: 'active' });
    await aFourthParty(h(), { vendorId: org.vendor.id, name: 'Amazon Web Services, Inc.', service: 'Hosting', country: 'IE', dataAccess: 'personal_data' });
    await aFourthParty(h(), { vendorId: v2.id, name: 'AMAZON WEB SERVICES', service: 'Hosting and backups', country: 'DE' });
    const dup = await call(t, manager, 'POST', '/api/v1/fourth-parties', { vendorId: v2.id, name: 'Amazon Web Services Inc', service: 'x' });
    expect(dup.statusCode).toBe(400);

    const conc = (await call(t, auditor, 'GET', '/api/v1/risk-concentration')).json();
    const shared = conc.sharedFourthParties.find((s: { normalisedName: string }) => s.normalisedName === 'amazon web services');
    expect(shared.vendors.map((v: { name: string }) => v.name).sort()).toEqual([org.vendor.name, 'Fabrikam Payroll'].sort());
    // Critical and high engagements: the test vendor's service desk (high) and the payroll run (critical): 50 % each → HHI 5000.
    expect(conc.criticalEngagements).toBe(2);
    expect(conc.hhiServices).toBe(5000);
    expect(conc.byVendor.find((v: { id: string }) => v.id === v2.id)).toMatchObject({ count: 1, share: 0.5 });
    expect(conc.byCountry.find((c: { country: string }) => c.country === 'DE')).toMatchObject({ count: 1 });

    // The payroll run is delivered from India, not from the vendor's Germany: concentration by country follows the delivery.
    const badCountry = await call(t, manager, 'PATCH', `/api/v1/engagements/${e2.id}`, { deliveryCountry: 'India' });
    expect(badCountry.statusCode).toBe(400);
    expect(badCountry.json().error.details.issues[0].path).toBe('deliveryCountry');
    const moved = await call(t, manager, 'PATCH', `/api/v1/engagements/${e2.id}`, { deliveryCountry: 'in' });
    expect(moved.json().deliveryCountry).toBe('IN');
    const byCountry = (await call(t, auditor, 'GET', '/api/v1/risk-concentration')).json().byCountry as Array<{ country: string; count: number }>;
    expect(byCountry.find((c) => c.country === 'IN')).toMatchObject({ count: 1 });
    expect(byCountry.find((c) => c.country === 'DE')).toBeUndefined();

    const wi = (await call(t, auditor, 'GET', `/api/v1/what-if?fourthParty=${encodeURIComponent('amazon web services')}`)).json();
    expect(wi.subject.kind).toBe('fourth_party');
    expect(wi.engagements.map((e: { id: string }) => e.id).sort()).toEqual([org.engagementId, e2.id].sort());
    expect(wi.engagements[0].criticality).toBe('critical');
    expect(wi.risks.length).toBeGreaterThanOrEqual(1);
    const neither = await call(t, auditor, 'GET', '/api/v1/what-if');
    expect(neither.statusCode).toBe(400);
  });
});
