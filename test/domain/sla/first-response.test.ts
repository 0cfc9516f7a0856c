/**
 * First response from an event log (src/domain/sla/first-response.ts and the engine's
 * response evidence, ticket.ts): each rule case, what the verdict says, and the words
 * the timeline is built from.
 */
import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../../src/domain/sla/calendar.ts';
import { TicketColumns, evaluateColumns } from '../../../src/domain/sla/columns.ts';
import { evidenceOf, responseSource, type FirstResponseRule } from '../../../src/domain/sla/first-response.ts';
import { hours, type SlaPolicy } from '../../../src/domain/sla/policy.ts';
import { MonthlyTally, monthlyReport } from '../../../src/domain/sla/report.ts';
import { evaluateTicket, type TicketInput, type TicketVerdict } from '../../../src/domain/sla/ticket.ts';
import { H, utc } from './fixtures.ts';

const calendars = { utc: compileCalendar({ timeZone: 'UTC', week: { 1: [{ from: '00:00', to: '24:00' }], 2: [{ from: '00:00', to: '24:00' }], 3: [{ from: '00:00', to: '24:00' }], 4: [{ from: '00:00', to: '24:00' }], 5: [{ from: '00:00', to: '24:00' }], 6: [{ from: '00:00', to: '24:00' }], 7: [{ from: '00:00', to: '24:00' }] }, holidays: [] }) };
const POLICY: SlaPolicy = {
  calendarId: 'utc',
  priorities: { P3: { response: { ms: hours(4), clock: 'calendar' }, resolution: { ms: hours(24), clock: 'calendar' }, monthlyAttainment: 0.9 } },
  pauseStatuses: ['Awaiting User Info'],
  resolvedStatuses: ['Resolved', 'Closed'],
};
const OPEN = utc('2016-03-01T08:00:00Z');
const at = (h: number) => OPEN + h * H;
const LATER = utc('2016-04-01T00:00:00Z');

/** An event-log ticket as the import stores it: firstResponseAt inferred by `rule`. */
function logTicket(rule: FirstResponseRule | null, firstResponseAt: number | null, history: Array<[number, string]>): TicketInput {
  return {
    id: 'INC1',
    priority: 'P3',
    openedAt: OPEN,
    firstResponseAt,
    statusHistory: history.map(([atMs, status]) => ({ atMs, status })),
    responseEvidence: evidenceOf(rule),
  };
}

function verdict(t: TicketInput, now = LATER): TicketVerdict {
  const v = evaluateTicket(POLICY, calendars, t, now);
  if (v.problem !== null) throw new Error(v.problem);
  return v as TicketVerdict;
}

const describeOf = (rule: FirstResponseRule | null, t: TicketInput, v: TicketVerdict) =>
  responseSource({ rule, firstResponseAt: t.firstResponseAt ?? null, history: t.statusHistory ?? [], respondedAt: v.respondedAt, measured: v.response.measured });

describe('first response from an event log', () => {
  it('opened already Active: answered at the first record, not at the resolution 16 h later', () => {
    // INC0120304's shape: first recorded Active, resolved 16 h later within a 24 h target.
    const t = logTicket('working-status', at(0), [
      [at(0), 'Active'],
      [at(16), 'Resolved'],
    ]);
    const v = verdict(t);
    expect(v.response).toMatchObject({ measured: true, elapsedMs: 0, breached: false });
    expect(v.respondedAt).toBe(at(0));
    expect(v.breached).toBe(false);
    expect(describeOf('working-status', t, v)).toEqual({ kind: 'opened-working', at: at(0), status: 'Active', openingStatus: 'Active', reason: null });
  });

  it('left New for Active after 5 h: a response breach of the 4 h target', () => {
    const t = logTicket('working-status', at(5), [
      [at(0), 'New'],
      [at(5), 'Active'],
      [at(8), 'Resolved'],
    ]);
    const v = verdict(t);
    expect(v.response).toMatchObject({ measured: true, elapsedMs: 5 * H, breached: true });
    expect(describeOf('working-status', t, v)).toMatchObject({ kind: 'left-opening', at: at(5), status: 'Active', openingStatus: 'New' });
  });

  it('New straight to Resolved: not measured — neither met nor breached, whatever the time', () => {
    // The import's candidate is the resolving update itself (the first that leaves New).
    const t = logTicket('working-status', at(30), [
      [at(0), 'New'],
      [at(30), 'Resolved'],
    ]);
    const v = verdict(t);
    expect(v.response).toMatchObject({ measured: false, breached: false, atRisk: false, leftMs: null, dueAt: null });
    expect(v.response.elapsedMs).toBeNaN();
    expect(v.respondedAt).toBeNull();
    // The resolution clock is measured as ever: 30 h of a 24 h target.
    expect(v.resolution.breached).toBe(true);
    expect(describeOf('working-status', t, v)).toEqual({ kind: 'not-measured', at: null, status: null, openingStatus: 'New', reason: 'no-working-status' });
  });

  it('recorded evidence keeps the old rule: the resolve stops the response clock (and breaches it)', () => {
    const t = { ...logTicket(null, null, [[at(0), 'New'], [at(30), 'Resolved']]), responseEvidence: undefined };
    const v = verdict(t);
    expect(v.response).toMatchObject({ measured: true, breached: true, elapsedMs: 30 * H });
    expect(describeOf(null, t, v).kind).toBe('resolved');
  });

  it('still New and open: the response clock runs and can breach', () => {
    const t = logTicket('working-status', null, [[at(0), 'New']]);
    const v = verdict(t, at(6));
    expect(v.response).toMatchObject({ measured: true, stopped: false, breached: true, elapsedMs: 6 * H });
    expect(describeOf('working-status', t, v)).toMatchObject({ kind: 'waiting', openingStatus: 'New' });
    // Resolved later with no response before it: the breach gives way to "not measured".
    const resolved = logTicket('working-status', null, [[at(0), 'New'], [at(10), 'Resolved']]);
    expect(verdict(resolved).response).toMatchObject({ measured: false, breached: false });
  });

  it('first assignment: at the update that names an assignee; on the first record it is the opening', () => {
    const later = logTicket('assignment', at(2), [[at(0), 'New'], [at(2), 'New'], [at(9), 'Resolved']]);
    const v = verdict(later);
    expect(v.response).toMatchObject({ measured: true, elapsedMs: 2 * H, breached: false });
    expect(describeOf('assignment', later, v)).toMatchObject({ kind: 'assigned', at: at(2) });
    const atOpen = logTicket('assignment', at(0), [[at(0), 'New'], [at(9), 'Resolved']]);
    expect(describeOf('assignment', atOpen, verdict(atOpen)).kind).toBe('assigned-at-open');
    const never = logTicket('assignment', null, [[at(0), 'New'], [at(9), 'Resolved']]);
    expect(describeOf('assignment', never, verdict(never))).toMatchObject({ kind: 'not-measured', reason: 'no-assignment' });
  });

  it('an assignment at the resolving instant is no response (the log cannot order them)', () => {
    const t = logTicket('assignment', at(9), [[at(0), 'New'], [at(9), 'Resolved']]);
    expect(verdict(t).response.measured).toBe(false);
  });

  it("the mapping's 'not-measured' rule never measures response, even while open", () => {
    const t = logTicket('not-measured', null, [[at(0), 'New']]);
    const v = verdict(t, at(6));
    expect(v.response).toMatchObject({ measured: false, breached: false, atRisk: false });
    expect(describeOf('not-measured', t, v)).toMatchObject({ kind: 'not-measured', reason: 'not-in-export' });
  });

  it('reports count responses not measured apart, and the fast path agrees', () => {
    const tickets = [
      logTicket('working-status', at(0), [[at(0), 'Active'], [at(16), 'Resolved']]),
      logTicket('working-status', at(30), [[at(0), 'New'], [at(30), 'Resolved']]),
      logTicket('working-status', at(5), [[at(0), 'New'], [at(5), 'Active'], [at(8), 'Resolved']]),
    ].map((t, i) => ({ ...t, id: `T${i}` }));
    const evaluations = tickets.map((t) => evaluateTicket(POLICY, calendars, t, LATER));
    const [m] = monthlyReport(POLICY, calendars, evaluations, undefined, ['2016-03']).months;
    expect(m.priorities[0]).toMatchObject({ tickets: 3, breached: 2, responseBreaches: 1, resolutionBreaches: 1, responseNotMeasured: 1 });
    const tally = new MonthlyTally(POLICY, calendars, ['2016-03']);
    evaluateColumns(POLICY, calendars, TicketColumns.from(tickets), LATER, tally);
    expect(tally.report().months[0].priorities[0]).toEqual(m.priorities[0]);
  });
});
