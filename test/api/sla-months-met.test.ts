import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slaMonthsMet, slaOverview } from '../../src/server/modules/sla/sla.public.ts';
import { anEngagement, anOrg, type OrgHandle } from '../../src/server/seed/builders/core.ts';
import { anSlaPolicy, someTickets } from '../../src/server/seed/builders/sla.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// Issue 13: the risk signals read SLA months met in one pass for the whole portfolio; it must
// judge each month exactly as the portfolio overview judges it.
const H = 3_600_000;
let t: TestApp;
let org: OrgHandle;
beforeAll(async () => {
  t = await createTestApp();
  org = await anOrg({ db: t.database.db, config: t.config });
});
afterAll(() => t.close());

/** One P1 ticket on the 10th of each month given, resolved after `hours` against a 4 h target. */
const ticketsIn = (months: Array<[number, number]>) =>
  months.map(([m, hours]) => {
    const opened = Date.UTC(2026, m - 1, 10, 9);
    return { priority: 'P1', openedAt: opened, events: [{ at: opened, status: 'New' }, { at: opened + hours * H, status: 'Resolved' }], resolvedAt: opened + hours * H };
  });

describe('SLA months met, for the risk signals', () => {
  it('answers per engagement with a policy what the overview says of each month, in one read', async () => {
    const steady = await anEngagement(org, { name: 'Steady desk' });
    await anSlaPolicy(org, { engagementId: steady.id });
    await someTickets(org, { engagementId: steady.id, tickets: ticketsIn([[1, 2], [2, 3], [3, 1]]) });
    const slipping = await anEngagement(org, { name: 'Slipping desk' });
    await anSlaPolicy(org, { engagementId: slipping.id });
    // Met in January, missed in February, no ticket in March (judged by the engine's own rule for an empty month).
    await someTickets(org, { engagementId: slipping.id, tickets: ticketsIn([[1, 2], [2, 6]]) });
    const unmeasured = await anEngagement(org, { name: 'No policy yet' });

    const months = ['2026-03', '2026-02', '2026-01'];
    const got = await slaMonthsMet(org.ctx(), [steady.id, slipping.id, unmeasured.id], months);
    const byEngagement = Object.fromEntries(got.map((g) => [g.engagementId, Object.fromEntries(g.months.map((m) => [m.month, m.met]))]));
    expect(Object.keys(byEngagement).sort()).toEqual([steady.id, slipping.id].sort());
    expect(byEngagement[steady.id]).toEqual({ '2026-01': true, '2026-02': true, '2026-03': true });
    expect([byEngagement[slipping.id]['2026-01'], byEngagement[slipping.id]['2026-02']]).toEqual([true, false]);
    // The same judgement the overview gives each month.
    for (const month of months) {
      const items = (await slaOverview(org.ctx(), month)).items;
      for (const id of [steady.id, slipping.id]) expect(byEngagement[id][month], `${month} ${id}`).toBe(items.find((i) => i.engagementId === id)!.met);
    }
    expect(await slaMonthsMet(org.ctx(), [unmeasured.id], months)).toEqual([]);
  });
});
