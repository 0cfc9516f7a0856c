import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagementExit, listOwnSteps, readinessByEngagement } from '../../src/server/modules/exit/exit.public.ts';
import { listUsers } from '../../src/server/modules/users/users.public.ts';
import { actorOf, anEngagement, anOrg, aUser, aVendor } from '../../src/server/seed/builders/core.ts';
import { seedDemoClauses } from '../../src/server/seed/demo-clauses.ts';
import { seedDemoContracts } from '../../src/server/seed/demo-contracts.ts';
import { DEMO_ENGAGEMENTS, DEMO_VENDORS } from '../../src/server/seed/demo-data.ts';
import { ATLAS_CONTACT, seedDemoExit } from '../../src/server/seed/demo-exit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// Issue 14: the demo shows good and bad readiness, a drill with failed steps, and an exit in progress,
// seeded through the services into a new organisation with the demo's vendors, engagements and contracts.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the demo exit readiness', () => {
  it('has a well-prepared engagement, weak critical ones with open gaps, and an exit in progress the vendor contact sees', async () => {
    const org = await anOrg({ db: t.database.db, config: t.config });
    for (const [name, role] of [['Adam Admin', 'admin'], ['Maria Manager', 'manager'], ['Ana Analyst', 'analyst']] as const) await aUser(org, { name, role });
    const vendorIds = new Map<string, string>();
    for (const v of DEMO_VENDORS) vendorIds.set(v.name, (await aVendor(org, v)).id);
    const engagementIds = new Map<string, string>();
    for (const { vendor, ...e } of DEMO_ENGAGEMENTS) engagementIds.set(e.name, (await anEngagement(org, { ...e, vendorId: vendorIds.get(vendor) })).id);
    const ctx = { ...org.ctx(), config: t.config };
    await seedDemoClauses(ctx, await seedDemoContracts(ctx, vendorIds, engagementIds));
    await seedDemoExit(ctx, engagementIds, 'demo-password-123');

    const score = new Map((await readinessByEngagement(ctx)).map((r) => [r.engagement.name, r]));
    expect(score.get('ERP hosting')!.score).toBeGreaterThanOrEqual(80);
    expect(score.get('Off-site backup')!.score).toBeGreaterThanOrEqual(40);
    expect(score.get('Network and server operations')!).toMatchObject({ belowThreshold: true });
    expect(score.get('Managed detection and response')!).toMatchObject({ belowThreshold: true, planStatus: null });
    expect(score.get('Plant desktop support')!.planStatus).toBe('running');

    const network = await engagementExit(ctx, engagementIds.get('Network and server operations')!);
    expect(network.drills[0].results.some((r) => r.result === 'not_possible')).toBe(true);
    expect(network.actions.filter((a) => a.status === 'open').length).toBeGreaterThan(1);
    expect(network.plan!.reviewDue).toBe(true);
    const erp = await engagementExit(ctx, engagementIds.get('ERP hosting')!);
    expect(erp.history.length).toBeGreaterThan(3);
    expect(erp.history.at(-1)!.score).toBeGreaterThan(erp.history[0].score);

    const desktop = await engagementExit(ctx, engagementIds.get('Plant desktop support')!);
    expect(desktop.plan!.steps.filter((s) => s.status === 'done').map((s) => s.key)).toEqual(['give_notice', 'knowledge_transfer']);
    expect(desktop.plan!.steps.find((s) => s.key === 'documentation_handover')!.status).toBe('delivered');
    const contact = { ...ctx, actor: actorOf({ ...(await contactUser(ctx)) }, ctx.actor.orgId) };
    const portal = await listOwnSteps(contact);
    expect(portal.length).toBeGreaterThan(3);
    expect(portal.map((s) => s.title)).not.toContain('Give notice');
    expect(portal.find((s) => s.title === 'Hand over the documentation')!.files.map((f) => f.fileName)).toEqual(['plant-pc-build-notes.pdf']);
  });
});

async function contactUser(ctx: Parameters<typeof listOwnSteps>[0]) {
  const page = await listUsers(ctx, { limit: 200 });
  return page.items.find((u) => u.email === ATLAS_CONTACT.email)!;
}
