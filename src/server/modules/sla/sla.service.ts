import type { z } from 'zod';
import { responseSource } from '../../../domain/sla/first-response.ts';
import { MonthlyTally, type OutageRecord } from '../../../domain/sla/report.ts';
import type { TicketVerdict } from '../../../domain/sla/ticket.ts';
import type { PageQuery } from '../../../shared/contracts/common.ts';
import type { Outage, OutageInput, SlaReport, SlaReportQuery } from '../../../shared/contracts/sla.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { requireEngagement } from '../engagements/engagements.public.ts';
import { requireTicket } from '../tickets/tickets.public.ts';
import * as outagesRepo from './outages.repo.ts';
import { humanProblem, measureEngagement, measureWithOutages, toSlaTicket, yieldToOthers, type Measured } from './sla.measure.ts';
import { measurementPolicy, outagePolicy } from './sla.policy.ts';
import { presentOutage } from './sla.presenter.ts';

const MAX_MONTHS = 120;
/** Month ranges kept per cached measurement (the tab's default year, a few others asked for). */
const REPORTS_PER_MEASUREMENT = 8;

// Building a DateTimeFormat costs far more than using one; there are a handful of zones.
const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** 'YYYY-MM' of an instant in a zone. */
export function monthOf(ms: number, timeZone: string): string {
  let format = monthFormats.get(timeZone);
  if (!format) monthFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })));
  const parts = format.formatToParts(new Date(ms));
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

// The loaded tickets of a data version are one array, kept while that version is: its
// latest instant is worked out once, not on every report read (a pass over every ticket).
const latestByTickets = new WeakMap<readonly { resolvedAt: number | null; openedAt: number }[], number>();
function latestOf(tickets: readonly { resolvedAt: number | null; openedAt: number }[]): number {
  let latest = latestByTickets.get(tickets);
  if (latest === undefined) latestByTickets.set(tickets, (latest = tickets.reduce((max, t) => Math.max(max, t.resolvedAt ?? t.openedAt), 0)));
  return latest;
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

/**
 * The monthly SLA report of an engagement: per month and priority the tickets, breaches,
 * attainment against target, availability and the service credit owed. Without `from`,
 * the twelve months up to the latest ticket.
 */
export async function slaReport(ctx: Ctx, engagementId: string, q: z.output<typeof SlaReportQuery>): Promise<SlaReport> {
  measurementPolicy.check(ctx.actor, 'read');
  // Authorizes the engagement's read in the statement that reads the measurement's inputs.
  const { measured: m, outages: records } = await measureWithOutages(ctx, engagementId, q.version);
  // Without any outage record an engagement reports no availability.
  const outages = records.length ? records : undefined;
  const latest = latestOf(m.tickets) || ctx.now.getTime();
  const to = q.to ?? monthOf(latest, m.timeZone);
  const from = q.from ?? shiftMonth(to, -11);
  const months = monthRange(from, to);
  // Outages are not part of the measurement's key: they are read every time and key the report.
  const key = `${from}|${to}|${JSON.stringify(outages ?? [])}`;
  const built = m.reports?.get(key);
  if (built) return built;
  // Kept as a promise: reads arriving while it is built wait for this one build.
  const building = buildReport(engagementId, m, outages, months);
  m.reports ??= new Map();
  if (m.reports.size >= REPORTS_PER_MEASUREMENT) m.reports.delete(m.reports.keys().next().value!);
  m.reports.set(key, building);
  building.catch(() => m.reports?.delete(key));
  return building;
}

// Evaluations tallied between yields to other requests: at a million tickets a report built
// in one synchronous pass held up every request the server was answering meanwhile.
const TALLY_CHUNK = 50_000;
const PROBLEMS_LISTED = 100;

async function buildReport(engagementId: string, m: Measured, outages: OutageRecord[] | undefined, months: string[]): Promise<SlaReport> {
  const tally = new MonthlyTally(m.policy, m.calendars, months);
  const { evaluations, tickets } = m;
  for (let i = 0; i < evaluations.length; i++) {
    if (i > 0 && i % TALLY_CHUNK === 0) await yieldToOthers();
    tally.add(evaluations[i]);
  }
  const report = tally.report(outages);
  // The problems listed name their tickets: evaluations are in the tickets' order.
  const problems: SlaReport['problems'] = [];
  for (let i = 0; i < evaluations.length && problems.length < PROBLEMS_LISTED; i++) {
    const ev = evaluations[i];
    if (ev.problem !== null) problems.push({ externalId: tickets[i].externalId, problem: humanProblem(ev.problem) });
  }
  return {
    engagementId,
    policyVersion: m.policyVersion,
    timeZone: m.timeZone,
    months: report.months.map((mo) => ({ month: mo.month, priorities: mo.priorities, availability: mo.availability, creditPct: mo.creditPct, creditMinor: mo.creditMinor })),
    ticketCount: tickets.length,
    problemCount: report.problems.length,
    problems,
  };
}

function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const total = y * 12 + (m - 1) + delta;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** A ticket's history and the segments in which its resolution clock ran, paused or stood still. */
export async function ticketTimeline(ctx: Ctx, ticketId: string) {
  measurementPolicy.check(ctx.actor, 'read');
  const { engagementId } = await requireTicket(ctx, ticketId);
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
  const ev = m.evaluations[0];
  const response =
    ev.problem !== null
      ? null
      : (() => {
          const v = ev as TicketVerdict;
          const src = responseSource({ rule: t.firstResponseSource, firstResponseAt: t.firstResponseAt, history: t.history.map(([atMs, status]) => ({ atMs, status })), respondedAt: v.respondedAt, measured: v.response.measured });
          return { rule: t.firstResponseSource, kind: src.kind, at: src.at === null ? null : new Date(src.at).toISOString(), status: src.status, openingStatus: src.openingStatus, reason: src.reason };
        })();
  return {
    ticket,
    response,
    history: t.history.map(([at, status, , priority]) => ({ at: new Date(at).toISOString(), status, priority })),
    segments,
  };
}

/** An engagement's outages and maintenance windows, in time order. */
export async function listOutages(ctx: Ctx, engagementId: string, q: z.output<typeof PageQuery>) {
  outagePolicy.check(ctx.actor, 'list');
  await requireEngagement(ctx, 'read', engagementId);
  return keysetPage(q, outagesRepo.OUTAGE_SORT, (after, limit) => outagesRepo.listOutages(ctx.db, ctx.actor.orgId, engagementId, after, limit), presentOutage);
}

export async function addOutage(ctx: Ctx, engagementId: string, input: z.output<typeof OutageInput>): Promise<Outage> {
  outagePolicy.check(ctx.actor, 'create');
  await requireEngagement(ctx, 'read', engagementId);
  const row = await change(ctx, async (tx) => {
    const r = await outagesRepo.insertOutage(tx.db, {
      orgId: ctx.actor.orgId,
      engagementId,
      startAt: new Date(input.startAt),
      endAt: new Date(input.endAt),
      planned: input.planned,
      description: input.description ?? null,
      createdAt: ctx.now,
    });
    await tx.audit({ action: input.planned ? 'maintenance.create' : 'outage.create', objectType: 'outage', objectId: r.id, after: r });
    return r;
  });
  return presentOutage(row);
}

export async function removeOutage(ctx: Ctx, id: string): Promise<void> {
  outagePolicy.check(ctx.actor, 'delete');
  await change(ctx, async (tx) => {
    const before = outagePolicy.authorize(ctx.actor, 'delete', await outagesRepo.lockOutage(tx.db, ctx.actor.orgId, id));
    await outagesRepo.deleteOutage(tx.db, ctx.actor.orgId, id);
    await tx.audit({ action: 'outage.delete', objectType: 'outage', objectId: id, before });
  });
}
