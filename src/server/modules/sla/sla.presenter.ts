import type { TicketEvaluation, TicketVerdict } from '../../../domain/sla/ticket.ts';
import type { Outage, SlaTicket } from '../../../shared/contracts/sla.ts';
import type { TicketForSla } from '../tickets/tickets.public.ts';
import type { OutageRow } from './outages.repo.ts';
import { isVolatile, toSlaTicket } from './sla.measure.ts';
import type { ListedVerdict, VerdictRow } from './verdicts.repo.ts';

export function presentOutage(o: OutageRow): Outage {
  return { id: o.id, engagementId: o.engagementId, startAt: o.startAt.toISOString(), endAt: o.endAt.toISOString(), planned: o.planned, description: o.description };
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());
const date = (s: string | null) => (s === null ? null : new Date(s));

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

/** The latest instant the ticket's data knows of: measured before it, the verdict is still unfolding. */
/**
 * The verdict to store for a ticket measured at `nowMs`. It is settled — the same at any
 * later instant until the inputs change — once the ticket is resolved (or cannot be
 * measured for a reason in its data) and nothing in its data lies after `nowMs`; else
 * it is volatile and measured again when read in a later minute.
 */
export function verdictRow(orgId: string, engagementId: string, t: TicketForSla, ev: TicketEvaluation, nowMs: number): VerdictRow {
  const s = toSlaTicket(t, ev);
  const unfolding = isVolatile(t, ev, nowMs);
  return {
    ticketId: t.id,
    orgId,
    engagementId,
    openedAt: new Date(s.openedAt),
    month: (s.resolvedAt ?? s.openedAt).slice(0, 7),
    priority: s.priority,
    state: s.state,
    problem: s.problem,
    breached: s.breached,
    responseBreached: s.responseBreached,
    responseMeasured: s.responseMeasured,
    resolutionBreached: s.resolutionBreached,
    atRisk: s.atRisk,
    respondedAt: date(s.respondedAt),
    resolvedAt: date(s.resolvedAt),
    dueAt: date(s.dueAt),
    responseMs: s.responseMs,
    resolutionMs: s.resolutionMs,
    pausedMs: s.pausedMs,
    responseTargetMs: s.responseTargetMs,
    resolutionTargetMs: s.resolutionTargetMs,
    leftMs: s.leftMs,
    reopenCount: s.reopenCount,
    reportAt: ev.problem === null && (ev as TicketVerdict).reportAt !== null ? new Date((ev as TicketVerdict).reportAt!) : null,
    volatile: unfolding,
  };
}
