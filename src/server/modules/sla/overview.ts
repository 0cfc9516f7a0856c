import type { z } from 'zod';
import { totalsByCurrency, type Money } from '../../../domain/money.ts';
import { MonthlyTally, type OutageRecord } from '../../../domain/sla/report.ts';
import type { Engagement } from '../../../shared/contracts/engagements.ts';
import type { SlaOverview } from '../../../shared/contracts/sla.ts';
import type { Ctx } from '../../context.ts';
import { singleFlight } from '../../single-flight.ts';
import { calendarRowVersionsSql } from '../calendars/calendars.public.ts';
import { allEngagements, engagementRowVersionsSql } from '../engagements/engagements.public.ts';
import { policyRowVersionsSql } from '../sla-policies/sla-policies.public.ts';
import { importRowVersionsSql } from '../tickets/tickets.public.ts';
import { vendorRowVersionsSql } from '../vendors/vendors.public.ts';
import { readOverviewFingerprint } from './inputs.repo.ts';
import * as outagesRepo from './outages.repo.ts';
import { measurementPolicy } from './sla.policy.ts';
import { monthOf } from './sla.service.ts';
import { freshVerdicts } from './sla.verdicts.ts';
import * as repo from './verdicts.repo.ts';

/** "2026-12" → "2026-11": the overview opens on the last month whose figures are final. */
export function lastFullMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const NEEDS_POLICY = new Set<string>(['active', 'ending']);

type ReportMonth = ReturnType<MonthlyTally['report']>['months'][number];
/** A month missed when any priority or the availability missed; met when something was judged and nothing missed; else null. */
const metOf = (mo: ReportMonth): boolean | null =>
  mo.priorities.some((p) => p.met === false) || mo.availability?.met === false ? false : mo.priorities.some((p) => p.met === true) ? true : null;

/**
 * Month tallies of the engagements with a policy, brought up to date, with their outages:
 * what the overview and the risk signals read, in a fixed number of queries for any
 * number of engagements.
 */
async function talliesOf(ctx: Ctx, engagementIds: readonly string[], months: readonly string[]) {
  const { measuring, unchangedSets, held } = await freshVerdicts(ctx, engagementIds);
  const withPolicy = [...measuring.keys()];
  // Brought up to date just above: each set's month tallies count its verdicts as stored,
  // or as held while they are being stored.
  const sets = unchangedSets ?? (await repo.findSets(ctx.db, ctx.actor.orgId, withPolicy));
  const outages = new Map<string, OutageRecord[]>();
  for (const o of await outagesRepo.outagesOf(ctx.db, ctx.actor.orgId, withPolicy)) {
    const list = outages.get(o.engagementId) ?? [];
    list.push({ startMs: o.startAt.getTime(), endMs: o.endAt.getTime(), planned: o.planned });
    outages.set(o.engagementId, list);
  }
  const tally = new Map(withPolicy.map((id) => [id, new MonthlyTally(measuring.get(id)!.policy, measuring.get(id)!.calendars, months)]));
  for (const id of withPolicy) {
    const tallies = held.get(id)?.tallies() ?? sets.get(id)?.tallies ?? {};
    for (const m of months) for (const [priority, counts] of Object.entries(tallies[m] ?? {})) tally.get(id)!.addCounts(m, priority, counts);
  }
  return { measuring, tally, outages };
}

/**
 * For the risk signals: per engagement with an SLA policy, whether each of these months met
 * its targets — judged as the overview judges its month, read once for the whole portfolio
 * (the overview itself works out a year to date and lists every engagement, per month asked).
 */
export async function slaMonthsMet(ctx: Ctx, engagementIds: readonly string[], months: readonly string[]): Promise<Array<{ engagementId: string; months: Array<{ month: string; met: boolean | null }> }>> {
  measurementPolicy.check(ctx.actor, 'read');
  if (!months.length) return [];
  const { tally, outages } = await talliesOf(ctx, engagementIds, months);
  return [...tally].map(([engagementId, t]) => ({ engagementId, months: t.report(outages.get(engagementId)).months.map((mo) => ({ month: mo.month, met: metOf(mo) })) }));
}

/** Every engagement not archived: the overview lists them all, however many. */
const activeEngagements = (ctx: Ctx): Promise<Engagement[]> => allEngagements(ctx, { archived: 'false' });

/**
 * One month across all active engagements: the portfolio view. Built from the stored
 * verdicts in a fixed number of queries whatever the number of engagements — the month
 * tallies kept with each engagement's verdicts (per report month in its calendar's zone
 * and priority, counted when the verdicts were stored), and the outage records of all of
 * them — then each engagement's credits and attainment by the engine's own report rules
 * (MonthlyTally). A read never counts the verdicts themselves.
 */
type Overview = z.output<typeof SlaOverview>;

/**
 * Overviews already built, keyed by organisation, month, minute and a fingerprint of every
 * row they read (engagements, vendors, policies, calendars, ticket imports, verdict sets,
 * outages: any write to any of them, through any server, changes it). A read under 50
 * connections then costs the session and one statement instead of seven queries and every
 * engagement's month tallies. The minute is in the key because open tickets are measured
 * again in each minute they are read in.
 */
const OVERVIEWS_KEPT = 16;
const overviews = new Map<string, Overview>();
// At a minute's turn fifty reads miss together: one builds, the others wait for it.
const buildOnce = singleFlight<Overview>();

export async function slaOverview(ctx: Ctx, month: string | undefined): Promise<Overview> {
  measurementPolicy.check(ctx.actor, 'read');
  const target = month ?? lastFullMonth(monthOf(ctx.now.getTime(), 'UTC'));
  const fingerprint = await readOverviewFingerprint(ctx.db, ctx.actor.orgId, [
    engagementRowVersionsSql(ctx),
    vendorRowVersionsSql(ctx),
    policyRowVersionsSql(ctx),
    calendarRowVersionsSql(ctx),
    importRowVersionsSql(ctx),
  ]);
  const key = `${ctx.actor.orgId}|${target}|${Math.floor(ctx.now.getTime() / 60_000)}|${fingerprint}`;
  const kept = overviews.get(key);
  if (kept) return kept;
  return buildOnce(key, async () => {
    const built = await buildOverview(ctx, target);
    if (overviews.size >= OVERVIEWS_KEPT) overviews.delete(overviews.keys().next().value!);
    overviews.set(key, built);
    return built;
  });
}

async function buildOverview(ctx: Ctx, target: string): Promise<Overview> {
  // The year to date: every month of the target's year up to it, counted the same way.
  const months = Array.from({ length: Number(target.slice(5, 7)) }, (_, i) => `${target.slice(0, 4)}-${String(i + 1).padStart(2, '0')}`);
  const engagements = await activeEngagements(ctx);
  const { measuring, tally, outages } = await talliesOf(ctx, engagements.map((e) => e.id), months);
  const ytd: Money[] = [];

  // An engagement not yet running or already over needs no policy: only measured ones of those are listed.
  const listed = engagements.filter((e) => tally.has(e.id) || NEEDS_POLICY.has(e.status));
  const items = listed.map((e) => {
    const base = { engagementId: e.id, engagementName: e.name, vendorId: e.vendorId, vendorName: e.vendorName };
    const mine = tally.get(e.id);
    if (!mine) return { ...base, hasPolicy: false, tickets: 0, breached: 0, attainment: null, met: null, creditPct: 0, creditMinor: null, currency: null };
    const currency = measuring.get(e.id)!.policy.currency ?? 'EUR';
    // Without any outage record an engagement reports no availability, as its report does.
    const report = mine.report(outages.get(e.id)).months;
    const mo = report[report.length - 1];
    for (const m of report) if (m.creditMinor) ytd.push({ amountMinor: m.creditMinor, currency });
    const tickets = mo.priorities.reduce((s, p) => s + p.tickets, 0);
    const breached = mo.priorities.reduce((s, p) => s + p.breached, 0);
    const met = metOf(mo);
    return { ...base, hasPolicy: true, tickets, breached, attainment: tickets ? (tickets - breached) / tickets : null, met, creditPct: mo.creditPct, creditMinor: mo.creditMinor, currency: mo.creditMinor === null ? null : currency };
  });
  return { month: target, items, yearToDate: { from: months[0], to: target, credits: totalsByCurrency(ytd) } };
}
