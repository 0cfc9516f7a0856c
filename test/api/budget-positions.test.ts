import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costsFeed } from '../../src/server/modules/costs/costs.public.ts';
import { anEngagement } from '../../src/server/seed/builders/core.ts';
import { aBudget, anInvoice } from '../../src/server/seed/builders/costs.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { call, inApp } from '../support/deliverables.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// Issue 12 §5: actual against budget and forecast per engagement and vendor, across the
// portfolio, with the alert, and the spend no budget holds listed rather than dropped.
// A worked fiscal year from April: on 15 July 2026 four months (April–July) have begun.
let t: TestApp;
let org: TestOrg;
let analyst: Login;
let onTrack: string;
let overspent: string;
const TODAY = new Date('2026-07-15T10:00:00Z');
const work = (amountMinor: number) => [{ description: 'Work', quantity: '1', unit: 'fixed' as const, unitPriceMinor: amountMinor, amountMinor, taxMinor: 19_00 }];

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
  analyst = await loginAs(t.database.db, org.users.analyst);
  const owner = await loginAs(t.database.db, org.users.owner);
  const set = await t.app.inject({ method: 'PUT', url: '/api/v1/cost-settings', payload: { fiscalYearStartMonth: 4, baseCurrency: 'EUR', forecastThresholdPct: 10 }, headers: authHeaders(owner) });
  expect(set.statusCode, set.body).toBe(200);
  t.clock.offsetMs = TODAY.getTime() - Date.now();
  const h = inApp(org, t.config);
  const user = org.users.owner;
  const invoice = (engagementId: string | null, vendorId: string, invoiceDate: string, amountMinor: number, o: { currency?: string; state?: 'approved' | 'paid' | 'received' } = {}) =>
    anInvoice(h, { vendorId, engagementId, invoiceDate, currency: o.currency ?? 'EUR', lines: work(amountMinor), state: o.state ?? 'approved', user });

  // The main engagement: €12,000.00 spread evenly (€1,000.00 a month) and €6,000.00 phased
  // into April and May; to date 4 × €1,000.00 + €6,000.00 = €10,000.00 of €18,000.00.
  await aBudget(h, { engagementId: org.engagementId, fiscalYear: 2026, amountMinor: 12_000_00, currency: 'EUR' });
  await aBudget(h, { engagementId: org.engagementId, fiscalYear: 2026, label: 'Migration', amountMinor: 6_000_00, currency: 'EUR', phasing: 'monthly', monthlyMinor: [3_000_00, 3_000_00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], spendType: 'capex' });
  // Actual €12,000.00: €9,000.00 approved in May, €3,000.00 paid in June. Not counted: one
  // received and not approved, one approved in March (the fiscal year before).
  await invoice(org.engagementId, org.vendor.id, '2026-05-10', 9_000_00);
  await invoice(org.engagementId, org.vendor.id, '2026-06-02', 3_000_00, { state: 'paid' });
  await invoice(org.engagementId, org.vendor.id, '2026-06-20', 50_000_00, { state: 'received' });
  await invoice(org.engagementId, org.vendor.id, '2026-03-31', 7_000_00);
  // $500.00 on the same engagement: no budget in dollars holds it.
  await invoice(org.engagementId, org.vendor.id, '2026-07-01', 500_00, { currency: 'USD' });

  // The other vendor: one engagement on track, one already over; €200.00 billed on no engagement.
  onTrack = (await anEngagement(h, { vendorId: org.otherVendor.id, name: 'Printer fleet' })).id;
  overspent = (await anEngagement(h, { vendorId: org.otherVendor.id, name: 'Plant desktops' })).id;
  await aBudget(h, { engagementId: onTrack, fiscalYear: 2026, amountMinor: 10_000_00, currency: 'EUR' });
  await invoice(onTrack, org.otherVendor.id, '2026-04-30', 3_000_00);
  await aBudget(h, { engagementId: overspent, fiscalYear: 2026, amountMinor: 1_000_00, currency: 'EUR' });
  await invoice(overspent, org.otherVendor.id, '2026-07-02', 1_500_00);
  await invoice(null, org.otherVendor.id, '2026-05-05', 200_00);
});
afterAll(() => t.close());

describe('budget positions across the portfolio', () => {
  it('holds each engagement’s budgets against its actual and forecast, alerts first, totals per currency', async () => {
    const res = await call(t, analyst, 'GET', '/api/v1/costs/budget-positions');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ fiscalYear: 2026, fiscalYearLabel: 'FY 2026 (April 2026 – March 2027)', monthsElapsed: 4, throughLabel: 'July 2026', thresholdPct: 10 });
    expect(p.rows.map((r: { engagementName: string; alert: string | null }) => [r.engagementName, r.alert])).toEqual([
      ['Plant desktops', 'actual_over'],
      [expect.stringMatching(/^Service /), 'forecast_over'],
      ['Printer fleet', null],
    ]);
    // €12,000.00 in four months is €3,000.00 a month; eight more make €36,000.00.
    expect(p.rows[1]).toMatchObject({ vendorId: org.vendor.id, currency: 'EUR', budgetMinor: 18_000_00, budgetToDateMinor: 10_000_00, actualMinor: 12_000_00, remainingMinor: 6_000_00, forecastMinor: 36_000_00 });
    expect(p.rows[1].words).toBe('At the run rate of 4 months, the year ends at €36,000.00: more than 10 % over the budget of €18,000.00.');
    expect(p.rows[0]).toMatchObject({ budgetMinor: 1_000_00, actualMinor: 1_500_00, remainingMinor: -500_00, words: 'Actual €1,500.00 already exceeds the budget of €1,000.00.' });
    // €10,000.00 spread evenly: €833.34 in each of the first four months (the four cents left over), €833.33 after.
    expect(p.rows[2]).toMatchObject({ budgetToDateMinor: 3_333_36, actualMinor: 3_000_00, forecastMinor: 9_000_00, words: 'At the run rate of 4 months, the year ends at €9,000.00 against a budget of €10,000.00.' });
    expect(p.totals).toEqual([{ currency: 'EUR', budgetMinor: 29_000_00, budgetToDateMinor: 333_36 + 10_000_00 + 3_333_36, actualMinor: 16_500_00, forecastMinor: 36_000_00 + 9_000_00 + 4_500_00 }]);
    // Never dropped: dollars on a euro-budgeted engagement, and an invoice on no engagement.
    expect(p.unbudgeted).toEqual([
      { engagementId: null, engagementName: null, vendorId: org.otherVendor.id, vendorName: org.otherVendor.name, currency: 'EUR', actualMinor: 200_00 },
      { engagementId: org.engagementId, engagementName: expect.stringMatching(/^Service /), vendorId: org.vendor.id, vendorName: org.vendor.name, currency: 'USD', actualMinor: 500_00 },
    ]);
  });

  it('narrows to one vendor’s engagements', async () => {
    const p = (await call(t, analyst, 'GET', `/api/v1/costs/budget-positions?vendorId=${org.otherVendor.id}`)).json();
    expect(p.rows.map((r: { engagementId: string }) => r.engagementId)).toEqual([overspent, onTrack]);
    expect(p.unbudgeted).toHaveLength(1);
    expect(p.totals).toEqual([{ currency: 'EUR', budgetMinor: 11_000_00, budgetToDateMinor: 333_36 + 3_333_36, actualMinor: 4_500_00, forecastMinor: 9_000_00 + 4_500_00 }]);
  });

  it('reads a year not begun and a year ended without inventing a run rate', async () => {
    const next = (await call(t, analyst, 'GET', '/api/v1/costs/budget-positions?fiscalYear=2027')).json();
    expect(next).toMatchObject({ monthsElapsed: 0, throughLabel: null, rows: [], unbudgeted: [] });
    // The March invoice belongs to FY 2025, which has ended: it had no budget.
    const last = (await call(t, analyst, 'GET', '/api/v1/costs/budget-positions?fiscalYear=2025')).json();
    expect(last).toMatchObject({ monthsElapsed: 12, throughLabel: 'March 2026', rows: [] });
    expect(last.unbudgeted).toEqual([expect.objectContaining({ engagementId: org.engagementId, currency: 'EUR', actualMinor: 7_000_00 })]);
  });

  it('raises the same alerts on the dashboard', async () => {
    const ctx = { ...inApp(org, t.config).ctx(), now: TODAY };
    const over = (await costsFeed.exposures!(ctx, '2026-07-15')).find((e) => e.key === 'costs:forecast-over-budget')!;
    expect(over).toMatchObject({ count: 2, label: 'Engagements over budget, or forecast over it, this fiscal year', href: '/costs' });
    expect(over.examples.map((e) => e.label)).toEqual([
      `Plant desktops (${org.otherVendor.name}): Actual €1,500.00 already exceeds the budget of €1,000.00.`,
      expect.stringContaining('the year ends at €36,000.00: more than 10 % over the budget of €18,000.00.'),
    ]);
  });
});
