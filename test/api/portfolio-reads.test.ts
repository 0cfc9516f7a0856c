import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WHOLE_ORGANISATION_ABOVE } from '../../src/server/db/any.ts';
import { contractsCovering } from '../../src/server/modules/contracts/contracts.public.ts';
import { dueDiligenceOverview } from '../../src/server/modules/due-diligence/due-diligence.public.ts';
import { computeReadiness } from '../../src/server/modules/exit/exit.public.ts';
import { slaMonthsMet } from '../../src/server/modules/sla/sla.public.ts';
import { anEngagement, aVendor } from '../../src/server/seed/builders/core.ts';
import { aContract } from '../../src/server/seed/builders/contracts.ts';
import { aFinding, anAssessment } from '../../src/server/seed/builders/due-diligence.ts';
import { anExitPlan } from '../../src/server/seed/builders/exit.ts';
import { anSlaPolicy } from '../../src/server/seed/builders/sla.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { call, inApp } from '../support/deliverables.ts';
import { createTestOrg, loginAs, type TestOrg } from '../support/factories.ts';

// Issue 13: the risk signals read the whole portfolio at once. Those reads must see every row
// they are asked about, and only those, however many ids they are given.
let t: TestApp;
let org: TestOrg;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db);
});
afterAll(() => t.close());

describe('a read of many engagements', () => {
  it(`keeps only the rows asked for when it reads the whole organisation (over ${WHOLE_ORGANISATION_ABOVE} ids)`, async () => {
    const h = inApp(org, t.config);
    const ctx = h.ctx();
    const vendor = await aVendor(h);
    const asked = await anEngagement(h, { vendorId: vendor.id, name: 'Asked for' });
    const other = await anEngagement(h, { vendorId: vendor.id, name: 'Not asked for' });
    const mine = await aContract(h, { vendorId: vendor.id, engagementIds: [asked.id] });
    await aContract(h, { vendorId: vendor.id, engagementIds: [other.id] });
    await anExitPlan(h, { engagementId: other.id });
    await anSlaPolicy(h, { engagementId: other.id });
    // Unknown ids make the list long enough for the whole-organisation read.
    const padding = Array.from({ length: WHOLE_ORGANISATION_ABOVE }, () => randomUUID());
    const few = [asked.id];
    const many = [asked.id, ...padding];

    expect((await contractsCovering(ctx, many)).map((c) => c.id)).toEqual([mine.id]);
    expect((await contractsCovering(ctx, many)).map((c) => c.id)).toEqual((await contractsCovering(ctx, few)).map((c) => c.id));
    expect((await contractsCovering(ctx, [...many, other.id])).length).toBe(2);

    expect((await computeReadiness(ctx, many)).get(asked.id)!.plan).toBeNull();
    expect((await computeReadiness(ctx, [other.id, ...padding])).get(other.id)!.plan).not.toBeNull();
    expect((await computeReadiness(ctx, many)).get(asked.id)!.readiness).toEqual((await computeReadiness(ctx, few)).get(asked.id)!.readiness);

    const months = ['2026-10', '2026-11'];
    expect(await slaMonthsMet(ctx, many, months)).toEqual([]);
    expect((await slaMonthsMet(ctx, [other.id, ...padding], months)).map((r) => r.engagementId)).toEqual([other.id]);
  });
});

describe('the facts the risk signals read', () => {
  it('hold every open finding, where the due-diligence overview stops at 500 and says so', async () => {
    const h = inApp(org, t.config);
    const vendor = await aVendor(h, { tier: 1, name: 'Findings galore' });
    const assessment = await anAssessment(h, { vendorId: vendor.id, state: 'submitted' });
    for (let i = 0; i < 501; i++) await aFinding(h, { assessmentId: assessment.id, severity: 'critical', title: `Finding ${i + 1}`, dueDate: '2026-01-15' });
    const overview = await dueDiligenceOverview(h.ctx());
    expect(overview.openFindings).toHaveLength(500);
    expect(overview.truncated).toBe(true);
    const manager = await loginAs(t.database.db, org.users.manager);
    expect((await call(t, manager, 'POST', '/api/v1/risk-signals/evaluate', {})).statusCode).toBe(200);
    // One signal per finding past its due date: all 501, page after page.
    const subjects = new Set<string>();
    let cursor = '';
    do {
      const page = (await call(t, manager, 'GET', `/api/v1/risk-signals?rule=finding_past_due&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json();
      for (const s of page.items) if (s.active) subjects.add(s.id);
      cursor = page.nextCursor ?? '';
    } while (cursor);
    expect(subjects.size).toBe(501);
  });
});
