/**
 * A full SLA pass: n generated tickets spread over vendors (each with its own policy
 * and calendar), with pauses, reopenings and priority changes; response, resolution,
 * due instants, then monthly attainment, availability and credits per vendor.
 * The engine runs everything; the luxon loop runs a sample of tickets (scaled) plus the
 * full per-vendor availability work. Sampled results must be identical.
 */
import { compileCalendar, type CompiledCalendar } from '../src/domain/sla/calendar.ts';
import { hours, minutes, type SlaPolicy } from '../src/domain/sla/policy.ts';
import { MonthlyTally, monthlyReport, type MonthlyReport, type OutageRecord } from '../src/domain/sla/report.ts';
import { evaluateTicket, type StatusChange, type TicketEvaluation, type TicketInput, type TicketVerdict } from '../src/domain/sla/ticket.ts';
import { now, type BenchOptions, type BenchRow, type SectionResult } from './bench-types.ts';
import { intBetween, mulberry32, pick, type Rng } from './prng.ts';
import { VENDOR_CALENDARS } from './sla-fixtures.ts';
import { luxonCalendar, luxonEvaluate, luxonMonthly, type LuxonMonth, type LuxonVerdict } from './sla-luxon-loop.ts';

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

  // Engine: everything, including compiling the calendars (lazily, on first use).
  let engineMs = 0;
  let total = 0;
  let problems = 0;
  let breached = 0;
  let creditMinor = 0;
  const t0 = now();
  const calendars: Record<string, CompiledCalendar> = {};
  for (const id of CAL_IDS) calendars[id] = compileCalendar(VENDOR_CALENDARS[id], { fromMs: YEAR_START, toMs: NOW + 30 * DAY });
  const compileMs = now() - t0;
  engineMs += compileMs;
  const samples: Array<{ tickets: TicketInput[]; evals: TicketEvaluation[] }> = [];
  for (let v = 0; v < VENDORS; v++) {
    const count = Math.min(perVendor, n - total);
    if (count <= 0) break;
    const rng = mulberry32(seed + v);
    const tickets = Array.from({ length: count }, (_, i) => makeTicket(rng, `V${v}-${i}`));
    const policy = policies[v];
    // Untimed warm-up pass: JIT, and the just-generated tickets get promoted out of the
    // young generation, so the timed pass is not charged for the generator's garbage.
    for (let i = 0; i < count; i++) evaluateTicket(policy, calendars, tickets[i], NOW);
    const t = now();
    // Stream: each verdict is tallied and dropped, as a production pass over millions
    // of tickets would do; only the sampled verdicts are kept for verification.
    const tally = new MonthlyTally(policy, calendars, MONTHS);
    const kept: TicketEvaluation[] = [];
    for (let i = 0; i < count; i++) {
      const ev = evaluateTicket(policy, calendars, tickets[i], NOW);
      tally.add(ev);
      if (i < samplePerVendor) kept.push(ev);
    }
    const report = tally.report(outages[v]);
    engineMs += now() - t;
    total += count;
    problems += report.problems.length;
    for (const m of report.months) {
      creditMinor += m.creditMinor ?? 0;
      for (const p of m.priorities) breached += p.breached;
    }
    samples.push({ tickets: tickets.slice(0, samplePerVendor), evals: kept });
  }
  log(`engine: ${total} tickets in ${engineMs.toFixed(1)} ms`);

  // Library loop on the sample; availability and credits for every vendor in full.
  const luxonCals = Object.fromEntries(CAL_IDS.map((id) => [id, luxonCalendar(VENDOR_CALENDARS[id])]));
  let libTicketMs = 0;
  let libTickets = 0;
  let libReportMs = 0;
  let mismatches = 0;
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
    for (let i = 0; i < tickets.length; i++) if (!sameVerdict(evals[i], verdicts[i])) mismatches++;
    if (!sameMonths(monthlyReport(policy, calendars, evals, outages[v], MONTHS), months)) mismatches++;
  }
  const libMs = (libTicketMs * total) / libTickets + libReportMs;
  log(`luxon loop: ${libTickets} tickets in ${libTicketMs.toFixed(1)} ms, reports ${libReportMs.toFixed(1)} ms, ${mismatches} mismatches`);

  const rows: BenchRow[] = [
    { name: 'outsight SLA engine', nsPerOp: (engineMs * 1e6) / total, timedOps: total, totalMs: engineMs, mismatches: null },
    { name: 'luxon loop (day by day)', nsPerOp: (libMs * 1e6) / total, timedOps: libTickets, totalMs: libMs, mismatches },
  ];
  return {
    id: 'sla-full-pass',
    title: `Full SLA pass, ${total.toLocaleString('en-US')} tickets, ${samples.length} vendors × 12 months`,
    rows,
    ratios: { engineVsLuxon: libMs / engineMs },
    notes: [
      'per ticket: response + resolution with pauses, reopenings and priority changes, due instants; per vendor: monthly attainment, availability, credits',
      `engine totals: ${breached.toLocaleString('en-US')} breached tickets, ${problems} tickets with data problems, credits ${(creditMinor / 100).toFixed(2)}`,
      `luxon loop timed on ${libTickets.toLocaleString('en-US')} tickets and scaled; its monthly reports (incl. availability) timed in full`,
      `engine time includes compiling the ${CAL_IDS.length} calendars (${compileMs.toFixed(1)} ms CPU) and an untimed warm-up pass per vendor`,
    ],
    mismatches,
  };
}
