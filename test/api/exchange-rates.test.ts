import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anInvoice } from '../../src/server/seed/builders/costs.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { call, inApp } from '../support/deliverables.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// Issue 12 §7: exchange rates per month (entered, or imported from the ECB's CSV) and conversion with the rate of the invoice's month.
let t: TestApp;
let org: TestOrg;
let owner: Login;
let analyst: Login;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/ecb/${name}`, import.meta.url), 'utf8');
const line = (amountMinor: number) => [{ description: 'Services', quantity: '1', unit: 'fixed' as const, unitPriceMinor: amountMinor, amountMinor, taxMinor: 0 }];
const upload = (login: Login, body: string, query = '') => t.app.inject({ method: 'POST', url: `/api/v1/exchange-rates/import${query}`, headers: { ...authHeaders(login), 'content-type': 'text/csv' }, payload: body });

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
  owner = await loginAs(t.database.db, org.users.owner);
  analyst = await loginAs(t.database.db, org.users.analyst);
  const h = inApp(org, t.config);
  // $12,345.67 in September 2026 (a rate will be imported) and $100.00 in October 2026 (no rate).
  await anInvoice(h, { vendorId: org.vendor.id, invoiceDate: '2026-09-15', currency: 'USD', lines: line(1_234_567), state: 'approved', user: org.users.owner });
  await anInvoice(h, { vendorId: org.vendor.id, invoiceDate: '2026-10-05', currency: 'USD', lines: line(10_000), state: 'paid', user: org.users.owner });
});
afterAll(() => t.close());

describe('exchange rates', () => {
  it('refuses a bad file by row and column and stores nothing', async () => {
    const bad = `${fixture('sdmx-monthly-sample.csv')}EXR.M.USD.EUR.SP00.A,M,USD,EUR,SP00,A,2026-09,one point oh,A,F,x,y,USD,0,4\n`;
    const res = await upload(owner, bad);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.details.rejected).toEqual([{ line: 6, field: 'OBS_VALUE', reason: '"one point oh" is not a rate (a decimal number such as 1.0856).' }]);
    expect((await call(t, analyst, 'GET', '/api/v1/exchange-rates')).json().items).toEqual([]);
  });

  it('refuses a file over the size limit', async () => {
    const res = await upload(owner, `Date,USD\n${'2026-09-30,1.0850\n'.repeat(320_000)}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(422);
    expect(res.json().error.details.rejected[0].field).toBe('(file)');
  });

  it('imports the ECB monthly averages (a dry run stores nothing) and lists them with their source', async () => {
    const dry = await upload(owner, fixture('sdmx-monthly-sample.csv'), '?dryRun=true');
    expect(dry.json()).toMatchObject({ dryRun: true, format: 'ecb_sdmx_monthly', rates: 4, currencies: ['GBP', 'USD'], firstMonth: '2026-08', lastMonth: '2026-09' });
    expect((await call(t, analyst, 'GET', '/api/v1/exchange-rates')).json().items).toEqual([]);
    const res = await upload(owner, fixture('sdmx-monthly-sample.csv'), '?fileName=ecb.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rates: 4, replaced: 0, sample: ['September 2026: 1 EUR = 0.8352 GBP', 'September 2026: 1 EUR = 1.0856 USD', 'August 2026: 1 EUR = 0.84215 GBP', 'August 2026: 1 EUR = 1.0842 USD'] });
    const list = (await call(t, analyst, 'GET', '/api/v1/exchange-rates?currency=USD')).json();
    expect(list.items.map((r: { label: string; sourceLabel: string }) => `${r.label} · ${r.sourceLabel}`)).toEqual(['1 EUR = 1.0856 USD · ECB monthly average', '1 EUR = 1.0842 USD · ECB monthly average']);
    // Importing again replaces, and says so.
    expect((await upload(owner, fixture('sdmx-monthly-sample.csv'))).json()).toMatchObject({ rates: 4, replaced: 4 });
  });

  it('an analyst may read but not enter a rate', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/exchange-rates', headers: authHeaders(analyst), payload: { currency: 'USD', month: '2026-10', perEur: '1.09' } });
    expect(res.statusCode).toBe(403);
  });

  it('converts spend with the rate of the invoice month, names a missing one, and keeps the per-currency totals', async () => {
    const s = (await call(t, analyst, 'GET', '/api/v1/costs/spend?fiscalYear=2026')).json();
    expect(s.totals).toEqual([{ currency: 'USD', monthsMinor: [0, 0, 0, 0, 0, 0, 0, 0, 1_234_567, 10_000, 0, 0], totalMinor: 1_244_567 }]);
    const row = s.converted.rows[0];
    expect(row.months[8]).toEqual({ amountMinor: 1_137_221, currency: 'EUR', rate: '1 USD = 0.921150 EUR', via: null, words: '€11,372.21 at 1 USD = 0.921150 EUR, September 2026' });
    expect(row.months[9]).toMatchObject({ amountMinor: null, words: 'Not converted: no USD rate for October 2026' });
    expect(row.totalMinor).toBeNull();
    expect(s.converted.totalMinor).toBeNull();
    expect(s.converted.missing).toEqual(['Not converted: no USD rate for October 2026']);
    expect(s.converted.rates).toEqual([{ currency: 'USD', month: '2026-09', monthLabel: 'September 2026', rate: '1 USD = 0.921150 EUR', via: null }]);
  });

  it('converts once October has a rate entered by hand, and through the euro when the base currency is the pound', async () => {
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/exchange-rates', headers: authHeaders(owner), payload: { currency: 'USD', month: '2026-10', perEur: '1.0900' } });
    expect(put.statusCode, put.body).toBe(200);
    let s = (await call(t, analyst, 'GET', '/api/v1/costs/spend?fiscalYear=2026')).json();
    // $100.00 / 1.09 = €91.74 (91.7431…); €11,372.21 + €91.74 = €11,463.95.
    expect(s.converted.totalMinor).toBe(1_146_395);
    expect(s.converted.missing).toEqual([]);
    await t.app.inject({ method: 'PUT', url: '/api/v1/cost-settings', headers: authHeaders(owner), payload: { fiscalYearStartMonth: 1, baseCurrency: 'GBP' } });
    s = (await call(t, analyst, 'GET', '/api/v1/costs/spend?fiscalYear=2026')).json();
    // September: $12,345.67 × 0.8352 / 1.0856 = £9,498.07; October has no GBP rate.
    expect(s.converted.rows[0].months[8]).toMatchObject({ amountMinor: 949_807, currency: 'GBP', rate: '1 USD = 0.769344 GBP', via: '1 EUR = 1.0856 USD, 1 EUR = 0.8352 GBP' });
    expect(s.converted.missing).toEqual(['Not converted: no GBP rate for October 2026']);
    const usd = (await call(t, analyst, 'GET', '/api/v1/exchange-rates?currency=USD&month=2026-09')).json().items[0];
    expect(usd.againstBase).toBe('1 USD = 0.769344 GBP');
  });
});
