import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContract } from '../../src/server/seed/builders/contracts.ts';
import { aUser, aVendor } from '../../src/server/seed/builders/core.ts';
import { anInvoice } from '../../src/server/seed/builders/costs.ts';
import { aDeliverable } from '../../src/server/seed/builders/deliverables.ts';
import { aQuestionnaire } from '../../src/server/seed/builders/due-diligence.ts';
import { anSlaPolicy, someTickets } from '../../src/server/seed/builders/sla.ts';
import { aCandidate, aPilot, aProposal, aReference, aSourcingProject, anInterview, GOOD_CHECK, scoresBy } from '../../src/server/seed/builders/sourcing.ts';
import { FEEDS } from '../../src/server/feeds/registry.ts';
import { contractsOfVendor } from '../../src/server/modules/contracts/contracts.public.ts';
import { getEngagement } from '../../src/server/modules/engagements/engagements.public.ts';
import { getPolicy } from '../../src/server/modules/sla-policies/sla-policies.public.ts';
import { exportProject, matrixCsv, sourcingFeed } from '../../src/server/modules/sourcing/sourcing.public.ts';
import { getVendor } from '../../src/server/modules/vendors/vendors.public.ts';
import type { Pilot, Project, SourcingMatrix } from '../../src/shared/contracts/sourcing.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { inApp, PDF } from '../support/due-diligence.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg, type TestUser } from '../support/factories.ts';

// Issue 16: choosing a vendor — the need, the check, candidates, the matrix, references, interviews, a pilot and its go / no-go.
let t: TestApp;
let org: TestOrg;
let owner: Login;
let manager: Login;
let analyst: Login;
const h = () => inApp(org, t.config);
const H = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
  owner = await loginAs(t.database.db, org.users.owner);
  manager = await loginAs(t.database.db, org.users.manager);
  analyst = await loginAs(t.database.db, org.users.analyst);
});
afterAll(() => t.close());

const call = (login: Login, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url, payload, headers: authHeaders(login) });
const prospect = (name: string, o: object = {}) => aVendor(h(), { name: `${name} ${Math.random().toString(36).slice(2, 7)}`, status: 'prospect', kind: 'help_desk', ...o });

describe('the need and the should-we-outsource check', () => {
  it('creates a draft with the default criteria, refuses candidates until the check says outsource, and keeps the answers', async () => {
    const res = await call(manager, 'POST', '/api/v1/sourcing-projects', {
      name: 'Service desk for the Lisbon office',
      scope: 'First-line support, 08:00–18:00 Lisbon time, Portuguese and English',
      goals: 'Answer 90 % of calls within a minute',
      budgetMinor: 18_000_000,
      currency: 'EUR',
      hoursNeeded: { timeZone: 'Europe/Lisbon', days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json() as Project;
    expect(p.status).toBe('draft');
    expect(p.criteria.map((c) => `${c.name}:${c.weight}`)).toEqual([
      'Expertise for this need:20',
      'References:15',
      'Certifications (ISO 27001, ITIL):10',
      'Communication:10',
      'Working-hours overlap:10',
      'Cost:15',
      'Security (due diligence):10',
      'Financial stability:10',
    ]);
    const v = await prospect('Early');
    const early = await call(manager, 'POST', `/api/v1/sourcing-projects/${p.id}/candidates`, { vendorId: v.id });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/draft/i);

    const no = await call(manager, 'PUT', `/api/v1/sourcing-projects/${p.id}/check`, { ...GOOD_CHECK, answers: { ...GOOD_CHECK.answers, automatable: { answer: true, note: 'A chatbot answers most of it' } }, decision: 'do_not_outsource', rationale: 'Automate first.' });
    expect(no.statusCode, no.body).toBe(200);
    const checked = no.json() as Project;
    expect(checked.check).toMatchObject({ decision: 'do_not_outsource', concerns: 1, rationale: 'Automate first.' });
    expect(checked.check!.answers.find((a) => a.question === 'automatable')).toMatchObject({ answer: true, concern: true, note: 'A chatbot answers most of it' });
    expect((await call(manager, 'POST', `/api/v1/sourcing-projects/${p.id}/candidates`, { vendorId: v.id })).json().error.message).toMatch(/not to outsource/);

    expect((await call(manager, 'PUT', `/api/v1/sourcing-projects/${p.id}/check`, GOOD_CHECK)).statusCode).toBe(200);
    const active = await aVendor(h(), { status: 'active' });
    const refused = await call(manager, 'POST', `/api/v1/sourcing-projects/${p.id}/candidates`, { vendorId: active.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0]).toMatchObject({ path: 'vendorId', message: expect.stringMatching(/not a prospect/) });
    const ok = await call(manager, 'POST', `/api/v1/sourcing-projects/${p.id}/candidates`, { vendorId: v.id });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((ok.json() as Project).status).toBe('evaluating');
    // The check is answered before candidates are compared, not after.
    expect((await call(manager, 'PUT', `/api/v1/sourcing-projects/${p.id}/check`, GOOD_CHECK)).statusCode).toBe(409);
  });
});

describe('bad input', () => {
  it('is refused naming the field, never a 500, and nothing is written', async () => {
    const extra = await call(manager, 'POST', '/api/v1/sourcing-projects', { name: 'X', scope: 'Y', currency: 'EUR', orgId: org.orgId });
    expect(extra.statusCode).toBe(400);
    expect(JSON.stringify(extra.json().error)).toContain('orgId');
    const negative = await call(manager, 'POST', '/api/v1/sourcing-projects', { name: 'X', scope: 'Y', currency: 'EUR', budgetMinor: -1 });
    expect(negative.json().error.details.issues[0].path).toBe('budgetMinor');
    const hours = await call(manager, 'POST', '/api/v1/sourcing-projects', { name: 'X', scope: 'Y', currency: 'EUR', hoursNeeded: { timeZone: 'Mars/Olympus', days: [1], start: '09:00', end: '17:00' } });
    expect(hours.json().error.details.issues[0].path).toBe('hoursNeeded.timeZone');
    const p = await aSourcingProject(h(), { checked: false });
    const { peopleTold: _left, ...four } = GOOD_CHECK.answers;
    const partial = await call(manager, 'PUT', `/api/v1/sourcing-projects/${p.id}/check`, { ...GOOD_CHECK, answers: four });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.details.issues[0].path).toBe('answers.peopleTold');
    expect((await call(manager, 'PUT', '/api/v1/sourcing-candidates/not-an-id/proposal', { priceMinor: 1, currency: 'EUR', receivedOn: '2026-01-01' })).statusCode).toBe(404);
    expect((await call(manager, 'POST', `/api/v1/sourcing-projects/${p.id}/pilots`, { candidateId: p.id, startsOn: '2026-02-01', endsOn: '2026-01-01' })).json().error.details.issues[0].path).toBe('endsOn');
    expect(((await call(analyst, 'GET', `/api/v1/sourcing-projects/${p.id}`)).json() as Project).status).toBe('draft');
  });
});

describe('candidates compared', () => {
  let p: Project;
  const c: Record<string, { id: string; vendorId: string }> = {};
  let evaluatorA: TestUser;
  let evaluatorB: TestUser;

  beforeAll(async () => {
    p = await aSourcingProject(h(), { name: 'Network operations', currency: 'EUR' });
    for (const name of ['Alpha', 'Beta', 'Gamma']) c[name] = await aCandidate(h(), { projectId: p.id, vendorId: (await prospect(name)).id });
    // Five criteria: three scored by the evaluators, cost from the proposals, references from the calls.
    const res = await call(manager, 'PUT', `/api/v1/sourcing-projects/${p.id}/criteria`, {
      criteria: [
        { name: 'Expertise', weight: 30 },
        { name: 'References', weight: 20, source: 'references' },
        { name: 'Communication', weight: 15 },
        { name: 'Cost', weight: 25, source: 'proposal_price' },
        { name: 'Security', weight: 10 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    evaluatorA = org.users.analyst;
    evaluatorB = org.users.manager;
  });

  it('keeps proposals sealed out of the matrix until opened, and locks the weights at the first opening', async () => {
    await aProposal(h(), c.Alpha.id, { priceMinor: 200_000_00, open: false });
    let m = (await call(analyst, 'GET', `/api/v1/sourcing-projects/${p.id}/matrix`)).json() as SourcingMatrix;
    const cost = m.criteria.find((x) => x.name === 'Cost')!.id;
    expect(m.rows.find((r) => r.vendorName.startsWith('Alpha'))!.cells.find((x) => x.criterionId === cost)!.source).toBe('missing');

    const opened = (await call(manager, 'POST', `/api/v1/sourcing-candidates/${c.Alpha.id}/proposal/open`)).json() as Project;
    expect(opened.weightsLockedAt).not.toBeNull();
    await aProposal(h(), c.Beta.id, { priceMinor: 100_000_00 });
    await aProposal(h(), c.Gamma.id, { priceMinor: 160_000_00 });
    m = (await call(analyst, 'GET', `/api/v1/sourcing-projects/${p.id}/matrix`)).json() as SourcingMatrix;
    // Cheapest (Beta, €100,000) scores 5; Alpha 5 × 100/200 = 2.5; Gamma 5 × 100/160 = 3.125 → 3.13.
    const costOf = (n: string) => m.rows.find((r) => r.vendorName.startsWith(n))!.cells.find((x) => x.criterionId === cost)!;
    expect([costOf('Alpha').score, costOf('Beta').score, costOf('Gamma').score]).toEqual([2.5, 5, 3.13]);
    expect(costOf('Alpha').basis).toMatch(/against the lowest €100,000\.00/);

    // Locked: a weight changed without a reason is refused; with one it is kept; criteria cannot be added.
    const crit = opened.criteria.map((x) => ({ id: x.id, name: x.name, weight: x.weight, source: x.source }));
    const moved = crit.map((x) => (x.name === 'Cost' ? { ...x, weight: 30 } : x));
    const noReason = await call(manager, 'PUT', `/api/v1/sourcing-projects/${p.id}/criteria`, { criteria: moved });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.issues[0].path).toBe('reason');
    const added = await call(manager, 'PUT', `/api/v1/sourcing-projects/${p.id}/criteria`, { criteria: [...crit, { name: 'Languages', weight: 5 }], reason: 'Forgot it' });
    expect(added.statusCode).toBe(400);
    const withReason = await call(manager, 'PUT', `/api/v1/sourcing-projects/${p.id}/criteria`, { criteria: moved, reason: 'The board capped the budget' });
    expect(withReason.statusCode, withReason.body).toBe(200);
    expect((withReason.json() as Project).weightChanges).toEqual([
      { at: expect.any(String), by: org.users.manager.name, reason: 'The board capped the budget', changes: [{ criterion: 'Cost', from: 25, to: 30 }] },
    ]);
    // Back to 25 for the rest of the file (also recorded).
    expect((await call(manager, 'PUT', `/api/v1/sourcing-projects/${p.id}/criteria`, { criteria: crit, reason: 'The cap was lifted' })).statusCode).toBe(200);
  });

  it('lets each evaluator score alone, flags disagreement, feeds references in, and says how robust the ranking is', async () => {
    const at = (n: string) => ({ projectId: p.id, candidateId: c[n].id });
    // Evaluator A and B: the worked example's scores for expertise, communication and security.
    await scoresBy(h(), evaluatorA, at('Alpha'), { Expertise: 5, Communication: 3, Security: 4 });
    await scoresBy(h(), evaluatorB, at('Alpha'), { Expertise: 5, Communication: 3, Security: 4 });
    await scoresBy(h(), evaluatorA, at('Beta'), { Expertise: 3, Communication: 4, Security: 3 });
    await scoresBy(h(), evaluatorB, at('Beta'), { Expertise: 3, Communication: 4, Security: 3 });
    await scoresBy(h(), evaluatorA, at('Gamma'), { Expertise: 2, Communication: 5, Security: 5 });
    await scoresBy(h(), evaluatorB, at('Gamma'), { Expertise: 4, Communication: 5, Security: 5 });
    await aReference(h(), c.Alpha.id, { rating: 4 });
    await aReference(h(), c.Beta.id, { rating: 4 });
    await aReference(h(), c.Gamma.id, { rating: 3 });

    // Each sees only their own scores on the project.
    const asA = (await call(analyst, 'GET', `/api/v1/sourcing-projects/${p.id}`)).json() as Project;
    expect(asA.candidates.find((x) => x.id === c.Gamma.id)!.myScores.map((s) => s.score).sort()).toEqual([2, 5, 5]);

    const m = (await call(analyst, 'GET', `/api/v1/sourcing-projects/${p.id}/matrix`)).json() as SourcingMatrix;
    // Alpha: 30×5 + 20×4 + 15×3 + 25×2.5 + 10×4 = 377.5 → 3.78; Beta: 90+80+60+125+30 = 385 → 3.85;
    // Gamma: 30×3 + 20×3 + 15×5 + 25×3.125 + 10×5 = 353.125 → 3.53.
    expect(m.rows.map((r) => [r.vendorName.split(' ')[0], r.total, r.rank])).toEqual([
      ['Beta', 3.85, 1],
      ['Alpha', 3.78, 2],
      ['Gamma', 3.53, 3],
    ]);
    const gamma = m.rows[2];
    expect(gamma.cells.find((x) => x.disagreement)).toMatchObject({ spread: 2, evaluators: expect.arrayContaining([{ evaluator: evaluatorA.name, score: 2 }]) });
    // Expertise +20 % (36, Σ 106): Alpha 407.5/106 = 3.844, Beta 403/106 = 3.802 → Alpha first.
    expect(m.flips).toContainEqual({ criterion: 'Expertise', change: '+20 %', winner: m.rows[1].vendorName });
    expect(m.robust).toBe(false);
    expect(m.robustness).toMatch(/^Not robust: Expertise \+20 % puts Alpha/);

    // Interviews are recorded and shown; a missing rating is refused naming the field.
    const bad = await call(analyst, 'POST', `/api/v1/sourcing-candidates/${c.Beta.id}/interviews`, { heldOn: '2026-01-22', communication: 6, clientFeedback: 4, hoursFit: 4, costEffective: 4 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('communication');
    const iv = await anInterview(h(), c.Beta.id, { communication: 5 }, org.users.analyst);
    expect(iv.candidates.find((x) => x.id === c.Beta.id)!.interviews[0]).toMatchObject({ communication: 5, interviewer: org.users.analyst.name });

    // The vendor page's list: the projects a vendor is a candidate in; another organisation's vendor is an invalid field.
    const mine = await call(analyst, 'GET', `/api/v1/sourcing-projects?vendorId=${c.Gamma.vendorId}`);
    expect(mine.json().items.map((x: { id: string; candidateCount: number }) => [x.id, x.candidateCount])).toEqual([[p.id, 3]]);
    expect((await call(analyst, 'GET', `/api/v1/sourcing-projects?vendorId=${org.vendor.id}`)).json().items).toEqual([]);
    const foreign = await createTestOrg(t.database.db, 'Foreign');
    expect((await call(analyst, 'GET', `/api/v1/sourcing-projects?vendorId=${foreign.vendor.id}`)).statusCode).toBe(400);

    const csv = matrixCsv(await exportProject(h().ctx(), p.id));
    expect(csv.split('\n')[1]).toMatch(/^1,Beta [a-z0-9]+,3\.00,4\.00,4\.00,5\.00,3\.00,3\.85,0\.00,no$/);
  });

  it('sends a request for information through the portal; the prospect’s contact sees its own request and nothing of the project', async () => {
    const q = await aQuestionnaire(h(), { name: 'Request for information' });
    const contact = { ...(await aUser(h(), { role: 'vendor_contact', vendorId: c.Alpha.vendorId })), orgId: org.orgId } as TestUser;
    const res = await call(manager, 'POST', `/api/v1/sourcing-candidates/${c.Alpha.id}/rfi`, { templateId: q.id, dueDate: '2099-01-31', contactEmail: contact.email });
    expect(res.statusCode, res.body).toBe(200);
    const rfi = (res.json() as Project).candidates.find((x) => x.id === c.Alpha.id)!.rfi!;
    expect(rfi.status).toBe('sent');
    await call(manager, 'POST', `/api/v1/sourcing-candidates/${c.Beta.id}/rfi`, { templateId: q.id, dueDate: '2099-01-31', contactEmail: 'rfi.beta@example.test' });

    const asContact = await loginAs(t.database.db, contact);
    const home = await call(asContact, 'GET', '/api/v1/portal');
    expect(home.statusCode).toBe(200);
    expect(home.json().requests.map((r: { id: string }) => r.id)).toEqual([rfi.assessmentId]);
    expect(home.body).not.toMatch(/Beta|Gamma|Network operations/);
    for (const url of [`/api/v1/sourcing-projects/${p.id}`, `/api/v1/sourcing-projects/${p.id}/matrix`, '/api/v1/sourcing-projects']) expect((await call(asContact, 'GET', url)).statusCode).toBe(403);
  });
});

describe('proposal files', () => {
  const upload = (login: Login, candidateId: string, fileName: string, body: Buffer) =>
    t.app.inject({ method: 'POST', url: `/api/v1/sourcing-candidates/${candidateId}/proposal/files?fileName=${encodeURIComponent(fileName)}`, payload: body, headers: { ...authHeaders(login), 'content-type': 'application/octet-stream' } });

  it('are sealed with the proposal: attached only before it is opened, read only after, and the sealed price is not shown either', async () => {
    const p = await aSourcingProject(h(), { name: 'Field support for the warehouses', currency: 'EUR' });
    const cand = await aCandidate(h(), { projectId: p.id, vendorId: (await prospect('Delta')).id });

    const early = await upload(manager, cand.id, 'offer.pdf', PDF);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/Record the proposal before attaching its files/);

    await aProposal(h(), cand.id, { priceMinor: 123_456_00, team: 'Four technicians', open: false });
    const attached = await upload(manager, cand.id, 'Delta – offer.pdf', PDF);
    expect(attached.statusCode, attached.body).toBe(201);
    const sealed = (attached.json() as Project).candidates.find((x) => x.id === cand.id)!.proposal!;
    expect(sealed).toMatchObject({ opened: false, priceMinor: null, team: null, files: [{ fileName: 'Delta – offer.pdf', contentType: 'application/pdf', sizeBytes: PDF.length, uploadedBy: org.users.manager.name }] });
    // Not a document: refused by its content, whatever its name, and nothing is listed.
    const script = await upload(manager, cand.id, 'price.pdf', Buffer.from('#!/bin/sh\necho hello\n'));
    expect(script.statusCode).toBe(415);
    const fileId = sealed.files[0].id;
    const early2 = await call(analyst, 'GET', `/api/v1/sourcing-candidates/${cand.id}/proposal/files/${fileId}/download`);
    expect(early2.statusCode).toBe(409);
    expect(early2.json().error.message).toMatch(/sealed until it is opened/);

    const opened = (await call(manager, 'POST', `/api/v1/sourcing-candidates/${cand.id}/proposal/open`)).json() as Project;
    const proposal = opened.candidates.find((x) => x.id === cand.id)!.proposal!;
    expect(proposal).toMatchObject({ opened: true, priceMinor: 123_456_00, team: 'Four technicians' });
    expect(proposal.files.map((f) => f.fileName)).toEqual(['Delta – offer.pdf']);
    const got = await call(analyst, 'GET', `/api/v1/sourcing-candidates/${cand.id}/proposal/files/${fileId}/download`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect(got.headers['content-disposition']).toMatch(/^attachment;/);
    // Kept as it was read: nothing added after opening.
    const late = await upload(manager, cand.id, 'revised offer.pdf', PDF);
    expect(late.statusCode).toBe(409);
    // Another candidate's file is not reachable through this candidate.
    const other = await aCandidate(h(), { projectId: p.id, vendorId: (await prospect('Epsilon')).id });
    await aProposal(h(), other.id, {});
    expect((await call(analyst, 'GET', `/api/v1/sourcing-candidates/${other.id}/proposal/files/${fileId}/download`)).statusCode).toBe(404);
  });
});

describe('a pilot and its go / no-go', () => {
  async function pilotProject(name: string) {
    const p = await aSourcingProject(h(), { name, currency: 'EUR' });
    const cand = await aCandidate(h(), { projectId: p.id, vendorId: (await prospect(`${name} vendor`)).id });
    const pilot = await aPilot(h(), p.id, { candidateId: cand.id, startsOn: '2026-01-01', endsOn: '2026-01-31', slaTargetPct: 95, deliverablesDueBy: '2026-01-25', budgetCeilingMinor: 15_000_00 });
    return { p, cand, pilot };
  }

  it('measures the criteria from the pilot engagement’s data: SLA by the SLA engine, deliverables, invoices — and shows which is missed by how much', async () => {
    const { pilot, cand } = await pilotProject('Backup operations');
    expect(pilot.engagementId).not.toBeNull();
    expect((await getVendor(h().ctx(), cand.vendorId)).status).toBe('pilot');
    // 10 P1 tickets against a 4-hour resolution: 9 resolved in 2 hours, one in 6 → 90 % against 95 %.
    await anSlaPolicy(h(), { engagementId: pilot.engagementId! });
    const start = Date.UTC(2026, 0, 5, 9);
    await someTickets(h(), {
      engagementId: pilot.engagementId!,
      tickets: Array.from({ length: 10 }, (_, i) => {
        const opened = start + i * 24 * H;
        const resolved = opened + (i === 0 ? 6 : 2) * H;
        return { openedAt: opened, events: [{ at: opened, status: 'New' }, { at: resolved, status: 'Resolved' }], resolvedAt: resolved };
      }),
    });
    await aDeliverable(h(), { engagementId: pilot.engagementId!, title: 'Restore test report', dueDate: '2026-01-20', state: 'accepted' });
    await anInvoice(h(), { vendorId: cand.vendorId, engagementId: pilot.engagementId!, invoiceDate: '2026-01-31', lines: [{ description: 'Pilot', quantity: '1', unit: 'fixed', unitPriceMinor: 12_000_00, amountMinor: 12_000_00, taxMinor: 0 }], state: 'approved', user: org.users.owner });

    const res = await call(analyst, 'GET', `/api/v1/sourcing-pilots/${pilot.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const got = res.json() as Pilot;
    expect(got.criteria.map((x) => [x.key, x.met, x.by])).toEqual([
      ['sla', false, '5.0 percentage points short of the target'],
      // Accepted today, after the 25 January it was due by.
      ['deliverables', false, '1 not accepted in time: Restore test report'],
      ['budget', true, '€3,000.00 under the ceiling'],
    ]);
    expect(got.criteria[0].measured).toBe('90.0 % within SLA (9 of 10 tickets)');
    expect(got.verdict).toBe('not_met');
  });

  it('"go" is all or nothing: a contract step that fails leaves the vendor, the engagement and the pilot as they were', async () => {
    const { p, cand, pilot } = await pilotProject('Desktop support');
    // The pilot was measured under an SLA policy: P1 at 90 % a month (below the pilot's 95 %), P2 stricter at 98 %.
    await anSlaPolicy(h(), { engagementId: pilot.engagementId!, priorities: { P1: { resolution: { ms: 4 * H, clock: 'calendar' }, monthlyAttainment: 0.9 }, P2: { resolution: { ms: 8 * H, clock: 'calendar' }, monthlyAttainment: 0.98 } } });
    await aContract(h(), { vendorId: cand.vendorId, title: 'Existing NDA', type: 'nda', reference: 'MSA-CLASH' });
    const clash = await call(owner, 'POST', `/api/v1/sourcing-pilots/${pilot.id}/decision`, { decision: 'go', rationale: 'Good enough', contractReference: 'MSA-CLASH' });
    expect(clash.statusCode, clash.body).toBe(409);
    expect((await getVendor(h().ctx(), cand.vendorId)).status).toBe('pilot');
    expect((await getEngagement(h().ctx(), pilot.engagementId!)).endDate).toBe('2026-01-31');
    expect((await contractsOfVendor(h().ctx(), cand.vendorId)).map((x) => x.title)).toEqual(['Existing NDA']);
    const still = (await call(analyst, 'GET', `/api/v1/sourcing-pilots/${pilot.id}`)).json() as Pilot;
    expect(still.status).toBe('running');
    expect((await getPolicy(h().ctx(), pilot.engagementId!)).version).toBe(1);

    // A manager may not decide; the owner decides go.
    expect((await call(manager, 'POST', `/api/v1/sourcing-pilots/${pilot.id}/decision`, { decision: 'go', rationale: 'x' })).statusCode).toBe(403);
    const go = await call(owner, 'POST', `/api/v1/sourcing-pilots/${pilot.id}/decision`, { decision: 'go', rationale: 'Met the service levels that matter', contractReference: 'MSA-2026-01' });
    expect(go.statusCode, go.body).toBe(200);
    const decided = go.json() as Pilot;
    expect(decided.decision).toMatchObject({ decision: 'go', approver: org.users.owner.name, rationale: 'Met the service levels that matter' });
    expect((await getVendor(h().ctx(), cand.vendorId)).status).toBe('active');
    const eng = await getEngagement(h().ctx(), pilot.engagementId!);
    expect([eng.status, eng.endDate]).toEqual(['active', null]);
    // The pilot's 95 % is the running engagement's starting target: a new policy version, the stricter P2 kept.
    const policy = await getPolicy(h().ctx(), pilot.engagementId!);
    expect(policy.version).toBe(2);
    expect([policy.priorities.P1.monthlyAttainment, policy.priorities.P2.monthlyAttainment]).toEqual([0.95, 0.98]);
    const contracts = await contractsOfVendor(h().ctx(), cand.vendorId);
    expect(contracts.find((x) => x.id === decided.decision!.contractId)).toMatchObject({ status: 'draft', reference: 'MSA-2026-01', engagementIds: [pilot.engagementId] });
    const project = (await call(analyst, 'GET', `/api/v1/sourcing-projects/${p.id}`)).json() as Project;
    expect(project.status).toBe('decided');
    expect(project.outcome).toMatchObject({ vendorId: cand.vendorId, contractId: decided.decision!.contractId });
    // Decided once.
    expect((await call(owner, 'POST', `/api/v1/sourcing-pilots/${pilot.id}/decision`, { decision: 'no_go', rationale: 'x' })).statusCode).toBe(409);
  });

  it('"no-go" records why, returns the vendor to prospect and the project to the matrix', async () => {
    const { p, cand, pilot } = await pilotProject('Payroll processing');
    const res = await call(owner, 'POST', `/api/v1/sourcing-pilots/${pilot.id}/decision`, { decision: 'no_go', rationale: 'Missed the service levels twice' });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Pilot).decision).toMatchObject({ decision: 'no_go', rationale: 'Missed the service levels twice', contractId: null });
    expect((await getVendor(h().ctx(), cand.vendorId)).status).toBe('prospect');
    expect((await getEngagement(h().ctx(), pilot.engagementId!)).status).toBe('ended');
    expect(((await call(analyst, 'GET', `/api/v1/sourcing-projects/${p.id}`)).json() as Project).status).toBe('evaluating');
  });

  it('tells the dashboard a decision is due when a pilot ends', async () => {
    const { pilot } = await pilotProject('Print services');
    expect(FEEDS).toContain(sourcingFeed);
    const due = await sourcingFeed.due!(h().ctx(), { from: '2026-02-01', to: '2026-02-07' });
    expect(due.find((d) => d.key === `sourcing_pilot:${pilot.id}`)).toMatchObject({ kind: 'pilot_decision', date: '2026-01-31', overdue: true });
  });
});
