import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costsFeed } from '../../src/server/modules/costs/costs.public.ts';
import { aBudget, anInvoice } from '../../src/server/seed/builders/costs.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { call, inApp } from '../support/deliverables.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// Issue 12 §8: spend by vendor and month, per currency, never summed across currencies.
let t: TestApp;
let org: TestOrg;
let analyst: Login;
const line = (amountMinor: number) => [{ description: 'Services', quantity: '1', unit: 'fixed' as const, unitPriceMinor: amountMinor, amountMinor, taxMinor: 1_000 }];

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
  analyst = await loginAs(t.database.db, org.users.analyst);
  const h = inApp(org, t.config);
  const user = org.users.owner;
  // Vendor A: €1,000.00 in March (approved), €500.00 in March (paid), $300.00 in May (paid), €9,999.00 received (not counted).
  await anInvoice(h, { vendorId: org.vendor.id, invoiceDate: '2026-03-10', lines: line(100_000), state: 'approved', user });
  await anInvoice(h, { vendorId: org.vendor.id, invoiceDate: '2026-03-20', lines: line(50_000), state: 'paid', user });
  await anInvoice(h, { vendorId: org.vendor.id, invoiceDate: '2026-05-05', currency: 'USD', lines: line(30_000), state: 'paid', user });
  await anInvoice(h, { vendorId: org.vendor.id, invoiceDate: '2026-03-25', lines: line(999_900) });
  // Vendor B: €200.00 in December (approved).
  await anInvoice(h, { vendorId: org.otherVendor.id, invoiceDate: '2026-12-01', lines: line(20_000), state: 'approved', user });
});
afterAll(() => t.close());

describe('portfolio spend', () => {
  it('sums approved and paid invoices, net of tax, by vendor, month and currency', async () => {
    const res = await call(t, analyst, 'GET', '/api/v1/costs/spend?fiscalYear=2026');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    const row = (vendorId: string, currency: string) => s.rows.find((r: { vendorId: string; currency: string }) => r.vendorId === vendorId && r.currency === currency);
    expect(row(org.vendor.id, 'EUR')).toMatchObject({ totalMinor: 150_000 });
    expect(row(org.vendor.id, 'EUR').monthsMinor[2]).toBe(150_000);
    expect(row(org.vendor.id, 'USD')).toMatchObject({ totalMinor: 30_000 });
    expect(row(org.otherVendor.id, 'EUR').monthsMinor[11]).toBe(20_000);
    expect(s.totals).toEqual([
      { currency: 'EUR', monthsMinor: [0, 0, 150_000, 0, 0, 0, 0, 0, 0, 0, 0, 20_000], totalMinor: 170_000 },
      { currency: 'USD', monthsMinor: [0, 0, 0, 0, 30_000, 0, 0, 0, 0, 0, 0, 0], totalMinor: 30_000 },
    ]);
    // One vendor only.
    const one = (await call(t, analyst, 'GET', `/api/v1/costs/spend?fiscalYear=2026&vendorId=${org.otherVendor.id}`)).json();
    expect(one.rows.map((r: { vendorName: string }) => r.vendorName)).toEqual([org.otherVendor.name]);
  });
});

describe('the run-rate forecast', () => {
  it("projects the engagement's actual to the fiscal year's end and alerts past the organisation's threshold, in the costs feed too", async () => {
    t.clock.offsetMs = new Date('2026-04-15T10:00:00Z').getTime() - Date.now();
    const h = inApp(org, t.config);
    // €120.00 budget for 2026; €45.00 approved by mid-April (4 months begun): €11.25 a month → €135.00, 12.5 % over.
    await aBudget(h, { engagementId: org.engagementId, fiscalYear: 2026, amountMinor: 12_000, currency: 'EUR' });
    await anInvoice(h, { vendorId: org.vendor.id, engagementId: org.engagementId, invoiceDate: '2026-02-10', lines: [{ description: 'Work', quantity: '1', unit: 'fixed', unitPriceMinor: 4_500, amountMinor: 4_500, taxMinor: 0 }], state: 'approved', user: org.users.owner });
    const costs = (await call(t, analyst, 'GET', `/api/v1/engagements/${org.engagementId}/costs?fiscalYear=2026`)).json();
    expect(costs.forecast).toEqual([
      { currency: 'EUR', budgetMinor: 12_000, actualMinor: 4_500, monthsElapsed: 4, forecastMinor: 13_500, alert: 'forecast_over', words: 'At the run rate of 4 months, the year ends at €135.00: more than 10 % over the budget of €120.00.' },
    ]);
    const ctx = { ...h.ctx(), now: new Date('2026-04-15T10:00:00Z') };
    const over = (await costsFeed.exposures!(ctx, '2026-04-15')).find((e) => e.key === 'costs:forecast-over-budget')!;
    expect(over.count).toBe(1);
    expect(over.examples[0].label).toContain('more than 10 % over the budget of €120.00');
    // A 15 % threshold lets 12.5 % pass.
    const owner = await loginAs(t.database.db, org.users.owner);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/cost-settings', payload: { fiscalYearStartMonth: 1, baseCurrency: 'EUR', forecastThresholdPct: 15 }, headers: authHeaders(owner) })).statusCode).toBe(200);
    expect((await call(t, analyst, 'GET', `/api/v1/engagements/${org.engagementId}/costs?fiscalYear=2026`)).json().forecast[0].alert).toBeNull();
    expect((await costsFeed.exposures!(ctx, '2026-04-15')).find((e) => e.key === 'costs:forecast-over-budget')!.count).toBe(0);
  });
});
