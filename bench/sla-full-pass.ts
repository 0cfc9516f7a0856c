/**
 * A full SLA pass: n generated tickets spread over vendors (each with its own policy
 * and calendar), with pauses, reopenings and priority changes; response, resolution,
 * due instants, then monthly attainment, availability and credits per vendor.
 *
 * The engine runs every ticket three ways, each timed on its own: the fast path
 * (evaluateColumns over columnar tickets), evaluateBatch over the TicketInput objects,
 * and the object API (evaluateTicket + MonthlyTally.add), all feeding a MonthlyTally.
 * The luxon loop runs a sample of the same tickets (scaled) plus the full per-vendor
 * availability work. Checks (any difference fails the run):
 * - per sampled ticket: luxon loop = object API; columnar and batch measurements = object API;
 * - per vendor: the luxon loop's months = monthlyReport of the sampled verdicts, and the
 *   columnar, batch and object-API reports over all tickets are identical.
 */
import { compileCalendar, type CalendarSpec, type CompiledCalendar } from '../src/domain/sla/calendar.ts';
import { TicketColumns, evaluateColumns } from '../src/domain/sla/columns.ts';
import { hours, minutes, type SlaPolicy } from '../src/domain/sla/policy.ts';
import { MonthlyTally, monthlyReport, type MonthlyReport, type OutageRecord } from '../src/domain/sla/report.ts';
import {
  evaluateBatch,
  evaluateTicket,
  type StatusChange,
  type TicketEvaluation,
  type TicketInput,
  type TicketMeasurement,
  type TicketProblem,
  type TicketSink,
  type TicketVerdict,
} from '../src/domain/sla/ticket.ts';
import { isDeepStrictEqual } from 'node:util';
import { now, type BenchOptions, type BenchRow, type SectionResult } from './bench-types.ts';
import { intBetween, mulberry32, pick, type Rng } from './prng.ts';
import { VENDOR_CALENDARS } from './sla-fixtures.ts';
import { luxonCalendar, luxonEvaluate, luxonMonthly, type LuxonCalendar, type LuxonMonth, type LuxonVerdict } from './sla-luxon-loop.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const VENDORS = 20;
const YEAR_START = Date.UTC(2024, 0, 1);
const NOW = Date.UTC(2025, 0, 1);
const MONTHS = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`);
const CAL_IDS = Object.keys(VENDOR_CALENDARS);

const biz = (ms: number) => ({ ms, clock: 'business' as const });
function policyFor(vendor: number): SlaPolicy {
  return {
    calendarId: CAL_IDS[vendor % CAL_IDS.length],
    priorities: {
      P1: { response: { ms: minutes(15), clock: 'calendar' }, resolution: { ms: hours(4), clock: 'calendar' }, monthlyAttainment: 0.95 },
      P2: { response: biz(hours(1)), resolution: biz(hours(8)), monthlyAttainment: 0.9 },
      P3: { response: biz(hours(4)), resolution: biz(hours(24)), monthlyAttainment: 0.9 },
      P4: { response: biz(hours(8)), resolution: biz(hours(40)), monthlyAttainment: 0.85 },
    },
    pauseStatuses: ['Awaiting User Info', 'Pending Customer'],
    resolvedStatuses: ['Resolved', 'Closed'],
    availability: { target: 0.999, credits: [{ shortfallOver: 0, creditPct: 5 }, { shortfallOver: 0.004, creditPct: 10 }, { shortfallOver: 0.009, creditPct: 25 }] },
    attainmentCredits: [{ shortfallOver: 0, creditPct: 2 }, { shortfallOver: 0.05, creditPct: 5 }, { shortfallOver: 0.1, creditPct: 10 }],
    creditCapPct: 30,
    monthlyFeeMinor: 1_500_000 + vendor * 10_000,
  };
}

// Per priority: [share, mean first response, work span range in hours].
const PRIORITY_MIX: Array<[string, number, number, [number, number]]> = [
  ['P1', 0.05, minutes(10), [0.5, 6]],
  ['P2', 0.2, minutes(45), [1, 16]],
  ['P3', 0.45, hours(3), [2, 60]],
  ['P4', 0.3, hours(6), [4, 120]],
];
const expo = (rng: Rng, mean: number) => Math.floor(-Math.log(1 - rng()) * mean);

/** One realistic ticket: New → In Progress → (user waits)* → Resolved (→ reopen)? → Closed. */
export function makeTicket(rng: Rng, id: string): TicketInput {
  const u = rng();
  let acc = 0;
  let mix = PRIORITY_MIX[PRIORITY_MIX.length - 1];
  for (const m of PRIORITY_MIX) if (u < (acc += m[1])) {
    mix = m;
    break;
  }
  const [priority, , meanResponse, [wMin, wMax]] = mix;
  const opened = YEAR_START + Math.floor(rng() * 366 * DAY);
  const history: StatusChange[] = [{ atMs: opened, status: 'New' }];
  let t = opened + expo(rng, meanResponse);
  const firstResponseAt = t;
  history.push({ atMs: t, status: 'In Progress' });
  const work = () => Math.floor((wMin + rng() * (wMax - wMin)) * HOUR * 0.5);
  for (let pauses = intBetween(rng, 0, 2); pauses > 0; pauses--) {
    t += work();
    history.push({ atMs: t, status: rng() < 0.5 ? 'Awaiting User Info' : rng() < 0.5 ? 'Awaiting Vendor' : 'Pending Customer' });
    t += Math.floor(rng() * 3 * DAY);
    history.push({ atMs: t, status: 'In Progress' });
  }
  t += work();
  history.push({ atMs: t, status: 'Resolved' });
  if (rng() < 0.12) {
    t += Math.floor(rng() * 2 * DAY);
    history.push({ atMs: t, status: 'In Progress' });
    t += work();
    history.push({ atMs: t, status: 'Resolved' });
  }
  const resolvedAt = t;
  history.push({ atMs: t + 3 * DAY, status: 'Closed' });
  // Every ticket has the same shape, as rows mapped from an import would.
  const r = rng();
  let priorityHistory: TicketInput['priorityHistory'] = null;
  if (r < 0.1) {
    // Priority changed a few hours in; the final priority is the ticket's priority.
    const first = pick(rng, ['P2', 'P3', 'P4']);
    priorityHistory = [
      { atMs: opened, priority: first },
      { atMs: opened + intBetween(rng, 1, 8) * HOUR, priority },
    ];
  }
  return {
    id,
    priority,
    priorityHistory,
    openedAt: opened,
    firstResponseAt,
    statusHistory: history,
    resolvedAt: r >= 0.1 && r < 0.103 ? opened - HOUR : resolvedAt, // a few bad export rows
    closedAt: t + 3 * DAY,
  };
}

function makeOutages(rng: Rng): OutageRecord[] {
  const out: OutageRecord[] = [];
  for (let i = intBetween(rng, 4, 16); i > 0; i--) {
    const s = YEAR_START + Math.floor(rng() * 366 * DAY);
    out.push({ startMs: s, endMs: s + intBetween(rng, 5, 240) * 60_000 });
  }
  for (let m = 0; m < 12; m++) {
    const s = Date.UTC(2024, m, 10, 1);
    out.push({ startMs: s, endMs: s + intBetween(rng, 2, 4) * HOUR, planned: true });
  }
  return out;
}

function sameVerdict(e: TicketEvaluation, l: LuxonVerdict): boolean {
  if (e.problem !== null || l.problem !== null) return (e.problem === null) === (l.problem === null);
  const v = e as TicketVerdict;
  return (
    v.priority === l.priority &&
    v.state === l.state &&
    v.response.elapsedMs === l.respElapsed &&
    v.response.breached === l.respBreached &&
    v.response.dueAt === l.respDue &&
    v.resolution.elapsedMs === l.resElapsed &&
    v.resolution.breached === l.resBreached &&
    v.resolution.dueAt === l.resDue &&
    v.pausedMs === l.paused &&
    v.reportAt === l.reportAt
  );
}

function sameMonths(r: MonthlyReport, l: LuxonMonth[]): boolean {
  return r.months.every((m, i) => {
    const lm = l[i];
    const countsOk = m.priorities.every((p) => lm.counts[p.priority].tickets === p.tickets && lm.counts[p.priority].breached === p.breached);
    return countsOk && m.month === lm.month && m.availability?.availability === lm.availability && m.creditPct === lm.creditPct;
  });
}

const orNull = (x: number): number | null => (x === x ? x : null);

/** A measurement (fast paths) as a comparable object, or the problem as given. */
type Recorded = TicketProblem | Record<string, unknown>;

/** The same fields read from a verdict of the object API. */
function fromVerdict(e: TicketEvaluation): Recorded {
  if (e.problem !== null) return e as TicketProblem;
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
    responseElapsedMs: v.response.elapsedMs,
    responseBreached: v.response.breached,
    responseDueAt: v.response.dueAt,
    resolutionElapsedMs: v.resolution.elapsedMs,
    resolutionBreached: v.resolution.breached,
    resolutionDueAt: v.resolution.dueAt,
    breached: v.breached,
    reportAt: v.reportAt,
  };
}

/** Keeps what a fast path hands to its sink, for comparison with the object API. */
class RecordingSink implements TicketSink {
  readonly out: Recorded[] = [];
  measured(m: TicketMeasurement): void {
    this.out[m.index] = {
      id: m.id,
      priority: m.priority,
      state: m.state,
      openedAt: m.openedAt,
      respondedAt: orNull(m.respondedAt),
      resolvedAt: orNull(m.resolvedAt),
      reopenCount: m.reopenCount,
      pausedMs: m.pausedMs,
      responseElapsedMs: m.responseElapsedMs,
      responseBreached: m.responseBreached,
      responseDueAt: orNull(m.responseDueAt),
      resolutionElapsedMs: m.resolutionElapsedMs,
      resolutionBreached: m.resolutionBreached,
      resolutionDueAt: orNull(m.resolutionDueAt),
      breached: m.breached,
      reportAt: orNull(m.reportAt),
    };
  }
  problem(p: TicketProblem, index: number): void {
    this.out[index] = p;
  }
}

/** Compiled only to warm up the calendar compiler: no zone or year of the benchmark. */
const WARM_UP_CALENDAR: CalendarSpec = {
  timeZone: 'America/Chicago',
  week: { 1: [{ from: '09:00', to: '17:00' }], 3: [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '18:00' }] },
  holidays: ['2031-01-01', '2031-02-17'],
};

/**
 * Untimed JIT warm-up of everything timed below, for every vendor's policy and calendar,
 * on other tickets (another seed): optimized code is then stable before the first timed
 * pass instead of being recompiled during the first vendors' passes.
 */
function warmUp(policies: SlaPolicy[], calendars: Record<string, CompiledCalendar>, luxonCals: Record<string, LuxonCalendar>, seed: number): void {
  policies.forEach((policy, v) => {
    const rng = mulberry32(seed + 5000 + v);
    const tickets = Array.from({ length: 2000 }, (_, i) => makeTicket(rng, `W${v}-${i}`));
    const evals = tickets.map((t) => evaluateTicket(policy, calendars, t, NOW));
    monthlyReport(policy, calendars, evals, [], MONTHS);
    evaluateBatch(policy, calendars, tickets, NOW, new MonthlyTally(policy, calendars, MONTHS));
    evaluateBatch(policy, calendars, tickets, NOW, new RecordingSink());
    const columns = TicketColumns.from(tickets);
    evaluateColumns(policy, calendars, columns, NOW, new MonthlyTally(policy, calendars, MONTHS));
    evaluateColumns(policy, calendars, columns, NOW, new RecordingSink());
    const cal = luxonCals[policy.calendarId];
    const verdicts = tickets.slice(0, 5).map((t) => luxonEvaluate(policy, cal, t, NOW));
    luxonMonthly(policy, cal, verdicts, [], MONTHS);
  });
}

/** Runs the section; see the file comment. */
export async function benchFullPass(opts: BenchOptions = {}): Promise<SectionResult> {
  const n = opts.n ?? 1_000_000;
  const sample = Math.min(n, opts.sample ?? 1_000);
  const log = opts.log ?? (() => {});
  const seed = opts.seed ?? 20240602;
  const perVendor = Math.ceil(n / VENDORS);
  const samplePerVendor = Math.ceil(sample / VENDORS);
  const policies = Array.from({ length: VENDORS }, (_, v) => policyFor(v));
  const outages = Array.from({ length: VENDORS }, (_, v) => makeOutages(mulberry32(seed + 1000 + v)));

  // Calendars are compiled once, timed, and charged to every engine row; the compiler's
  // own code is warmed up first on a calendar that shares no zone or year with them.
  compileCalendar(WARM_UP_CALENDAR, { fromMs: Date.UTC(2031, 0, 1), toMs: Date.UTC(2032, 11, 1) });
  const t0 = now();
  const calendars: Record<string, CompiledCalendar> = {};
  for (const id of CAL_IDS) calendars[id] = compileCalendar(VENDOR_CALENDARS[id], { fromMs: YEAR_START, toMs: NOW + 30 * DAY });
  const compileMs = now() - t0;
  const luxonCals = Object.fromEntries(CAL_IDS.map((id) => [id, luxonCalendar(VENDOR_CALENDARS[id])]));
  warmUp(policies, calendars, luxonCals, seed);
  let columnsMs = 0;
  let batchMs = 0;
  let objectMs = 0;
  let buildMs = 0;
  let total = 0;
  let problems = 0;
  let breached = 0;
  let creditMinor = 0;
  let columnsMismatches = 0;
  let batchMismatches = 0;
  const samples: Array<{ tickets: TicketInput[]; evals: TicketEvaluation[] }> = [];
  for (let v = 0; v < VENDORS; v++) {
    const count = Math.min(perVendor, n - total);
    if (count <= 0) break;
    const rng = mulberry32(seed + v);
    const tickets = Array.from({ length: count }, (_, i) => makeTicket(rng, `V${v}-${i}`));
    const policy = policies[v];
    // The same tickets in columns, as an import would store them: not charged to the
    // engine, like generating the objects is not charged to the library loop (noted).
    const tb = now();
    const columns = TicketColumns.from(tickets);
    buildMs += now() - tb;

    // Untimed warm-up passes: JIT, and the just-generated tickets get promoted out of
    // the young generation, so no timed pass is charged for the generator's garbage.
    // The one that allocates goes first, so its garbage is not collected during a timed
    // pass that allocates nothing; the sampled tickets also go through recording sinks
    // here (checked below), so the JIT has seen every sink before anything is timed.
    for (let i = 0; i < count; i++) evaluateTicket(policy, calendars, tickets[i], NOW);
    const sampled = tickets.slice(0, samplePerVendor);
    const fromBatch = new RecordingSink();
    evaluateBatch(policy, calendars, sampled, NOW, fromBatch);
    const fromColumns = new RecordingSink();
    evaluateColumns(policy, calendars, TicketColumns.from(sampled), NOW, fromColumns);
    evaluateBatch(policy, calendars, tickets, NOW, new MonthlyTally(policy, calendars, MONTHS));
    evaluateColumns(policy, calendars, columns, NOW, new MonthlyTally(policy, calendars, MONTHS));

    // Each pass streams its results into a tally and reports, as a production pass over
    // millions of tickets would; only the object API's sampled verdicts are kept.
    let t = now();
    const columnsTally = new MonthlyTally(policy, calendars, MONTHS);
    evaluateColumns(policy, calendars, columns, NOW, columnsTally);
    const report = columnsTally.report(outages[v]);
    columnsMs += now() - t;

    t = now();
    const batchTally = new MonthlyTally(policy, calendars, MONTHS);
    evaluateBatch(policy, calendars, tickets, NOW, batchTally);
    const batchReport = batchTally.report(outages[v]);
    batchMs += now() - t;

    t = now();
    const objectTally = new MonthlyTally(policy, calendars, MONTHS);
    const kept: TicketEvaluation[] = [];
    for (let i = 0; i < count; i++) {
      const ev = evaluateTicket(policy, calendars, tickets[i], NOW);
      objectTally.add(ev);
      if (i < samplePerVendor) kept.push(ev);
    }
    const objectReport = objectTally.report(outages[v]);
    objectMs += now() - t;

    // Whole-vendor reports (every ticket: counts, breaches, attainment, availability,
    // credits) must be identical; sampled tickets must match field by field.
    if (!isDeepStrictEqual(report, objectReport)) columnsMismatches++;
    if (!isDeepStrictEqual(batchReport, objectReport)) batchMismatches++;
    for (let i = 0; i < sampled.length; i++) {
      const want = fromVerdict(kept[i]);
      if (!isDeepStrictEqual(fromColumns.out[i], want)) columnsMismatches++;
      if (!isDeepStrictEqual(fromBatch.out[i], want)) batchMismatches++;
    }

    total += count;
    problems += report.problems.length;
    for (const m of report.months) {
      creditMinor += m.creditMinor ?? 0;
      for (const p of m.priorities) breached += p.breached;
    }
    samples.push({ tickets: sampled, evals: kept });
  }
  log(`engine: ${total} tickets; columnar ${columnsMs.toFixed(1)} ms, batch ${batchMs.toFixed(1)} ms, objects ${objectMs.toFixed(1)} ms, compile ${compileMs.toFixed(1)} ms`);

  // Library loop on the sample; availability and credits for every vendor in full.
  let libTicketMs = 0;
  let libTickets = 0;
  let libReportMs = 0;
  let libMismatches = 0;
  for (let v = 0; v < samples.length; v++) {
    const { tickets, evals } = samples[v];
    const policy = policies[v];
    const cal = luxonCals[policy.calendarId];
    const t = now();
    const verdicts = tickets.map((tk) => luxonEvaluate(policy, cal, tk, NOW));
    libTicketMs += now() - t;
    libTickets += tickets.length;
    const t2 = now();
    const months = luxonMonthly(policy, cal, verdicts, outages[v], MONTHS);
    libReportMs += now() - t2;
    for (let i = 0; i < tickets.length; i++) if (!sameVerdict(evals[i], verdicts[i])) libMismatches++;
    if (!sameMonths(monthlyReport(policy, calendars, evals, outages[v], MONTHS), months)) libMismatches++;
  }
  const libMs = (libTicketMs * total) / libTickets + libReportMs;
  log(`luxon loop: ${libTickets} tickets in ${libTicketMs.toFixed(1)} ms, reports ${libReportMs.toFixed(1)} ms, ${libMismatches} mismatches`);

  const engineRow = (name: string, ms: number, mismatches: number | null): BenchRow => ({
    name,
    nsPerOp: ((compileMs + ms) * 1e6) / total,
    timedOps: total,
    totalMs: compileMs + ms,
    mismatches,
    scaled: false,
  });
  const rows: BenchRow[] = [
    engineRow('outsight engine, columnar (evaluateColumns)', columnsMs, columnsMismatches),
    engineRow('outsight engine, TicketInput[] (evaluateBatch)', batchMs, batchMismatches),
    engineRow('outsight engine, verdict objects (evaluateTicket)', objectMs, null),
    { name: 'luxon loop (day by day)', nsPerOp: (libMs * 1e6) / total, timedOps: libTickets, totalMs: libMs, mismatches: libMismatches, scaled: true },
  ];
  return {
    id: 'sla-full-pass',
    title: `Full SLA pass, ${total.toLocaleString('en-US')} tickets, ${samples.length} vendors × 12 months`,
    rows,
    ratios: {
      engineVsLuxon: libMs / (compileMs + columnsMs),
      batchVsLuxon: libMs / (compileMs + batchMs),
      objectApiVsLuxon: libMs / (compileMs + objectMs),
    },
    notes: [
      'per ticket: response + resolution with pauses, reopenings and priority changes, due instants; per vendor: monthly attainment, availability, credits',
      `engine totals: ${breached.toLocaleString('en-US')} breached tickets, ${problems} tickets with data problems, credits ${(creditMinor / 100).toFixed(2)}`,
      `every engine row includes compiling the ${CAL_IDS.length} calendars (${compileMs.toFixed(1)} ms CPU) and the monthly reports; untimed JIT warm-up for every timed path, the luxon loop included`,
      `columnar tickets were built from the same TicketInput objects before timing, as an import would store them: ${((buildMs * 1e6) / total).toFixed(0)} ns/ticket, not included (like generating the objects for the library loop)`,
      `checked: per-vendor reports of the three engine paths identical over all tickets; ${libTickets.toLocaleString('en-US')} sampled tickets field by field (fast paths vs object API, luxon loop vs object API)`,
      `luxon loop timed on ${libTickets.toLocaleString('en-US')} tickets and scaled; its monthly reports (incl. availability) timed in full`,
    ],
    mismatches: columnsMismatches + batchMismatches + libMismatches,
  };
}
