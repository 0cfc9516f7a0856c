import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractsFeed, importContracts, listContracts } from '../../src/server/modules/contracts/contracts.public.ts';
import { anEngagement, anOrg, aVendor } from '../../src/server/seed/builders/core.ts';
import { DEMO_ENGAGEMENTS, DEMO_VENDORS } from '../../src/server/seed/demo-data.ts';
import { seedDemoContracts } from '../../src/server/seed/demo-contracts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// Issue 11: the demo organisation's contracts, good and bad cases, seeded through the services
// (here into a new organisation with the demo's vendors and engagements, so it runs on both databases).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the demo contracts', () => {
  it('are seeded with upcoming deadlines, a passed decision and a notice given', async () => {
    const org = await anOrg({ db: t.database.db, config: t.config });
    const vendorIds = new Map<string, string>();
    for (const v of DEMO_VENDORS) vendorIds.set(v.name, (await aVendor(org, v)).id);
    const engagementIds = new Map<string, string>();
    for (const { vendor, ...e } of DEMO_ENGAGEMENTS) engagementIds.set(e.name, (await anEngagement(org, { ...e, vendorId: vendorIds.get(vendor) })).id);
    const ctx = org.ctx();
    const ids = await seedDemoContracts(ctx, vendorIds, engagementIds);
    const all = await listContracts(ctx, { limit: 200, archived: 'false' });
    const byTitle = new Map(all.items.map((c) => [c.title, c]));
    for (const title of ['Brightline master services agreement', 'Brightline statement of work 2026', 'Kestrel master agreement', 'Kestrel order portal statement of work', 'Kestrel amendment 1: extended warranty', 'Nimbus hosting agreement', 'Nimbus data processing agreement', 'HelpPoint service desk agreement', 'Sentinel managed detection agreement', 'PayrollCloud subscription', 'DocuFlow order form', 'Atlas field services agreement']) {
      expect(byTitle.has(title), title).toBe(true);
      expect(ids.get(title)).toBe(byTitle.get(title)!.id);
    }
    const bl = byTitle.get('Brightline master services agreement')!;
    expect(bl.keyDates.state).toBe('renews-unless-notice');
    expect(bl.engagements).toHaveLength(3);
    expect(byTitle.get('Atlas field services agreement')!.keyDates.words).toContain('ends on 31 March 2027');
    expect(byTitle.get('DocuFlow order form')!.keyDates.words).toContain('has passed');
    const today = ctx.now.toISOString().slice(0, 10);
    const exposures = await contractsFeed.exposures!(ctx, today);
    expect(exposures[0].examples.map((e) => e.label.split(' (')[0])).toContain('Nimbus hosting agreement');
    // The demo import file (README, Contracts) imports into the demo as it is.
    const file = readFileSync(new URL('../../docs/demo/contracts-import.csv', import.meta.url));
    const checked = await importContracts(ctx, file, { dryRun: true });
    expect(checked.contracts.map((c) => c.title)).toEqual(['BackupVault master services agreement', 'Disaster recovery test plan 2027', 'BackupVault data processing agreement', 'Quanta dashboards subscription', 'Warehouse app pilot', 'Vistula mutual NDA']);
  });
});
