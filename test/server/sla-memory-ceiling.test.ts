import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/client.ts';
import { slaMemoryHeld, slaReport } from '../../src/server/modules/sla/sla.public.ts';
import { anEngagement, anOrg, type OrgHandle } from '../../src/server/seed/builders/core.ts';
import { aCalendar, anSlaPolicy, someTickets } from '../../src/server/seed/builders/sla.ts';
import { openTestDatabase } from '../support/db.ts';

// The SLA module keeps loaded tickets and measurements between reads; OUTSIGHT_SLA_TICKETS_KEPT
// bounds both (tickets, and twice as many evaluations), oldest first, whatever the sizes of
// the engagements read.
const H = 3_600_000;
const T0 = Date.UTC(2026, 1, 2, 9);
const CEILING = 1_000;
let database: Database;
let clock = T0;
let org: OrgHandle;
beforeAll(async () => {
  database = await openTestDatabase();
  const config = { ...loadConfig({ OUTSIGHT_DATA_DIR: '/nonexistent', OUTSIGHT_DEMO: '0' }), slaTicketsKept: CEILING };
  org = await anOrg({ db: database.db, config, now: () => new Date(clock) });
});
afterAll(async () => database.close());

describe('the SLA memory ceiling', () => {
  it('is read from OUTSIGHT_SLA_TICKETS_KEPT, 2,000,000 by default, and a bad value names the variable', () => {
    const base = { OUTSIGHT_DATA_DIR: '/nonexistent' };
    expect(loadConfig(base).slaTicketsKept).toBe(2_000_000);
    expect(loadConfig({ ...base, OUTSIGHT_SLA_TICKETS_KEPT: '250000' }).slaTicketsKept).toBe(250_000);
    expect(() => loadConfig({ ...base, OUTSIGHT_SLA_TICKETS_KEPT: '2GB' })).toThrow(/OUTSIGHT_SLA_TICKETS_KEPT/);
    expect(() => loadConfig({ ...base, OUTSIGHT_SLA_TICKETS_KEPT: '10' })).toThrow(/OUTSIGHT_SLA_TICKETS_KEPT/);
  });

  it('keeps at most the configured tickets and twice as many evaluations, and reads stay right after an eviction', async () => {
    const calendar = await aCalendar(org);
    const engagements = [];
    for (let i = 0; i < 2; i++) {
      const e = await anEngagement(org);
      await anSlaPolicy(org, { engagementId: e.id, calendarId: calendar.id, priorities: { P1: { response: { ms: H / 2, clock: 'calendar' }, resolution: { ms: 4 * H, clock: 'calendar' }, monthlyAttainment: 0.95 } } });
      // 600 tickets each (opened an hour apart from 5 January 2026, resolved two hours later).
      await someTickets(org, { engagementId: e.id, tickets: 600 });
      engagements.push(e.id);
    }
    const [a, b] = engagements;
    clock = T0;
    const first = await slaReport(org.ctx(), a, {});
    expect(first.ticketCount).toBe(600);
    const held: Array<ReturnType<typeof slaMemoryHeld>> = [];
    // Each engagement in two minutes: 1,200 tickets and 2,400 evaluations asked for in all.
    for (const [at, id] of [[T0, b], [T0, a], [T0 + 60_000, a], [T0 + 60_000, b]] as const) {
      clock = at;
      const report = await slaReport(org.ctx(), id, {});
      expect(report.ticketCount).toBe(600);
      if (id === a) expect(report.months).toEqual(first.months);
      held.push(slaMemoryHeld());
    }
    for (const h of held) {
      expect(h.ticketsKept).toBeLessThanOrEqual(CEILING);
      expect(h.evaluationsKept).toBeLessThanOrEqual(2 * CEILING);
    }
    // The last read keeps its engagement's tickets and this minute's and last minute's measurements of both.
    expect(held.at(-1)).toEqual({ ticketsKept: 600, evaluationsKept: 1_800, measurements: 3 });
  });
});
