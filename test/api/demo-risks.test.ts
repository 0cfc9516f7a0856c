import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concentration, listSignals } from '../../src/server/modules/risks/risks.public.ts';
import { SignalListQuery } from '../../src/shared/contracts/risks.ts';
import { anEngagement, anOrg, aVendor } from '../../src/server/seed/builders/core.ts';
import { seedDemoContracts } from '../../src/server/seed/demo-contracts.ts';
import { seedDemoCosts } from '../../src/server/seed/demo-costs.ts';
import { DEMO_ENGAGEMENTS, DEMO_VENDORS } from '../../src/server/seed/demo-data.ts';
import { seedDemoDeliverables } from '../../src/server/seed/demo-deliverables.ts';
import { seedDemoRisks } from '../../src/server/seed/demo-risks.ts';
import { seedDemoSla } from '../../src/server/seed/demo-sla.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// Issue 13: the demo's costs raise the budget-overrun and credits-not-received signals,
// seeded through the services in the order the demo seeds them.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the demo risk signals from costs', () => {
  it('raise a budget overrun (Brightline on-call) and credits not received (the service desk)', async () => {
    const org = await anOrg({ db: t.database.db, config: t.config });
    const vendorIds = new Map<string, string>();
    for (const v of DEMO_VENDORS) vendorIds.set(v.name, (await aVendor(org, v)).id);
    const engagementIds = new Map<string, string>();
    for (const { vendor, ...e } of DEMO_ENGAGEMENTS) engagementIds.set(e.name, (await anEngagement(org, { ...e, vendorId: vendorIds.get(vendor) })).id);
    const ctx = { ...org.ctx(), config: t.config };
    await seedDemoSla(ctx, engagementIds.get('24/7 service desk')!);
    const contractIds = await seedDemoContracts(ctx, vendorIds, engagementIds);
    const milestoneIds = await seedDemoDeliverables(ctx, contractIds, engagementIds);
    await seedDemoCosts(ctx, contractIds, engagementIds, milestoneIds);
    await seedDemoRisks(ctx, vendorIds, engagementIds);

    const active = async (rule: string) => (await listSignals(ctx, SignalListQuery.parse({ rule, active: 'true', limit: 50 }))).items;
    const overrun = await active('budget_overrun');
    expect(overrun.map((s) => s.title)).toContain('Out-of-hours on-call: forecast over budget');
    const credits = await active('credits_not_received');
    expect(credits.map((s) => s.title)).toEqual(['24/7 service desk: service credits not received']);
    expect(credits[0].detail).toMatch(/owes €[\d,.]+ in service credits for /);
    // The ERP is hosted from Frankfurt: its delivery country, not Nimbus's Netherlands (which keeps the customer portal).
    const conc = await concentration(ctx);
    expect(conc.byCountry.find((c) => c.country === 'NL')!.count).toBe(1);
    expect(conc.byCountry.find((c) => c.country === 'DE')!.count).toBeGreaterThanOrEqual(2);
  });
});
