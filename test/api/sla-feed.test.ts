import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDS } from '../../src/server/feeds/registry.ts';
import { slaFeed, slaOverview, slaReport } from '../../src/server/modules/sla/sla.public.ts';
import { aVendor, anEngagement, anOrg, type OrgHandle } from '../../src/server/seed/builders/core.ts';
import { aCalendar, anSlaPolicy, someTickets } from '../../src/server/seed/builders/sla.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// Issue 8 §2 and §6: the SLA module's exposures and money on the owner's dashboard, each amount in its currency.
const H = 3_600_000;
let t: TestApp;
let org: OrgHandle;
beforeAll(async () => {
  t = await createTestApp();
  org = await anOrg({ db: t.database.db, config: t.config });
});
afterAll(() => t.close());

/** An engagement of a tier-2 vendor whose one P1 ticket in each given month took 6 h against a 4 h target. */
async function missing(currency: string | undefined, feeMinor: number, months: number[]) {
  const eng = await anEngagement(org);
  await anSlaPolicy(org, { engagementId: eng.id, monthlyFeeMinor: feeMinor, ...(currency ? { currency } : {}), attainmentCredits: [{ shortfallOver: 0, creditPct: 10 }] });
  const tickets = months.map((m) => {
    const opened = Date.UTC(2026, m - 1, 10, 9);
    return { priority: 'P1', openedAt: opened, events: [{ at: opened, status: 'New' }, { at: opened + 6 * H, status: 'Resolved' }], resolvedAt: opened + 6 * H };
  });
  await someTickets(org, { engagementId: eng.id, tickets });
  return eng;
}

describe('the SLA feed', () => {
  it('is registered for the dashboard', () => {
    expect(FEEDS).toContain(slaFeed);
  });

  it('names running tier-1/2 engagements without a policy and those that missed last month; credits per currency, never summed', async () => {
    const usd = await missing('USD', 100_000, [10, 11]);
    const eur = await missing(undefined, 50_000, [11]);
    const tier1 = await aVendor(org, { tier: 1, name: 'Tier One Ltd' });
    const unmeasured = await anEngagement(org, { vendorId: tier1.id, name: 'Unmeasured desk', status: 'active' });
    await anEngagement(org, { vendorId: tier1.id, name: 'Ended desk', status: 'ended' });
    await anEngagement(org, { vendorId: tier1.id, name: 'Planned desk', status: 'planned' });
    await anEngagement(org, { vendorId: (await aVendor(org, { tier: 3 })).id, name: 'Tier-3 desk', status: 'active' });

    const ctx = org.ctx();
    const exposures = await slaFeed.exposures!(ctx, '2026-12-04');
    const noPolicy = exposures.find((e) => e.key === 'sla:no-policy')!;
    expect(noPolicy.count).toBe(1);
    expect(noPolicy.examples[0].label).toBe('Unmeasured desk (Tier One Ltd)');
    expect(noPolicy.examples[0].href).toContain(unmeasured.id);
    const missed = exposures.find((e) => e.key === 'sla:missed-last-month')!;
    expect(missed).toMatchObject({ count: 2, label: 'Engagements that missed an SLA target in 2026-11' });

    const money = await slaFeed.money!(ctx, '2026-12-04');
    const last = money.find((m) => m.key === 'sla:credits-last-month')!;
    expect(last.period).toBe('November 2026');
    expect(last.amounts).toEqual(expect.arrayContaining([{ currency: 'USD', amountMinor: 10_000 }, { currency: 'EUR', amountMinor: 5_000 }]));
    expect(last.amounts).toHaveLength(2);
    const ytd = money.find((m) => m.key === 'sla:credits-ytd')!;
    expect(ytd.period).toBe('January – November 2026');
    expect(ytd.amounts).toEqual(expect.arrayContaining([{ currency: 'USD', amountMinor: 20_000 }, { currency: 'EUR', amountMinor: 5_000 }]));

    // The overview says which currency each credit is in; a policy saved without one is in euros.
    const o = await slaOverview(ctx, '2026-11');
    expect(o.items.find((r) => r.engagementId === usd.id)).toMatchObject({ creditMinor: 10_000, currency: 'USD' });
    expect(o.items.find((r) => r.engagementId === eur.id)).toMatchObject({ creditMinor: 5_000, currency: 'EUR' });
    // Opened without a month, the overview shows the last full month, with the year to date per currency.
    const opened = await slaOverview({ ...ctx, now: new Date('2026-12-04T10:00:00Z') }, undefined);
    expect(opened.month).toBe('2026-11');
    expect(opened.yearToDate.from).toBe('2026-01');
    expect(opened.yearToDate.credits).toEqual(expect.arrayContaining([{ currency: 'USD', amountMinor: 20_000 }, { currency: 'EUR', amountMinor: 5_000 }]));
    expect(opened.yearToDate.credits).toHaveLength(2);
    // Ended and planned engagements need no policy: the overview does not list them as unmeasured.
    expect(o.items.map((r) => r.engagementName)).not.toContain('Ended desk');
    expect(o.items.map((r) => r.engagementName)).not.toContain('Planned desk');
  });

  it('refuses a policy whose currency is not ISO 4217', async () => {
    const eng = await anEngagement(org);
    await expect(anSlaPolicy(org, { engagementId: eng.id, currency: 'EURO' })).rejects.toThrow(/ISO 4217/);
  });
});

describe('the portfolio overview in a calendar’s own time zone', () => {
  it('counts a ticket resolved at 23:30 UTC on 31 March in April for a Berlin calendar, as the report does', async () => {
    const eng = await anEngagement(org);
    const cal = await aCalendar(org, { timeZone: 'Europe/Berlin' });
    await anSlaPolicy(org, { engagementId: eng.id, calendarId: cal.id });
    const opened = Date.UTC(2026, 2, 31, 21, 0);
    const late = Date.UTC(2026, 2, 31, 23, 30); // 01:30 on 1 April in Berlin (summer time)
    const early = Date.UTC(2026, 2, 31, 20, 0); // 22:00 on 31 March in Berlin
    await someTickets(org, {
      engagementId: eng.id,
      tickets: [
        { priority: 'P1', openedAt: opened, events: [{ at: opened, status: 'New' }, { at: late, status: 'Resolved' }], resolvedAt: late },
        { priority: 'P1', openedAt: early - H, events: [{ at: early - H, status: 'New' }, { at: early, status: 'Resolved' }], resolvedAt: early },
      ],
    });
    const ctx = org.ctx();
    const row = (o: Awaited<ReturnType<typeof slaOverview>>) => o.items.find((r) => r.engagementId === eng.id)!;
    expect(row(await slaOverview(ctx, '2026-04')).tickets).toBe(1);
    expect(row(await slaOverview(ctx, '2026-03')).tickets).toBe(1);
    const report = await slaReport(ctx, eng.id, { from: '2026-03', to: '2026-04' });
    expect(report.months.map((m) => m.priorities.reduce((s, p) => s + p.tickets, 0))).toEqual([1, 1]);
  });
});
