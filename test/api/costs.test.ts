import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aContract } from '../../src/server/seed/builders/contracts.ts';
import { anEngagement } from '../../src/server/seed/builders/core.ts';
import { aBudget, anInvoice, aRateCardItem } from '../../src/server/seed/builders/costs.ts';
import { FEEDS } from '../../src/server/feeds/registry.ts';
import { costsFeed } from '../../src/server/modules/costs/costs.public.ts';
import { aDeliverable, aMilestone } from '../../src/server/seed/builders/deliverables.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { call, inApp } from '../support/deliverables.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// Issue 12 (first slice): rate cards, invoices entered by hand and checked on every save, the workflow, budget against actual.
let t: TestApp;
let org: TestOrg;
let owner: Login;
let manager: Login;
let analyst: Login;
let contractId: string;
const h = () => inApp(org, t.config);
type Line = { description: string; quantity: string; unit: string; unitPriceMinor: number; amountMinor: number; taxMinor?: number; rateCardItemId?: string; milestoneId?: string };
type Check = { key: string; code: string; words: string; overridden: boolean; linePosition: number | null; relatedInvoices: Array<{ id: string; number: string }> };

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
  owner = await loginAs(t.database.db, org.users.owner);
  manager = await loginAs(t.database.db, org.users.manager);
  analyst = await loginAs(t.database.db, org.users.analyst);
  const contract = await aContract(h(), { vendorId: org.vendor.id, engagementIds: [org.engagementId], title: 'Development statement of work', currency: 'EUR' });
  contractId = contract.id;
  // The rate card: a senior developer at €600.00 a day in 2025, €650.00 from 2026; a project manager at €800.00.
  await aRateCardItem(h(), { contractId, name: 'Senior developer', unit: 'day', unitPriceMinor: 60_000, validFrom: '2025-01-01', validTo: '2025-12-31' });
  await aRateCardItem(h(), { contractId, name: 'Senior developer', unit: 'day', unitPriceMinor: 65_000, validFrom: '2026-01-01', validTo: '2026-12-31' });
  await aRateCardItem(h(), { contractId, name: 'Project manager', unit: 'day', unitPriceMinor: 80_000 });
});
afterAll(() => t.close());

let n = 0;
/** An invoice of the organisation's vendor under the contract, totals of its lines (unless given), entered by the manager. */
async function enter(o: { lines: Line[]; number?: string; invoiceDate?: string; periodFrom?: string; periodTo?: string; subtotalMinor?: number; taxMinor?: number; totalMinor?: number; contractId?: string | null; currency?: string }) {
  const net = o.lines.reduce((s, l) => s + l.amountMinor, 0);
  const tax = o.lines.reduce((s, l) => s + (l.taxMinor ?? 0), 0);
  const res = await call(t, manager, 'POST', '/api/v1/invoices', {
    vendorId: org.vendor.id,
    engagementId: org.engagementId,
    contractId: o.contractId === undefined ? contractId : o.contractId,
    number: o.number ?? `DEV-${++n}-${Date.now()}`,
    invoiceDate: o.invoiceDate ?? '2026-03-31',
    periodFrom: o.periodFrom,
    periodTo: o.periodTo,
    currency: o.currency ?? 'EUR',
    lines: o.lines,
    subtotalMinor: o.subtotalMinor ?? net,
    taxMinor: o.taxMinor ?? tax,
    totalMinor: o.totalMinor ?? net + tax,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string; checks: Check[]; openChecks: number; lines: Array<{ quantity: string }> };
}
const dev = (days: string, price: number, amount: number, tax = 0): Line => ({ description: 'Senior developer', quantity: days, unit: 'day', unitPriceMinor: price, amountMinor: amount, taxMinor: tax });
const codes = (checks: Check[]) => checks.map((c) => c.key).sort();

describe('checks on every invoice', () => {
  it('stay quiet on a clean invoice: 5 days at the rate card price with 19 % tax, and a project manager day', async () => {
    const inv = await enter({ lines: [dev('5', 65_000, 325_000, 61_750), { description: 'Project manager', quantity: '0.5', unit: 'day', unitPriceMinor: 80_000, amountMinor: 40_000, taxMinor: 7_600 }], periodFrom: '2026-01-01', periodTo: '2026-01-31' });
    expect(inv.checks).toEqual([]);
    expect(inv.openChecks).toBe(0);
    expect(inv.lines.map((l) => l.quantity)).toEqual(['5', '0.5']);
  });

  it('a unit price above the rate card item valid on the invoice date: €720.00 a day where the card allows €650.00', async () => {
    const inv = await enter({ lines: [dev('2', 72_000, 144_000)] });
    expect(codes(inv.checks)).toEqual(['over_rate:line:1']);
    expect(inv.checks[0].words).toBe(
      'Line 1 ("Senior developer") charges €720.00 per day; the rate card allows €650.00 for "Senior developer" on 31 March 2026: €70.00 too much per unit, €140.00 on this line.',
    );
    // Dated 2025, the same line is held to that year's €600.00; €600.00 then is clean.
    expect(codes((await enter({ lines: [dev('2', 65_000, 130_000)], invoiceDate: '2025-11-30' })).checks)).toEqual(['over_rate:line:1']);
    expect((await enter({ lines: [dev('2', 60_000, 120_000)], invoiceDate: '2025-11-30' })).checks).toEqual([]);
  });

  it('a line matching no rate card item is unapproved extra work, and invites naming the approved change request', async () => {
    const inv = await enter({ lines: [dev('1', 65_000, 65_000), { description: 'Weekend go-live support', quantity: '8', unit: 'hour', unitPriceMinor: 15_000, amountMinor: 120_000 }] });
    expect(codes(inv.checks)).toEqual(['no_rate:line:2']);
    expect(inv.checks[0].words).toContain('Line 2 ("Weekend go-live support") matches no item of the rate card of "Development statement of work"');
    expect(inv.checks[0].words).toContain('names no approved change request');
  });

  it('a duplicate: the same vendor and number, or the same amount on the same date', async () => {
    const first = await enter({ lines: [dev('3', 65_000, 195_000)], number: 'DUP-2026-001', invoiceDate: '2026-02-28' });
    const again = await enter({ lines: [dev('3', 65_000, 195_000)], number: ' dup-2026-001 ', invoiceDate: '2026-02-28' });
    expect(codes(again.checks)).toEqual(['duplicate:number']);
    expect(again.checks[0].words).toContain('invoice number dup-2026-001 was already entered: the invoice of 28 February 2026 for €1,950.00');
    // The check names the invoice it duplicates, to open beside it.
    expect(again.checks[0].relatedInvoices).toEqual([{ id: first.id, number: 'DUP-2026-001' }]);
    const sameAmount = await enter({ lines: [dev('3', 65_000, 195_000)], number: 'DUP-2026-002', invoiceDate: '2026-02-28' });
    // It also matches the first one's amount and date (two invoices share them already).
    expect(codes(sameAmount.checks)).toEqual(['duplicate:amount-date']);
    expect(sameAmount.checks[0].words).toContain('has the same total, €1,950.00, and the same date, 28 February 2026');
    expect(sameAmount.checks[0].relatedInvoices).toEqual([
      { id: first.id, number: 'DUP-2026-001' },
      { id: again.id, number: 'dup-2026-001' },
    ]);
  });

  it('a period already invoiced for the same contract', async () => {
    const april = await enter({ lines: [dev('10', 65_000, 650_000)], periodFrom: '2026-04-01', periodTo: '2026-04-30', invoiceDate: '2026-04-30', number: 'APR-1' });
    const overlap = await enter({ lines: [dev('2', 65_000, 130_000)], periodFrom: '2026-04-20', periodTo: '2026-05-10', invoiceDate: '2026-05-10', number: 'MAY-1' });
    expect(codes(overlap.checks)).toEqual(['period_overlap']);
    expect(overlap.checks[0].relatedInvoices).toEqual([{ id: april.id, number: 'APR-1' }]);
    expect(overlap.checks[0].words).toBe('The period 20 April 2026 – 10 May 2026 was already invoiced for the same contract: invoice APR-1 (1 April 2026 – 30 April 2026).');
    const next = await enter({ lines: [dev('2', 65_000, 130_000)], periodFrom: '2026-05-11', periodTo: '2026-05-31', invoiceDate: '2026-05-31', number: 'MAY-2' });
    expect(next.checks).toEqual([]);
  });

  it('arithmetic that does not add up: quantity × price, the lines against the net total, net plus tax against the total', async () => {
    const inv = await enter({ lines: [dev('3', 65_000, 200_000, 38_000)], subtotalMinor: 195_000, taxMinor: 38_000, totalMinor: 235_000 });
    expect(codes(inv.checks)).toEqual(['arithmetic:line:1', 'arithmetic:subtotal', 'arithmetic:total']);
    const byKey = Object.fromEntries(inv.checks.map((c) => [c.key, c.words]));
    expect(byKey['arithmetic:line:1']).toBe('Line 1 ("Senior developer"): 3 × €650.00 is €1,950.00, but the line says €2,000.00.');
    expect(byKey['arithmetic:subtotal']).toBe("The lines add up to €2,000.00, but the invoice's net total says €1,950.00.");
    expect(byKey['arithmetic:total']).toBe("Net €1,950.00 plus tax €380.00 is €2,330.00, but the invoice's total says €2,350.00.");
    // Half a cent of rounding is no error: 1.5 × €333.33 = €499.995 → €500.00.
    const pm = { description: 'Project manager', quantity: '1.5', unit: 'day', unitPriceMinor: 33_333, amountMinor: 50_000 };
    expect((await enter({ lines: [pm] })).checks).toEqual([]);
  });

  it('billing a milestone whose deliverables are not accepted; quiet once they are', async () => {
    const milestone = await aMilestone(h(), { engagementId: org.engagementId, contractId, name: 'Release 1' });
    const d = await aDeliverable(h(), { engagementId: org.engagementId, milestoneId: milestone.id, title: 'Release 1 build', state: 'submitted', contact: org.users.vendor_contact });
    const line = { description: 'Milestone Release 1', quantity: '1', unit: 'fixed', unitPriceMinor: 500_000, amountMinor: 500_000, milestoneId: milestone.id };
    const inv = await enter({ lines: [line] });
    expect(codes(inv.checks)).toEqual(['milestone:line:1']);
    expect(inv.checks[0].words).toBe('Line 1 ("Milestone Release 1") bills milestone "Release 1", whose deliverables are not all accepted; still waiting for "Release 1 build" (submitted, waiting for review).');
    expect((await call(t, manager, 'POST', `/api/v1/deliverables/${d.id}/accept`, { criteriaMet: [true, true] })).statusCode).toBe(200);
    const saved = await call(t, manager, 'PATCH', `/api/v1/invoices/${inv.id}`, { note: 'Release 1 accepted since.' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().checks).toEqual([]);
  });

  it('refuses what does not fit: a quantity with four decimals, another organisation\'s contract, a rate card item of another contract', async () => {
    const bad = await call(t, manager, 'POST', '/api/v1/invoices', { vendorId: org.vendor.id, number: 'X', invoiceDate: '2026-01-31', currency: 'EUR', lines: [dev('1.2345', 100, 123)], subtotalMinor: 123, totalMinor: 123 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('lines');
    const foreign = await createTestOrg(t.database.db, 'Foreign');
    const theirs = await aContract(foreign.handle);
    const res = await call(t, manager, 'POST', '/api/v1/invoices', { vendorId: org.vendor.id, contractId: theirs.id, number: 'X', invoiceDate: '2026-01-31', currency: 'EUR', lines: [dev('1', 100, 100)], subtotalMinor: 100, totalMinor: 100 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toBe('contractId');
    const card = await call(t, manager, 'POST', '/api/v1/rate-card-items', { contractId: theirs.id, name: 'Tester', unit: 'hour', unitPriceMinor: 9_000, currency: 'EUR' });
    expect(card.statusCode).toBe(400);
    expect(card.json().error.details.issues[0].path).toBe('contractId');
    const other = await aContract(h(), { vendorId: org.vendor.id });
    const otherItem = await aRateCardItem(h(), { contractId: other.id, name: 'Tester' });
    const wrongItem = await call(t, manager, 'POST', '/api/v1/invoices', { vendorId: org.vendor.id, contractId, number: 'X', invoiceDate: '2026-01-31', currency: 'EUR', lines: [{ ...dev('1', 100, 100), rateCardItemId: otherItem.id }], subtotalMinor: 100, totalMinor: 100 });
    expect(wrongItem.statusCode).toBe(400);
    expect(wrongItem.json().error.details.issues[0].path).toBe('lines.0.rateCardItemId');
  });
});

describe('the workflow', () => {
  it('received → checked → approved → paid; approval waits for every failing check, an override is audited with its reason', async () => {
    const inv = await enter({ lines: [dev('3', 72_000, 216_000)] });
    const early = await call(t, manager, 'POST', `/api/v1/invoices/${inv.id}/approve`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('only a checked invoice can be approved');
    expect((await call(t, manager, 'POST', `/api/v1/invoices/${inv.id}/checked`, {})).json().status).toBe('checked');
    const blocked = await call(t, manager, 'POST', `/api/v1/invoices/${inv.id}/approve`, {});
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toContain('cannot be approved while a check fails. "Price above the rate card" (line 1)');

    // Overriding is for owners and admins; a manager is refused.
    const key = inv.checks[0].key;
    expect((await call(t, manager, 'POST', `/api/v1/invoices/${inv.id}/overrides`, { key, reason: 'x' })).statusCode).toBe(403);
    expect((await call(t, owner, 'POST', `/api/v1/invoices/${inv.id}/overrides`, { key: 'duplicate:number', reason: 'x' })).statusCode).toBe(400);
    const overridden = await call(t, owner, 'POST', `/api/v1/invoices/${inv.id}/overrides`, { key, reason: 'Rush rate agreed for the go-live weekend (mail of 12 March).' });
    expect(overridden.statusCode, overridden.body).toBe(200);
    expect(overridden.json()).toMatchObject({ openChecks: 0, checks: [{ key, overridden: true, overrideReason: 'Rush rate agreed for the go-live weekend (mail of 12 March).', overriddenByName: org.users.owner.name }] });

    const approved = await call(t, manager, 'POST', `/api/v1/invoices/${inv.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedByName: org.users.manager.name });
    expect((await call(t, manager, 'PATCH', `/api/v1/invoices/${inv.id}`, { note: 'late edit' })).statusCode).toBe(409);
    expect((await call(t, manager, 'POST', `/api/v1/invoices/${inv.id}/paid`, { paidOn: '2026-03-01' })).statusCode).toBe(400);
    const paid = await call(t, manager, 'POST', `/api/v1/invoices/${inv.id}/paid`, { paidOn: '2026-04-15' });
    expect(paid.json()).toMatchObject({ status: 'paid', paidOn: '2026-04-15' });
    const disputePaid = await call(t, manager, 'POST', `/api/v1/invoices/${inv.id}/dispute`, { reason: 'x' });
    expect(disputePaid.statusCode).toBe(409);
    expect(disputePaid.json().error.message).toContain('The invoice is paid');

    const audit = await call(t, owner, 'GET', `/api/v1/audit-events?objectId=${inv.id}&action=invoice.override_check`);
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json().items).toHaveLength(1);
    expect(audit.json().items[0].after).toMatchObject({ check: 'Price above the rate card', overrideReason: 'Rush rate agreed for the go-live weekend (mail of 12 March).' });
    expect(audit.json().items[0].after.words).toContain('€720.00 per day');
  });

  it('disputed with a reason; a corrected copy starts over as received and its checks run again, an override in the same words is kept', async () => {
    const inv = await enter({ lines: [dev('2', 72_000, 144_000), { description: 'Weekend go-live support', quantity: '8', unit: 'hour', unitPriceMinor: 15_000, amountMinor: 120_000 }] });
    await call(t, owner, 'POST', `/api/v1/invoices/${inv.id}/overrides`, { key: 'no_rate:line:2', reason: 'Weekend work approved by the CIO.' });
    expect((await call(t, manager, 'POST', `/api/v1/invoices/${inv.id}/dispute`, {})).statusCode).toBe(400);
    const disputed = await call(t, manager, 'POST', `/api/v1/invoices/${inv.id}/dispute`, { reason: 'Senior developer billed above the rate card.' });
    expect(disputed.json()).toMatchObject({ status: 'disputed', disputeReason: 'Senior developer billed above the rate card.' });
    expect((await call(t, manager, 'POST', `/api/v1/invoices/${inv.id}/dispute`, { reason: 'again' })).statusCode).toBe(409);
    const corrected = await call(t, manager, 'PATCH', `/api/v1/invoices/${inv.id}`, {
      lines: [dev('2', 65_000, 130_000), { description: 'Weekend go-live support', quantity: '8', unit: 'hour', unitPriceMinor: 15_000, amountMinor: 120_000 }],
      subtotalMinor: 250_000,
      totalMinor: 250_000,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({ status: 'received', disputeReason: null, openChecks: 0, checks: [{ key: 'no_rate:line:2', overridden: true }] });
  });

  it('analysts read invoices but change nothing', async () => {
    const inv = await enter({ lines: [dev('1', 65_000, 65_000)] });
    expect((await call(t, analyst, 'GET', `/api/v1/invoices/${inv.id}`)).statusCode).toBe(200);
    expect((await call(t, analyst, 'POST', `/api/v1/invoices/${inv.id}/checked`, {})).statusCode).toBe(403);
  });
});

describe('budget against actual', () => {
  it('per month of the fiscal year, per currency: an invoice in another currency is shown apart, never converted', async () => {
    const o = await createTestOrg(t.database.db, 'Budget');
    const ownerOf = await loginAs(t.database.db, o.users.owner);
    const hb = inApp(o, t.config);
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/cost-settings', payload: { fiscalYearStartMonth: 4, baseCurrency: 'eur' }, headers: authHeaders(ownerOf) });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ fiscalYearStartMonth: 4, baseCurrency: 'EUR' });
    const eng = o.engagementId;
    await aBudget(hb, { engagementId: eng, fiscalYear: 2026, amountMinor: 12_000_005, currency: 'EUR', label: 'Run', spendType: 'opex' });
    const phased = Array.from({ length: 12 }, (_, i) => (i === 1 ? 500_000 : 0));
    await aBudget(hb, { engagementId: eng, fiscalYear: 2026, amountMinor: 500_000, currency: 'EUR', label: 'Build', phasing: 'monthly', monthlyMinor: phased, spendType: 'capex' });
    const vendorId = o.vendor.id;
    const line = (amount: number) => [{ description: 'Run fee', quantity: '1', unit: 'month' as const, unitPriceMinor: amount, amountMinor: amount, taxMinor: Math.round(amount / 5) }];
    await anInvoice(hb, { vendorId, engagementId: eng, invoiceDate: '2026-05-31', lines: line(900_000), state: 'approved' });
    await anInvoice(hb, { vendorId, engagementId: eng, invoiceDate: '2026-05-15', lines: line(50_000), state: 'paid', paidOn: '2026-06-01' });
    await anInvoice(hb, { vendorId, engagementId: eng, invoiceDate: '2026-06-30', currency: 'GBP', lines: line(70_000), state: 'paid' });
    // Not actual: still waiting for review, disputed, or in the next fiscal year.
    await anInvoice(hb, { vendorId, engagementId: eng, invoiceDate: '2026-05-31', lines: line(111_100), state: 'checked' });
    await anInvoice(hb, { vendorId, engagementId: eng, invoiceDate: '2026-05-31', lines: line(222_200), state: 'disputed' });
    await anInvoice(hb, { vendorId, engagementId: eng, invoiceDate: '2027-04-01', lines: line(333_300), state: 'approved' });

    const res = await call(t, ownerOf, 'GET', `/api/v1/engagements/${eng}/costs?fiscalYear=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.fiscalYearLabel).toBe('FY 2026 (April 2026 – March 2027)');
    expect(body.months.map((m: { month: string }) => m.month)).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03']);
    // €120,000.05 spread evenly: the five cents go one each to the first five months; the build budget is all in May.
    expect(body.months[0]).toMatchObject({ label: 'April 2026', budget: [{ currency: 'EUR', amountMinor: 1_000_001 }], actual: [], notConverted: [] });
    expect(body.months[1]).toMatchObject({ budget: [{ currency: 'EUR', amountMinor: 1_500_001 }], actual: [{ currency: 'EUR', amountMinor: 950_000 }], notConverted: [] });
    expect(body.months[2]).toMatchObject({ budget: [{ currency: 'EUR', amountMinor: 1_000_001 }], actual: [], notConverted: [{ currency: 'GBP', amountMinor: 70_000 }] });
    expect(body.months[11].budget).toEqual([{ currency: 'EUR', amountMinor: 1_000_000 }]);
    expect(body.total).toEqual({ budget: [{ currency: 'EUR', amountMinor: 12_500_005 }], actual: [{ currency: 'EUR', amountMinor: 950_000 }], notConverted: [{ currency: 'GBP', amountMinor: 70_000 }] });
    expect(body.notes.join(' ')).toContain('not converted');
    expect(body.budgets.map((b: { label: string; spendType: string }) => `${b.label} ${b.spendType}`)).toEqual(['Run opex', 'Build capex']);

    const other = await anEngagement(o.handle);
    expect((await call(t, ownerOf, 'GET', `/api/v1/engagements/${other.id}/costs`)).json().months[0].budget).toEqual([]);
  });

  it('refuses monthly phasing that does not add up, and even spreading with months', async () => {
    const wrong = await call(t, manager, 'POST', '/api/v1/budgets', { engagementId: org.engagementId, fiscalYear: 2026, amountMinor: 1_200, currency: 'EUR', phasing: 'monthly', monthlyMinor: Array(12).fill(99) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0]).toMatchObject({ path: 'monthlyMinor', message: "The twelve monthly amounts add up to 1188 minor units, not to the budget's 1200." });
    const even = await call(t, manager, 'POST', '/api/v1/budgets', { engagementId: org.engagementId, fiscalYear: 2026, amountMinor: 1_200, currency: 'EUR', monthlyMinor: Array(12).fill(100) });
    expect(even.statusCode).toBe(400);
    const ok = await call(t, manager, 'POST', '/api/v1/budgets', { engagementId: org.engagementId, fiscalYear: 2026, amountMinor: 1_200, currency: 'EUR', phasing: 'monthly', monthlyMinor: Array(12).fill(100) });
    expect(ok.statusCode, ok.body).toBe(201);
    const edited = await call(t, manager, 'PATCH', `/api/v1/budgets/${ok.json().id}`, { amountMinor: 1_300 });
    expect(edited.statusCode).toBe(400);
    const spread = await call(t, manager, 'PATCH', `/api/v1/budgets/${ok.json().id}`, { amountMinor: 1_300, phasing: 'even' });
    expect(spread.statusCode, spread.body).toBe(200);
    expect(spread.json().months.slice(0, 2).map((m: { amountMinor: number }) => m.amountMinor)).toEqual([109, 109]);
  });
});

describe('the costs feed', () => {
  it('is registered, lists invoices waiting for review on the dashboard and counts disputed ones', async () => {
    expect(FEEDS).toContain(costsFeed);
    const o = await createTestOrg(t.database.db, 'Feed');
    const ho = inApp(o, t.config);
    await anInvoice(ho, { vendorId: o.vendor.id, number: 'WAIT-1', engagementId: o.engagementId });
    await anInvoice(ho, { vendorId: o.vendor.id, number: 'DISP-1', invoiceDate: '2026-03-30', state: 'disputed' });
    await anInvoice(ho, { vendorId: o.vendor.id, number: 'PAID-1', invoiceDate: '2026-03-29', state: 'paid' });
    const ctx = ho.ctx();
    const due = await costsFeed.due!(ctx, { from: '2026-01-01', to: '2026-12-31' });
    expect(due.map((d) => d.title)).toEqual([`Invoice to review from ${o.vendor.name}: Invoice WAIT-1 (€1,000.00)`]);
    // It names no contract, so its line cannot be compared with a rate card.
    expect(due[0]).toMatchObject({ detail: '1 check failing; invoiced on 31 March 2026', href: expect.stringMatching(/^\/invoices\//), engagement: { id: o.engagementId } });
    const [disputed] = await costsFeed.exposures!(ctx, '2026-04-01');
    expect(disputed).toMatchObject({ key: 'invoices:disputed', count: 1, examples: [{ label: `Invoice DISP-1 (€1,000.00) from ${o.vendor.name}` }] });
  });
});

describe("the vendor's PDF of an invoice", () => {
  it('is attached by content (a PDF, nothing else), listed newest first, downloaded as it was sent, and recorded in the history', async () => {
    const { PDF } = await import('../support/due-diligence.ts');
    const inv = await enter({ lines: [dev('1', 65_000, 65_000)] });
    const up = (name: string, body: Buffer, login = manager, type = 'application/pdf') =>
      t.app.inject({ method: 'POST', url: `/api/v1/invoices/${inv.id}/documents?fileName=${name}`, headers: { ...authHeaders(login), 'content-type': type }, payload: body });
    const first = await up('KSL-2026-03.pdf', PDF);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ invoiceId: inv.id, fileName: 'KSL-2026-03.pdf', contentType: 'application/pdf', sizeBytes: PDF.length, uploadedByName: expect.any(String) });
    const corrected = await up('KSL-2026-03-corrected.pdf', PDF);
    expect(corrected.statusCode).toBe(201);
    // Text named .pdf is refused, in words; an analyst may not attach.
    const fake = await up('fake.pdf', Buffer.from('not a pdf at all, just text'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.message).toBe('An invoice must be attached as a PDF.');
    expect((await up('ok.pdf', PDF, analyst)).statusCode).toBe(403);
    const list = (await call(t, analyst, 'GET', `/api/v1/invoices/${inv.id}/documents`)).json();
    expect(list.items.map((d: { fileName: string }) => d.fileName)).toEqual(['KSL-2026-03-corrected.pdf', 'KSL-2026-03.pdf']);
    const dl = await call(t, analyst, 'GET', `/api/v1/invoices/${inv.id}/documents/${first.json().id}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toContain('attachment');
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    // Another invoice's id with this document's: not found, never the file.
    const other = await enter({ lines: [dev('1', 65_000, 65_000)] });
    expect((await call(t, analyst, 'GET', `/api/v1/invoices/${other.id}/documents/${first.json().id}/download`)).statusCode).toBe(404);
    const history = (await call(t, await loginAs(t.database.db, org.users.auditor), 'GET', `/api/v1/audit-events?objectId=${inv.id}`)).json().items;
    expect(history.filter((e: { action: string }) => e.action === 'invoice_document.upload')).toHaveLength(2);
  });
});
