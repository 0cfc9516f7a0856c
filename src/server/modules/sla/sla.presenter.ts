import type { TicketEvaluation, TicketVerdict } from '../../../domain/sla/ticket.ts';
import type { Outage, SlaTicket } from '../../../shared/contracts/sla.ts';
import type { TicketForSla } from '../tickets/tickets.public.ts';
import type { OutageRow } from './outages.repo.ts';
import { humanProblem, isVolatile } from './sla.measure.ts';
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
