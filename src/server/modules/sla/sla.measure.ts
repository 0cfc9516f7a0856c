import { compileCalendar } from '../../../domain/sla/calendar.ts';
import { TicketColumns, evaluateColumns } from '../../../domain/sla/columns.ts';
import { evidenceOf } from '../../../domain/sla/first-response.ts';
import type { SlaPolicy as EnginePolicy } from '../../../domain/sla/policy.ts';
import type { MonthlyTally } from '../../../domain/sla/report.ts';
import { evaluateTicket, verdictOf, type TicketEvaluation, type TicketInput, type TicketVerdict } from '../../../domain/sla/ticket.ts';
import type { SlaReport } from '../../../shared/contracts/sla.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { singleFlight } from '../../single-flight.ts';
import { calendarRevisionSql, calendarsByIds, specOf } from '../calendars/calendars.public.ts';
import { authorizeEngagementRead, engagementReadSql } from '../engagements/engagements.public.ts';
import { enginePolicy, findPolicyRow, policyInForceSql } from '../sla-policies/sla-policies.public.ts';
import { loadTicketsForSla, ticketDataVersionSql, type TicketForSla } from '../tickets/tickets.public.ts';
import { readMeasurementInputs, type MeasurementInputs } from './inputs.repo.ts';

/** Stored history → the engine's input. Priority entries are kept only where the priority changes. */
export function toTicketInput(t: TicketForSla): TicketInput {
  const statusHistory = t.history.map(([atMs, status]) => ({ atMs, status }));
  const priorityHistory: Array<{ atMs: number; priority: string }> = [];
  for (const [atMs, , , priority] of t.history) {
    if (priority && priority !== priorityHistory[priorityHistory.length - 1]?.priority) priorityHistory.push({ atMs, priority });
  }
  return {
    id: t.id,
    priority: t.priority,
    priorityHistory: priorityHistory.length ? priorityHistory : null,
    openedAt: t.openedAt,
    firstResponseAt: t.firstResponseAt,
    statusHistory,
    resolvedAt: t.resolvedAt,
    closedAt: t.closedAt,
    responseEvidence: evidenceOf(t.firstResponseSource),
  };
}

export interface Measured {
  policy: EnginePolicy;
  policyVersion: number;
  calendars: Record<string, ReturnType<typeof compileCalendar>>;
  timeZone: string;
  tickets: TicketForSla[];
  evaluations: TicketEvaluation[];
  /**
   * Reports already built from this measurement, by months and outages: a report read
   * again unchanged is a lookup, not another pass over every evaluation. Lives and dies
   * with the cached measurement, so it is as fresh as the measurement is.
   */
  reports?: Map<string, Promise<SlaReport>>;
  /** Shared by every later minute's measurement under the same inputs (see `Settled`). */
  settled: Settled;
  /** The instant the evaluations are of. */
  nowMs: number;
  /** Exactly what was measured: the policy row, the calendar's revision (its last edit, epoch ms), the ticket data version; null for one ticket's timeline. */
  inputs: MeasuredInputs | null;
}

export interface MeasuredInputs {
  policyId: string;
  calendarRevisionMs: number;
  dataVersion: string;
}

/**
 * What every measurement of an engagement under the same inputs (policy, calendar
 * revision, ticket data version) shares with the first one: the tickets that were volatile
 * then, and per report the tally of all the others. Those were settled at that instant, so
 * they keep their evaluation in every later minute (`isVolatile`); a later minute's report
 * adds the volatile tickets to the kept tally instead of counting every ticket again.
 */
export interface Settled {
  /** Indexes into the tickets, ascending. */
  readonly volatile: Int32Array;
  /**
   * The volatile tickets as columns (`TicketColumns`), in chunks measured between yields
   * to other requests, with each column position's index into the tickets: built at the
   * first minute's turn, measured again at every later one.
   */
  chunks?: Array<{ columns: TicketColumns; at: Int32Array }>;
  /** By month range: the tally of the tickets not in `volatile`, with the indexes of the first problems among them. */
  readonly tallies: Map<string, Promise<{ tally: MonthlyTally; problems: number[] }>>;
}

/**
 * Loading tens of thousands of tickets costs far more than measuring them, so a
 * measurement is reused while its key holds: same ticket data version, same policy
 * version and calendar revision, same minute. Each server keeps its own small cache; a
 * stale entry can only be a minute old. Kept by count and by the evaluations held (see
 * `remember`).
 */
const CACHE_SIZE = 8;
const cache = new Map<string, Measured>();
// Requests that miss together wait for one measurement (a policy edit, a new minute).
const measureOnce = singleFlight<Measured>();

/**
 * The last measurement of each engagement under one policy, calendar revision and data
 * version. At a minute's turn only the tickets volatile when its line began
 * (`Settled.volatile`) are measured again: the settled ones keep their evaluation, so the
 * turn costs the open tickets, not the whole engagement. An entry lives only while its
 * measurement is in `cache`.
 */
const lastByInputs = new Map<string, { measured: Measured; nowMs: number }>();

// Tickets checked for volatility between yields (a check reads the ticket's history).
const VOLATILE_CHUNK = 50_000;

async function volatileIndexes(tickets: readonly TicketForSla[], evaluations: readonly TicketEvaluation[], nowMs: number): Promise<Int32Array> {
  const out: number[] = [];
  for (let i = 0; i < tickets.length; i++) {
    if (i > 0 && i % VOLATILE_CHUNK === 0) await yieldToOthers();
    if (isVolatile(tickets[i], evaluations[i], nowMs)) out.push(i);
  }
  return Int32Array.from(out);
}

function lastKnownInstant(t: TicketForSla): number {
  let last = Math.max(t.openedAt, t.firstResponseAt ?? -Infinity, t.resolvedAt ?? -Infinity, t.closedAt ?? -Infinity);
  for (const [at] of t.history) if (at > last) last = at;
  return last;
}

/**
 * A ticket's verdict is settled — the same at any later instant until its inputs change —
 * once it is resolved (or cannot be measured for a reason in its data) and nothing in its
 * data lies after `nowMs`; else it is volatile and measured again in a later minute.
 */
export function isVolatile(t: TicketForSla, ev: TicketEvaluation, nowMs: number): boolean {
  return (ev.problem === null && (ev as TicketVerdict).state !== 'resolved') || lastKnownInstant(t) > nowMs;
}

/**
 * Keeps a measurement, then lets the oldest go while more than CACHE_SIZE are kept or they
 * hold more than twice the ticket ceiling in evaluations (a big engagement's measurement of
 * this minute and of the last): by count alone, eight million-ticket engagements' would
 * stay in memory together. Never the one just kept.
 */
function remember(ctx: Ctx, key: string, inputsKey: string, m: Measured, nowMs: number) {
  cache.delete(key);
  cache.set(key, m);
  lastByInputs.delete(inputsKey);
  lastByInputs.set(inputsKey, { measured: m, nowMs });
  let held = 0;
  for (const x of cache.values()) held += x.evaluations.length;
  for (const [oldest, x] of cache) {
    if (oldest === key || (cache.size <= CACHE_SIZE && held <= 2 * ctx.config.slaTicketsKept)) break;
    cache.delete(oldest);
    held -= x.evaluations.length;
    for (const [k, last] of lastByInputs) if (last.measured === x) lastByInputs.delete(k);
  }
}

/** What the SLA module holds between reads, for the memory ceiling's test. */
export function slaMemoryHeld(): { ticketsKept: number; evaluationsKept: number; measurements: number } {
  let evaluationsKept = 0;
  for (const x of cache.values()) evaluationsKept += x.evaluations.length;
  return { ticketsKept, evaluationsKept, measurements: cache.size };
}

/**
 * An engagement's tickets as of a ticket data version (tickets change only through
 * imports), kept for a few engagements: a policy or calendar edit measures every ticket
 * again without reading every ticket again, which costs several times the measuring
 * itself. Shared by the report's measurement and the stored verdicts, so both hold the
 * same arrays rather than two copies.
 *
 * Kept by the number of tickets, not of engagements: with a count of four, an overview
 * that measured a few small engagements evicted a million-ticket one, whose next report
 * then read and measured every ticket again (over 10 s) while its last measurement still
 * held the old array — two copies in memory. The least recently used sets go first, never
 * the one just read; the ceiling is `OUTSIGHT_SLA_TICKETS_KEPT` (config `slaTicketsKept`).
 */
const ticketSets = new Map<string, TicketForSla[]>();
let ticketsKept = 0;

function keepTickets(key: string, tickets: TicketForSla[], ceiling: number) {
  const before = ticketSets.get(key);
  if (before) ticketsKept -= before.length;
  ticketSets.delete(key);
  ticketSets.set(key, tickets);
  ticketsKept += tickets.length;
  for (const [oldest, set] of ticketSets) {
    if (ticketsKept <= ceiling || oldest === key) break;
    ticketSets.delete(oldest);
    ticketsKept -= set.length;
  }
}
const loadOnce = singleFlight<TicketForSla[]>();

export async function ticketsOf(ctx: Ctx, engagementId: string, version: string): Promise<TicketForSla[]> {
  const key = `${ctx.actor.orgId}|${engagementId}|${version}`;
  const hit = ticketSets.get(key);
  if (hit) {
    keepTickets(key, hit, ctx.config.slaTicketsKept);
    return hit;
  }
  return loadOnce(key, async () => {
    const loaded = await loadTicketsForSla(ctx, engagementId);
    keepTickets(key, loaded, ctx.config.slaTicketsKept);
    return loaded;
  });
}

/**
 * Whether the caller may read the engagement, and what a measurement of it depends on —
 * the policy in force (or `version`), its calendar's revision, the ticket data version —
 * and the outages its report reads, in one round trip. Each is read from the database on every request, so a change made
 * through another app server is seen by the next read here.
 */
function inputsOf(ctx: Ctx, engagementId: string, version: number | undefined): Promise<MeasurementInputs> {
  const calendarId = policyInForceSql(ctx, engagementId, version, 'calendarId');
  return readMeasurementInputs(ctx.db, ctx.actor.orgId, engagementId, {
    engagementVendor: engagementReadSql(ctx, engagementId),
    policyId: policyInForceSql(ctx, engagementId, version, 'id'),
    calendarId,
    calendarRevision: calendarRevisionSql(ctx, calendarId),
    dataVersion: ticketDataVersionSql(ctx, engagementId),
  });
}

/** The cache's keys: a measurement's inputs (`lastByInputs`), and those in the minute it is of (`cache`). */
const inputsKeyOf = (ctx: Ctx, engagementId: string, policyId: string, calendarRevision: string | null, dataVersion: string) =>
  [ctx.actor.orgId, engagementId, policyId, calendarRevision, dataVersion].join('|');
const minuteKey = (ctx: Ctx, inputsKey: string) => `${inputsKey}|${Math.floor(ctx.now.getTime() / 60_000)}`;

/**
 * Measures every ticket of an engagement under its SLA policy — the one in force, or a
 * given version — as of now, with the engagement's outage records. A policy edit is
 * reflected by the very next read. Authorizes the read itself, from the statement that
 * reads the inputs (`requireEngagement` was a round trip of its own on every report).
 */
export async function measureWithOutages(ctx: Ctx, engagementId: string, version?: number): Promise<{ measured: Measured; outages: MeasurementInputs['outages'] }> {
  const inputs = await inputsOf(ctx, engagementId, version);
  authorizeEngagementRead(ctx, inputs.engagementVendor);
  // No policy: the full read below says so in the caller's words (not found).
  const inputsKey = inputs.policyId === null ? null : inputsKeyOf(ctx, engagementId, inputs.policyId, inputs.calendarRevision, inputs.dataVersion);
  const key = inputsKey === null ? null : minuteKey(ctx, inputsKey);
  const hit = key ? cache.get(key) : undefined;
  if (hit) return { measured: hit, outages: inputs.outages };
  // A minute's turn under the same inputs, already being measured by another read: answer
  // with the previous minute's measurement rather than wait (at 1,000,000 tickets with
  // many open the turn takes seconds). The read that started it waits, so reads one after
  // the other always see the new minute; a policy, calendar or data change is new inputs
  // and is always waited for.
  const last = inputsKey ? lastByInputs.get(inputsKey) : undefined;
  if (key && last && measureOnce.running(key) && last.nowMs <= ctx.now.getTime()) return { measured: last.measured, outages: inputs.outages };
  const compute = async (): Promise<Measured> => {
    // A policy or calendar edited since the inputs were read is measured here as it is now
    // and kept under the older key: later reads see the newer key and measure again.
    const found = await findPolicyRow(ctx, engagementId, version);
    const [cal] = await calendarsByIds(ctx, [found.policy.calendarId]);
    if (!cal) throw AppError.notFound('The calendar of the SLA policy');
    return await measureAll(ctx, { found, cal, tickets: await ticketsOf(ctx, engagementId, inputs.dataVersion), dataVersion: inputs.dataVersion, key, inputsKey });
  };
  return { measured: await (key ? measureOnce(key, compute) : compute()), outages: inputs.outages };
}

/**
 * This minute's measurement of exactly these inputs, if this server keeps one or is making
 * one (then waits for it); never starts one. The stored verdicts measure an engagement
 * whole after the report has, under the same inputs: its evaluations serve both.
 */
export async function keptMeasurement(ctx: Ctx, engagementId: string, inputs: MeasuredInputs): Promise<Measured | null> {
  const key = minuteKey(ctx, inputsKeyOf(ctx, engagementId, inputs.policyId, String(inputs.calendarRevisionMs), inputs.dataVersion));
  let m = cache.get(key);
  if (!m && measureOnce.running(key)) m = await measureOnce(key, () => Promise.reject(new Error('joined a measurement that is running'))).catch(() => undefined);
  // Kept under the inputs read before measuring; a policy or calendar edited meanwhile was measured as it is now.
  const same = m?.inputs && m.inputs.policyId === inputs.policyId && m.inputs.calendarRevisionMs === inputs.calendarRevisionMs && m.inputs.dataVersion === inputs.dataVersion;
  return same ? m! : null;
}

/** `measureWithOutages` without the outages; one ticket only with `ticketId` (its timeline), never cached. */
export async function measureEngagement(ctx: Ctx, engagementId: string, opts: { version?: number; ticketId?: string } = {}): Promise<Measured> {
  if (!opts.ticketId) return (await measureWithOutages(ctx, engagementId, opts.version)).measured;
  const found = await findPolicyRow(ctx, engagementId, opts.version);
  const [cal] = await calendarsByIds(ctx, [found.policy.calendarId]);
  if (!cal) throw AppError.notFound('The calendar of the SLA policy');
  return measureAll(ctx, { found, cal, tickets: await loadTicketsForSla(ctx, engagementId, [opts.ticketId]), dataVersion: null, key: null, inputsKey: null });
}

type Loaded = {
  found: Awaited<ReturnType<typeof findPolicyRow>>;
  cal: Awaited<ReturnType<typeof calendarsByIds>>[number];
  tickets: TicketForSla[];
  dataVersion: string | null;
  key: string | null;
  inputsKey: string | null;
};

/** The line's volatile tickets as columns, built once (with yields) at its first turn. */
async function volatileChunks(settled: Settled, tickets: readonly TicketForSla[]): Promise<NonNullable<Settled['chunks']>> {
  if (settled.chunks) return settled.chunks;
  const chunks: NonNullable<Settled['chunks']> = [];
  for (let k = 0; k < settled.volatile.length; k += CHUNK) {
    const at = settled.volatile.subarray(k, k + CHUNK);
    chunks.push({ columns: TicketColumns.from(Array.from(at, (i) => toTicketInput(tickets[i]))), at });
    await yieldToOthers();
  }
  return (settled.chunks ??= chunks);
}

// Measuring yields to other requests every so many tickets: an engagement with a million
// tickets takes seconds, and other engagements' reads (and reads answered from the
// previous minute, above) should not wait behind it.
const CHUNK = 5_000;
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Every ticket's evaluation at `nowMs` with the object API, a chunk between yields (also the stored verdicts' when no report measured them). */
export async function evaluateAll(policy: EnginePolicy, calendars: Measured['calendars'], tickets: readonly TicketForSla[], nowMs: number): Promise<TicketEvaluation[]> {
  const out: TicketEvaluation[] = new Array(tickets.length);
  for (let i = 0; i < tickets.length; i++) {
    if (i > 0 && i % CHUNK === 0) await yieldToOthers();
    out[i] = evaluateTicket(policy, calendars, toTicketInput(tickets[i]), nowMs);
  }
  return out;
}

async function measureAll(ctx: Ctx, { found, cal, tickets, dataVersion, key, inputsKey }: Loaded): Promise<Measured> {
  const nowMs = ctx.now.getTime();
  const last = inputsKey ? lastByInputs.get(inputsKey) : undefined;
  let measured: Measured;
  // A later minute, same inputs: measure again only what still unfolds (settled means
  // settled from then on, so never reuse for an earlier instant).
  if (last && last.measured.tickets === tickets && nowMs >= last.nowMs) {
    const { policy: p, calendars, settled } = last.measured;
    const evaluations = last.measured.evaluations.slice();
    // The columnar engine, a chunk between yields: 816 ns a ticket against 2,066 for the
    // object API with its input conversion (600,000 open tickets, measured once; 1.2 s each
    // minute before). Tickets settled since the line began get the same verdict again.
    for (const { columns, at } of await volatileChunks(settled, tickets)) {
      evaluateColumns(p, calendars, columns, nowMs, {
        measured: (m) => (evaluations[at[m.index]] = verdictOf(p, m)),
        problem: (problem, i) => (evaluations[at[i]] = problem),
      });
      await yieldToOthers();
    }
    measured = { ...last.measured, evaluations, reports: undefined, nowMs };
  } else {
    const policy = enginePolicy(found.policy);
    const calendars = { [cal.id]: compileCalendar(specOf(cal)) };
    const evaluations = await evaluateAll(policy, calendars, tickets, nowMs);
    const volatile = await volatileIndexes(tickets, evaluations, nowMs);
    const inputs = dataVersion === null ? null : { policyId: found.policy.id, calendarRevisionMs: cal.updatedAt.getTime(), dataVersion };
    measured = { policy, policyVersion: found.policy.version, calendars, timeZone: cal.timeZone, tickets, evaluations, settled: { volatile, tallies: new Map() }, nowMs, inputs };
  }
  if (key && inputsKey) remember(ctx, key, inputsKey, measured, nowMs);
  return measured;
}
