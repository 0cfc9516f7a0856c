import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar, type CalendarSpec } from '../../../src/domain/sla/calendar.ts';
import type { ClockKind, PriorityTargets, SlaPolicy } from '../../../src/domain/sla/policy.ts';
import { evaluateTicket, type TicketInput, type TicketVerdict } from '../../../src/domain/sla/ticket.ts';
import { DAY, calendarSpec, instantNear } from './arbitraries.ts';
import { MIN, referenceSpans, spanAdd } from './reference.ts';

const STATUSES = ['New', 'In Progress', 'Awaiting User Info', 'Awaiting Vendor', 'On Hold', 'Resolved', 'Closed'];
const RESOLVED = ['Resolved', 'Closed'];

const target = (maxMin: number) =>
  fc.record({ ms: fc.integer({ min: 1, max: maxMin }).map((m) => m * MIN), clock: fc.constantFrom<ClockKind>('business', 'calendar') });

const priorityTargets: fc.Arbitrary<PriorityTargets> = fc.record(
  { response: target(600), resolution: target(3000) },
  { requiredKeys: ['resolution'] },
);

const policyArb = fc
  .record({
    priorities: fc.tuple(priorityTargets, priorityTargets, priorityTargets),
    pause: fc.subarray(['Awaiting User Info', 'On Hold']),
  })
  .map(
    ({ priorities, pause }): SlaPolicy => ({
      calendarId: 'cal',
      priorities: { P1: priorities[0], P2: priorities[1], P3: priorities[2] },
      pauseStatuses: pause,
      resolvedStatuses: RESOLVED,
    }),
  );

/** A consistent ticket opened near a DST change, with minute-aligned events. */
function ticketArb(zone: string): fc.Arbitrary<{ ticket: TicketInput; now: number }> {
  return fc
    .record({
      opened: instantNear(zone),
      events: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 1500 }), status: fc.constantFrom(...STATUSES) }), { maxLength: 8 }),
      response: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
      priorities: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 600 }), p: fc.constantFrom('P1', 'P2', 'P3') }), { maxLength: 3 }),
      finalPriority: fc.constantFrom('P1', 'P2', 'P3'),
      resolvedGap: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: undefined }),
      nowGap: fc.integer({ min: -2000, max: 3000 }),
    })
    .map((r) => {
      let t = r.opened;
      const statusHistory = r.events.map((e) => ({ atMs: (t += e.gap * MIN), status: e.status }));
      let pt = r.opened;
      const priorityHistory = r.priorities.map((p) => ({ atMs: (pt += p.gap * MIN), priority: p.p }));
      const resolvesInHistory = statusHistory.some((e) => RESOLVED.includes(e.status));
      const ticket: TicketInput = {
        id: 't',
        priority: r.finalPriority,
        priorityHistory,
        openedAt: r.opened,
        firstResponseAt: r.response === undefined ? undefined : r.opened + r.response * MIN,
        statusHistory,
        resolvedAt: !resolvesInHistory && r.resolvedGap !== undefined ? t + r.resolvedGap * MIN : undefined,
      };
      return { ticket, now: Math.max(r.opened, t + r.nowGap * MIN) };
    });
}

/** The rules of ticket.ts, minute by minute, sharing no code with the engine. */
function reference(policy: SlaPolicy, spec: CalendarSpec, ticket: TicketInput, now: number) {
  const opened = ticket.openedAt as number;
  const ph = (ticket.priorityHistory ?? []).filter((p) => p.atMs <= now);
  const priority = ph.length > 0 ? ph[ph.length - 1].priority : (ticket.priority as string);
  const targets = policy.priorities[priority];
  const events = (ticket.statusHistory ?? []).filter((e) => e.atMs <= now).map((e) => ({ ...e }));
  if (!events.some((e) => RESOLVED.includes(e.status)) && ticket.resolvedAt != null && ticket.resolvedAt <= now) {
    events.push({ atMs: ticket.resolvedAt, status: 'Resolved' });
  }
  const cat = (s: string) => (RESOLVED.includes(s) ? 'done' : policy.pauseStatuses.includes(s) ? 'pause' : 'run');
  const catAt = (u: number) => {
    let c = 'run';
    for (const e of events) if (e.atMs <= u) c = cat(e.status);
    return c;
  };
  const horizon = now + 3 * DAY;
  const spans = referenceSpans(spec, opened, horizon);
  const isBusiness = (clock: ClockKind, u: number) => clock === 'calendar' || spans.some(([s, e]) => u >= s && u < e);
  // 'beyond' = past the horizon of the walk, where the reference cannot tell.
  const add = (clock: ClockKind, a: number, ms: number): number | 'beyond' => {
    const t = clock === 'calendar' ? a + ms : spanAdd(spans, a, ms);
    return t === null || t > horizon ? 'beyond' : t;
  };

  const resT = targets.resolution!;
  let acc = 0;
  let paused = 0;
  let due: number | 'beyond' | null = null;
  for (let u = opened; u < now; u += MIN) {
    const c = catAt(u);
    if (!isBusiness(resT.clock, u)) continue;
    if (c === 'run') {
      acc += MIN;
      if (acc === resT.ms && due === null) due = u + MIN;
    } else if (c === 'pause') paused += MIN;
  }
  let reopen = 0;
  let firstResolve: number | null = null;
  let lastResolve: number | null = null;
  let prev = 'run';
  for (const e of events) {
    const c = cat(e.status);
    if (c === 'done' && prev !== 'done') {
      firstResolve ??= e.atMs;
      lastResolve = e.atMs;
    }
    if (prev === 'done' && c !== 'done') reopen++;
    prev = c;
  }
  const finalCat = prev;
  if (due === null && finalCat === 'run') due = add(resT.clock, now, resT.ms - acc);

  const fr = ticket.firstResponseAt != null && ticket.firstResponseAt <= now ? ticket.firstResponseAt : null;
  const respondedAt = firstResolve !== null && (fr === null || firstResolve < fr) ? firstResolve : fr;
  const respClock = targets.response?.clock ?? 'business';
  let respElapsed = 0;
  for (let u = opened; u < (respondedAt ?? now); u += MIN) if (isBusiness(respClock, u)) respElapsed += MIN;
  let respDue: number | 'beyond' | null = null;
  if (targets.response && (respondedAt === null || respElapsed >= targets.response.ms)) respDue = add(respClock, opened, targets.response.ms);
  return { priority, acc, paused, due, reopen, lastResolve, finalCat, respondedAt, respElapsed, respDue, horizon };
}

describe('evaluateTicket vs minute-by-minute reference', () => {
  it('matches on random calendars, zones, pauses, reopenings and priority changes', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(calendarSpec, policyArb)
          .chain(([spec, policy]) => fc.tuple(fc.constant(spec), fc.constant(policy), ticketArb(spec.timeZone))),
        ([spec, policy, { ticket, now }]) => {
          const calendars = { cal: compileCalendar(spec) };
          const v = evaluateTicket(policy, calendars, ticket, now) as TicketVerdict;
          expect(v.problem).toBeNull();
          const r = reference(policy, spec, ticket, now);
          const targets = policy.priorities[r.priority];
          expect(v.priority).toBe(r.priority);
          expect(v.resolution.elapsedMs).toBe(r.acc);
          expect(v.pausedMs).toBe(r.paused);
          expect(v.reopenCount).toBe(r.reopen);
          expect(v.state).toBe(r.finalCat === 'done' ? 'resolved' : r.finalCat === 'pause' ? 'paused' : 'open');
          expect(v.resolvedAt).toBe(r.finalCat === 'done' ? r.lastResolve : null);
          expect(v.resolution.breached).toBe(r.acc > targets.resolution!.ms);
          expect(v.respondedAt).toBe(r.respondedAt);
          expect(v.response.elapsedMs).toBe(r.respElapsed);
          expect(v.response.breached).toBe(targets.response !== undefined && r.respElapsed > targets.response.ms);
          // Due instants beyond the reference's walk horizon are only checked to be beyond it.
          for (const [got, want] of [
            [v.resolution.dueAt, r.due],
            [v.response.dueAt, r.respDue],
          ] as const) {
            if (want === 'beyond') expect(got).toBeGreaterThan(r.horizon);
            else expect(got).toBe(want);
          }
          if (v.state !== 'resolved') {
            expect(v.resolution.leftMs).toBe(Math.max(0, targets.resolution!.ms - r.acc));
            expect(v.resolution.atRisk).toBe(r.acc <= targets.resolution!.ms && r.acc >= 0.75 * targets.resolution!.ms);
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});
