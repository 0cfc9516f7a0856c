import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../../src/domain/sla/calendar.ts';
import { hours, type SlaPolicy } from '../../../src/domain/sla/policy.ts';
import { evaluateTicket, type TicketInput, type TicketVerdict } from '../../../src/domain/sla/ticket.ts';
import { BERLIN, H, MIN, iso, utc } from './fixtures.ts';

const DAY_MS = 24 * H;

const calendars = { berlin: compileCalendar(BERLIN) };
const biz = (h: number) => ({ ms: hours(h), clock: 'business' as const });

const POLICY: SlaPolicy = {
  calendarId: 'berlin',
  priorities: {
    P1: { response: biz(1), resolution: biz(4), monthlyAttainment: 0.95 },
    P2: { response: biz(4), resolution: biz(8), monthlyAttainment: 0.9 },
    P3: { response: biz(8), resolution: biz(24), monthlyAttainment: 0.9 },
    P4: { resolution: { ms: hours(24), clock: 'calendar' } },
  },
  pauseStatuses: ['Awaiting User Info'],
  resolvedStatuses: ['Resolved', 'Closed'],
};

const verdict = (t: TicketInput, now: number) => {
  const v = evaluateTicket(POLICY, calendars, t, now);
  if (v.problem !== null) throw new Error(`unexpected problem: ${v.problem}`);
  return v as TicketVerdict;
};

describe('worked examples', () => {
  it('opened Friday 16:30 before Whit Monday (Berlin, Mon–Fri 09–17)', () => {
    const ticket: TicketInput = {
      id: 'INC-1',
      priority: 'P2',
      openedAt: utc('2024-05-17T14:30:00Z'), // Fri 16:30 CEST
      firstResponseAt: utc('2024-05-21T07:30:00Z'), // Tue 09:30 CEST
      statusHistory: [
        { atMs: utc('2024-05-21T07:30:00Z'), status: 'In Progress' },
        { atMs: utc('2024-05-22T08:00:00Z'), status: 'Resolved' }, // Wed 10:00 CEST
      ],
    };
    // As of Tuesday 15:00 CEST: 0.5 h Friday + 6 h Tuesday used of 8 h.
    const open = verdict(ticket, utc('2024-05-21T13:00:00Z'));
    expect(open.state).toBe('open');
    expect(open.response.elapsedMs).toBe(1 * H);
    expect(open.response.breached).toBe(false);
    expect(open.resolution.elapsedMs).toBe(6.5 * H);
    expect(open.resolution.leftMs).toBe(1.5 * H);
    expect(open.resolution.atRisk).toBe(true); // 6.5 ≥ 75 % of 8
    expect(iso(open.resolution.dueAt)).toBe('2024-05-21T14:30:00.000Z'); // Tue 16:30 CEST
    expect(open.reportAt).toBeNull();

    const done = verdict(ticket, utc('2024-06-01T00:00:00Z'));
    expect(done.state).toBe('resolved');
    expect(done.resolution.elapsedMs).toBe(9.5 * H); // 0.5 Fri + 8 Tue + 1 Wed
    expect(done.resolution.breached).toBe(true);
    expect(iso(done.resolution.dueAt)).toBe('2024-05-21T14:30:00.000Z');
    expect(done.response.dueAt).toBeNull(); // responded in time
    expect(done.breached).toBe(true);
    expect(iso(done.reportAt)).toBe('2024-05-22T08:00:00.000Z');
  });

  it('crosses the spring and autumn DST changes', () => {
    // Business clock, Easter 2024: Thu 16:00 CET → Tue 10:00 CEST = 1 h + 1 h.
    const spring = verdict(
      { id: 'S', priority: 'P3', openedAt: utc('2024-03-28T15:00:00Z'), resolvedAt: utc('2024-04-02T08:00:00Z') },
      utc('2024-05-01T00:00:00Z'),
    );
    expect(spring.resolution.elapsedMs).toBe(2 * H);
    expect(spring.response.elapsedMs).toBe(2 * H); // resolving is the first contact
    // Business clock, autumn: Fri 16:00 CEST → Mon 10:00 CET = 1 h + 1 h.
    const autumn = verdict(
      { id: 'A', priority: 'P3', openedAt: utc('2024-10-25T14:00:00Z'), resolvedAt: utc('2024-10-28T09:00:00Z') },
      utc('2024-11-01T00:00:00Z'),
    );
    expect(autumn.resolution.elapsedMs).toBe(2 * H);
    // Calendar clock (P4, 24 h): Sat 12:00 → Sun 12:00 local is 23 h in spring (met) …
    const p4spring = verdict(
      { id: 'C1', priority: 'P4', openedAt: utc('2024-03-30T11:00:00Z'), resolvedAt: utc('2024-03-31T10:00:00Z') },
      utc('2024-05-01T00:00:00Z'),
    );
    expect(p4spring.resolution.elapsedMs).toBe(23 * H);
    expect(p4spring.resolution.breached).toBe(false);
    // … and 25 h in autumn (breached, due at 24 h of real time).
    const p4autumn = verdict(
      { id: 'C2', priority: 'P4', openedAt: utc('2024-10-26T10:00:00Z'), resolvedAt: utc('2024-10-27T11:00:00Z') },
      utc('2024-11-01T00:00:00Z'),
    );
    expect(p4autumn.resolution.elapsedMs).toBe(25 * H);
    expect(p4autumn.resolution.breached).toBe(true);
    expect(iso(p4autumn.resolution.dueAt)).toBe('2024-10-27T10:00:00.000Z');
  });

  it('reopened twice, with a user-info pause and a vendor wait that does not pause', () => {
    const ticket: TicketInput = {
      id: 'INC-3',
      priority: 'P1',
      openedAt: utc('2024-06-03T07:00:00Z'), // Mon 09:00 CEST
      firstResponseAt: utc('2024-06-03T07:30:00Z'),
      statusHistory: [
        { atMs: utc('2024-06-03T07:30:00Z'), status: 'In Progress' },
        { atMs: utc('2024-06-03T09:00:00Z'), status: 'Resolved' }, // 2 h used
        { atMs: utc('2024-06-03T12:00:00Z'), status: 'Awaiting Vendor' }, // reopen 1: still running
        { atMs: utc('2024-06-03T13:00:00Z'), status: 'Resolved' }, // +1 h = 3 h
        { atMs: utc('2024-06-04T07:00:00Z'), status: 'In Progress' }, // reopen 2, Tue 09:00
        { atMs: utc('2024-06-04T08:00:00Z'), status: 'awaiting user info' }, // +1 h = 4 h, pause
        { atMs: utc('2024-06-04T11:00:00Z'), status: 'In Progress' }, // 3 h paused
        { atMs: utc('2024-06-04T12:00:00Z'), status: 'Closed' }, // +1 h = 5 h
      ],
    };
    const v = verdict(ticket, utc('2024-06-05T12:00:00Z'));
    expect(v.reopenCount).toBe(2);
    expect(v.state).toBe('resolved');
    expect(iso(v.resolvedAt)).toBe('2024-06-04T12:00:00.000Z'); // the last resolve
    expect(v.resolution.elapsedMs).toBe(5 * H);
    expect(v.pausedMs).toBe(3 * H);
    expect(v.resolution.breached).toBe(true);
    expect(iso(v.resolution.dueAt)).toBe('2024-06-04T08:00:00.000Z'); // 4 h reached Tue 10:00
    expect(v.response.elapsedMs).toBe(30 * MIN);
    expect(v.response.breached).toBe(false);

    // While paused: the clock stands still, so there is no due instant.
    const paused = verdict(ticket, utc('2024-06-04T09:00:00Z'));
    expect(paused.state).toBe('paused');
    expect(paused.resolution.elapsedMs).toBe(4 * H);
    expect(paused.resolution.dueAt).toBe(utc('2024-06-04T08:00:00Z')); // reached exactly, not exceeded
    expect(paused.resolution.breached).toBe(false);
    expect(paused.resolution.atRisk).toBe(true);
  });

  it('priority raised from P3 to P1 after three hours is measured as P1 from the start', () => {
    const ticket: TicketInput = {
      id: 'INC-4',
      openedAt: utc('2024-06-03T07:00:00Z'), // Mon 09:00 CEST
      priorityHistory: [
        { atMs: utc('2024-06-03T07:00:00Z'), priority: 'P3' },
        { atMs: utc('2024-06-03T10:00:00Z'), priority: 'P1' },
      ],
      firstResponseAt: utc('2024-06-03T07:20:00Z'),
      statusHistory: [{ atMs: utc('2024-06-03T12:00:00Z'), status: 'Resolved' }], // 14:00 CEST
    };
    const before = verdict(ticket, utc('2024-06-03T09:00:00Z'));
    expect(before.priority).toBe('P3');
    expect(before.resolution.atRisk).toBe(false);
    const v = verdict(ticket, utc('2024-06-10T00:00:00Z'));
    expect(v.priority).toBe('P1');
    expect(v.response.elapsedMs).toBe(20 * MIN);
    expect(v.response.breached).toBe(false);
    expect(v.resolution.elapsedMs).toBe(5 * H);
    expect(v.resolution.breached).toBe(true); // P1 allows 4 h; P3 would have allowed 24 h
    expect(iso(v.resolution.dueAt)).toBe('2024-06-03T11:00:00.000Z');
  });

  it('a zero target is reached where the clock first runs, not at an instant that takes no time', () => {
    const zero: SlaPolicy = { ...POLICY, priorities: { Z: { resolution: { ms: 0, clock: 'calendar' } } } };
    const opened = utc('2024-06-03T07:00:00Z');
    const v = evaluateTicket(
      zero,
      calendars,
      {
        id: 'Z',
        priority: 'Z',
        openedAt: opened,
        // Paused at the very instant it opened: no time runs until 08:00.
        statusHistory: [
          { atMs: opened, status: 'Awaiting User Info' },
          { atMs: opened + H, status: 'In Progress' },
          { atMs: opened + 2 * H, status: 'Resolved' },
        ],
      },
      opened + DAY_MS,
    ) as TicketVerdict;
    expect(v.resolution.elapsedMs).toBe(H);
    expect(v.pausedMs).toBe(H);
    expect(v.resolution.breached).toBe(true);
    expect(v.resolution.dueAt).toBe(opened + H);
  });

  it('a reopen at the very instant of a later resolve runs the clock from there', () => {
    // Resolved on opening (Closed), resolved again at 11:00 CEST and reopened at the same
    // instant: the clock runs from 11:00, not from the first resolve.
    const v = verdict(
      {
        id: 'INC-6',
        priority: 'P1',
        openedAt: utc('2024-06-03T07:00:00Z'),
        statusHistory: [
          { atMs: utc('2024-06-03T07:00:00Z'), status: 'Closed' },
          { atMs: utc('2024-06-03T09:00:00Z'), status: ' RESOLVED' },
          { atMs: utc('2024-06-03T09:00:00Z'), status: 'New' },
        ],
      },
      utc('2024-06-03T10:00:00Z'),
    );
    expect(v.state).toBe('open');
    expect(v.reopenCount).toBe(1);
    expect(v.respondedAt).toBe(utc('2024-06-03T07:00:00Z')); // the first resolve is a contact
    expect(v.resolution.elapsedMs).toBe(1 * H);
    expect(iso(v.resolution.dueAt)).toBe('2024-06-03T13:00:00.000Z'); // 11:00 + 4 h, CEST
  });

  it('an open ticket already breached reports in the month its first target elapsed', () => {
    const v = verdict({ id: 'INC-5', priority: 'P1', openedAt: utc('2024-05-31T13:00:00Z') }, utc('2024-06-05T00:00:00Z'));
    // Fri 31 May 15:00 CEST: response due 16:00 CEST; resolution due Mon 3 June 11:00 CEST.
    expect(v.response.breached).toBe(true);
    expect(iso(v.response.dueAt)).toBe('2024-05-31T14:00:00.000Z');
    expect(iso(v.resolution.dueAt)).toBe('2024-06-03T09:00:00.000Z');
    expect(iso(v.reportAt)).toBe('2024-05-31T14:00:00.000Z');
    expect(v.resolution.leftMs).toBe(0);
  });
});

describe('inconsistent data yields a problem, never a guess', () => {
  const base: TicketInput = { id: 'X', priority: 'P2', openedAt: utc('2024-06-03T07:00:00Z') };
  const now = utc('2024-07-01T00:00:00Z');
  const cases: Array<[string, TicketInput, RegExp]> = [
    ['no openedAt', { ...base, openedAt: null }, /missing openedAt/],
    ['NaN openedAt', { ...base, openedAt: Number.NaN }, /openedAt is not a valid instant/],
    ['resolved before opened', { ...base, resolvedAt: utc('2024-06-02T07:00:00Z') }, /resolvedAt is before openedAt/],
    ['response before opened', { ...base, firstResponseAt: utc('2024-06-02T07:00:00Z') }, /firstResponseAt is before openedAt/],
    ['closed before resolved', { ...base, resolvedAt: utc('2024-06-05T07:00:00Z'), closedAt: utc('2024-06-04T07:00:00Z') }, /closedAt is before resolvedAt/],
    [
      'unordered history',
      {
        ...base,
        statusHistory: [
          { atMs: utc('2024-06-04T07:00:00Z'), status: 'In Progress' },
          { atMs: utc('2024-06-03T08:00:00Z'), status: 'Resolved' },
        ],
      },
      /statusHistory\[1\] is out of order/,
    ],
    ['blank status', { ...base, statusHistory: [{ atMs: utc('2024-06-04T07:00:00Z'), status: '  ' }] }, /status is empty/],
    ['status before opened', { ...base, statusHistory: [{ atMs: utc('2024-06-01T07:00:00Z'), status: 'New' }] }, /before openedAt/],
    [
      'resolvedAt contradicts history',
      { ...base, statusHistory: [{ atMs: utc('2024-06-05T07:00:00Z'), status: 'In Progress' }], resolvedAt: utc('2024-06-04T07:00:00Z') },
      /resolvedAt is before the last status change/,
    ],
    ['unknown priority', { ...base, priority: 'P9' }, /no SLA targets for priority "P9"/],
    ['no priority', { ...base, priority: undefined }, /missing priority/],
    ['opened in the future', { ...base, openedAt: utc('2024-08-01T00:00:00Z') }, /opened after the evaluation instant/],
    ['year 1', { ...base, openedAt: -62135596800000 }, /not a valid instant/],
  ];
  for (const [name, ticket, re] of cases) {
    it(name, () => {
      const v = evaluateTicket(POLICY, calendars, ticket, now);
      expect(v.problem).toMatch(re);
      expect(Object.keys(v).sort()).toEqual(['id', 'problem']);
    });
  }

  it('a missing calendar is a configuration error', () => {
    expect(() => evaluateTicket({ ...POLICY, calendarId: 'nope' }, calendars, base, now)).toThrow(/unknown calendar/);
  });
});
