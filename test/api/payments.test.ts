import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, civilDateIn } from '../../src/domain/civil-date.ts';
import { FEEDS } from '../../src/server/feeds/registry.ts';
import { deliverablesFeed } from '../../src/server/modules/deliverables/deliverables.public.ts';
import { anEngagement } from '../../src/server/seed/builders/core.ts';
import { aContract } from '../../src/server/seed/builders/contracts.ts';
import { aDeliverable, aMilestone, aPayment, submitOnce } from '../../src/server/seed/builders/deliverables.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { call, inApp } from '../support/deliverables.ts';
import { createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// Issue 11 §5: the payment plan, payments blocked by their milestone, the override and its reason.
let t: TestApp;
let org: TestOrg;
let owner: Login;
let admin: Login;
let manager: Login;
let auditor: Login;
const today = () => civilDateIn(new Date(), 'UTC');

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
  owner = await loginAs(t.database.db, org.users.owner);
  admin = await loginAs(t.database.db, org.users.admin);
  manager = await loginAs(t.database.db, org.users.manager);
  auditor = await loginAs(t.database.db, org.users.auditor);
});
afterAll(() => t.close());
const h = () => inApp(org, t.config);

describe('a payment tied to a milestone', () => {
  it('cannot be marked paid while a deliverable is rejected, unless overridden with a reason, which the audit trail shows', async () => {
    const eng = await anEngagement(org.handle, { vendorId: org.vendor.id, name: 'Order portal build' });
    const milestone = await aMilestone(h(), { engagementId: eng.id, name: 'Design sign-off' });
    await aDeliverable(h(), { engagementId: eng.id, milestoneId: milestone.id, title: 'Architecture document', state: 'accepted', contact: org.users.vendor_contact });
    const rejected = await aDeliverable(h(), { engagementId: eng.id, milestoneId: milestone.id, title: 'Test plan', state: 'rejected', contact: org.users.vendor_contact, rejectionReason: 'No load tests.' });
    const created = await call(t, manager, 'POST', '/api/v1/payments', { engagementId: eng.id, milestoneId: milestone.id, label: 'Design instalment', amountMinor: 2_500_000, currency: 'EUR', dueDate: addDays(today(), 5) });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p.hold).toMatchObject({ blocked: true, waitingFor: [{ id: rejected.id, title: 'Test plan', status: 'rejected' }] });
    expect(p.hold.words).toBe('Blocked until every deliverable of milestone "Design sign-off" is accepted; waiting for "Test plan" (rejected).');

    // Not without an override.
    const refused = await call(t, owner, 'POST', `/api/v1/payments/${p.id}/paid`, { paidOn: today() });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(`${p.hold.words} Marking it paid before then needs an override with a reason.`);
    // A manager may mark payments paid, but not override a hold.
    const notAllowed = await call(t, manager, 'POST', `/api/v1/payments/${p.id}/paid`, { paidOn: today(), overrideReason: 'Urgent' });
    expect(notAllowed.statusCode).toBe(403);
    // An empty reason is no reason.
    const blank = await call(t, owner, 'POST', `/api/v1/payments/${p.id}/paid`, { paidOn: today(), overrideReason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(JSON.stringify(blank.json().error.details.issues)).toContain('overrideReason');
    expect((await call(t, owner, 'GET', `/api/v1/payments/${p.id}`)).json().status).toBe('planned');

    const paid = await call(t, admin, 'POST', `/api/v1/payments/${p.id}/paid`, { paidOn: today(), overrideReason: 'Paid to keep the team on the project; test plan agreed for next week.' });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', paidOn: today(), overridden: true, overrideReason: 'Paid to keep the team on the project; test plan agreed for next week.', paidByName: org.users.admin.name });
    expect(paid.json().hold.words).toBe('Paid although milestone "Design sign-off" was not accepted, by override: Paid to keep the team on the project; test plan agreed for next week.');

    const audit = await call(t, auditor, 'GET', `/api/v1/audit-events?objectId=${p.id}`);
    const event = audit.json().items.find((e: { action: string }) => e.action === 'payment.override_paid');
    expect(event).toMatchObject({ actionLabel: 'overrode the milestone hold and marked paid payment', objectLabel: 'Design instalment (€25,000.00)' });
    expect(event.after).toMatchObject({ overridden: true, overrideReason: 'Paid to keep the team on the project; test plan agreed for next week.', heldBecause: p.hold.words });

    // Paid is settled.
    const again = await call(t, owner, 'POST', `/api/v1/payments/${p.id}/paid`, { paidOn: today() });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(`This payment was already marked paid on ${today()}.`);
    expect((await call(t, owner, 'PATCH', `/api/v1/payments/${p.id}`, { label: 'x' })).statusCode).toBe(409);
  });

  it('is released once every deliverable of the milestone is accepted, and then paid without override', async () => {
    const eng = await anEngagement(org.handle, { vendorId: org.vendor.id });
    const milestone = await aMilestone(h(), { engagementId: eng.id, name: 'Go-live' });
    const d = await aDeliverable(h(), { engagementId: eng.id, milestoneId: milestone.id, state: 'rejected', contact: org.users.vendor_contact });
    const p = await aPayment(h(), { engagementId: eng.id, milestoneId: milestone.id, amountMinor: 100_000, currency: 'GBP' });
    expect(p.hold.blocked).toBe(true);
    await submitOnce(h(), d.id, d.contact!, { note: 'Fixed.' });
    expect((await call(t, manager, 'GET', `/api/v1/payments/${p.id}`)).json().hold.blocked).toBe(true);
    await call(t, manager, 'POST', `/api/v1/deliverables/${d.id}/accept`, { criteriaMet: [true, true] });
    const released = (await call(t, manager, 'GET', `/api/v1/payments/${p.id}`)).json();
    expect(released.hold).toMatchObject({ blocked: false, waitingFor: [], words: 'Every deliverable of milestone "Go-live" is accepted: it can be paid.' });
    const nothing = await call(t, manager, 'POST', `/api/v1/payments/${p.id}/paid`, { paidOn: today(), overrideReason: 'why not' });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().error.details.issues[0]).toMatchObject({ path: 'overrideReason', message: 'This payment is not blocked: there is nothing to override.' });
    const paid = await call(t, manager, 'POST', `/api/v1/payments/${p.id}/paid`, { paidOn: today() });
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', overridden: false, overrideReason: null });
    const audit = await call(t, owner, 'GET', `/api/v1/audit-events?objectId=${p.id}`);
    expect(audit.json().items.map((e: { actionLabel: string }) => e.actionLabel)).toContain('marked paid payment');
  });
});

describe('the payment schedule', () => {
  it('per engagement, soonest due first, with totals per month per currency (never summed across currencies)', async () => {
    const eng = await anEngagement(org.handle, { vendorId: org.vendor.id });
    await aPayment(h(), { engagementId: eng.id, label: 'March EUR', amountMinor: 100_050, currency: 'EUR', dueDate: '2026-03-31' });
    await aPayment(h(), { engagementId: eng.id, label: 'March USD', amountMinor: 20_000, currency: 'USD', dueDate: '2026-03-15' });
    await aPayment(h(), { engagementId: eng.id, label: 'March EUR 2', amountMinor: 50, currency: 'EUR', dueDate: '2026-03-01', paidOn: '2026-03-02' });
    await aPayment(h(), { engagementId: eng.id, label: 'April JPY', amountMinor: 150_000, currency: 'JPY', dueDate: '2026-04-10' });
    const list = await call(t, auditor, 'GET', `/api/v1/payments?engagementId=${eng.id}`);
    expect(list.json().total).toBe(4);
    expect(list.json().items.map((p: { label: string }) => p.label)).toEqual(['March EUR 2', 'March USD', 'March EUR', 'April JPY']);
    const totals = (await call(t, auditor, 'GET', `/api/v1/payments/totals?engagementId=${eng.id}`)).json();
    expect(totals.months).toEqual([
      { month: '2026-03', label: 'March 2026', planned: [{ currency: 'EUR', amountMinor: 100_050 }, { currency: 'USD', amountMinor: 20_000 }], paid: [{ currency: 'EUR', amountMinor: 50 }] },
      { month: '2026-04', label: 'April 2026', planned: [{ currency: 'JPY', amountMinor: 150_000 }], paid: [] },
    ]);
    expect(totals.total.planned).toHaveLength(3);
  });
});

describe('per contract', () => {
  it('a statement of work carries milestones, deliverables and payments; its schedule lists them; a contract of another vendor or organisation is an invalid field', async () => {
    const eng = await anEngagement(org.handle, { vendorId: org.vendor.id, name: 'SOW work' });
    const sow = await aContract(org.handle, { vendorId: org.vendor.id, type: 'statement_of_work', title: 'SOW 2026', engagementIds: [eng.id] });
    const m = await call(t, manager, 'POST', '/api/v1/milestones', { engagementId: eng.id, contractId: sow.id, name: 'Phase A' });
    expect(m.statusCode, m.body).toBe(201);
    expect(m.json()).toMatchObject({ contractId: sow.id, contractTitle: 'SOW 2026' });
    // A deliverable and a payment in the milestone fall under its contract.
    const d = await aDeliverable(h(), { engagementId: eng.id, milestoneId: m.json().id });
    expect(d).toMatchObject({ contractId: sow.id, contractTitle: 'SOW 2026' });
    const p = await aPayment(h(), { engagementId: eng.id, milestoneId: m.json().id, label: 'Phase A fee' });
    expect(p).toMatchObject({ contractId: sow.id, contractTitle: 'SOW 2026' });
    await aPayment(h(), { engagementId: eng.id, label: 'Not under the SOW' });
    const schedule = await call(t, auditor, 'GET', `/api/v1/payments?contractId=${sow.id}`);
    expect(schedule.json().items.map((x: { label: string }) => x.label)).toEqual(['Phase A fee']);
    const deliverables = await call(t, auditor, 'GET', `/api/v1/deliverables?contractId=${sow.id}`);
    expect(deliverables.json().items.map((x: { id: string }) => x.id)).toEqual([d.id]);

    const otherVendors = await aContract(org.handle, { vendorId: org.otherVendor.id, title: 'Other vendor MSA' });
    const foreign = await createTestOrg(t.database.db, 'Foreign');
    const foreignContract = await aContract(foreign.handle, { vendorId: foreign.vendor.id });
    const notCovering = await aContract(org.handle, { vendorId: org.vendor.id, type: 'statement_of_work', engagementIds: [org.engagementId] });
    const base = { engagementId: eng.id, label: 'X', amountMinor: 100, currency: 'EUR', dueDate: '2026-05-01' };
    for (const [contractId, message] of [
      [otherVendors.id, 'This contract is with another vendor than the engagement.'],
      [notCovering.id, 'This contract does not cover the engagement.'],
      [foreignContract.id, null],
    ] as const) {
      const res = await call(t, owner, 'POST', '/api/v1/payments', { ...base, contractId });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe('contractId');
      if (message) expect(res.json().error.details.issues[0].message).toBe(message);
    }
  });
});

describe('bad input on every payment write route', () => {
  it('names the field: bad currency, float amounts, negative amounts, foreign ids, unknown keys', async () => {
    const foreign = await createTestOrg(t.database.db, 'Foreign');
    const foreignMilestone = await aMilestone(inApp(foreign, t.config), { engagementId: foreign.engagementId });
    const p = await aPayment(h(), { engagementId: org.engagementId });
    const ok = { engagementId: org.engagementId, label: 'Instalment', amountMinor: 1000, currency: 'EUR', dueDate: '2026-06-30' };
    const cases: Array<[string, 'POST' | 'PATCH', string, object, string]> = [
      ['unknown currency', 'POST', '/api/v1/payments', { ...ok, currency: 'EUX' }, 'currency'],
      ['currency symbol', 'POST', '/api/v1/payments', { ...ok, currency: '€' }, 'currency'],
      ['float amount', 'POST', '/api/v1/payments', { ...ok, amountMinor: 12.5 }, 'amountMinor'],
      ['amount as text', 'POST', '/api/v1/payments', { ...ok, amountMinor: '1000' }, 'amountMinor'],
      ['negative amount', 'POST', '/api/v1/payments', { ...ok, amountMinor: -5 }, 'amountMinor'],
      ['foreign engagement', 'POST', '/api/v1/payments', { ...ok, engagementId: foreign.engagementId }, 'engagementId'],
      ['foreign milestone', 'POST', '/api/v1/payments', { ...ok, milestoneId: foreignMilestone.id }, 'milestoneId'],
      ['unknown key', 'POST', '/api/v1/payments', { ...ok, status: 'paid' }, 'status'],
      ['patch float', 'PATCH', `/api/v1/payments/${p.id}`, { amountMinor: 0.1 }, 'amountMinor'],
      ['patch currency', 'PATCH', `/api/v1/payments/${p.id}`, { currency: 'euro' }, 'currency'],
      ['patch foreign milestone', 'PATCH', `/api/v1/payments/${p.id}`, { milestoneId: foreignMilestone.id }, 'milestoneId'],
      ['paid on not a date', 'POST', `/api/v1/payments/${p.id}/paid`, { paidOn: 'yesterday' }, 'paidOn'],
      ['paid unknown key', 'POST', `/api/v1/payments/${p.id}/paid`, { paidOn: '2026-01-01', overridden: true }, 'overridden'],
    ];
    for (const [label, method, url, body, field] of cases) {
      const res = await call(t, owner, method, url, body);
      expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
      expect(res.json().error.code, label).toBe('validation_failed');
      expect(JSON.stringify(res.json().error.details.issues), label).toContain(field);
    }
    // The currency is read in capitals; an amount stays whole minor units.
    const lower = await call(t, owner, 'POST', '/api/v1/payments', { ...ok, currency: 'gbp' });
    expect(lower.statusCode).toBe(201);
    expect(lower.json()).toMatchObject({ currency: 'GBP', amountMinor: 1000 });
  });
});

describe('the deliverables feed', () => {
  it('is registered, and tells what is due, what is late or overridden, and the money due this month and year per currency', async () => {
    expect(FEEDS).toContain(deliverablesFeed);
    const o = await createTestOrg(t.database.db, 'Feed');
    const ho = inApp(o, t.config);
    const d0 = today();
    const contactUser = o.users.vendor_contact;
    const late = await aDeliverable(ho, { engagementId: o.engagementId, title: 'Late report', dueDate: addDays(d0, -20), graceDays: 5 });
    const soon = await aDeliverable(ho, { engagementId: o.engagementId, title: 'Next report', dueDate: addDays(d0, 3) });
    await aDeliverable(ho, { engagementId: o.engagementId, title: 'Done', dueDate: addDays(d0, 2), state: 'accepted', contact: contactUser });
    const m = await aMilestone(ho, { engagementId: o.engagementId, name: 'Phase 1' });
    await aDeliverable(ho, { engagementId: o.engagementId, milestoneId: m.id, state: 'rejected', contact: contactUser });
    const forced = await aPayment(ho, { engagementId: o.engagementId, milestoneId: m.id, label: 'Phase 1 fee', amountMinor: 500_00, currency: 'EUR', dueDate: d0, paidOn: d0, overrideReason: 'Board decision' });
    const due = await aPayment(ho, { engagementId: o.engagementId, label: 'Licence', amountMinor: 300_00, currency: 'USD', dueDate: d0 });
    const ctx = o.handle.ctx();

    const items = await deliverablesFeed.due!(ctx, { from: d0, to: addDays(d0, 7) });
    const keys = items.map((i) => i.key);
    expect(keys).toEqual(expect.arrayContaining([`deliverable:${late.id}`, `deliverable:${soon.id}`, `payment:${due.id}`]));
    expect(keys).not.toContain(`payment:${forced.id}`);
    expect(items.find((i) => i.key === `deliverable:${late.id}`)).toMatchObject({ overdue: true, title: `Deliverable due from ${o.vendor.name}: Late report` });

    const exposures = await deliverablesFeed.exposures!(ctx, d0);
    expect(exposures.find((e) => e.key === 'deliverables:late')).toMatchObject({ count: 1, examples: [{ label: `Late report (${o.vendor.name})` }] });
    const over = exposures.find((e) => e.key === 'payments:overridden')!;
    expect(over.count).toBe(1);
    expect(over.examples[0].label).toBe(`Phase 1 fee (€500.00) to ${o.vendor.name}`);

    const money = await deliverablesFeed.money!(ctx, d0);
    const year = money.find((x) => x.key === 'payments:this-year')!;
    expect(year.amounts).toEqual(expect.arrayContaining([{ currency: 'EUR', amountMinor: 500_00 }]));
    const month = money.find((x) => x.key === 'payments:this-month')!;
    expect(month.amounts).toEqual(expect.arrayContaining([{ currency: 'EUR', amountMinor: 500_00 }]));
    expect(month.note).toBe('still to pay: US$300.00');
  });
});
