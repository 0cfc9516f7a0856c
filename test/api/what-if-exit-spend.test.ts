import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveProfile } from '../../src/server/modules/exit/exit.public.ts';
import { ProfileInput } from '../../src/shared/contracts/exit.ts';
import { anEngagement, aVendor } from '../../src/server/seed/builders/core.ts';
import { aBudget, anInvoice } from '../../src/server/seed/builders/costs.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { call, inApp } from '../support/deliverables.ts';
import { createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';

// Issue 13 with 12 and 14: what-if reads the spend actually invoiced (saying so) and each engagement's exit readiness and in-house fallback.
let t: TestApp;
let org: TestOrg;
let auditor: Login;
const month = (back: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 10)).toISOString().slice(0, 10);
};

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
  auditor = await loginAs(t.database.db, org.users.auditor);
});
afterAll(() => t.close());

describe('what if a vendor fails: exit readiness, in-house fallback and invoiced spend', () => {
  it('names the source of the spend at stake and each engagement’s readiness and fallback', async () => {
    const h = inApp(org, t.config);
    const vendor = await aVendor(h, { name: 'Harbour Networks', tier: 1, status: 'active' });
    const wan = await anEngagement(h, { vendorId: vendor.id, name: 'Wide-area network', criticality: 'critical' });
    const fiscalYear = Number(month(0).slice(0, 4));
    await aBudget(h, { engagementId: wan.id, fiscalYear, label: 'WAN', amountMinor: 9_000_000, currency: 'EUR', spendType: 'opex' });

    // A budget and no invoice yet: the spend at stake is the budget, and says so.
    const before = (await call(t, auditor, 'GET', `/api/v1/what-if?vendorId=${vendor.id}`)).json();
    expect(before.spendSource).toBe('budgets');
    expect(before.spendAtStake).toEqual([{ currency: 'EUR', amountMinor: 9_000_000 }]);
    expect(before.engagements[0].exit).toMatchObject({ fallback: null });
    expect(typeof before.engagements[0].exit.readiness).toBe('number');

    // Two invoices of the last twelve months, approved: €1,200.00 and €800.00 net.
    for (const [back, amount] of [[2, 120_000], [1, 80_000]] as const) {
      await anInvoice(h, { vendorId: vendor.id, engagementId: wan.id, invoiceDate: month(back), lines: [{ description: 'WAN service', quantity: '1', unit: 'month', unitPriceMinor: amount, amountMinor: amount, taxMinor: 0 }], state: 'approved' });
    }
    await saveProfile(h.ctx(), wan.id, ProfileInput.parse({ daysAlone: 3, skills: [{ name: 'Router configuration', coverage: 'can_run', coveredById: org.users.manager.id }, { name: 'Carrier escalation', coverage: 'none' }] }));
    const after = (await call(t, auditor, 'GET', `/api/v1/what-if?vendorId=${vendor.id}`)).json();
    expect(after.spendSource).toBe('invoices');
    expect(after.spendAtStake).toEqual([{ currency: 'EUR', amountMinor: 200_000 }]);
    expect(after.spendNote).toBe('Approved and paid invoices of the last twelve months, net of tax.');
    expect(after.engagements[0].exit.fallback).toBe('runs without the vendor for 3 days; 1 of 2 skills held in-house.');
  });
});
