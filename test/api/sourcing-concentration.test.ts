import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aVendor, anEngagement } from '../../src/server/seed/builders/core.ts';
import { aBudget } from '../../src/server/seed/builders/costs.ts';
import { aFourthParty } from '../../src/server/seed/builders/risks.ts';
import { aCandidate, aProposal, aSourcingProject } from '../../src/server/seed/builders/sourcing.ts';
import { getCostSettings } from '../../src/server/modules/costs/costs.public.ts';
import type { SourcingMatrix } from '../../src/shared/contracts/sourcing.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { inApp } from '../support/due-diligence.ts';
import { authHeaders, createTestOrg, loginAs, type TestOrg } from '../support/factories.ts';

// Issue 16, item 3: each candidate's effect on concentration in the comparison matrix.
let t: TestApp;
let org: TestOrg;
const h = () => inApp(org, t.config);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
});
afterAll(() => t.close());

describe("a candidate's effect on concentration", () => {
  it('shows share and HHI before and after, per proposal currency, and the fourth parties shared with vendors in use', async () => {
    const { currentFiscalYear } = await getCostSettings(h().ctx());
    // In use: the test vendor's service desk (high) and a critical payroll run elsewhere → 50 % / 50 %, HHI 5,000.
    const payroll = await aVendor(h(), { name: 'Fabrikam Payroll', status: 'active' });
    const run = await anEngagement(h(), { vendorId: payroll.id, name: 'Payroll run', criticality: 'critical', status: 'active' });
    // Budgets this fiscal year: 60,000 EUR and 40,000 EUR → 60 % / 40 %, HHI 3,600 + 1,600 = 5,200.
    await aBudget(h(), { engagementId: org.engagementId, fiscalYear: currentFiscalYear, amountMinor: 6_000_000, currency: 'EUR' });
    await aBudget(h(), { engagementId: run.id, fiscalYear: currentFiscalYear, amountMinor: 4_000_000, currency: 'EUR' });

    const p = await aSourcingProject(h());
    const euro = await aCandidate(h(), { projectId: p.id, vendorName: 'Contoso Desk' });
    const dollar = await aCandidate(h(), { projectId: p.id, vendorName: 'Northwind Support' });
    const sealed = await aCandidate(h(), { projectId: p.id, vendorName: 'Tailspin Help' });
    await aProposal(h(), euro.id, { priceMinor: 10_000_000, currency: 'EUR' });
    await aProposal(h(), dollar.id, { priceMinor: 5_000_000, currency: 'USD' });
    await aProposal(h(), sealed.id, { priceMinor: 1_000_000, currency: 'EUR', open: false });
    // Contoso runs on the cloud the test vendor uses; Tailspin (another prospect) too, which does not count.
    await aFourthParty(h(), { vendorId: euro.vendorId, name: 'Amazon Web Services, Inc.', service: 'Hosting' });
    await aFourthParty(h(), { vendorId: org.vendor.id, name: 'AMAZON WEB SERVICES', service: 'Hosting' });
    await aFourthParty(h(), { vendorId: sealed.vendorId, name: 'Amazon Web Services', service: 'Hosting' });
    await aFourthParty(h(), { vendorId: euro.vendorId, name: 'Tiny Backup Oy', service: 'Backups' });

    const res = await t.app.inject({ method: 'GET', url: `/api/v1/sourcing-projects/${p.id}/matrix`, headers: authHeaders(await loginAs(t.database.db, org.users.manager)) });
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json() as SourcingMatrix;
    const row = (id: string) => m.rows.find((r) => r.candidateId === id)!.concentration!;

    // One more critical engagement with a newcomer: 1 of 3 → 3 × 33.3² ≈ 3,333.
    expect(row(euro.id).services).toMatchObject({ shareBefore: 0, hhiBefore: 5000, hhiAfter: 3333 });
    expect(row(euro.id).services.shareAfter).toBeCloseTo(1 / 3, 6);
    // 100,000 EUR more: 50 % / 30 % / 20 % → 2,500 + 900 + 400 = 3,800.
    expect(row(euro.id).spend).toMatchObject({ currency: 'EUR', shareBefore: 0, shareAfter: 0.5, hhiBefore: 5200, hhiAfter: 3800 });
    expect(row(euro.id).sharedFourthParties).toEqual([{ name: 'Amazon Web Services, Inc.', vendors: [{ id: org.vendor.id, name: org.vendor.name }] }]);

    // Dollars are never added to euros: no budget in USD, so it would hold all USD spend.
    expect(row(dollar.id).spend).toMatchObject({ currency: 'USD', shareAfter: 1, hhiBefore: 0, hhiAfter: 10000 });
    expect(row(dollar.id).spendNote).toMatch(/No budget in USD/);
    expect(row(dollar.id).sharedFourthParties).toEqual([]);

    // A sealed proposal's price is not used.
    expect(row(sealed.id).spend).toBeNull();
    expect(row(sealed.id).spendNote).toMatch(/No opened proposal/);
    // Tailspin shares the cloud with the test vendor, not with Contoso (a prospect is not in use).
    expect(row(sealed.id).sharedFourthParties).toEqual([{ name: 'Amazon Web Services', vendors: [{ id: org.vendor.id, name: org.vendor.name }] }]);
  });
});
