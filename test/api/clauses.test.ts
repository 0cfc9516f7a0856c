import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aVendor, anEngagement } from '../../src/server/seed/builders/core.ts';
import { aRequirement, aReviewableContract, clauseId } from '../../src/server/seed/builders/clauses.ts';
import { seedDemoClauses } from '../../src/server/seed/demo-clauses.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

let t: TestApp;
let org: TestOrg;
let manager: Login;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db, 'Clauses');
  manager = await loginAs(t.database.db, org.users.manager);
});
afterAll(() => t.close());

const api = (method: string, url: string, payload?: unknown, login = manager) =>
  t.app.inject({ method: method as 'GET', url, payload: payload as object, headers: authHeaders(login) });

type GapT = { key: string; engagement: { id: string }; clause: { id: string; title: string }; kind: string; severity: string; reasons: string[] };
const gapsOf = async (query: string) => {
  const res = await api('GET', `/api/v1/contract-gaps?${query}&limit=200`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: GapT[]; total: number; nextCursor: string | null };
};

describe('clause gaps', () => {
  it('a gap appears when a critical engagement’s only contract lacks exit assistance and disappears when the clause is marked present', async () => {
    const vendor = await aVendor(org.handle, { name: 'Sentinel test', dataAccess: 'confidential' });
    const e = await anEngagement(org.handle, { vendorId: vendor.id, name: 'Managed detection', criticality: 'critical', serviceType: 'security_operations' });
    const contract = await aReviewableContract(org.handle, { vendorId: vendor.id, engagementIds: [e.id], title: 'Sentinel agreement' });
    const exit = await clauseId(org.handle, 'exit_assistance');

    // Nobody has reviewed the contract yet: the gap says so.
    let gaps = await gapsOf(`engagementId=${e.id}&clauseId=${exit}`);
    expect(gaps.items).toHaveLength(1);
    expect(gaps.items[0].kind).toBe('unreviewed');

    const missing = await api('PUT', `/api/v1/contracts/${contract.id}/clauses/${exit}`, { status: 'missing', note: 'No exit schedule at all' });
    expect(missing.statusCode, missing.body).toBe(200);
    gaps = await gapsOf(`engagementId=${e.id}&clauseId=${exit}`);
    expect(gaps.items).toHaveLength(1);
    expect(gaps.items[0]).toMatchObject({ kind: 'missing', severity: 'high', clause: { title: 'Exit assistance and transition' } });
    expect(gaps.items[0].reasons[0]).toMatch(/critical/);
    // The contract page lists the gap this contract leaves.
    const checklist = (await api('GET', `/api/v1/contracts/${contract.id}/clauses`)).json();
    expect(checklist.gaps.map((g: { clause: { id: string } }) => g.clause.id)).toContain(exit);

    const present = await api('PUT', `/api/v1/contracts/${contract.id}/clauses/${exit}`, { status: 'present', section: '18.3', page: 22, quote: 'The Supplier shall provide exit assistance for up to 6 months.' });
    expect(present.statusCode, present.body).toBe(200);
    expect(present.json().gaps.map((g: { clause: { id: string } }) => g.clause.id)).not.toContain(exit);
    gaps = await gapsOf(`engagementId=${e.id}&clauseId=${exit}`);
    expect(gaps.items).toHaveLength(0);

    // The reviewer and the time come from the request; the trail has both changes.
    const item = present.json().items.find((i: { clause: { id: string } }) => i.clause.id === exit);
    expect(item.review).toMatchObject({ status: 'present', section: '18.3', page: 22, reviewedById: org.users.manager.id });
    const trail = (await api('GET', `/api/v1/audit-events?objectId=${contract.id}&action=clause_review.save`, undefined, await loginAs(t.database.db, org.users.owner))).json();
    expect(trail.items.length).toBe(2);
  });

  it('a data-processing requirement applies only to engagements with personal-data access', async () => {
    const vendor = await aVendor(org.handle, { name: 'Payroll test', dataAccess: 'special_category_personal_data' });
    // Data access defaults to the vendor's on create, and can be set per engagement.
    const payroll = await anEngagement(org.handle, { vendorId: vendor.id, name: 'Payroll', criticality: 'low', serviceType: 'other' });
    expect(payroll.dataAccess).toBe('special_category_personal_data');
    const reporting = await anEngagement(org.handle, { vendorId: vendor.id, name: 'Anonymous reporting', criticality: 'low', serviceType: 'other', dataAccess: 'internal' });
    expect(reporting.dataAccess).toBe('internal');
    await aReviewableContract(org.handle, { vendorId: vendor.id, engagementIds: [payroll.id, reporting.id], title: 'Payroll subscription', type: 'order_form' });
    const dp = await clauseId(org.handle, 'data_protection');

    const onPayroll = await gapsOf(`engagementId=${payroll.id}&clauseId=${dp}`);
    expect(onPayroll.items).toHaveLength(1);
    expect(onPayroll.items[0].reasons.join(' ')).toMatch(/personal data/);
    expect((await gapsOf(`engagementId=${reporting.id}&clauseId=${dp}`)).items).toHaveLength(0);

    // Editing the engagement's data access moves the requirement with it.
    const edited = await api('PATCH', `/api/v1/engagements/${reporting.id}`, { dataAccess: 'personal_data' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().dataAccess).toBe('personal_data');
    expect((await gapsOf(`engagementId=${reporting.id}&clauseId=${dp}`)).items).toHaveLength(1);
  });

  it('own requirements, the DORA set and a retired clause change what is required', async () => {
    const vendor = await aVendor(org.handle, { name: 'Dora test' });
    const e = await anEngagement(org.handle, { vendorId: vendor.id, name: 'Core banking', criticality: 'medium', serviceType: 'application_maintenance' });
    const c = await aReviewableContract(org.handle, { vendorId: vendor.id, engagementIds: [e.id] });
    const sl = await clauseId(org.handle, 'service_levels');
    expect((await gapsOf(`engagementId=${e.id}&clauseId=${sl}`)).items).toHaveLength(0); // medium: not required by default

    const on = await api('PUT', '/api/v1/clause-requirements/dora', { enabled: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json().doraEnabled).toBe(true);
    const doraGap = await gapsOf(`engagementId=${e.id}&clauseId=${sl}`);
    expect(doraGap.items[0].reasons[0]).toMatch(/DORA Art\. 30\(2\)\(e\)/);
    await api('PUT', '/api/v1/clause-requirements/dora', { enabled: false });
    expect((await gapsOf(`engagementId=${e.id}&clauseId=${sl}`)).items).toHaveLength(0);

    // A clause of our own, required for application maintenance.
    const custom = await api('POST', '/api/v1/clauses', { title: 'Named escalation manager', guidance: 'A named person on the vendor side for escalations.' });
    expect(custom.statusCode, custom.body).toBe(201);
    const dup = await api('POST', '/api/v1/clauses', { title: 'named ESCALATION manager' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details.issues[0].path).toBe('title');
    const req = await api('POST', '/api/v1/clause-requirements', { clauseId: custom.json().id, when: { serviceType: ['application_maintenance'] }, reason: 'We escalate often.' });
    expect(req.statusCode, req.body).toBe(201);
    const mine = req.json().items.find((r: { clause: { id: string } }) => r.clause.id === custom.json().id);
    expect(mine.appliesTo).toBe('Engagements of type application maintenance');
    expect((await gapsOf(`engagementId=${e.id}&clauseId=${custom.json().id}`)).items).toHaveLength(1);

    // Reviewed on a contract, then retired: the review stays, the requirement stops applying.
    expect((await api('PUT', `/api/v1/contracts/${c.id}/clauses/${custom.json().id}`, { status: 'missing' })).statusCode).toBe(200);
    const retired = await api('POST', `/api/v1/clauses/${custom.json().id}/retire`);
    expect(retired.json()).toMatchObject({ retired: true, reviewCount: 1 });
    expect((await gapsOf(`engagementId=${e.id}`)).items.map((g) => g.clause.id)).not.toContain(custom.json().id);
    const stillThere = (await api('GET', `/api/v1/contracts/${c.id}/clauses`)).json();
    expect(stillThere.items.find((i: { clause: { id: string } }) => i.clause.id === custom.json().id).review.status).toBe('missing');
    const again = await api('PUT', `/api/v1/contracts/${c.id}/clauses/${custom.json().id}`, { status: 'present' });
    expect(again.statusCode).toBe(409);
    const refer = await api('POST', '/api/v1/clause-requirements', { clauseId: custom.json().id, reason: 'x' });
    expect(refer.statusCode).toBe(400);
    expect(refer.json().error.details.issues[0].path).toBe('clauseId');

    // Removing the requirement is audited like every change.
    const del = await api('DELETE', `/api/v1/clause-requirements/${mine.id}`);
    expect(del.statusCode).toBe(200);
    expect(del.json().items.map((r: { id: string }) => r.id)).not.toContain(mine.id);
  });
});

describe('clause review', () => {
  it('an amendment’s review starts from what it amends and shows what changed', async () => {
    const vendor = await aVendor(org.handle, { name: 'Kestrel test' });
    const e = await anEngagement(org.handle, { vendorId: vendor.id, name: 'Order portal', criticality: 'high', serviceType: 'application_development' });
    const msa = await aReviewableContract(org.handle, { vendorId: vendor.id, engagementIds: [e.id], title: 'Kestrel MSA' });
    const amendment = await aReviewableContract(org.handle, { vendorId: vendor.id, engagementIds: [e.id], title: 'Kestrel amendment 1', type: 'amendment', parentId: msa.id });
    const audit = await clauseId(org.handle, 'audit_rights');
    const conf = await clauseId(org.handle, 'confidentiality');
    await api('PUT', `/api/v1/contracts/${msa.id}/clauses/${audit}`, { status: 'weak', weakReason: 'Audits allowed, but no frequency', section: '12', quote: 'Customer may audit on reasonable notice.' });
    await api('PUT', `/api/v1/contracts/${msa.id}/clauses/${conf}`, { status: 'present', section: '9' });

    const start = (await api('GET', `/api/v1/contracts/${amendment.id}/clauses`)).json();
    expect(start.amends).toEqual({ id: msa.id, title: 'Kestrel MSA' });
    const startAudit = start.items.find((i: { clause: { id: string } }) => i.clause.id === audit);
    expect(startAudit.review).toMatchObject({ status: 'weak', weakReason: 'Audits allowed, but no frequency' });
    expect(startAudit.inheritedFrom).toEqual({ id: msa.id, title: 'Kestrel MSA' });
    expect(startAudit.changes).toEqual([]);
    expect(start.progress.reviewed).toBe(0);

    const saved = await api('PUT', `/api/v1/contracts/${amendment.id}/clauses/${audit}`, { status: 'present', section: '12', quote: 'Customer may audit once a year and after any incident.' });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = saved.json().items.find((i: { clause: { id: string } }) => i.clause.id === audit);
    expect(after.inheritedFrom).toBeNull();
    expect(after.parentReview.status).toBe('weak');
    expect(after.changes.map((c: { field: string }) => c.field)).toEqual(['status', 'weakReason', 'quote']);
    expect(after.changes[0]).toMatchObject({ before: 'weak', after: 'present' });
    const untouched = saved.json().items.find((i: { clause: { id: string } }) => i.clause.id === conf);
    expect(untouched).toMatchObject({ changes: [], inheritedFrom: { id: msa.id } });
    expect(saved.json().progress.reviewed).toBe(1);

    // The amendment now has the audit clause: the engagement's audit gap is closed by it.
    expect((await gapsOf(`engagementId=${e.id}&clauseId=${audit}`)).items).toHaveLength(0);

    // Copying the review of what it amends fills only what the amendment has not reviewed.
    const copied = await api('POST', `/api/v1/contracts/${amendment.id}/clauses/copy`, { fromContractId: msa.id });
    expect(copied.statusCode, copied.body).toBe(200);
    expect(copied.json().items.find((i: { clause: { id: string } }) => i.clause.id === conf).inheritedFrom).toBeNull();
    expect(copied.json().items.find((i: { clause: { id: string } }) => i.clause.id === audit).review.status).toBe('present');
  });

  it('weak without a reason is a field error; a reason in the reviewer’s words is kept', async () => {
    const c = await aReviewableContract(org.handle, { vendorId: org.vendor.id, engagementIds: [org.engagementId] });
    const audit = await clauseId(org.handle, 'audit_rights');
    for (const weakReason of [undefined, null, '   ']) {
      const res = await api('PUT', `/api/v1/contracts/${c.id}/clauses/${audit}`, { status: 'weak', weakReason });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe('weakReason');
    }
    const ok = await api('PUT', `/api/v1/contracts/${c.id}/clauses/${audit}`, { status: 'weak', weakReason: 'Breach notification has no deadline' });
    expect(ok.statusCode).toBe(200);
    // A status other than weak drops the reason.
    const present = await api('PUT', `/api/v1/contracts/${c.id}/clauses/${audit}`, { status: 'present', weakReason: 'left over' });
    expect(present.json().items.find((i: { clause: { id: string } }) => i.clause.id === audit).review.weakReason).toBeNull();
  });

  it('another organisation’s contract or clause is not found, and another organisation’s contract in a body is an invalid field', async () => {
    const foreign = await createTestOrg(t.database.db, 'Foreign clauses');
    const theirs = await aReviewableContract(foreign.handle, { vendorId: foreign.vendor.id, engagementIds: [foreign.engagementId] });
    const theirClause = await clauseId(foreign.handle, 'audit_rights');
    const mine = await aReviewableContract(org.handle, { vendorId: org.vendor.id, engagementIds: [org.engagementId] });
    const myClause = await clauseId(org.handle, 'audit_rights');
    expect((await api('GET', `/api/v1/contracts/${theirs.id}/clauses`)).statusCode).toBe(404);
    expect((await api('PUT', `/api/v1/contracts/${theirs.id}/clauses/${myClause}`, { status: 'present' })).statusCode).toBe(404);
    expect((await api('PUT', `/api/v1/contracts/${mine.id}/clauses/${theirClause}`, { status: 'present' })).statusCode).toBe(404);
    const copy = await api('POST', `/api/v1/contracts/${mine.id}/clauses/copy`, { fromContractId: theirs.id });
    expect(copy.statusCode).toBe(400);
    expect(copy.json().error.details.issues[0].path).toBe('fromContractId');
    for (const [field, value] of [['vendorId', foreign.vendor.id], ['engagementId', foreign.engagementId], ['clauseId', theirClause]]) {
      const res = await api('GET', `/api/v1/contract-gaps?${field}=${value}`);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe(field);
    }
    const req = await api('POST', '/api/v1/clause-requirements', { clauseId: theirClause, reason: 'x' });
    expect(req.statusCode).toBe(400);
    expect(req.json().error.details.issues[0].path).toBe('clauseId');
  });
});

describe('bad input on every clause write route', () => {
  let contractId: string;
  let otherContractId: string;
  let clause: string;
  let requirementId: string;
  let n = 0;
  beforeAll(async () => {
    contractId = (await aReviewableContract(org.handle, { vendorId: org.vendor.id, engagementIds: [org.engagementId] })).id;
    otherContractId = (await aReviewableContract(org.handle, { vendorId: org.vendor.id, engagementIds: [org.engagementId] })).id;
    clause = await clauseId(org.handle, 'confidentiality');
    const list = await aRequirement(org.handle, { clause: 'insurance', when: { criticality: ['critical'] }, reason: 'Bad input test' });
    requirementId = list.items.find((r) => r.reason === 'Bad input test')!.id!;
  });

  const WRITES: Array<{ method: 'POST' | 'PATCH' | 'PUT'; label: string; url: () => string; body: () => Record<string, unknown> }> = [
    { method: 'POST', label: '/api/v1/clauses', url: () => '/api/v1/clauses', body: () => ({ title: `Bad input ${++n}`, guidance: 'g' }) },
    { method: 'PATCH', label: '/api/v1/clauses/:id', url: () => `/api/v1/clauses/${clause}`, body: () => ({ guidance: `g ${++n}` }) },
    { method: 'PUT', label: '/api/v1/contracts/:id/clauses/:clauseId', url: () => `/api/v1/contracts/${contractId}/clauses/${clause}`, body: () => ({ status: 'present', section: '3', page: 2, quote: 'q', note: 'n' }) },
    { method: 'POST', label: '/api/v1/contracts/:id/clauses/copy', url: () => `/api/v1/contracts/${contractId}/clauses/copy`, body: () => ({ fromContractId: otherContractId }) },
    { method: 'POST', label: '/api/v1/clause-requirements', url: () => '/api/v1/clause-requirements', body: () => ({ clauseId: clause, when: { criticality: ['high'] }, reason: 'r' }) },
    { method: 'PATCH', label: '/api/v1/clause-requirements/:id', url: () => `/api/v1/clause-requirements/${requirementId}`, body: () => ({ reason: `r ${++n}` }) },
    { method: 'PUT', label: '/api/v1/clause-requirements/dora', url: () => '/api/v1/clause-requirements/dora', body: () => ({ enabled: false }) },
  ];
  const send = (method: string, url: string, payload: string | object) =>
    t.app.inject({ method: method as 'POST', url, payload, headers: { ...authHeaders(manager), 'content-type': 'application/json' } });

  for (const w of WRITES) {
    it(`${w.method} ${w.label}: malformed JSON, wrong types, unknown keys are refused naming the field`, async () => {
      const malformed = await send(w.method, w.url(), '{"status": "x",');
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.code).toBe('bad_request');
      for (const field of Object.keys(w.body())) {
        const wrong = await send(w.method, w.url(), { ...w.body(), [field]: { $gt: '' } });
        expect(wrong.statusCode, field).toBe(400);
        expect(wrong.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(field);
      }
      for (const key of ['orgId', 'id', 'reviewedById']) {
        const sneaky = await send(w.method, w.url(), { ...w.body(), [key]: '00000000-0000-0000-0000-000000000000' });
        expect(sneaky.statusCode, key).toBe(400);
        expect(JSON.stringify(sneaky.json().error.details.issues)).toContain(key);
      }
      const ok = await send(w.method, w.url(), w.body());
      expect(ok.statusCode, ok.body).toBeLessThan(300);
    });
  }

  it('names the field: an unknown status, a page of 0, an empty title or reason, an unknown criticality', async () => {
    const cases: Array<[string, string, Record<string, unknown>, string]> = [
      ['PUT', `/api/v1/contracts/${contractId}/clauses/${clause}`, { status: 'fine' }, 'status'],
      ['PUT', `/api/v1/contracts/${contractId}/clauses/${clause}`, { status: 'present', page: 0 }, 'page'],
      ['POST', '/api/v1/clauses', { title: '  ' }, 'title'],
      ['POST', '/api/v1/clause-requirements', { clauseId: clause, reason: '' }, 'reason'],
      ['POST', '/api/v1/clause-requirements', { clauseId: clause, reason: 'r', when: { criticality: ['extreme'] } }, 'when.criticality.0'],
      ['POST', '/api/v1/clause-requirements', { clauseId: clause, reason: 'r', when: { dataAccess: ['personal_data', 'personal_data'] } }, 'when.dataAccess'],
    ];
    for (const [method, url, body, path] of cases) {
      const res = await send(method, url, body);
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
  });
});

describe('the clause library and the gap list', () => {
  it('a new organisation starts from the built-in library and default requirements, once', async () => {
    const fresh = await createTestOrg(t.database.db, 'Fresh');
    const owner = await loginAs(t.database.db, fresh.users.owner);
    const [a, b] = await Promise.all([api('GET', '/api/v1/clauses', undefined, owner), api('GET', '/api/v1/clause-requirements', undefined, owner)]);
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().items.length).toBe(21);
    expect(a.json().items[0]).toMatchObject({ key: 'scope_deliverables', title: 'Scope of work and deliverables', builtIn: true, retired: false });
    expect(b.json().items.length).toBe(14);
    expect(b.json().dora.length).toBe(10);
    expect((await api('GET', '/api/v1/clauses', undefined, owner)).json().items.length).toBe(21);
    const edited = await api('PATCH', `/api/v1/clauses/${a.json().items[0].id}`, { guidance: 'Our own words.' }, owner);
    expect(edited.json()).toMatchObject({ guidance: 'Our own words.', builtIn: true });
  });

  it('pages the portfolio list by severity with a total, and every gap once', async () => {
    const vendor = await aVendor(org.handle, { name: 'Paging gaps' });
    const e = await anEngagement(org.handle, { vendorId: vendor.id, name: 'No contract at all', criticality: 'critical', serviceType: 'other' });
    const all = await gapsOf(`vendorId=${vendor.id}`);
    expect(all.total).toBe(all.items.length);
    expect(all.items.every((g) => g.engagement.id === e.id && g.kind === 'missing' && g.severity === 'high')).toBe(true);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api('GET', `/api/v1/contract-gaps?vendorId=${vendor.id}&limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      const page = res.json() as { items: GapT[]; nextCursor: string | null; total: number };
      expect(page.total).toBe(all.total);
      seen.push(...page.items.map((g) => g.key));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((g) => g.key));
    const bad = await api('GET', '/api/v1/contract-gaps?cursor=nonsense');
    expect(bad.statusCode).toBe(400);
    expect((await api('GET', `/api/v1/contract-gaps?vendorId=${vendor.id}&severity=low`)).json().total).toBe(0);
  });

  it('the dashboard counts high and critical engagements with gaps', async () => {
    const owner = await loginAs(t.database.db, org.users.owner);
    const res = await api('GET', '/api/v1/dashboard', undefined, owner);
    expect(res.statusCode, res.body).toBe(200);
    const exposure = res.json().exposed.find((x: { key: string }) => x.key === 'clauses:critical-gaps');
    expect(exposure.count).toBeGreaterThan(0);
    expect(exposure.href).toBe('/contracts/gaps?severity=high');
    expect(res.json().unavailable).toEqual([]);
  });
});

describe('the demo clause review', () => {
  it('shows the bad cases: Sentinel without exit assistance, PayrollCloud without a DPA, a weak audit clause, Kestrel’s amendment changing two clauses', async () => {
    const demo = await createTestOrg(t.database.db, 'Demo clauses');
    const h = demo.handle;
    const sentinel = await aVendor(h, { name: 'Sentinel SOC', dataAccess: 'confidential' });
    const mdr = await anEngagement(h, { vendorId: sentinel.id, name: 'Managed detection and response', criticality: 'critical', serviceType: 'security_operations' });
    const payroll = await aVendor(h, { name: 'PayrollCloud', dataAccess: 'special_category_personal_data' });
    const platform = await anEngagement(h, { vendorId: payroll.id, name: 'Payroll platform', criticality: 'high', serviceType: 'other' });
    const brightline = await aVendor(h, { name: 'Brightline Managed Services', dataAccess: 'confidential' });
    const ops = await anEngagement(h, { vendorId: brightline.id, name: 'Network and server operations', criticality: 'critical', serviceType: 'infrastructure_operations' });
    const kestrel = await aVendor(h, { name: 'Kestrel Software Labs', dataAccess: 'personal_data' });
    const portal = await anEngagement(h, { vendorId: kestrel.id, name: 'Order portal development', criticality: 'high', serviceType: 'application_development' });
    const ids = new Map<string, string>();
    const add = async (title: string, vendorId: string, engagementIds: string[], extra: Record<string, unknown> = {}) =>
      ids.set(title, (await aReviewableContract(h, { vendorId, engagementIds, title, ...extra })).id);
    await add('Sentinel managed detection agreement', sentinel.id, [mdr.id]);
    await add('PayrollCloud subscription', payroll.id, [platform.id], { type: 'order_form' });
    await add('Brightline master services agreement', brightline.id, [ops.id]);
    await add('Kestrel master agreement', kestrel.id, [portal.id]);
    await add('Kestrel amendment 1: extended warranty', kestrel.id, [portal.id], { type: 'amendment', parentId: ids.get('Kestrel master agreement') });
    await seedDemoClauses(h.ctx(), ids);

    const owner = await loginAs(t.database.db, demo.users.owner);
    const gaps = (await api('GET', '/api/v1/contract-gaps?limit=200', undefined, owner)).json().items as GapT[];
    const has = (engagementId: string, title: string, kind: string) => gaps.some((g) => g.engagement.id === engagementId && g.clause.title === title && g.kind === kind);
    expect(has(mdr.id, 'Exit assistance and transition', 'missing')).toBe(true);
    expect(gaps.find((g) => g.engagement.id === mdr.id && g.clause.title === 'Exit assistance and transition')!.severity).toBe('high');
    expect(has(platform.id, 'Data protection', 'missing')).toBe(true);
    expect(has(ops.id, 'Audit and inspection rights', 'weak')).toBe(true);
    const amendment = (await api('GET', `/api/v1/contracts/${ids.get('Kestrel amendment 1: extended warranty')}/clauses`, undefined, owner)).json();
    expect(amendment.items.filter((i: { changes: unknown[] }) => i.changes.length > 0).map((i: { clause: { title: string } }) => i.clause.title).sort()).toEqual([
      'Access to source code, licences and documentation',
      'Penalties and liquidated damages',
    ]);
    // Contracts another seed did not create are skipped, not an error.
    await expect(seedDemoClauses(h.ctx(), new Map([['No such contract', ids.get('PayrollCloud subscription')!]]))).resolves.toBeUndefined();
  });
});
