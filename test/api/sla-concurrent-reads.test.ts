import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slaReport, slaTickets } from '../../src/server/modules/sla/sla.public.ts';
import { anEngagement, anOrg, type OrgHandle } from '../../src/server/seed/builders/core.ts';
import { anSlaPolicy, someTickets } from '../../src/server/seed/builders/sla.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// Issue 10: reads that arrive together after a change share one measurement; each still gets the right answer.
let t: TestApp;
let org: OrgHandle;
beforeAll(async () => {
  t = await createTestApp();
  org = await anOrg({ db: t.database.db, config: t.config });
});
afterAll(() => t.close());

describe('SLA reads arriving together', () => {
  it('all answer the same ticket list and report on the first read after an import and after a policy edit', async () => {
    const eng = await anEngagement(org);
    await anSlaPolicy(org, { engagementId: eng.id });
    await someTickets(org, { engagementId: eng.id, tickets: 40 });
    const ctx = org.ctx();
    const read = () => Promise.all([...Array.from({ length: 8 }, () => slaTickets(ctx, eng.id, { filter: 'all', limit: 100 })), slaReport(ctx, eng.id, {})]);

    const lists = (await Promise.all(Array.from({ length: 3 }, read))).flat();
    const tickets = lists.filter((r): r is Awaited<ReturnType<typeof slaTickets>> => 'items' in r);
    expect(tickets).toHaveLength(24);
    expect(tickets[0].items.some((i) => i.breached)).toBe(false);
    for (const l of tickets) {
      expect(l.total).toBe(40);
      expect(l.items.map((i) => [i.externalId, i.breached])).toEqual(tickets[0].items.map((i) => [i.externalId, i.breached]));
    }

    // A P1 resolution target of one hour breaches every two-hour ticket: every concurrent reader sees the edit.
    await anSlaPolicy(org, { engagementId: eng.id, priorities: { P1: { response: { ms: 1_800_000, clock: 'calendar' }, resolution: { ms: 3_600_000, clock: 'calendar' }, monthlyAttainment: 0.95 } } });
    const after = (await read()).filter((r): r is Awaited<ReturnType<typeof slaTickets>> => 'items' in r);
    expect(after).toHaveLength(8);
    for (const l of after) expect(l.items.every((i) => i.breached)).toBe(true);
  });
});
