import type { TicketEvaluation, TicketVerdict } from '../../../domain/sla/ticket.ts';
import type { Outage, SlaTicket } from '../../../shared/contracts/sla.ts';
import type { TicketForSla } from '../tickets/tickets.public.ts';
import type { OutageRow } from './outages.repo.ts';
import { isVolatile } from './sla.measure.ts';
import type { ListedVerdict, VerdictRow } from './verdicts.repo.ts';

export function presentOutage(o: OutageRow): Outage {
  return { id: o.id, engagementId: o.engagementId, startAt: o.startAt.toISOString(), endAt: o.endAt.toISOString(), planned: o.planned, description: o.description };
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** A stored verdict with its ticket's own fields: exactly what measuring the ticket now would answer. */
export function presentVerdict(r: ListedVerdict): SlaTicket {
  const x = r.verdict;
  return {
    id: x.ticketId,
    externalId: r.externalId,
    title: r.title,
    priority: x.priority,
    status: r.status,
    state: x.state as SlaTicket['state'],
    openedAt: x.openedAt.toISOString(),
    respondedAt: iso(x.respondedAt),
    resolvedAt: iso(x.resolvedAt),
    responseMs: x.responseMs,
    resolutionMs: x.resolutionMs,
    pausedMs: x.pausedMs,
    responseTargetMs: x.responseTargetMs,
    resolutionTargetMs: x.resolutionTargetMs,
    responseBreached: x.responseBreached,
    responseMeasured: x.responseMeasured,
    resolutionBreached: x.resolutionBreached,
    breached: x.breached,
    atRisk: x.atRisk,
    leftMs: x.leftMs,
    dueAt: iso(x.dueAt),
    reopenCount: x.reopenCount,
    problem: x.problem,
  };
}

/**
 * The verdict to store for a ticket measured at `nowMs`. It is settled — the same at any
 * later instant until the inputs change — once the ticket is resolved (or cannot be
 * measured for a reason in its data) and nothing in its data lies after `nowMs`; else
 * it is volatile and measured again when read in a later minute.
 */
export function verdictRow(orgId: string, engagementId: string, t: TicketForSla, ev: TicketEvaluation, nowMs: number): VerdictRow {
  // Built from the evaluation directly, as `toSlaTicket` presents it (the test of stored
  // verdicts against the object API holds them equal): going through its ISO strings and
  // back cost eight date conversions a ticket, seconds at a million.
  const volatile = isVolatile(t, ev, nowMs);
  if (ev.problem !== null) {
    return {
      ticketId: t.id,
      orgId,
      engagementId,
      openedAt: new Date(t.openedAt),
      month: utcMonth(t.resolvedAt ?? t.openedAt),
      priority: t.priority,
      state: null,
      problem: humanProblem(ev.problem),
      breached: false,
      responseBreached: false,
      responseMeasured: true,
      resolutionBreached: false,
      atRisk: false,
      respondedAt: null,
      resolvedAt: dateOf(t.resolvedAt),
      dueAt: null,
      responseMs: null,
      resolutionMs: null,
      pausedMs: null,
      responseTargetMs: null,
      resolutionTargetMs: null,
      leftMs: null,
      reopenCount: 0,
      reportAt: null,
      volatile,
    };
  }
  const v = ev as TicketVerdict;
  return {
    ticketId: t.id,
    orgId,
    engagementId,
    openedAt: new Date(t.openedAt),
    month: utcMonth(v.resolvedAt ?? t.openedAt),
    priority: v.priority,
    state: v.state,
    problem: null,
    breached: v.breached,
    responseBreached: v.response.breached,
    responseMeasured: v.response.measured,
    resolutionBreached: v.resolution.breached,
    atRisk: v.response.atRisk || v.resolution.atRisk,
    respondedAt: dateOf(v.respondedAt),
    resolvedAt: dateOf(v.resolvedAt),
    dueAt: dateOf(v.resolution.dueAt),
    responseMs: v.response.measured ? v.response.elapsedMs : null,
    resolutionMs: v.resolution.elapsedMs,
    pausedMs: v.pausedMs,
    responseTargetMs: v.response.targetMs,
    resolutionTargetMs: v.resolution.targetMs,
    leftMs: v.resolution.leftMs,
    reopenCount: v.reopenCount,
    reportAt: v.reportAt === null ? null : new Date(v.reportAt),
    volatile,
  };
}

const dateOf = (ms: number | null) => (ms === null ? null : new Date(ms));
/** 'YYYY-MM' in UTC: the list's month filter. */
function utcMonth(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Problems in people's words, by the engine's text: a million verdicts carry a handful of
 * distinct problems, and working each out again (eight patterns) cost about a second a
 * million. Bounded: texts that name a position (statusHistory[12]) vary more.
 */
const humanProblems = new Map<string, string>();

/** The engine names fields precisely; people need the same fact in their words. */
export function humanProblem(problem: string): string {
  let human = humanProblems.get(problem);
  if (human === undefined) {
    if (humanProblems.size >= 1_000) humanProblems.clear();
    humanProblems.set(problem, (human = inPeoplesWords(problem)));
  }
  return human;
}

function inPeoplesWords(problem: string): string {
  const rules: Array<[RegExp, string]> = [
    [/^statusHistory\[\d+\] is before openedAt$/, 'A status change is dated before the ticket was opened'],
    [/^statusHistory\[\d+\] is out of order$/, 'The status changes are not in time order'],
    [/^missing priority$/, 'The ticket has no priority'],
    [/^no SLA targets for priority "(.*)"$/, 'The SLA policy has no targets for priority "$1"'],
    [/^closedAt is before resolvedAt$/, 'The ticket was closed before it was resolved'],
    [/^resolvedAt is before openedAt$/, 'The ticket was resolved before it was opened'],
    [/^firstResponseAt is before openedAt$/, 'The first response is dated before the ticket was opened'],
    [/^closedAt is before openedAt$/, 'The ticket was closed before it was opened'],
  ];
  for (const [re, text] of rules) if (re.test(problem)) return problem.replace(re, text);
  return problem;
}

const isoOfMs = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * A ticket with its verdict as the API shows it. Written as two plain literals: spreading
 * a base object and then overriding one of its keys drops V8 into slow dictionary objects
 * (about 40 µs a ticket, seconds for an engagement).
 */
export function toSlaTicket(t: TicketForSla, ev: TicketEvaluation): SlaTicket {
  const openedAt = new Date(t.openedAt).toISOString();
  if (ev.problem !== null) {
    return {
      id: t.id,
      externalId: t.externalId,
      title: t.title,
      priority: t.priority,
      status: t.status,
      state: null,
      openedAt,
      respondedAt: null,
      resolvedAt: isoOfMs(t.resolvedAt),
      responseMs: null,
      resolutionMs: null,
      pausedMs: null,
      responseTargetMs: null,
      resolutionTargetMs: null,
      responseBreached: false,
      responseMeasured: true,
      resolutionBreached: false,
      breached: false,
      atRisk: false,
      leftMs: null,
      dueAt: null,
      reopenCount: 0,
      problem: humanProblem(ev.problem),
    };
  }
  const v = ev as TicketVerdict;
  return {
    id: t.id,
    externalId: t.externalId,
    title: t.title,
    priority: v.priority,
    status: t.status,
    state: v.state,
    openedAt,
    respondedAt: isoOfMs(v.respondedAt),
    resolvedAt: isoOfMs(v.resolvedAt),
    responseMs: v.response.measured ? v.response.elapsedMs : null,
    resolutionMs: v.resolution.elapsedMs,
    pausedMs: v.pausedMs,
    responseTargetMs: v.response.targetMs,
    resolutionTargetMs: v.resolution.targetMs,
    responseBreached: v.response.breached,
    responseMeasured: v.response.measured,
    resolutionBreached: v.resolution.breached,
    breached: v.breached,
    atRisk: v.response.atRisk || v.resolution.atRisk,
    leftMs: v.resolution.leftMs,
    dueAt: isoOfMs(v.resolution.dueAt),
    reopenCount: v.reopenCount,
    problem: null,
  };
}
