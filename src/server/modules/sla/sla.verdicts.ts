import { compileCalendar, type CompiledCalendar } from '../../../domain/sla/calendar.ts';
import type { SlaPolicy as EnginePolicy } from '../../../domain/sla/policy.ts';
import type { TicketEvaluation } from '../../../domain/sla/ticket.ts';
import type { Ctx } from '../../context.ts';
import { singleFlight } from '../../single-flight.ts';
import { change } from '../audit/audit.public.ts';
import { calendarsByIds, specOf, type CalendarRow } from '../calendars/calendars.public.ts';
import { currentPolicies, enginePolicy, type SlaPolicyRow } from '../sla-policies/sla-policies.public.ts';
import { loadTicketsForSlaByIds, ticketDataVersions, type TicketForSla } from '../tickets/tickets.public.ts';
import { HeldVerdicts } from './held-verdicts.ts';
import { evaluateAll, keptMeasurement, ticketsOf } from './sla.measure.ts';
import { verdictRow } from './sla.presenter.ts';
import * as repo from './verdicts.repo.ts';

/**
 * Stored verdicts: each ticket's SLA verdict under its engagement's policy in force, kept
 * in the database so the ticket list pages and filters there (and the portfolio overview
 * counts there) instead of measuring every ticket on every read.
 *
 * When they are measured again (read time, not write time, so no other module has to
 * know they exist):
 * - all of an engagement's tickets, when what they were measured from changed: the policy
 *   in force (a new version), its calendar (any edit), or the tickets (a succeeded import;
 *   tickets change only through imports). A policy edit is therefore seen by the very
 *   next read, like the report;
 * - only the volatile ones, when read in a later minute than they were measured in. A
 *   verdict is volatile while it still depends on the time of reading: the ticket is open
 *   or paused (time used, time left, at risk and breached move with the clock), or its
 *   data reaches past the measuring instant. Resolved tickets are settled, so after the
 *   first read a page costs a page, and a minute's re-measure costs the open tickets —
 *   the same one-minute freshness the measurement cache has always had.
 * A refresh is derived data, not a change of anyone's: it writes no audit row.
 *
 * Write-behind: an engagement of at least `OUTSIGHT_SLA_WRITE_BEHIND_FROM` tickets measured
 * whole is answered from its verdicts held in memory (`HeldVerdicts`) while they are being
 * stored, instead of after. PostgreSQL takes about 20–40 µs to store a verdict with its
 * indexes, so a million take about 30 s; measuring them takes about a second
 * (none when the report has just measured the same inputs: `keptMeasurement`). Reads
 * on this server use the held verdicts until the rows are committed; a read on another
 * server measures for itself (its store then finds the rows already there and writes
 * nothing). A failed store is logged and forgotten: the next read measures again. What is
 * held counts against the memory ceiling (`verdictsHeld`).
 */

export interface Measuring {
  policyRow: SlaPolicyRow;
  policy: EnginePolicy;
  calendars: Record<string, CompiledCalendar>;
  timeZone: string;
}

const measureWholeOnce = singleFlight<HeldVerdicts | null>();

/** Verdicts measured whole and being stored, by organisation, engagement and inputs. */
const writing = new Map<string, { held: HeldVerdicts; count: number; stored: Promise<void> }>();

/**
 * How many verdicts are held in memory while they are stored. They count against the memory
 * ceiling (`OUTSIGHT_SLA_TICKETS_KEPT`): past it, another engagement's verdicts are stored
 * before the answer, as a small engagement's are; one set is always allowed, as the ceiling
 * always keeps the tickets just read.
 */
export function verdictsHeld(): number {
  let n = 0;
  for (const w of writing.values()) n += w.count;
  return n;
}

/** Resolves once every verdict set being stored has been committed or has failed (tests and the benchmark wait on it). */
export async function verdictWritesSettled(): Promise<void> {
  await Promise.all([...writing.values()].map((w) => w.stored));
}
// At a minute's turn every read of a view finds the same volatile tickets due: one read
// measures and stores them, and reads arriving meanwhile answer from the verdicts as
// stored — the previous minute's, committed whole — rather than queue behind the writes.
// The read that started it waits, so reads one after the other always see the new minute.
const measurePartOnce = singleFlight<void>();

/** How each engagement is measured, and the verdict sets as read when none had to be stored again (else null: read them anew). */
export interface Fresh {
  measuring: Map<string, Measuring>;
  unchangedSets: Map<string, repo.VerdictSetRow> | null;
  /** Engagements whose verdicts are still being stored: their list, totals and tallies are answered from these. */
  held: Map<string, HeldVerdicts>;
}

const minuteOf = (d: Date) => Math.floor(d.getTime() / 60_000);
// The rules' own version leads, so verdicts stored by older rules are measured again
// (fr1: first-response evidence; t2: counts and month tallies stored with the set).
const inputsOf = (p: SlaPolicyRow, cal: CalendarRow, tickets: string) => `fr1.t2|${p.id}|${cal.id}@${cal.updatedAt.toISOString()}|${tickets}`;

/**
 * The tickets' verdict rows, made a slice at a time as they are copied or read: a million
 * rows made at once and held until stored cost seconds of garbage collection and about
 * half a gigabyte.
 */
function rowsOf(ctx: Ctx, tickets: readonly TicketForSla[], evaluations: readonly TicketEvaluation[], nowMs: number): repo.VerdictRows {
  return {
    length: tickets.length,
    slice: (from, to) => {
      const out: repo.VerdictRow[] = [];
      for (let i = from; i < Math.min(to, tickets.length); i++) out.push(verdictRow(ctx.actor.orgId, tickets[i].engagementId, tickets[i], evaluations[i], nowMs));
      return out;
    },
  };
}

function store(ctx: Ctx, engagementId: string, m: Measuring, inputs: string, rows: repo.VerdictRows, only: readonly string[] | null, nowMs: number) {
  return change(ctx, (tx) => repo.storeVerdicts(tx.db, ctx.actor.orgId, engagementId, { inputs, measuredAt: new Date(nowMs), rows, only, timeZone: m.timeZone }));
}

/**
 * Brings the stored verdicts of these engagements up to date and says how each was
 * measured; engagements without an SLA policy are left out. The checks are a fixed
 * number of queries for any number of engagements; only engagements whose inputs changed
 * are measured whole, one after the other (bounded memory), and the minute's volatile
 * tickets of all of them are loaded in one pass.
 */
export async function freshVerdicts(ctx: Ctx, engagementIds: readonly string[]): Promise<Fresh> {
  const policies = await currentPolicies(ctx, engagementIds);
  if (policies.length === 0) return { measuring: new Map(), unchangedSets: new Map(), held: new Map() };
  const ids = policies.map((p) => p.engagementId);
  const calendarRows = new Map((await calendarsByIds(ctx, policies.map((p) => p.calendarId))).map((c) => [c.id, c]));
  const versions = await ticketDataVersions(ctx, ids);
  const sets = await repo.findSets(ctx.db, ctx.actor.orgId, ids);

  const compiled = new Map<string, CompiledCalendar>();
  const measuring = new Map<string, Measuring>();
  const whole: string[] = [];
  const partly: string[] = [];
  const inputs = new Map<string, string>();
  for (const p of policies) {
    const cal = calendarRows.get(p.calendarId);
    if (!cal) continue; // a policy always names one of the organisation's calendars (foreign key)
    if (!compiled.has(cal.id)) compiled.set(cal.id, compileCalendar(specOf(cal)));
    measuring.set(p.engagementId, { policyRow: p, policy: enginePolicy(p), calendars: { [cal.id]: compiled.get(cal.id)! }, timeZone: cal.timeZone });
    const now = inputsOf(p, cal, versions.get(p.engagementId)!);
    inputs.set(p.engagementId, now);
    const set = sets.get(p.engagementId);
    if (!set || set.inputs !== now) whole.push(p.engagementId);
    else if (set.volatileCount > 0 && minuteOf(set.measuredAt) !== minuteOf(ctx.now)) partly.push(p.engagementId);
  }

  const held = new Map<string, HeldVerdicts>();
  for (const id of whole) {
    // The version is read before the tickets: an import landing in between leaves an older
    // version stored, so the next read measures again rather than trusting stale rows.
    // Reads arriving together for the same inputs wait for one measurement.
    const key = `${ctx.actor.orgId}|${id}|${inputs.get(id)!}`;
    const beingStored = writing.get(key)?.held;
    const h =
      beingStored ??
      (await measureWholeOnce(key, async () => {
        const m = measuring.get(id)!;
        // The report read just before (the SLA tab asks for both) measured the same inputs this minute.
        const calendarRevisionMs = calendarRows.get(m.policyRow.calendarId)!.updatedAt.getTime();
        const kept = await keptMeasurement(ctx, id, { policyId: m.policyRow.id, calendarRevisionMs, dataVersion: versions.get(id)! });
        const tickets = kept?.tickets ?? (await ticketsOf(ctx, id, versions.get(id)!));
        const nowMs = kept?.nowMs ?? ctx.now.getTime();
        const rows = rowsOf(ctx, tickets, kept?.evaluations ?? (await evaluateAll(m.policy, m.calendars, tickets, nowMs)), nowMs);
        const heldNow = verdictsHeld();
        if (rows.length < ctx.config.slaWriteBehindFrom || (heldNow > 0 && heldNow + rows.length > ctx.config.slaTicketsKept)) {
          await store(ctx, id, m, inputs.get(id)!, rows, null, nowMs);
          return null;
        }
        const mine = await HeldVerdicts.of(rows, tickets, m.timeZone);
        const stored = store(ctx, id, m, inputs.get(id)!, rows, null, nowMs).then(
          () => {},
          (err: unknown) => ctx.log.error({ err, engagementId: id }, 'storing SLA verdicts failed; the next read measures them again'),
        );
        writing.set(key, { held: mine, count: rows.length, stored: stored.finally(() => writing.delete(key)) });
        return mine;
      }));
    if (h) held.set(id, h);
  }

  if (partly.length) {
    const key = `${ctx.actor.orgId}|${minuteOf(ctx.now)}|${partly.map((id) => `${id}@${inputs.get(id)}`).sort().join(',')}`;
    if (measurePartOnce.running(key)) return { measuring, unchangedSets: whole.length ? null : sets, held };
    await measurePartOnce(key, async () => {
      const volatile = await repo.volatileTicketIds(ctx.db, ctx.actor.orgId, partly);
      const byEngagement = new Map<string, TicketForSla[]>();
      for (const t of await loadTicketsForSlaByIds(ctx, [...volatile.values()].flat())) {
        const list = byEngagement.get(t.engagementId);
        if (list) list.push(t);
        else byEngagement.set(t.engagementId, [t]);
      }
      for (const id of partly) {
        const tickets = byEngagement.get(id) ?? [];
        const nowMs = ctx.now.getTime();
        await store(ctx, id, measuring.get(id)!, inputs.get(id)!, rowsOf(ctx, tickets, await evaluateAll(measuring.get(id)!.policy, measuring.get(id)!.calendars, tickets, nowMs), nowMs), volatile.get(id) ?? [], nowMs);
      }
    });
  }
  return { measuring, unchangedSets: whole.length || partly.length ? null : sets, held };
}
