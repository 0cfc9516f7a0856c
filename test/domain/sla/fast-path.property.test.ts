/**
 * The fast paths (evaluateBatch over TicketInput[], evaluateColumns over TicketColumns,
 * MonthlyTally as their sink) against the object API, evaluateTicket + monthlyReport,
 * on random policies, calendars and batches of tickets with pauses, reopenings,
 * priority changes and injected data problems: every ticket must come out identical
 * (every measured field, every problem object), and so must the monthly reports.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar, type CalendarSpec } from '../../../src/domain/sla/calendar.ts';
import { TicketColumns, evaluateColumns } from '../../../src/domain/sla/columns.ts';
import type { ClockKind, PriorityTargets, SlaPolicy } from '../../../src/domain/sla/policy.ts';
import { MonthlyTally, monthlyReport } from '../../../src/domain/sla/report.ts';
import {
  evaluateBatch,
  evaluateTicket,
  verdictOf,
  type TicketEvaluation,
  type TicketInput,
  type TicketMeasurement,
  type TicketProblem,
  type TicketSink,
  type TicketVerdict,
} from '../../../src/domain/sla/ticket.ts';
import { DAY, calendarSpec, instantNear } from './arbitraries.ts';
import { MIN } from './reference.ts';

// Spellings vary on purpose: statuses are matched trimmed and case-insensitively.
const STATUSES = ['New', 'In Progress', 'Awaiting User Info', 'awaiting user info ', 'Awaiting Vendor', 'On Hold', 'Resolved', ' RESOLVED', 'Closed'];
const PRIORITIES = ['P1', 'P2', 'P3'];

// Zero targets on purpose: they are reached at the start of the first running stretch.
const target = (maxMin: number) =>
  fc.record({
    ms: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.integer({ min: 1, max: maxMin }).map((m) => m * MIN) }),
    clock: fc.constantFrom<ClockKind>('business', 'calendar'),
  });

const priorityTargets: fc.Arbitrary<PriorityTargets> = fc.record(
  { response: target(600), resolution: target(3000), monthlyAttainment: fc.constantFrom(0.8, 0.9, 0.95) },
  { requiredKeys: [] },
);

const policyArb: fc.Arbitrary<SlaPolicy> = fc
  .record({
    priorities: fc.tuple(priorityTargets, priorityTargets, priorityTargets),
    pause: fc.subarray(['Awaiting User Info', 'ON HOLD']),
    atRiskShare: fc.option(fc.constantFrom(0, 0.5, 0.9), { nil: undefined }),
  })
  .map(({ priorities, pause, atRiskShare }) => ({
    calendarId: 'cal',
    priorities: { P1: priorities[0], P2: priorities[1], P3: priorities[2] },
    pauseStatuses: pause,
    resolvedStatuses: ['resolved', 'Closed'],
    atRiskShare,
    attainmentCredits: [{ shortfallOver: 0, creditPct: 5 }],
    creditCapPct: 20,
    monthlyFeeMinor: 100_000,
  }));

/** Ways a ticket's data can be wrong (or odd but valid), applied to a good ticket. */
const DEFECTS = [
  'none',
  'no openedAt',
  'NaN openedAt',
  'year 1',
  'opened after now',
  'response before opened',
  'resolved before opened',
  'closed before resolved',
  'closed at resolved',
  'event before opened',
  'event 1 ms before opened',
  'event in 2200',
  'event in 2199',
  'response in 2200',
  'events out of order',
  'blank status',
  'status not a string',
  'event instant not a number',
  'priority history out of order',
  'priority history not an instant',
  'unknown priority',
  'no priority',
  'resolvedAt before the last change',
  'inherited priority key',
] as const;

/** A ticket near a DST change of `zone`, with minute-aligned (sometimes sub-minute) events. */
function ticketArb(zone: string, index: number): fc.Arbitrary<{ ticket: TicketInput; defect: (typeof DEFECTS)[number] }> {
  return fc
    .record({
      opened: instantNear(zone),
      events: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 1500 }), status: fc.constantFrom(...STATUSES) }), { maxLength: 9 }),
      response: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
      priorities: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 600 }), p: fc.constantFrom(...PRIORITIES) }), { maxLength: 3 }),
      finalPriority: fc.constantFrom(...PRIORITIES),
      resolvedGap: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: undefined }),
      closedGap: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: undefined }),
      subMinute: fc.integer({ min: 0, max: 59_999 }),
      evidence: fc.constantFrom(undefined, 'recorded', 'events', 'none'),
      defect: fc.oneof({ weight: 4, arbitrary: fc.constant('none' as const) }, { weight: 1, arbitrary: fc.constantFrom(...DEFECTS) }),
    })
    .map((r) => {
      const opened = r.opened + (r.subMinute % 3 === 0 ? r.subMinute : 0);
      let t = opened;
      const statusHistory: Array<{ atMs: number; status: unknown }> = r.events.map((e) => ({ atMs: (t += e.gap * MIN), status: e.status }));
      let pt = opened;
      const priorityHistory: Array<{ atMs: number; priority: string }> = r.priorities.map((p) => ({ atMs: (pt += p.gap * MIN), priority: p.p }));
      const resolvedAt = r.resolvedGap === undefined ? undefined : t + r.resolvedGap * MIN;
      const ticket: Record<string, unknown> = {
        id: `T${index}`,
        priority: r.finalPriority,
        priorityHistory,
        openedAt: opened,
        firstResponseAt: r.response === undefined ? undefined : opened + r.response * MIN,
        statusHistory,
        resolvedAt,
        closedAt: r.closedGap === undefined ? undefined : (resolvedAt ?? t) + r.closedGap * MIN,
        responseEvidence: r.evidence,
      };
      const sh = statusHistory;
      switch (r.defect) {
        case 'no openedAt':
          ticket.openedAt = null;
          break;
        case 'NaN openedAt':
          ticket.openedAt = NaN;
          break;
        case 'year 1':
          ticket.openedAt = -62135596800000;
          break;
        case 'opened after now':
          ticket.openedAt = opened + 400 * DAY;
          break;
        case 'response before opened':
          ticket.firstResponseAt = opened - MIN;
          break;
        case 'resolved before opened':
          ticket.resolvedAt = opened - 1;
          break;
        case 'closed before resolved':
          ticket.resolvedAt = t + 10 * MIN;
          ticket.closedAt = t + 10 * MIN - 1;
          break;
        case 'closed at resolved':
          ticket.resolvedAt = t + 10 * MIN;
          ticket.closedAt = t + 10 * MIN;
          break;
        case 'event before opened':
          sh.unshift({ atMs: opened - MIN, status: 'New' });
          break;
        case 'event 1 ms before opened':
          sh.unshift({ atMs: opened - 1, status: 'New' });
          break;
        case 'event in 2200':
          sh.push({ atMs: Date.UTC(2200, 0, 1), status: 'In Progress' });
          break;
        case 'event in 2199':
          sh.push({ atMs: Date.UTC(2199, 11, 31, 23, 59), status: 'In Progress' });
          break;
        case 'response in 2200':
          ticket.firstResponseAt = Date.UTC(2200, 0, 1);
          break;
        case 'events out of order':
          sh.push({ atMs: t - MIN, status: 'In Progress' });
          break;
        case 'blank status':
          sh.push({ atMs: t, status: '  ' });
          break;
        case 'status not a string':
          sh.push({ atMs: t, status: 7 });
          break;
        case 'event instant not a number':
          sh.push({ atMs: String(t) as unknown as number, status: 'New' });
          break;
        case 'priority history out of order':
          priorityHistory.push({ atMs: pt - MIN, priority: 'P1' });
          break;
        case 'priority history not an instant':
          priorityHistory.push({ atMs: Infinity, priority: 'P1' });
          break;
        case 'unknown priority':
          ticket.priorityHistory = null;
          ticket.priority = 'P9';
          break;
        case 'no priority':
          ticket.priorityHistory = [];
          ticket.priority = undefined;
          break;
        case 'resolvedAt before the last change':
          sh.length = 0;
          sh.push({ atMs: opened + 10 * MIN, status: 'In Progress' });
          ticket.resolvedAt = opened + 5 * MIN;
          break;
        case 'inherited priority key':
          ticket.priorityHistory = null;
          ticket.priority = 'constructor';
          break;
      }
      return { ticket: ticket as unknown as TicketInput, defect: r.defect };
    });
}

const caseArb = fc
  .tuple(calendarSpec, policyArb, fc.boolean())
  .chain(([spec, policy, precompile]) =>
    fc.tuple(
      fc.constant(spec),
      fc.constant(policy),
      fc.constant(precompile),
      fc.tuple(...Array.from({ length: 12 }, (_, i) => ticketArb(spec.timeZone, i))),
      fc.integer({ min: -3 * 24 * 60, max: 20 * 24 * 60 }),
    ),
  );

const orNull = (x: number): number | null => (x === x ? x : null);

/** The fields a TicketMeasurement carries, from a verdict, or the problem as is. */
function fromVerdict(e: TicketEvaluation): unknown {
  if (e.problem !== null) return e;
  const v = e as TicketVerdict;
  return {
    id: v.id,
    priority: v.priority,
    state: v.state,
    openedAt: v.openedAt,
    respondedAt: v.respondedAt,
    resolvedAt: v.resolvedAt,
    reopenCount: v.reopenCount,
    pausedMs: v.pausedMs,
    response: [v.response.elapsedMs, v.response.breached, v.response.dueAt],
    resolution: [v.resolution.elapsedMs, v.resolution.breached, v.resolution.dueAt],
    breached: v.breached,
    reportAt: v.reportAt,
  };
}

class Recorder implements TicketSink {
  readonly out: unknown[] = [];
  readonly indexes: number[] = [];
  measured(m: TicketMeasurement): void {
    this.indexes.push(m.index);
    this.out[m.index] = {
      id: m.id,
      priority: m.priority,
      state: m.state,
      openedAt: m.openedAt,
      respondedAt: orNull(m.respondedAt),
      resolvedAt: orNull(m.resolvedAt),
      reopenCount: m.reopenCount,
      pausedMs: m.pausedMs,
      response: [m.responseElapsedMs, m.responseBreached, orNull(m.responseDueAt)],
      resolution: [m.resolutionElapsedMs, m.resolutionBreached, orNull(m.resolutionDueAt)],
      breached: m.breached,
      reportAt: orNull(m.reportAt),
    };
  }
  problem(p: TicketProblem, index: number): void {
    this.indexes.push(index);
    this.out[index] = p;
  }
}

const monthsAround = (ms: number): string[] => {
  const out: string[] = [];
  for (let k = -2; k <= 3; k++) {
    const d = new Date(ms);
    d.setUTCMonth(d.getUTCMonth() + k, 1);
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
};

describe('fast paths vs the object API', () => {
  it('evaluateBatch, evaluateColumns and MonthlyTally give exactly what evaluateTicket and monthlyReport give', () => {
    fc.assert(
      fc.property(caseArb, ([spec, policy, precompile, cases, nowMin]) => {
        const tickets = cases.map((c) => c.ticket);
        const opened = tickets.map((t) => t.openedAt).find((o): o is number => typeof o === 'number' && Number.isFinite(o) && o > 0) ?? Date.UTC(2024, 5, 1);
        const now = opened + nowMin * MIN;
        const make = () =>
          ({ cal: precompile ? compileCalendar(spec as CalendarSpec, { fromMs: opened - 10 * DAY, toMs: opened + 10 * DAY }) : compileCalendar(spec as CalendarSpec) }) as const;
        // Each path gets its own compiled calendar, so lazy table growth is exercised too.
        const forObjects = make();
        const expected = tickets.map((t) => evaluateTicket(policy, forObjects, t, now));
        const byBatch = new Recorder();
        evaluateBatch(policy, make(), tickets, now, byBatch);
        const byColumns = new Recorder();
        evaluateColumns(policy, make(), TicketColumns.from(tickets), now, byColumns);
        const want = expected.map(fromVerdict);
        expect(byBatch.indexes).toEqual(tickets.map((_, i) => i));
        expect(byColumns.indexes).toEqual(tickets.map((_, i) => i));
        expect(byBatch.out).toEqual(want);
        expect(byColumns.out).toEqual(want);

        const months = monthsAround(now);
        const report = monthlyReport(policy, make(), expected, [], months);
        const batchTally = new MonthlyTally(policy, make(), months);
        evaluateBatch(policy, make(), tickets, now, batchTally);
        const columnsTally = new MonthlyTally(policy, make(), months);
        evaluateColumns(policy, make(), TicketColumns.from(tickets), now, columnsTally);
        expect(batchTally.report([])).toEqual(report);
        expect(columnsTally.report([])).toEqual(report);
      }),
      { numRuns: 150 },
    );
  });

  it('verdictOf builds from a columnar pass exactly the verdict objects evaluateTicket returns', () => {
    fc.assert(
      fc.property(caseArb, ([spec, policy, , cases, nowMin]) => {
        const tickets = cases.map((c) => c.ticket);
        const calendars = { cal: compileCalendar(spec as CalendarSpec) };
        const now = Date.UTC(2024, 5, 1) + nowMin * MIN;
        const got: TicketEvaluation[] = new Array(tickets.length);
        evaluateColumns(policy, calendars, TicketColumns.from(tickets), now, {
          measured: (m) => (got[m.index] = verdictOf(policy, m)),
          problem: (p, i) => (got[i] = p),
        });
        expect(got).toEqual(tickets.map((t) => evaluateTicket(policy, calendars, t, now)));
      }),
      { numRuns: 100 },
    );
  });

  it('one set of columns serves several policies and instants', () => {
    fc.assert(
      fc.property(caseArb, policyArb, ([spec, policy, , cases, nowMin], other) => {
        const tickets = cases.map((c) => c.ticket);
        const columns = TicketColumns.from(tickets);
        const calendars = { cal: compileCalendar(spec as CalendarSpec) };
        for (const p of [policy, other]) {
          for (const now of [Date.UTC(2024, 0, 1) + nowMin * MIN, Date.UTC(2026, 0, 1)]) {
            const got = new Recorder();
            evaluateColumns(p, calendars, columns, now, got);
            expect(got.out).toEqual(tickets.map((t) => fromVerdict(evaluateTicket(p, calendars, t, now))));
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('an invalid evaluation instant is a problem for every ticket, worded as evaluateTicket words it', () => {
    const calendars = { cal: compileCalendar({ timeZone: 'UTC', week: { 1: [{ from: '09:00', to: '17:00' }] } }) };
    const policy: SlaPolicy = { calendarId: 'cal', priorities: { P1: {} }, pauseStatuses: [], resolvedStatuses: ['Resolved'] };
    const tickets: TicketInput[] = [
      { id: 'a', priority: 'P1', openedAt: Date.UTC(2024, 0, 2) },
      { id: 'b', priority: 'P1', openedAt: null },
    ];
    for (const now of [NaN, Date.UTC(2300, 0, 1)]) {
      const got = new Recorder();
      evaluateColumns(policy, calendars, TicketColumns.from(tickets), now, got);
      const batch = new Recorder();
      evaluateBatch(policy, calendars, tickets, now, batch);
      const want = tickets.map((t) => evaluateTicket(policy, calendars, t, now));
      expect(got.out).toEqual(want);
      expect(batch.out).toEqual(want);
      expect((want[0] as TicketProblem).problem).toMatch(/evaluation instant is not valid/);
      expect((want[1] as TicketProblem).problem).toBe('missing openedAt');
    }
  });
});
