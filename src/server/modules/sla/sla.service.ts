import type { z } from 'zod';
import { monthlyReport, type OutageRecord } from '../../../domain/sla/report.ts';
import type { TicketVerdict } from '../../../domain/sla/ticket.ts';
import type { OutageInput, SlaOverview, SlaReport, SlaReportQuery, SlaTicket, SlaTicketQuery } from '../../../shared/contracts/sla.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { decodeCursor, encodeCursor } from '../../paging.ts';
import { recordAudit } from '../audit/record.ts';
import { findEngagement, listEngagements } from '../engagements/engagements.repo.ts';
import { currentPolicies } from '../sla-policies/sla-policies.repo.ts';
import { findTicketEngagement } from '../tickets/tickets.repo.ts';
import * as outagesRepo from './outages.repo.ts';
import { humanProblem, measureEngagement, toSlaTicket } from './sla.measure.ts';

const MAX_MONTHS = 120;

/** 'YYYY-MM' of an instant in a zone. */
function monthOf(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(new Date(ms));
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

function monthRange(from: string, to: string): string[] {
  if (from > to) throw AppError.invalid('from', 'The first month must not be after the last.');
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  for (let key = from; key <= to; ) {
    out.push(key);
    if (out.length > MAX_MONTHS) throw AppError.invalid('to', `At most ${MAX_MONTHS} months per report.`);
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
    key = `${y}-${String(m).padStart(2, '0')}`;
  }
  return out;
}

async function requireEngagement(ctx: Ctx, engagementId: string) {
  const e = await findEngagement(ctx.db, ctx.actor.orgId, engagementId);
  if (!e) throw AppError.notFound('The engagement');
  return e;
}

async function outageRecords(ctx: Ctx, engagementId: string): Promise<OutageRecord[] | undefined> {
  const rows = await outagesRepo.listOutages(ctx.db, ctx.actor.orgId, engagementId);
  return rows.length ? rows.map((o) => ({ startMs: o.startAt.getTime(), endMs: o.endAt.getTime(), planned: o.planned })) : undefined;
}

/**
 * The monthly SLA report of an engagement: per month and priority the tickets, breaches,
 * attainment against target, availability and the service credit owed. Without `from`,
 * the twelve months up to the latest ticket.
 */
export async function slaReport(ctx: Ctx, engagementId: string, q: z.output<typeof SlaReportQuery>): Promise<SlaReport> {
  await requireEngagement(ctx, engagementId);
  const m = await measureEngagement(ctx, engagementId, { version: q.version });
  const latest = m.tickets.reduce((max, t) => Math.max(max, t.resolvedAt ?? t.openedAt), 0) || ctx.now.getTime();
  const to = q.to ?? monthOf(latest, m.timeZone);
  const from = q.from ?? shiftMonth(to, -11);
  const months = monthRange(from, to);
  const report = monthlyReport(m.policy, m.calendars, m.evaluations, await outageRecords(ctx, engagementId), months);
  const byId = new Map(m.tickets.map((t) => [t.id, t.externalId]));
  return {
    engagementId,
    policyVersion: m.policyVersion,
    timeZone: m.timeZone,
    months: report.months.map((mo) => ({ month: mo.month, priorities: mo.priorities, availability: mo.availability, creditPct: mo.creditPct, creditMinor: mo.creditMinor })),
    ticketCount: m.tickets.length,
    problemCount: report.problems.length,
    problems: report.problems.slice(0, 100).map((p) => ({ externalId: byId.get(p.id) ?? p.id, problem: humanProblem(p.problem) })),
  };
}

function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const total = y * 12 + (m - 1) + delta;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Every ticket with its verdict, filtered; newest first, keyset-paged on (opened, id). */
export async function slaTickets(ctx: Ctx, engagementId: string, q: z.output<typeof SlaTicketQuery>) {
  await requireEngagement(ctx, engagementId);
  const m = await measureEngagement(ctx, engagementId);
  const after = decodeCursor(q.cursor, 2) as [number, string] | null;
  const needle = q.q?.toLowerCase();
  let rows: SlaTicket[] = [];
  for (let i = 0; i < m.tickets.length; i++) {
    const t = toSlaTicket(m.tickets[i], m.evaluations[i]);
    if (q.filter === 'breached' && !t.breached) continue;
    if (q.filter === 'at-risk' && !t.atRisk) continue;
    if (q.filter === 'open' && (t.state === 'resolved' || t.problem)) continue;
    if (q.filter === 'problems' && !t.problem) continue;
    if (q.priority && t.priority !== q.priority) continue;
    if (q.month && !(t.resolvedAt ?? t.openedAt).startsWith(q.month)) continue;
    if (needle && !t.externalId.toLowerCase().includes(needle) && !(t.title ?? '').toLowerCase().includes(needle)) continue;
    rows.push(t);
  }
  rows.sort((a, b) => (a.openedAt === b.openedAt ? (a.id < b.id ? 1 : -1) : a.openedAt < b.openedAt ? 1 : -1));
  if (after) rows = rows.filter((t) => t.openedAt < String(after[0]) || (t.openedAt === String(after[0]) && t.id < after[1]));
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > q.limit && last ? encodeCursor([last.openedAt, last.id]) : null, total: rows.length };
}

/** A ticket's history and the segments in which its resolution clock ran, paused or stood still. */
export async function ticketTimeline(ctx: Ctx, ticketId: string) {
  const engagementId = await findTicketEngagement(ctx.db, ctx.actor.orgId, ticketId);
  if (!engagementId) throw AppError.notFound('The ticket');
  const m = await measureEngagement(ctx, engagementId, { ticketId });
  const t = m.tickets[0];
  const ticket = toSlaTicket(t, m.evaluations[0]);
  const norm = (s: string) => s.trim().toLowerCase();
  const pause = new Set(m.policy.pauseStatuses.map(norm));
  const resolved = new Set(m.policy.resolvedStatuses.map(norm));
  const points = [{ at: t.openedAt, status: t.history[0]?.[1] ?? 'Opened' }, ...t.history.map(([at, status]) => ({ at, status }))];
  const end = (m.evaluations[0] as TicketVerdict).resolvedAt ?? ctx.now.getTime();
  const segments = points
    .map((p, i) => ({ from: p.at, to: i + 1 < points.length ? points[i + 1].at : Math.max(end, p.at), status: p.status }))
    .filter((s) => s.to > s.from)
    .map((s) => ({
      from: new Date(s.from).toISOString(),
      to: new Date(s.to).toISOString(),
      status: s.status,
      clock: resolved.has(norm(s.status)) ? ('stopped' as const) : pause.has(norm(s.status)) ? ('paused' as const) : ('running' as const),
    }));
  return {
    ticket,
    history: t.history.map(([at, status, , priority]) => ({ at: new Date(at).toISOString(), status, priority })),
    segments,
  };
}

/** One month across all engagements with an SLA policy: the portfolio view. */
export async function slaOverview(ctx: Ctx, month: string | undefined): Promise<z.output<typeof SlaOverview>> {
  const policies = await currentPolicies(ctx.db, ctx.actor.orgId);
  const engagements = await listEngagements(ctx.db, ctx.actor.orgId, { archived: 'false' }, null, 1000);
  const withPolicy = new Set(policies.map((p) => p.engagementId));
  const target = month ?? monthOf(ctx.now.getTime(), 'UTC');
  const items = [];
  for (const e of engagements) {
    const base = { engagementId: e.engagement.id, engagementName: e.engagement.name, vendorId: e.engagement.vendorId, vendorName: e.vendorName };
    if (!withPolicy.has(e.engagement.id)) {
      items.push({ ...base, hasPolicy: false, tickets: 0, breached: 0, attainment: null, met: null, creditPct: 0, creditMinor: null });
      continue;
    }
    const r = await slaReport(ctx, e.engagement.id, { from: target, to: target });
    const mo = r.months[0];
    const tickets = mo.priorities.reduce((s, p) => s + p.tickets, 0);
    const breached = mo.priorities.reduce((s, p) => s + p.breached, 0);
    const met = mo.priorities.some((p) => p.met === false) || mo.availability?.met === false ? false : mo.priorities.some((p) => p.met === true) ? true : null;
    items.push({ ...base, hasPolicy: true, tickets, breached, attainment: tickets ? (tickets - breached) / tickets : null, met, creditPct: mo.creditPct, creditMinor: mo.creditMinor });
  }
  return { month: target, items };
}

export async function listOutages(ctx: Ctx, engagementId: string) {
  await requireEngagement(ctx, engagementId);
  return (await outagesRepo.listOutages(ctx.db, ctx.actor.orgId, engagementId)).map(toOutage);
}

function toOutage(o: outagesRepo.OutageRow) {
  return { id: o.id, engagementId: o.engagementId, startAt: o.startAt.toISOString(), endAt: o.endAt.toISOString(), planned: o.planned, description: o.description };
}

export async function addOutage(ctx: Ctx, engagementId: string, input: z.output<typeof OutageInput>) {
  await requireEngagement(ctx, engagementId);
  const row = await ctx.db.transaction(async (tx) => {
    const r = await outagesRepo.insertOutage(tx, { orgId: ctx.actor.orgId, engagementId, startAt: new Date(input.startAt), endAt: new Date(input.endAt), planned: input.planned, description: input.description ?? null });
    await recordAudit(tx, ctx, { action: input.planned ? 'maintenance.create' : 'outage.create', objectType: 'outage', objectId: r.id, after: r });
    return r;
  });
  return toOutage(row);
}

export async function removeOutage(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await outagesRepo.deleteOutage(tx, ctx.actor.orgId, id);
    if (!before) throw AppError.notFound('The outage');
    await recordAudit(tx, ctx, { action: 'outage.delete', objectType: 'outage', objectId: id, before });
  });
}
