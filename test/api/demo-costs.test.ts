import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_CODES } from '../../src/domain/costs/checks.ts';
import { costsFeed, engagementCosts, getInvoice, listInvoices } from '../../src/server/modules/costs/costs.public.ts';
import { anEngagement, anOrg, aVendor } from '../../src/server/seed/builders/core.ts';
import { seedDemoContracts } from '../../src/server/seed/demo-contracts.ts';
import { seedDemoCosts } from '../../src/server/seed/demo-costs.ts';
import { DEMO_ENGAGEMENTS, DEMO_VENDORS } from '../../src/server/seed/demo-data.ts';
import { seedDemoDeliverables } from '../../src/server/seed/demo-deliverables.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// Issue 12: the demo's budgets, rate cards and invoices show every check and the budget view,
// seeded through the services into a new organisation with the demo's vendors and engagements.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the demo costs', () => {
  it('show every invoice check, a clean approved invoice, a disputed one, and pounds apart from a budget in euros', async () => {
    const org = await anOrg({ db: t.database.db, config: t.config });
    const vendorIds = new Map<string, string>();
    for (const v of DEMO_VENDORS) vendorIds.set(v.name, (await aVendor(org, v)).id);
    const engagementIds = new Map<string, string>();
    for (const { vendor, ...e } of DEMO_ENGAGEMENTS) engagementIds.set(e.name, (await anEngagement(org, { ...e, vendorId: vendorIds.get(vendor) })).id);
    const ctx = { ...org.ctx(), config: t.config };
    const contractIds = await seedDemoContracts(ctx, vendorIds, engagementIds);
    const milestoneIds = await seedDemoDeliverables(ctx, contractIds, engagementIds);
    await seedDemoCosts(ctx, contractIds, engagementIds, milestoneIds);

    const all = await listInvoices(ctx, { limit: 200 });
    const details = await Promise.all(all.items.map((i) => getInvoice(ctx, i.id)));
    const seen = new Set(details.flatMap((d) => d.checks.map((c) => c.code)));
    expect([...seen].sort()).toEqual([...CHECK_CODES].sort());
    const statuses = details.map((d) => d.status);
    for (const s of ['received', 'checked', 'approved', 'paid', 'disputed']) expect(statuses, s).toContain(s);
    expect(details.some((d) => d.status === 'approved' && d.checkCount === 0)).toBe(true);
    expect(details.some((d) => d.checks.some((c) => c.overridden && c.overrideReason?.includes('change requests are not in Outsight yet')))).toBe(true);

    const atlas = await engagementCosts(ctx, engagementIds.get('Plant desktop support')!);
    const lastYear = await engagementCosts(ctx, engagementIds.get('Plant desktop support')!, atlas.fiscalYear - 1);
    const gbp = [...atlas.total.notConverted, ...lastYear.total.notConverted].filter((m) => m.currency === 'GBP');
    expect(gbp.length).toBeGreaterThan(0);
    expect(atlas.total.budget).toEqual([{ currency: 'EUR', amountMinor: 4_800_000 }]);

    const due = await costsFeed.due!(ctx, { from: '2000-01-01', to: '2100-01-01' });
    expect(due.map((d) => d.title).join('\n')).toContain('Invoice to review from Kestrel Software Labs');
    const exposures = await costsFeed.exposures!(ctx, '2026-01-01');
    expect(exposures.find((e) => e.key === 'invoices:disputed')!.count).toBe(1);
  });
});
