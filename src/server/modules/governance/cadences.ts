import type { z } from 'zod';
import { addDays, civilDateIn } from '../../../domain/civil-date.ts';
import { CADENCE_KINDS, cadenceHealth, DEFAULT_RULES, nextOccurrences, occurrencesBetween, ruleInWords, validateCadence, type CadenceKind, type CadenceRule } from '../../../domain/governance/cadence.ts';
import { wallClock } from '../../../domain/governance/overlap.ts';
import { CADENCE_KIND_LABELS, type Cadence, type CadenceInput, type CadenceUpdate } from '../../../shared/contracts/governance.ts';
import type { Ctx } from '../../context.ts';
import { change } from '../audit/audit.public.ts';
import { referenceEngagement, requireEngagement } from '../engagements/engagements.public.ts';
import { cadencePolicy } from './governance.policy.ts';
import * as repo from './governance.repo.ts';

const DAY = 86_400_000;
/** The window a cadence's health is judged over: the last quarter. */
export const HEALTH_DAYS = 91;
const NEXT = 4;

const ruleOf = (c: Pick<repo.CadenceRow, 'rrule' | 'startsOn' | 'startTime' | 'timeZone'>): CadenceRule => ({ rrule: c.rrule, startsOn: c.startsOn, startTime: c.startTime, timeZone: c.timeZone });

/** Due dates of the last quarter up to now, and how each was kept. */
export function healthOf(c: repo.CadenceRow, recorded: readonly repo.MeetingRow[], now: number) {
  const from = Math.max(now - HEALTH_DAYS * DAY, Date.parse(`${c.startsOn}T00:00:00Z`) - DAY);
  const due = occurrencesBetween(ruleOf(c), from, now).map((o) => o.date);
  const mine = recorded.filter((m) => m.cadenceId === c.id).map((m) => ({ date: m.occursOn, status: m.status as 'held' | 'skipped' }));
  return cadenceHealth(due, mine);
}

/** How a cadence was kept from `fromMs` to `toMs` (a review's quarter, up to now). */
export function healthBetween(c: repo.CadenceRow, recorded: readonly repo.MeetingRow[], fromMs: number, toMs: number) {
  const due = occurrencesBetween(ruleOf(c), Math.max(fromMs, Date.parse(`${c.startsOn}T00:00:00Z`) - DAY), toMs).map((o) => o.date);
  const mine = recorded.filter((m) => m.cadenceId === c.id).map((m) => ({ date: m.occursOn, status: m.status as 'held' | 'skipped' }));
  return cadenceHealth(due, mine);
}

async function vendorZoneOf(ctx: Ctx, engagementId: string): Promise<string | null> {
  const s = (await repo.findSettings(ctx.db, ctx.actor.orgId, engagementId))?.vendorCalendar;
  return s?.timeZone ?? null;
}

function present(c: repo.CadenceRow, recorded: readonly repo.MeetingRow[], now: number, vendorZone: string | null): Cadence {
  return {
    id: c.id,
    engagementId: c.engagementId,
    kind: c.kind as CadenceKind,
    title: c.title,
    rrule: c.rrule,
    ruleWords: ruleInWords(c.rrule),
    startsOn: c.startsOn,
    startTime: c.startTime,
    durationMinutes: c.durationMinutes,
    timeZone: c.timeZone,
    next: nextOccurrences(ruleOf(c), now, NEXT).map((o) => ({
      date: o.date,
      startsAt: new Date(o.startMs).toISOString(),
      clientTime: wallClock(o.startMs, c.timeZone),
      vendorTime: vendorZone ? wallClock(o.startMs, vendorZone) : null,
      vendorDate: vendorZone ? civilDateIn(new Date(o.startMs), vendorZone) : null,
    })),
    health: healthOf(c, recorded, now),
  };
}

/** An engagement's cadences with their next dates in both teams' zones and how each was kept over the last quarter. */
export async function listCadences(ctx: Ctx, engagementId: string): Promise<{ items: Cadence[]; vendorZone: string | null }> {
  cadencePolicy.check(ctx.actor, 'list');
  await requireEngagement(ctx, 'read', engagementId);
  // Weekly first, then monthly, then quarterly: the order people meet in.
  const rows = (await repo.cadencesOf(ctx.db, ctx.actor.orgId, engagementId)).sort((a, b) => CADENCE_KINDS.indexOf(a.kind as CadenceKind) - CADENCE_KINDS.indexOf(b.kind as CadenceKind));
  const since = addDays(civilDateIn(ctx.now, 'UTC'), -HEALTH_DAYS - 45);
  const recorded = await repo.meetingsSince(ctx.db, ctx.actor.orgId, [engagementId], since);
  const vendorZone = await vendorZoneOf(ctx, engagementId);
  return { items: rows.map((c) => present(c, recorded, ctx.now.getTime(), vendorZone)), vendorZone };
}

async function getCadence(ctx: Ctx, id: string): Promise<Cadence> {
  const c = cadencePolicy.authorize(ctx.actor, 'read', await repo.findCadence(ctx.db, ctx.actor.orgId, id));
  const recorded = await repo.meetingsSince(ctx.db, ctx.actor.orgId, [c.engagementId], addDays(civilDateIn(ctx.now, 'UTC'), -HEALTH_DAYS - 45));
  return present(c, recorded, ctx.now.getTime(), await vendorZoneOf(ctx, c.engagementId));
}

export async function createCadence(ctx: Ctx, input: z.output<typeof CadenceInput>): Promise<Cadence> {
  cadencePolicy.check(ctx.actor, 'create');
  const eng = await referenceEngagement(ctx, input.engagementId, 'engagementId');
  const rule = { rrule: input.rrule ?? DEFAULT_RULES[input.kind], startsOn: input.startsOn, startTime: input.startTime, timeZone: input.timeZone };
  validateCadence(rule);
  const id = await change(ctx, async (tx) => {
    const row = await repo.insertCadence(tx.db, {
      orgId: ctx.actor.orgId,
      vendorId: eng.vendorId,
      engagementId: eng.id,
      kind: input.kind,
      title: input.title ?? CADENCE_KIND_LABELS[input.kind],
      ...rule,
      rrule: rule.rrule.replace(/^RRULE:/i, '').toUpperCase(),
      durationMinutes: input.durationMinutes,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await tx.audit({ action: 'meeting_cadence.create', objectType: 'meeting_cadence', objectId: row.id, objectLabel: `${row.title} of ${eng.name}`, after: row });
    return row.id;
  });
  return getCadence(ctx, id);
}

export async function updateCadence(ctx: Ctx, id: string, input: z.output<typeof CadenceUpdate>): Promise<Cadence> {
  cadencePolicy.check(ctx.actor, 'update');
  await change(ctx, async (tx) => {
    const before = cadencePolicy.authorize(ctx.actor, 'update', await repo.findCadence(tx.db, ctx.actor.orgId, id, true));
    const next = {
      title: input.title ?? before.title,
      rrule: (input.rrule ?? before.rrule).replace(/^RRULE:/i, '').toUpperCase(),
      startsOn: input.startsOn ?? before.startsOn,
      startTime: input.startTime ?? before.startTime,
      durationMinutes: input.durationMinutes ?? before.durationMinutes,
      timeZone: input.timeZone ?? before.timeZone,
    };
    validateCadence(next);
    const after = await repo.updateCadence(tx.db, ctx.actor.orgId, id, { ...next, updatedAt: ctx.now });
    await tx.audit({ action: 'meeting_cadence.update', objectType: 'meeting_cadence', objectId: id, objectLabel: after.title, before, after });
  });
  return getCadence(ctx, id);
}

export async function deleteCadence(ctx: Ctx, id: string): Promise<{ ok: true }> {
  cadencePolicy.check(ctx.actor, 'delete');
  await change(ctx, async (tx) => {
    const before = cadencePolicy.authorize(ctx.actor, 'delete', await repo.findCadence(tx.db, ctx.actor.orgId, id, true));
    await repo.deleteCadence(tx.db, ctx.actor.orgId, id);
    await tx.audit({ action: 'meeting_cadence.delete', objectType: 'meeting_cadence', objectId: id, objectLabel: before.title, before });
  });
  return { ok: true };
}
