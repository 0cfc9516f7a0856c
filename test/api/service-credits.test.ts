import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anEngagement } from '../../src/server/seed/builders/core.ts';
import { anSlaPolicy, someTickets } from '../../src/server/seed/builders/sla.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { call } from '../support/deliverables.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// Issue 12 §6: the credit the SLA engine computed against the credit lines on invoices, per engagement and month; waivers.
let t: TestApp;
let org: TestOrg;
let manager: Login;
let analyst: Login;
let contact: Login;
let engagementId: string;
const H = 3_600_000;
type Row = { engagementId: string; month: string; owedMinor: number | null; receivedMinor: number; outstandingMinor: number; waivedMinor: number; waiver: { id: string; reason: string } | null };

beforeAll(async () => {
  t = await createTestApp();
  t.clock.offsetMs = new Date('2026-06-15T10:00:00Z').getTime() - Date.now();
  org = await createTestOrg(t.database.db);
  manager = await loginAs(t.database.db, org.users.manager);
  analyst = await loginAs(t.database.db, org.users.analyst);
  contact = await loginAs(t.database.db, org.users.vendor_contact);
  // A €42,000.00 monthly fee; any shortfall below 95 % of P1 tickets in time credits 5 %: €2,100.00.
  engagementId = (await anEngagement(org.handle, { vendorId: org.vendor.id, name: 'Service desk with credits' })).id;
  await anSlaPolicy(org.handle, { engagementId, monthlyFeeMinor: 4_200_000, currency: 'EUR', attainmentCredits: [{ shortfallOver: 0, creditPct: 5 }] });
  // One P1 ticket in February and one in March, each resolved after six hours (the target is four): both months miss.
  const tickets = [2, 3].map((m) => {
    const opened = Date.UTC(2026, m - 1, 10, 9);
    return { priority: 'P1', openedAt: opened, events: [{ at: opened, status: 'New' }, { at: opened + 6 * H, status: 'Resolved' }], resolvedAt: opened + 6 * H };
  });
  await someTickets(org.handle, { engagementId, tickets });
});
afterAll(() => t.close());

const statement = async (login = analyst) => {
  const res = await call(t, login, 'GET', `/api/v1/service-credits?year=2026&engagementId=${engagementId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { rows: Row[]; totals: Record<string, Array<{ currency: string; amountMinor: number }>> };
};

describe('service credits recovered', () => {
  it('reconciles a worked month to the cent: €2,100.00 owed, a credit line of −€1,500.00 on the April invoice, €600.00 still owed', async () => {
    const before = await statement();
    expect(before.rows.map((r) => [r.month, r.owedMinor, r.receivedMinor, r.outstandingMinor])).toEqual([
      ['2026-02', 210_000, 0, 210_000],
      ['2026-03', 210_000, 0, 210_000],
    ]);

    // The April invoice: the fee, and a partial credit for March.
    const inv = await call(t, manager, 'POST', '/api/v1/invoices', {
      vendorId: org.vendor.id,
      engagementId,
      number: 'SD-2026-04',
      invoiceDate: '2026-04-30',
      currency: 'EUR',
      lines: [
        { description: 'Service desk fee April', quantity: '1', unit: 'month', unitPriceMinor: 4_200_000, amountMinor: 4_200_000 },
        { description: 'Service credit March', quantity: '1', unit: 'fixed', unitPriceMinor: -150_000, amountMinor: -150_000, serviceCreditMonth: '2026-03' },
      ],
      subtotalMinor: 4_050_000,
      totalMinor: 4_050_000,
    });
    expect(inv.statusCode, inv.body).toBe(201);
    // The credit line is not billed work: no rate card check on it (the fee line has none without a contract).
    expect(inv.json().checks.map((c: { key: string }) => c.key)).toEqual(['no_rate:line:1']);

    const after = await statement();
    expect(after.rows.find((r) => r.month === '2026-03')).toMatchObject({ owedMinor: 210_000, receivedMinor: 150_000, outstandingMinor: 60_000 });
    expect(after.totals.outstanding).toEqual([{ currency: 'EUR', amountMinor: 270_000 }]);

    // A disputed invoice's credit line does not count as received.
    await call(t, manager, 'POST', `/api/v1/invoices/${inv.json().id}/dispute`, { reason: 'The credit is short by €600.00.' });
    expect((await statement()).rows.find((r) => r.month === '2026-03')!.receivedMinor).toBe(0);
  });

  it('a month is waived with a reason; then nothing is outstanding for it and the history says so', async () => {
    expect((await call(t, analyst, 'POST', '/api/v1/service-credits/waivers', { engagementId, month: '2026-02', reason: 'x' })).statusCode).toBe(403);
    expect((await call(t, manager, 'POST', '/api/v1/service-credits/waivers', { engagementId, month: '2026-02', reason: ' ' })).statusCode).toBe(400);
    const res = await call(t, manager, 'POST', '/api/v1/service-credits/waivers', { engagementId, month: '2026-02', reason: 'The February outage was caused by our own network change.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ month: '2026-02', currency: 'EUR', amountMinor: 210_000 });
    const feb = (await statement()).rows.find((r) => r.month === '2026-02')!;
    expect(feb).toMatchObject({ outstandingMinor: 0, waivedMinor: 210_000, waiver: { reason: 'The February outage was caused by our own network change.' } });
    expect((await call(t, manager, 'POST', '/api/v1/service-credits/waivers', { engagementId, month: '2026-02', reason: 'Again.' })).statusCode).toBe(409);
    const nothing = await call(t, manager, 'POST', '/api/v1/service-credits/waivers', { engagementId, month: '2026-05', reason: 'Nothing owed.' });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('nothing to waive');
    const audit = (await call(t, await loginAs(t.database.db, org.users.auditor), 'GET', `/api/v1/audit-events?objectId=${res.json().id}`)).json().items.map((e: { actionLabel: string }) => e.actionLabel);
    expect(audit).toEqual(['waived service credit']);
  });

  it('a waiver is taken back by a writer of its own organisation: the month is owed again, the history keeps both', async () => {
    const waiverId = (await statement()).rows.find((r) => r.month === '2026-02')!.waiver!.id;
    const url = `/api/v1/service-credits/waivers/${waiverId}`;
    expect((await call(t, analyst, 'DELETE', url)).statusCode).toBe(403);
    const other = await createTestOrg(t.database.db, 'Other');
    expect((await call(t, await loginAs(t.database.db, other.users.manager), 'DELETE', url)).statusCode).toBe(404);
    const res = await call(t, manager, 'DELETE', url);
    expect(res.statusCode, res.body).toBe(200);
    expect((await statement()).rows.find((r) => r.month === '2026-02')).toMatchObject({ outstandingMinor: 210_000, waivedMinor: 0, waiver: null });
    expect((await call(t, manager, 'DELETE', url)).statusCode).toBe(404);
    const audit = (await call(t, await loginAs(t.database.db, org.users.auditor), 'GET', `/api/v1/audit-events?objectId=${waiverId}`)).json().items.map((e: { actionLabel: string }) => e.actionLabel);
    expect(audit).toEqual(['took back the waiver of service credit', 'waived service credit']);
    // Waived again, as the tests below expect it.
    expect((await call(t, manager, 'POST', '/api/v1/service-credits/waivers', { engagementId, month: '2026-02', reason: 'The February outage was caused by our own network change.' })).statusCode).toBe(201);
  });

  it('an imported credit line reconciles the same way: −€1,500.00 for March in an accounting export, €600.00 still owed', async () => {
    const mapping = {
      name: 'Service desk export',
      columns: { number: 'Number', invoiceDate: 'Date', vendor: 'Supplier', engagement: 'Project', currency: 'Cur', description: 'Text', quantity: 'Qty', unit: 'Unit', unitPrice: 'Price', amount: 'Net', serviceCreditMonth: 'Credit for' },
    };
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/invoice-mappings', payload: mapping, headers: authHeaders(manager) })).statusCode).toBe(200);
    const file = (credit: string, month = '2026-03') =>
      Buffer.from(
        [
          'Number,Date,Supplier,Project,Cur,Text,Qty,Unit,Price,Net,Credit for',
          `SD-2026-05,2026-05-31,${org.vendor.name},Service desk with credits,EUR,Service desk fee May,1,month,42000.00,42000.00,`,
          `SD-2026-05,2026-05-31,${org.vendor.name},Service desk with credits,EUR,Service credit March,1,fixed,${credit},${credit},${month}`,
        ].join('\n'),
      );
    const send = (body: Buffer) => t.app.inject({ method: 'POST', url: '/api/v1/invoices/import?mapping=Service%20desk%20export&fileName=may.csv', payload: body, headers: { ...authHeaders(manager), 'content-type': 'text/csv' } });
    // A positive amount on a credit line, or a month that is not one, is refused by row and column.
    const wrong = await send(file('1500.00'));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.details.rejected[0]).toMatchObject({ line: 3, field: 'Price' });
    const badMonth = await send(file('-1500.00', 'March'));
    expect(badMonth.json().error.details.rejected[0]).toMatchObject({ line: 3, field: 'Credit for' });

    const res = await send(file('-1500.00'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().invoices[0]).toMatchObject({ number: 'SD-2026-05', totalMinor: 4_050_000 });
    expect(res.json().invoices[0].failingChecks.map((c: string) => c.split(':')[0])).toEqual(['Not on the rate card']);
    const detail = (await call(t, manager, 'GET', `/api/v1/invoices/${res.json().invoices[0].id}`)).json();
    expect(detail.lines.map((l: { amountMinor: number; serviceCreditMonth: string | null }) => [l.amountMinor, l.serviceCreditMonth])).toEqual([
      [4_200_000, null],
      [-150_000, '2026-03'],
    ]);
    // The credit line is not billed work: only the fee line is held to a rate card.
    expect(detail.checks.map((c: { key: string }) => c.key)).toEqual(['no_rate:line:1']);
    // The April invoice with the same credit is disputed above, so March is again €2,100.00 owed, €1,500.00 received.
    expect((await statement()).rows.find((r) => r.month === '2026-03')).toMatchObject({ owedMinor: 210_000, receivedMinor: 150_000, outstandingMinor: 60_000 });
  });

  it('only positive lines bill work; a vendor contact sees none of it', async () => {
    const bad = await call(t, manager, 'POST', '/api/v1/invoices', {
      vendorId: org.vendor.id,
      engagementId,
      number: 'SD-NEG',
      invoiceDate: '2026-05-31',
      currency: 'EUR',
      lines: [{ description: 'Discount', quantity: '1', unit: 'fixed', unitPriceMinor: -100, amountMinor: -100 }],
      subtotalMinor: 0,
      totalMinor: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('lines.0.amountMinor');
    expect((await call(t, contact, 'GET', '/api/v1/service-credits')).statusCode).toBe(403);
  });
});
