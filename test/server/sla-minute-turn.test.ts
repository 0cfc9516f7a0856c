import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthlyReport } from '../../src/domain/sla/report.ts';
import { evaluateTicket } from '../../src/domain/sla/ticket.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/client.ts';
import { measureEngagement, slaReport, toTicketInput } from '../../src/server/modules/sla/sla.public.ts';
import { anEngagement, anOrg, type OrgHandle } from '../../src/server/seed/builders/core.ts';
import { aCalendar, anSlaPolicy, someTickets } from '../../src/server/seed/builders/sla.ts';
import { openTestDatabase } from '../support/db.ts';

// At a minute's turn the server measures again only the tickets whose verdict still
// depends on the time of reading, and keeps the settled ones: the result must be what
// measuring every ticket afresh gives, ticket by ticket, at each later instant.
const H = 3_600_000;
const T0 = Date.UTC(2026, 0, 5, 9);
let database: Database;
let clock = T0;
let org: OrgHandle;
beforeAll(async () => {
  database = await openTestDatabase();
  org = await anOrg({ db: database.db, config: loadConfig({ OUTSIGHT_DATA_DIR: '/nonexistent', OUTSIGHT_DEMO: '0' }), now: () => new Date(clock) });
});
afterAll(async () => database.close());

describe('measuring again at a minute turn', () => {
  it('gives the same verdicts as measuring every ticket afresh, while open tickets breach and settled ones stay', async () => {
    const calendar = await aCalendar(org);
    const eng = await anEngagement(org);
    await anSlaPolicy(org, { engagementId: eng.id, calendarId: calendar.id, priorities: { P1: { response: { ms: H / 2, clock: 'calendar' }, resolution: { ms: 4 * H, clock: 'calendar' }, monthlyAttainment: 0.95 } }, pauseStatuses: ['On Hold'] });
    await someTickets(org, {
      engagementId: eng.id,
      tickets: [
        // Resolved within target: settled.
        { priority: 'P1', openedAt: T0, events: [{ at: T0, status: 'New' }, { at: T0 + H, status: 'Resolved' }], resolvedAt: T0 + H },
        // Open: breaches its four hours during the readings below.
        { priority: 'P1', openedAt: T0 + H, events: [{ at: T0 + H, status: 'New' }, { at: T0 + 2 * H, status: 'In Progress' }] },
        // Paused: its clock stands still, its verdict still depends on the time of reading.
        { priority: 'P1', openedAt: T0 + H, events: [{ at: T0 + H, status: 'New' }, { at: T0 + 90 * 60_000, status: 'On Hold' }] },
        // Resolved late: settled, breached.
        { priority: 'P1', openedAt: T0, events: [{ at: T0, status: 'New' }, { at: T0 + 6 * H, status: 'Resolved' }], resolvedAt: T0 + 6 * H },
      ],
    });
    const breachedAt: number[] = [];
    // Readings in distinct later minutes (within one minute a measurement is reused as it is).
    for (const at of [T0 + 7 * H, T0 + 7 * H + 60_000, T0 + 7 * H + 181_000, T0 + 30 * H, T0 + 30 * H + 120_000]) {
      clock = at;
      const m = await measureEngagement(org.ctx(), eng.id);
      const fresh = m.tickets.map((t) => evaluateTicket(m.policy, m.calendars, toTicketInput(t), at));
      expect(m.evaluations).toEqual(fresh);
      breachedAt.push(fresh.filter((e) => e.problem === null && e.resolution.breached).length);
    }
    // The readings did move: the open ticket is breached at the later ones.
    expect(breachedAt.at(-1)).toBeGreaterThan(0);
  });

  it('an earlier instant after a later one is measured whole, not from the later minute', async () => {
    const calendar = await aCalendar(org);
    const eng = await anEngagement(org);
    await anSlaPolicy(org, { engagementId: eng.id, calendarId: calendar.id, priorities: { P1: { response: { ms: H / 2, clock: 'calendar' }, resolution: { ms: 4 * H, clock: 'calendar' }, monthlyAttainment: 0.95 } } });
    // Resolved at T0 + 3 h: settled when read after that, still open when read before.
    await someTickets(org, { engagementId: eng.id, tickets: [{ priority: 'P1', openedAt: T0, events: [{ at: T0, status: 'New' }, { at: T0 + 3 * H, status: 'Resolved' }], resolvedAt: T0 + 3 * H }] });
    for (const at of [T0 + 10 * H, T0 + 2 * H]) {
      clock = at;
      const m = await measureEngagement(org.ctx(), eng.id);
      expect(m.evaluations).toEqual(m.tickets.map((t) => evaluateTicket(m.policy, m.calendars, toTicketInput(t), at)));
    }
  });

  it("a later minute's report, counted from the kept tally of settled tickets, is the report of every ticket measured afresh", async () => {
    const calendar = await aCalendar(org);
    const eng = await anEngagement(org);
    await anSlaPolicy(org, { engagementId: eng.id, calendarId: calendar.id, priorities: { P1: { response: { ms: H / 2, clock: 'calendar' }, resolution: { ms: 4 * H, clock: 'calendar' }, monthlyAttainment: 0.95 } } });
    await someTickets(org, {
      engagementId: eng.id,
      tickets: [
        // Settled: resolved in time, resolved late, and a priority without targets (a problem for good).
        { priority: 'P1', openedAt: T0, events: [{ at: T0, status: 'New' }, { at: T0 + H, status: 'Resolved' }], resolvedAt: T0 + H },
        { priority: 'P1', openedAt: T0, events: [{ at: T0, status: 'New' }, { at: T0 + 6 * H, status: 'Resolved' }], resolvedAt: T0 + 6 * H },
        { externalId: 'INC-NO-TARGETS', priority: 'P9', openedAt: T0, events: [{ at: T0, status: 'New' }, { at: T0 + H, status: 'Resolved' }], resolvedAt: T0 + H },
        // Open: breaches between the readings.
        { priority: 'P1', openedAt: T0 + H, events: [{ at: T0 + H, status: 'New' }, { at: T0 + 2 * H, status: 'In Progress' }] },
        // Opened after the first readings (a problem then), resolved late by the last.
        { externalId: 'INC-LATER', priority: 'P1', openedAt: T0 + 20 * H, events: [{ at: T0 + 20 * H, status: 'New' }, { at: T0 + 26 * H, status: 'Resolved' }], resolvedAt: T0 + 26 * H },
      ],
    });
    const seen: string[] = [];
    for (const at of [T0 + 3 * H, T0 + 3 * H + 60_000, T0 + 7 * H, T0 + 30 * H]) {
      clock = at;
      const got = await slaReport(org.ctx(), eng.id, {});
      const m = await measureEngagement(org.ctx(), eng.id);
      const fresh = m.tickets.map((t) => evaluateTicket(m.policy, m.calendars, toTicketInput(t), at));
      const want = monthlyReport(m.policy, m.calendars, fresh, undefined, got.months.map((mo) => mo.month));
      expect(got.months.map((mo) => mo.priorities)).toEqual(want.months.map((mo) => mo.priorities));
      expect(got.problemCount).toBe(want.problems.length);
      const problemIds = new Set(want.problems.map((p) => p.id));
      expect(got.problems.map((p) => p.externalId)).toEqual(m.tickets.filter((t) => problemIds.has(t.id)).map((t) => t.externalId));
      seen.push(`${got.problems.map((p) => p.externalId).sort().join('+')} ${got.months.at(-1)!.priorities[0].resolutionBreaches}`);
    }
    // The readings did move: the ticket resolved late and the open one breach, the later one
    // stops being a problem. (The order listed is the tickets' order, checked above; sorted here.)
    expect(seen).toEqual(['INC-LATER+INC-NO-TARGETS 0', 'INC-LATER+INC-NO-TARGETS 0', 'INC-LATER+INC-NO-TARGETS 2', 'INC-NO-TARGETS 3']);
  });
});
