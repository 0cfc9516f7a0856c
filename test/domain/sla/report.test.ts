import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../../src/domain/sla/calendar.ts';
import { hours, type SlaPolicy } from '../../../src/domain/sla/policy.ts';
import { MonthlyTally, availabilityFor, creditPctFor, monthBounds, monthlyReport, type OutageRecord } from '../../../src/domain/sla/report.ts';
import { evaluateTicket, type TicketEvaluation, type TicketInput } from '../../../src/domain/sla/ticket.ts';
import { BERLIN, H, utc } from './fixtures.ts';

const calendars = { berlin: compileCalendar(BERLIN) };
const cal24 = (h: number) => ({ ms: hours(h), clock: 'calendar' as const });

const POLICY: SlaPolicy = {
  calendarId: 'berlin',
  priorities: {
    P1: { resolution: cal24(4), monthlyAttainment: 0.95 },
    P2: { resolution: cal24(24), monthlyAttainment: 0.9 },
  },
  pauseStatuses: ['Awaiting User Info'],
  resolvedStatuses: ['Resolved', 'Closed'],
  availability: {
    target: 0.999,
    credits: [
      { shortfallOver: 0, creditPct: 5 },
      { shortfallOver: 0.001, creditPct: 10 },
      { shortfallOver: 0.009, creditPct: 25 },
    ],
  },
  attainmentCredits: [
    { shortfallOver: 0, creditPct: 5 },
    { shortfallOver: 0.05, creditPct: 10 },
    { shortfallOver: 0.1, creditPct: 15 },
  ],
  creditCapPct: 20,
  monthlyFeeMinor: 1_000_000, // 10,000.00
};

/** A ticket opened at `opened` and resolved `h` hours later. */
const resolvedTicket = (id: string, priority: string, opened: string, h: number): TicketInput => ({
  id,
  priority,
  openedAt: utc(opened),
  resolvedAt: utc(opened) + h * H,
});
const NOW = utc('2024-08-01T00:00:00Z');
const evaluate = (tickets: TicketInput[]): TicketEvaluation[] => tickets.map((t) => evaluateTicket(POLICY, calendars, t, NOW));

describe('month boundaries', () => {
  it('uses the calendar time zone', () => {
    expect(monthBounds('Europe/Berlin', '2024-03')).toEqual({ startMs: utc('2024-02-29T23:00:00Z'), endMs: utc('2024-03-31T22:00:00Z') });
    expect(monthBounds('Asia/Kolkata', '2024-06').startMs).toBe(utc('2024-05-31T18:30:00Z'));
    expect(() => monthBounds('UTC', '2024-13')).toThrow(RangeError);
  });

  it('attributes resolved tickets to the local month of the final resolve', () => {
    const evs = evaluate([
      // Resolved 2024-06-30T22:30Z = 1 July 00:30 CEST → July.
      resolvedTicket('late', 'P2', '2024-06-30T20:00:00Z', 2.5),
      resolvedTicket('june', 'P2', '2024-06-10T08:00:00Z', 1),
      // Open, not breached at NOW: not reported yet.
      { id: 'open', priority: 'P2', openedAt: NOW - H },
    ]);
    const r = monthlyReport(POLICY, calendars, evs, undefined, ['2024-07', '2024-06']);
    expect(r.months.map((m) => m.month)).toEqual(['2024-06', '2024-07']);
    expect(r.months[0].priorities.find((p) => p.priority === 'P2')?.tickets).toBe(1);
    expect(r.months[1].priorities.find((p) => p.priority === 'P2')?.tickets).toBe(1);
  });

  it('counts an open breached ticket in the month its target elapsed, and lists problems', () => {
    const evs = evaluate([
      { id: 'stuck', priority: 'P1', openedAt: utc('2024-06-30T20:00:00Z') }, // due 00:00Z = 02:00 CEST 1 July
      { id: 'bad', priority: 'P1', openedAt: null },
    ]);
    const r = monthlyReport(POLICY, calendars, evs, undefined, ['2024-06', '2024-07']);
    expect(r.months[0].priorities[0].tickets).toBe(0);
    expect(r.months[0].priorities[0].met).toBe(true);
    expect(r.months[0].priorities[0].attainment).toBeNull();
    expect(r.months[1].priorities[0]).toMatchObject({ tickets: 1, breached: 1, resolutionBreaches: 1, attainment: 0, met: false });
    expect(r.problems).toEqual([{ id: 'bad', problem: 'missing openedAt' }]);
  });
});

describe('availability', () => {
  const june = monthBounds('Europe/Berlin', '2024-06'); // 2024-05-31T22:00Z .. 2024-06-30T22:00Z, 720 h
  const outages: OutageRecord[] = [
    { startMs: utc('2024-06-10T10:00:00Z'), endMs: utc('2024-06-10T12:00:00Z') },
    { startMs: utc('2024-06-10T09:30:00Z'), endMs: utc('2024-06-10T10:30:00Z') }, // overlaps: merged 09:30–12:00
    { startMs: utc('2024-06-10T11:00:00Z'), endMs: utc('2024-06-10T15:00:00Z'), planned: true }, // maintenance 4 h
    { startMs: utc('2024-05-31T21:00:00Z'), endMs: utc('2024-05-31T23:00:00Z') }, // 1 h falls in June
  ];

  it('merges overlaps, excludes the maintenance window and clips to the month', () => {
    const a = availabilityFor(outages, june.startMs, june.endMs);
    expect(a.maintenanceMs).toBe(4 * H);
    expect(a.scheduledMs).toBe(716 * H);
    // 09:30–11:00 (1.5 h, the rest is inside maintenance) + 1 h at the month start.
    expect(a.downtimeMs).toBe(2.5 * H);
    expect(a.availability).toBeCloseTo(713.5 / 716, 12);
  });

  it('a month with availability exactly at a band edge gets the lower band', () => {
    // 7.2 h down of 720 h = exactly 99.0 %: shortfall 0.009 is not *more than* 0.009.
    const a = availabilityFor([{ startMs: june.startMs, endMs: june.startMs + 7.2 * H }], june.startMs, june.endMs);
    expect(creditPctFor(POLICY.availability?.credits, 0.999, a.availability)).toBe(10);
    expect(creditPctFor(POLICY.availability?.credits, 0.999, 0.9889)).toBe(25);
    expect(creditPctFor(POLICY.availability?.credits, 0.999, 0.999)).toBe(0);
    expect(creditPctFor(POLICY.availability?.credits, 0.999, 0.9985)).toBe(5);
  });
});

describe('service credits', () => {
  it('sums tier credits per missed priority and availability, then caps', () => {
    const tickets: TicketInput[] = [];
    // P1: 10 tickets, 2 over 4 h → 80 % vs 95 %: shortfall 0.15 → 15 %.
    for (let i = 0; i < 10; i++) tickets.push(resolvedTicket(`p1-${i}`, 'P1', `2024-06-${String(3 + i).padStart(2, '0')}T08:00:00Z`, i < 2 ? 5 : 1));
    // P2: 10 tickets, 1 over 24 h → 90 % vs 90 %: met exactly, no credit.
    for (let i = 0; i < 10; i++) tickets.push(resolvedTicket(`p2-${i}`, 'P2', `2024-06-${String(3 + i).padStart(2, '0')}T08:00:00Z`, i < 1 ? 30 : 2));
    const june = monthBounds('Europe/Berlin', '2024-06');
    // Availability 99.65 % vs 99.9 % → 10 %.
    const outages: OutageRecord[] = [{ startMs: june.startMs + 24 * H, endMs: june.startMs + 26.5 * H }];
    const r = monthlyReport(POLICY, calendars, evaluate(tickets), outages, ['2024-06']);
    const m = r.months[0];
    expect(m.priorities).toEqual([
      { priority: 'P1', tickets: 10, breached: 2, responseBreaches: 0, resolutionBreaches: 2, responseNotMeasured: 0, attainment: 0.8, target: 0.95, met: false, creditPct: 15 },
      { priority: 'P2', tickets: 10, breached: 1, responseBreaches: 0, resolutionBreaches: 1, responseNotMeasured: 0, attainment: 0.9, target: 0.9, met: true, creditPct: 0 },
    ]);
    expect(m.availability).toMatchObject({ downtimeMs: 2.5 * H, met: false, creditPct: 10 });
    expect(m.uncappedCreditPct).toBe(25);
    expect(m.creditPct).toBe(20); // capped
    expect(m.creditMinor).toBe(200_000); // 2,000.00 of 10,000.00

    // Without the cap and without a fee.
    const free = monthlyReport({ ...POLICY, creditCapPct: undefined, monthlyFeeMinor: undefined }, calendars, evaluate(tickets), outages, ['2024-06']);
    expect(free.months[0].creditPct).toBe(25);
    expect(free.months[0].creditMinor).toBeNull();

    // The streaming tally gives the same report.
    const tally = new MonthlyTally(POLICY, calendars, ['2024-06']);
    for (const ev of evaluate(tickets)) tally.add(ev);
    expect(tally.report(outages)).toEqual(r);
  });

  it('reports invalid outage records instead of crashing', () => {
    const r = monthlyReport(POLICY, calendars, [], [{ startMs: 5, endMs: 1 }], ['2024-06']);
    expect(r.outageProblems).toEqual(['outages[0]: expected finite startMs ≤ endMs']);
    expect(r.months[0].availability?.availability).toBe(1);
  });
});

describe('counts tallied elsewhere', () => {
  it('addCounts gives the same report as adding each verdict (stored verdicts grouped in the database)', () => {
    const evs = evaluate([
      resolvedTicket('a', 'P1', '2024-06-03T08:00:00Z', 2),
      resolvedTicket('b', 'P1', '2024-06-04T08:00:00Z', 6),
      resolvedTicket('c', 'P1', '2024-06-05T08:00:00Z', 7),
      resolvedTicket('d', 'P2', '2024-06-06T08:00:00Z', 30),
      resolvedTicket('e', 'P2', '2024-07-06T08:00:00Z', 1),
    ]);
    const outages: OutageRecord[] = [{ startMs: utc('2024-06-10T10:00:00Z'), endMs: utc('2024-06-10T12:00:00Z') }];
    const expected = monthlyReport(POLICY, calendars, evs, outages, ['2024-06']);

    const tally = new MonthlyTally(POLICY, calendars, ['2024-06']);
    tally.addCounts('2024-06', 'P1', { tickets: 3, breached: 2, responseBreaches: 0, resolutionBreaches: 2 });
    tally.addCounts('2024-06', 'P2', { tickets: 1, breached: 1, responseBreaches: 0, resolutionBreaches: 1 });
    // Outside the report: ignored, as add() ignores a verdict of another month or priority.
    tally.addCounts('2024-07', 'P2', { tickets: 5, breached: 5, responseBreaches: 0, resolutionBreaches: 5 });
    tally.addCounts('2024-06', 'P9', { tickets: 5, breached: 5, responseBreaches: 0, resolutionBreaches: 5 });
    const got = tally.report(outages);
    expect(got.months).toEqual(expected.months);
    expect(got.months[0].priorities.map((p) => [p.priority, p.tickets, p.breached, p.met])).toEqual([
      ['P1', 3, 2, false],
      ['P2', 1, 1, false],
    ]);
    expect(got.months[0].creditPct).toBeGreaterThan(0);
  });

  it('addTally gives the same report as adding every verdict to one tally, and refuses a tally of other months', () => {
    const evs: TicketEvaluation[] = [
      ...evaluate([
        resolvedTicket('a', 'P1', '2024-06-03T08:00:00Z', 2),
        resolvedTicket('b', 'P1', '2024-06-04T08:00:00Z', 6),
        resolvedTicket('c', 'P2', '2024-06-06T08:00:00Z', 30),
        resolvedTicket('d', 'P2', '2024-07-06T08:00:00Z', 1),
      ]),
      { id: 'e', problem: 'missing priority' },
    ];
    const months = ['2024-06', '2024-07'];
    const expected = monthlyReport(POLICY, calendars, evs, undefined, months);
    const kept = new MonthlyTally(POLICY, calendars, months);
    for (const ev of evs.slice(0, 3)) kept.add(ev);
    const tally = new MonthlyTally(POLICY, calendars, months);
    for (const ev of evs.slice(3)) tally.add(ev);
    tally.addTally(kept);
    expect(tally.report()).toEqual(expected);
    expect(tally.report().months[0].priorities.map((p) => p.tickets)).toEqual([2, 1]);
    // The kept tally is not changed by being added.
    expect(kept.report().months[1].priorities.map((p) => p.tickets)).toEqual([0, 0]);
    expect(() => new MonthlyTally(POLICY, calendars, ['2024-06']).addTally(kept)).toThrow(/different months/);
  });
});
