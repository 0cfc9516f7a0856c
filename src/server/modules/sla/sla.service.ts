import type { z } from 'zod';
import { responseSource } from '../../../domain/sla/first-response.ts';
import { MonthlyTally, type OutageRecord } from '../../../domain/sla/report.ts';
import type { TicketEvaluation, TicketVerdict } from '../../../domain/sla/ticket.ts';
import type { PageQuery } from '../../../shared/contracts/common.ts';
import type { Outage, OutageInput, SlaReport, SlaReportQuery } from '../../../shared/contracts/sla.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { requireEngagement } from '../engagements/engagements.public.ts';
import { requireTicket } from '../tickets/tickets.public.ts';
import * as outagesRepo from './outages.repo.ts';
import { measureEngagement, measureWithOutages, yieldToOthers, type Measured } from './sla.measure.ts';
import { measurementPolicy, outagePolicy } from './sla.policy.ts';
import { humanProblem, presentOutage, toSlaTicket } from './sla.presenter.ts';

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
/** Settled tallies kept per line of measurements (one per month range asked for). */
const SETTLED_TALLIES = 8;

/** Tallies the evaluations at `indexes` (all when absent, else ascending) into `tally`; the indexes of the first problems. */
async function tallyInto(tally: MonthlyTally, evaluations: readonly TicketEvaluation[], indexes: Int32Array | null, skip: Int32Array | null): Promise<number[]> {
  const problems: number[] = [];
  const n = indexes ? indexes.length : evaluations.length;
  for (let k = 0, s = 0; k < n; k++) {
    if (k > 0 && k % TALLY_CHUNK === 0) await yieldToOthers();
    const i = indexes ? indexes[k] : k;
    if (skip && s < skip.length && skip[s] === i) {
      s++;
      continue;
    }
    const ev = evaluations[i];
    tally.add(ev);
    if (ev.problem !== null && problems.length < PROBLEMS_LISTED) problems.push(i);
  }
  return problems;
}

/**
 * The tally of the tickets settled when this line of measurements began, for one report:
 * counted once, then added to by every later minute's report (`Settled` in sla.measure).
 */
function settledTally(m: Measured, months: string[]) {
  const { settled } = m;
  // Outages only enter the report at the end: the counts depend on the months alone.
  const key = `${months[0]}|${months.at(-1)}`;
  let kept = settled.tallies.get(key);
  if (!kept) {
    const tally = new MonthlyTally(m.policy, m.calendars, months);
    kept = tallyInto(tally, m.evaluations, null, settled.volatile).then((problems) => ({ tally, problems }));
    if (settled.tallies.size >= SETTLED_TALLIES) settled.tallies.delete(settled.tallies.keys().next().value!);
    settled.tallies.set(key, kept);
    kept.catch(() => settled.tallies.delete(key));
  }
  return kept;
}

/** The first problems in ticket order, of two ascending lists of indexes. */
function firstOfBoth(a: number[], b: number[]): number[] {
  return [...a, ...b].sort((x, y) => x - y).slice(0, PROBLEMS_LISTED);
}

async function buildReport(engagementId: string, m: Measured, outages: OutageRecord[] | undefined, months: string[]): Promise<SlaReport> {
  const tally = new MonthlyTally(m.policy, m.calendars, months);
  const { evaluations, tickets, settled } = m;
  // The settled tickets' counts are kept; only the tickets volatile at the line's start are counted.
  const base = await settledTally(m, months);
  tally.addTally(base.tally);
  const problemAt = firstOfBoth(base.problems, await tallyInto(tally, evaluations, settled.volatile, null));
  const report = tally.report(outages);
  // The problems listed name their tickets: evaluations are in the tickets' order.
  const problems: SlaReport['problems'] = problemAt.map((i) => ({ externalId: tickets[i].externalId, problem: humanProblem(evaluations[i].problem as string) }));
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
