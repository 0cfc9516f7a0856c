import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContract } from '../../src/server/seed/builders/contracts.ts';
import { anEngagement } from '../../src/server/seed/builders/core.ts';
import { aBudget, aChangeRequest, aRateCardItem } from '../../src/server/seed/builders/costs.ts';
import { aDeliverable, aMilestone } from '../../src/server/seed/builders/deliverables.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { call, inApp } from '../support/deliverables.ts';
import { addUser, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// Issue 12 §4: change requests raised by either side, approved as amendments to the budget and the contract value, scope creep.
let t: TestApp;
let org: TestOrg;
let owner: Login;
let manager: Login;
let analyst: Login;
let contact: Login;
let otherContact: Login;
let contractId: string;
let budgetId: string;
let deliverableId: string;
let milestoneId: string;
const h = () => inApp(org, t.config);
/** The app's clock, pinned to a day (a change is approved "today"). */
const on = (iso: string) => {
  t.clock.offsetMs = new Date(`${iso}T10:00:00Z`).getTime() - Date.now();
};
type CR = { id: string; status: string; amendments: string[]; totalMinor: number; decidedOn: string | null; decisionNote: string | null; deliverables: Array<{ name: string }>; milestones: Array<{ name: string }> };

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
  owner = await loginAs(t.database.db, org.users.owner);
  manager = await loginAs(t.database.db, org.users.manager);
  analyst = await loginAs(t.database.db, org.users.analyst);
  contact = await loginAs(t.database.db, org.users.vendor_contact);
  otherContact = await loginAs(t.database.db, await addUser(t.database.db, org.orgId, 'vendor_contact', org.otherVendor.id));
  // A €100,000.00 contract; a €120,000.00 budget for 2026 (calendar fiscal year) spread evenly.
  contractId = (await aContract(h(), { vendorId: org.vendor.id, engagementIds: [org.engagementId], title: 'Platform services agreement', currency: 'EUR', totalValueMinor: 10_000_000 })).id;
  budgetId = (await aBudget(h(), { engagementId: org.engagementId, fiscalYear: 2026, amountMinor: 12_000_000, currency: 'EUR', label: 'Run budget' })).id;
  milestoneId = (await aMilestone(h(), { engagementId: org.engagementId, name: 'Go-live' })).id;
  deliverableId = (await aDeliverable(h(), { engagementId: org.engagementId, milestoneId, title: 'Cut-over plan' })).id;
});
afterAll(() => t.close());

const sso = { title: 'Add single sign-on', reason: 'Security asked for one login.', scope: 'Integrate the portal with the corporate identity provider.', currency: 'EUR', oneOffMinor: 500_000, recurringMinor: 100_000, recurringMonths: 12, scheduleDays: 10 };

describe('change requests', () => {
  it('the client raises one, reviews and approves it: the budget and the contract value are amended, and the history shows both', async () => {
    on('2026-06-15');
    const res = await call(t, manager, 'POST', '/api/v1/change-requests', { ...sso, engagementId: org.engagementId, contractId, deliverableIds: [deliverableId], milestoneIds: [milestoneId], internalNote: 'Budget holder agrees.' });
    expect(res.statusCode, res.body).toBe(201);
    const cr = res.json() as CR;
    expect(cr).toMatchObject({ status: 'proposed', totalMinor: 1_700_000, deliverables: [{ name: 'Cut-over plan' }], milestones: [{ name: 'Go-live' }] });

    expect((await call(t, manager, 'POST', `/api/v1/change-requests/${cr.id}/implemented`, { implementedOn: '2026-06-20' })).statusCode).toBe(409);
    expect((await call(t, manager, 'POST', `/api/v1/change-requests/${cr.id}/review`, {})).json().status).toBe('under_review');
    const approved = (await call(t, manager, 'POST', `/api/v1/change-requests/${cr.id}/approve`, { note: 'Agreed in the steering committee.' })).json() as CR;
    expect(approved.status).toBe('approved');
    expect(approved.decidedOn).toBe('2026-06-15');
    // €5,000.00 once in June and €1,000.00 a month June–December: €12,000.00 this year; €5,000.00 falls into 2027.
    expect(approved.amendments).toEqual([
      'Added €12,000.00 to the budget "Run budget" of FY 2026 (now €132,000.00); the remaining €5,000.00 falls after that fiscal year.',
      'The value of contract "Platform services agreement" went from €100,000.00 to €117,000.00.',
    ]);
    const budget = (await call(t, analyst, 'GET', `/api/v1/budgets/${budgetId}`)).json() as { amountMinor: number; phasing: string; months: Array<{ amountMinor: number }> };
    expect(budget.amountMinor).toBe(13_200_000);
    expect(budget.phasing).toBe('monthly');
    expect(budget.months.map((m) => m.amountMinor)).toEqual([1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_600_000, 1_100_000, 1_100_000, 1_100_000, 1_100_000, 1_100_000, 1_100_000]);
    expect((await call(t, analyst, 'GET', `/api/v1/contracts/${contractId}`)).json().totalValueMinor).toBe(11_700_000);

    const words = async (objectId: string) => (await call(t, owner, 'GET', `/api/v1/audit-events?objectId=${objectId}`)).json().items.map((e: { actionLabel: string }) => e.actionLabel);
    expect(await words(contractId)).toContain('amended the value of contract');
    expect(await words(budgetId)).toContain('added an approved change to budget');
    expect(await words(cr.id)).toEqual(expect.arrayContaining(['created change request', 'took under review change request', 'approved change request']));

    // Decided: no second approval, no edit; implemented not before the approval.
    expect((await call(t, manager, 'POST', `/api/v1/change-requests/${cr.id}/approve`, {})).statusCode).toBe(409);
    expect((await call(t, manager, 'PATCH', `/api/v1/change-requests/${cr.id}`, { title: 'Later' })).statusCode).toBe(409);
    const early = await call(t, manager, 'POST', `/api/v1/change-requests/${cr.id}/implemented`, { implementedOn: '2026-06-01' });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('before it was approved');
    expect((await call(t, manager, 'POST', `/api/v1/change-requests/${cr.id}/implemented`, { implementedOn: '2026-07-01' })).json().status).toBe('implemented');
  });

  it('scope creep: approved changes as a share of the original contract value, month by month', async () => {
    // Another, €3,000.00 one-off, approved in August, on the same contract; a rejected one does not count.
    on('2026-08-03');
    const loadTest = await aChangeRequest(h(), { engagementId: org.engagementId, contractId, title: 'Extra load test', oneOffMinor: 300_000 });
    expect((await call(t, owner, 'POST', `/api/v1/change-requests/${loadTest.id}/approve`, {})).statusCode).toBe(200);
    await aChangeRequest(h(), { engagementId: org.engagementId, title: 'Gold-plated dashboards', oneOffMinor: 900_000, state: 'rejected' });
    const res = await call(t, analyst, 'GET', `/api/v1/engagements/${org.engagementId}/scope-creep`);
    expect(res.statusCode, res.body).toBe(200);
    const eur = res.json().currencies.find((c: { currency: string }) => c.currency === 'EUR');
    // The original value is €100,000.00 even though the contract now says €120,000.00.
    expect(eur).toMatchObject({ originalMinor: 10_000_000, approvedMinor: 2_000_000, shareBasisPoints: 2_000, shareWords: '20 %' });
    expect(eur.months.map((m: { label: string; shareWords: string }) => `${m.label}: ${m.shareWords}`)).toEqual(['June 2026: 17 %', 'August 2026: 20 %']);
  });

  it('descoping: a saving takes money off the budget and the contract value, and scope creep falls; never below zero', async () => {
    // October: the weekend on-call is dropped — €2,000.00 saved once and €1,500.00 a month for six months (three in FY 2026).
    on('2026-10-05');
    const res = await call(t, manager, 'POST', '/api/v1/change-requests', { title: 'Drop the weekend on-call', reason: 'The plant no longer works weekends.', scope: 'Remove the Saturday and Sunday on-call rota.', currency: 'EUR', oneOffMinor: -200_000, recurringMinor: -150_000, recurringMonths: 6, engagementId: org.engagementId, contractId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().totalMinor).toBe(-1_100_000);
    const approved = (await call(t, manager, 'POST', `/api/v1/change-requests/${res.json().id}/approve`, {})).json() as CR;
    expect(approved.amendments).toEqual([
      'Took €6,500.00 off the budget "Run budget" of FY 2026 (now €128,500.00); the remaining saving of €4,500.00 falls after that fiscal year.',
      'The value of contract "Platform services agreement" went from €120,000.00 to €109,000.00.',
    ]);
    const budget = (await call(t, analyst, 'GET', `/api/v1/budgets/${budgetId}`)).json() as { months: Array<{ amountMinor: number }> };
    expect(budget.months.slice(9).map((m) => m.amountMinor)).toEqual([750_000, 950_000, 950_000]);
    const eur = (await call(t, analyst, 'GET', `/api/v1/engagements/${org.engagementId}/scope-creep`)).json().currencies.find((c: { currency: string }) => c.currency === 'EUR');
    expect(eur.months.map((m: { label: string; shareWords: string }) => `${m.label}: ${m.shareWords}`)).toEqual(['June 2026: 17 %', 'August 2026: 20 %', 'October 2026: 9 %']);

    // A saving larger than October's budget is refused naming the field; nothing is amended.
    const tooMuch = await aChangeRequest(h(), { engagementId: org.engagementId, contractId, title: 'Drop everything', oneOffMinor: -1_000_000 });
    const refused = await call(t, manager, 'POST', `/api/v1/change-requests/${tooMuch.id}/approve`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0]).toMatchObject({ path: 'oneOffMinor', message: expect.stringContaining('month 10') });
    // On an engagement without a budget, a saving above its contract's value is refused too, and the change stays undecided.
    const small = (await anEngagement(h(), { vendorId: org.vendor.id, name: 'Printer support' })).id;
    const smallContract = (await aContract(h(), { vendorId: org.vendor.id, engagementIds: [small], title: 'Printer support order', currency: 'EUR', totalValueMinor: 100_000 })).id;
    const beyond = await aChangeRequest(h(), { engagementId: small, contractId: smallContract, title: 'End the printer support early', oneOffMinor: -500_000 });
    const conflict = await call(t, manager, 'POST', `/api/v1/change-requests/${beyond.id}/approve`, {});
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('more than the value of contract');
    expect((await call(t, analyst, 'GET', `/api/v1/contracts/${smallContract}`)).json().totalValueMinor).toBe(100_000);
    expect((await call(t, analyst, 'GET', `/api/v1/change-requests/${beyond.id}`)).json().status).toBe('proposed');
  });

  it('a rejection needs a reason; an analyst reads but decides nothing', async () => {
    const cr = await aChangeRequest(h(), { engagementId: org.engagementId });
    expect((await call(t, manager, 'POST', `/api/v1/change-requests/${cr.id}/reject`, { reason: ' ' })).statusCode).toBe(400);
    expect((await call(t, analyst, 'POST', `/api/v1/change-requests/${cr.id}/approve`, {})).statusCode).toBe(403);
    expect((await call(t, analyst, 'POST', '/api/v1/change-requests', { ...sso, engagementId: org.engagementId })).statusCode).toBe(403);
    expect((await call(t, analyst, 'GET', `/api/v1/change-requests?engagementId=${org.engagementId}`)).json().total).toBeGreaterThanOrEqual(3);
    // A recurring cost needs its months.
    const bad = await call(t, manager, 'POST', '/api/v1/change-requests', { ...sso, recurringMonths: 0, engagementId: org.engagementId });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('recurringMonths');
  });
});

describe('the vendor raises change requests in the portal', () => {
  it('raises one on its engagement, sees its own only, never the internal side, and reads the rejection reason', async () => {
    on('2026-09-01');
    const engagements = (await call(t, contact, 'GET', '/api/v1/portal/engagements')).json().items;
    expect(engagements.map((e: { id: string }) => e.id)).toContain(org.engagementId);
    const res = await call(t, contact, 'POST', '/api/v1/portal/change-requests', { ...sso, title: 'Extended support hours', engagementId: org.engagementId, deliverableIds: [deliverableId] });
    expect(res.statusCode, res.body).toBe(201);
    const mine = res.json();
    expect(mine).toMatchObject({ raisedBy: 'vendor', status: 'proposed', deliverables: [{ name: 'Cut-over plan' }] });
    for (const key of ['internalNote', 'contractId', 'amendments', 'milestones', 'vendorName']) expect(mine).not.toHaveProperty(key);

    // The client sees it, names the contract, rejects it.
    expect((await call(t, manager, 'PATCH', `/api/v1/change-requests/${mine.id}`, { contractId, internalNote: 'Too expensive.' })).statusCode).toBe(200);
    await call(t, manager, 'POST', `/api/v1/change-requests/${mine.id}/reject`, { reason: 'Not in this year’s plan.' });
    const seen = (await call(t, contact, 'GET', `/api/v1/portal/change-requests/${mine.id}`)).json();
    expect(seen).toMatchObject({ status: 'rejected', decisionNote: 'Not in this year’s plan.' });
    expect(JSON.stringify(seen)).not.toContain('Too expensive');

    // Another vendor's contact: not found, not listed; it cannot raise on this engagement or name its deliverables.
    expect((await call(t, otherContact, 'GET', `/api/v1/portal/change-requests/${mine.id}`)).statusCode).toBe(404);
    expect((await call(t, otherContact, 'GET', '/api/v1/portal/change-requests')).json().total).toBe(0);
    const foreign = await call(t, otherContact, 'POST', '/api/v1/portal/change-requests', { ...sso, engagementId: org.engagementId });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('engagementId');
    const theirEngagement = await anEngagement(org.handle, { vendorId: org.otherVendor.id });
    const wrongDeliverable = await call(t, otherContact, 'POST', '/api/v1/portal/change-requests', { ...sso, engagementId: theirEngagement.id, deliverableIds: [deliverableId] });
    expect(wrongDeliverable.statusCode).toBe(400);
    expect(wrongDeliverable.body).toContain('deliverableIds.0');
    // The contact never reaches the client's routes.
    expect((await call(t, contact, 'GET', `/api/v1/change-requests/${mine.id}`)).statusCode).toBe(403);
    expect((await call(t, contact, 'GET', '/api/v1/invoices')).statusCode).toBe(403);
    expect((await call(t, contact, 'GET', `/api/v1/budgets/${budgetId}`)).statusCode).toBe(403);
  });
});

describe('the vendor corrects and withdraws its own change requests', () => {
  it('edits one while proposed, not once under review; withdraws one before the decision, which the client then reads with the reason', async () => {
    const raised = (await call(t, contact, 'POST', '/api/v1/portal/change-requests', { ...sso, title: 'Night-shift monitoring', engagementId: org.engagementId })).json();
    const fixed = await call(t, contact, 'PATCH', `/api/v1/portal/change-requests/${raised.id}`, { oneOffMinor: 250_000, recurringMinor: 0, recurringMonths: 0, scope: 'Monitor the batch jobs at night for one quarter.' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ totalMinor: 250_000, scope: 'Monitor the batch jobs at night for one quarter.', status: 'proposed' });
    // Checked like a new one: a recurring cost without months, another engagement's deliverable.
    expect((await call(t, contact, 'PATCH', `/api/v1/portal/change-requests/${raised.id}`, { recurringMinor: 10_000 })).json().error.details.issues[0].path).toBe('recurringMonths');
    // Another vendor's contact cannot see or touch it; nor can the contact change what the client raised.
    expect((await call(t, otherContact, 'PATCH', `/api/v1/portal/change-requests/${raised.id}`, { title: 'Mine now' })).statusCode).toBe(404);
    expect((await call(t, otherContact, 'POST', `/api/v1/portal/change-requests/${raised.id}/withdraw`, {})).statusCode).toBe(404);
    const ours = await aChangeRequest(h(), { engagementId: org.engagementId, title: 'Client-raised change' });
    const notTheirs = await call(t, contact, 'PATCH', `/api/v1/portal/change-requests/${ours.id}`, { title: 'Renamed' });
    expect(notTheirs.statusCode).toBe(409);
    expect(notTheirs.body).toContain('only the client can change it');

    // Under review: no more edits, but it can still be withdrawn.
    await call(t, manager, 'POST', `/api/v1/change-requests/${raised.id}/review`, {});
    expect((await call(t, contact, 'PATCH', `/api/v1/portal/change-requests/${raised.id}`, { title: 'Later' })).statusCode).toBe(409);
    const withdrawn = await call(t, contact, 'POST', `/api/v1/portal/change-requests/${raised.id}/withdraw`, { reason: 'Our night team covers it within the contract.' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', decisionNote: 'Our night team covers it within the contract.', decidedOn: null });
    const client = (await call(t, analyst, 'GET', `/api/v1/change-requests/${raised.id}`)).json();
    expect(client).toMatchObject({ status: 'withdrawn', decisionNote: 'Our night team covers it within the contract.' });
    // Withdrawn is final: the client can no longer approve it, the vendor not withdraw it again.
    expect((await call(t, manager, 'POST', `/api/v1/change-requests/${raised.id}/approve`, {})).statusCode).toBe(409);
    expect((await call(t, contact, 'POST', `/api/v1/portal/change-requests/${raised.id}/withdraw`, {})).statusCode).toBe(409);
    const words = (await call(t, owner, 'GET', `/api/v1/audit-events?objectId=${raised.id}`)).json().items.map((e: { actionLabel: string }) => e.actionLabel);
    expect(words).toEqual(expect.arrayContaining(['corrected their own change request', 'withdrew change request']));
  });
});

describe('an open invoice billing a change the vendor withdraws', () => {
  it('is checked again: the change request check says "withdrawn", the milestone check stands as it was', async () => {
    const raised = (await call(t, contact, 'POST', '/api/v1/portal/change-requests', { ...sso, title: 'Weekend patching', engagementId: org.engagementId })).json();
    const res = await call(t, manager, 'POST', '/api/v1/invoices', {
      vendorId: org.vendor.id,
      engagementId: org.engagementId,
      contractId,
      number: 'CR-WD-1',
      invoiceDate: '2026-10-01',
      currency: 'EUR',
      lines: [
        { description: 'Weekend patching', quantity: '1', unit: 'fixed', unitPriceMinor: 100_000, amountMinor: 100_000, changeRequestId: raised.id },
        { description: 'Go-live instalment', quantity: '1', unit: 'fixed', unitPriceMinor: 50_000, amountMinor: 50_000, milestoneId },
      ],
      subtotalMinor: 150_000,
      totalMinor: 150_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    const words = async () => (await call(t, manager, 'GET', `/api/v1/invoices/${res.json().id}`)).json().checks.map((c: { words: string }) => c.words);
    const before = await words();
    expect(before).toEqual([expect.stringContaining('"Weekend patching", which is proposed, not approved'), expect.stringContaining('bills milestone "Go-live"')]);
    expect((await call(t, contact, 'POST', `/api/v1/portal/change-requests/${raised.id}/withdraw`, { reason: 'Covered by the contract.' })).statusCode).toBe(200);
    expect(await words()).toEqual([expect.stringContaining('"Weekend patching", which is withdrawn, not approved'), before[1]]);
  });
});

describe('invoice lines billing a change request', () => {
  it('fail "not on the rate card" while the change is proposed, and pass once it is approved (the open invoice is checked again)', async () => {
    on('2026-10-05');
    await aRateCardItem(h(), { contractId, name: 'Operations engineer', unit: 'day', unitPriceMinor: 70_000 });
    const cr = await aChangeRequest(h(), { engagementId: org.engagementId, contractId, title: 'Data migration of the archive', oneOffMinor: 240_000, state: 'under_review' });
    const line = { description: 'Archive migration', quantity: '1', unit: 'fixed', unitPriceMinor: 240_000, amountMinor: 240_000, changeRequestId: cr.id };
    const res = await call(t, manager, 'POST', '/api/v1/invoices', {
      vendorId: org.vendor.id,
      engagementId: org.engagementId,
      contractId,
      number: 'CR-BILL-1',
      invoiceDate: '2026-10-01',
      currency: 'EUR',
      lines: [line],
      subtotalMinor: 240_000,
      totalMinor: 240_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    const inv = res.json();
    expect(inv.lines[0].changeRequestTitle).toBe('Data migration of the archive');
    expect(inv.checks.map((c: { words: string }) => c.words)).toEqual([
      'Line 1 ("Archive migration") bills change request "Data migration of the archive", which is under review, not approved: the work it bills was never agreed. Approve the change first, or override with the reason it may be paid.',
    ]);
    await call(t, manager, 'POST', `/api/v1/change-requests/${cr.id}/approve`, {});
    expect((await call(t, manager, 'GET', `/api/v1/invoices/${inv.id}`)).json().checks).toEqual([]);

    // A change of another vendor cannot be named on this vendor's invoice.
    const theirs = await aChangeRequest(h(), { engagementId: (await anEngagement(org.handle, { vendorId: org.otherVendor.id })).id });
    const wrong = await call(t, manager, 'POST', '/api/v1/invoices', { vendorId: org.vendor.id, number: 'CR-BILL-2', invoiceDate: '2026-10-01', currency: 'EUR', lines: [{ ...line, changeRequestId: theirs.id }], subtotalMinor: 240_000, totalMinor: 240_000 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('lines.0.changeRequestId');
  });
});
