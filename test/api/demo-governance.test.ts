import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientSide, engagementOverlap, engagementStatusReports, governanceFeed, listReviews, listCadences, listOwnActions, listMeetings } from '../../src/server/modules/governance/governance.public.ts';
import { actorOf, anEngagement, anOrg, aUser, aVendor } from '../../src/server/seed/builders/core.ts';
import { DEMO_ENGAGEMENTS, DEMO_VENDORS } from '../../src/server/seed/demo-data.ts';
import { seedDemoDueDiligence } from '../../src/server/seed/demo-due-diligence.ts';
import { seedDemoGovernance } from '../../src/server/seed/demo-governance.ts';
import { listUsers } from '../../src/server/modules/users/users.public.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// Issue 15: the demo's governance shows contacts, an overlap warning, meetings held and skipped, a decaying cadence and actions on both sides.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the demo governance', () => {
  it('has a far-away vendor below the required overlap, a decaying cadence, skipped meetings and the portal contact’s own actions', async () => {
    const org = await anOrg({ db: t.database.db, config: t.config });
    const vendorIds = new Map<string, string>();
    for (const v of DEMO_VENDORS) vendorIds.set(v.name, (await aVendor(org, v)).id);
    const engagementIds = new Map<string, string>();
    for (const { vendor, ...e } of DEMO_ENGAGEMENTS) engagementIds.set(e.name, (await anEngagement(org, { ...e, vendorId: vendorIds.get(vendor) })).id);
    const ctx = { ...org.ctx(), config: t.config };
    // As the demo does: the portal contact first, then due diligence (HelpPoint's yearly review, its clarification threads and findings), then governance.
    await aUser(org, { role: 'vendor_contact', vendorId: vendorIds.get('HelpPoint Service Desk'), email: 'contact@demo.outsight.test', name: 'Ciaran Byrne (HelpPoint)' });
    await seedDemoDueDiligence(ctx, vendorIds, t.mailer);
    await seedDemoGovernance(ctx, vendorIds, engagementIds, 'demo password');

    const payroll = await engagementOverlap(ctx, engagementIds.get('Payroll platform')!, undefined);
    expect([payroll.typicalHours, payroll.requiredHours, payroll.belowRequired]).toEqual([10, 15, true]);
    expect(payroll.shiftedWeeks.length).toBeGreaterThan(0);
    expect((await engagementOverlap(ctx, engagementIds.get('24/7 service desk')!, undefined)).belowRequired).toBe(false);

    expect((await listCadences(ctx, engagementIds.get('Payroll platform')!)).items[0].health.decaying).toBe(true);
    const desk = (await listCadences(ctx, engagementIds.get('24/7 service desk')!)).items[0];
    expect(desk.health).toMatchObject({ decaying: false });
    expect(desk.health.skipped).toHaveLength(1);
    const kestrel = (await listCadences(ctx, engagementIds.get('Order portal development')!)).items[0];
    expect(kestrel.health.missed.length).toBeGreaterThan(0);
    const meetings = await listMeetings(ctx, { engagementId: engagementIds.get('24/7 service desk')!, limit: 50 });
    expect(meetings.items.filter((m) => m.status === 'held').length).toBeGreaterThan(8);

    const users = await listUsers(ctx, { limit: 200 });
    const ciaran = users.items.find((u) => u.email === 'contact@demo.outsight.test')!;
    const own = await listOwnActions({ ...ctx, actor: actorOf(ciaran, org.orgId) }, { limit: 50 });
    expect(own.items.map((a) => [a.status, a.overdue])).toEqual(expect.arrayContaining([['open', true], ['open', false], ['done', false]]));
    expect(own.items.every((a) => a.engagementName === '24/7 service desk')).toBe(true);

    const reports = await engagementStatusReports(ctx, engagementIds.get('24/7 service desk')!);
    expect(reports.onTime).toBeGreaterThan(3);
    expect([reports.late, reports.missing]).toEqual([2, 1]);
    expect(reports.slots.some((x) => x.report?.fileName)).toBe(true);
    expect((await engagementStatusReports(ctx, engagementIds.get('Payroll platform')!)).missing).toBeGreaterThan(1);

    const deskReviews = await listReviews(ctx, { engagementId: engagementIds.get('24/7 service desk')!, limit: 10 });
    expect(deskReviews.items.map((r) => r.shared)).toEqual([true, false]);
    expect(deskReviews.items[1].criteria.find((c) => c.key === 'reports')!.value).not.toBeNull();
    // The stakeholder survey: four asked, three answered — (4 + 4 + 3) / 3 for quality.
    expect(deskReviews.items[1].criteria.find((c) => c.key === 'quality')!.detail).toBe('Average 3.7 of 5 from 3 answers');
    expect(deskReviews.items[1].criteria.find((c) => c.key === 'proactiveness')!.source).toBe('Survey of 4 internal stakeholders (rated 1–5)');

    // The client's own side at the service desk, last quarter: deliverables decided in 2¼, 9, 2¼ and 14 days; change requests in 6 and 23.
    const side = await clientSide(ctx, engagementIds.get('24/7 service desk')!, { period: deskReviews.items[1].period });
    expect(side.deliverables.words).toBe('4 decided in 5.6 days on median (worst 14.1 days)');
    expect(side.changeRequests.words).toBe('2 decided in 14.5 days on median (worst 23 days)');
    expect(side.meetings.share).toBe(1);
    // Every measured criterion has something to measure in the desk's latest quarter.
    const measured = (key: string) => deskReviews.items[1].criteria.find((c) => c.key === key)!.detail;
    expect([measured('actions'), measured('findings')]).toEqual(['2 of 3 done by their due date', '1 of 2 closed by their due date']);
    // HelpPoint's questions on its yearly review: answered in 1¼ days, 7 days, 5 hours, and 7 days (by completing the review).
    expect(side.questions.words).toBe('4 answered in 4.1 days on median (worst 7 days)');

    const today = new Date().toISOString().slice(0, 10);
    const exposures = await governanceFeed.exposures!(ctx, today);
    expect(exposures.find((e) => e.key === 'governance:cadence-decaying')!.count).toBeGreaterThanOrEqual(1);
    expect(exposures.find((e) => e.key === 'governance:actions-overdue')!.count).toBeGreaterThanOrEqual(4);
  });
});
