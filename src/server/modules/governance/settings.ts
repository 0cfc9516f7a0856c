import type { z } from 'zod';
import { addDays, civilDateIn, isoWeekday, type CivilDate } from '../../../domain/civil-date.ts';
import { validateCadence } from '../../../domain/governance/cadence.ts';
import { overlapThroughYear, overlapWeek, wallClock } from '../../../domain/governance/overlap.ts';
import type { GovernanceSettings, GovernanceSettingsInput, Overlap } from '../../../shared/contracts/governance.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { calendarsByIds, referenceCalendar, specOf } from '../calendars/calendars.public.ts';
import { getEngagement, requireEngagement } from '../engagements/engagements.public.ts';
import { referenceInternalUser, referenceVendorContact } from '../users/users.public.ts';
import { governanceSettingsPolicy } from './governance.policy.ts';
import { presentSettings } from './governance.presenter.ts';
import * as repo from './governance.repo.ts';

/** The organisation's today (UTC, like the dashboard, until organisations have a zone). */
export const todayOf = (ctx: Ctx) => civilDateIn(ctx.now, 'UTC');

async function namesOf(ctx: Ctx, engagementId: string) {
  const e = await getEngagement(ctx, engagementId);
  return { engagementId: e.id, engagementName: e.name, vendorId: e.vendorId, vendorName: e.vendorName };
}

export async function getGovernance(ctx: Ctx, engagementId: string): Promise<GovernanceSettings> {
  governanceSettingsPolicy.check(ctx.actor, 'read');
  const names = await namesOf(ctx, engagementId);
  return presentSettings(await repo.findSettings(ctx.db, ctx.actor.orgId, engagementId), names);
}

/** Sets contacts, ladder, channels, team and working hours; fields left out keep their value. */
export async function updateGovernance(ctx: Ctx, engagementId: string, input: z.output<typeof GovernanceSettingsInput>): Promise<GovernanceSettings> {
  governanceSettingsPolicy.check(ctx.actor, 'update');
  const eng = await requireEngagement(ctx, 'update', engagementId);
  if (input.clientContactId) await referenceInternalUser(ctx, input.clientContactId, 'clientContactId');
  if (input.vendorContactId) await referenceVendorContact(ctx, input.vendorContactId, eng.vendorId, 'vendorContactId');
  if (input.clientCalendarId) await referenceCalendar(ctx, input.clientCalendarId, 'clientCalendarId');
  if (input.vendorCalendarId) await referenceCalendar(ctx, input.vendorCalendarId, 'vendorCalendarId');
  await change(ctx, async (tx) => {
    const before = await repo.lockSettings(tx.db, ctx.actor.orgId, engagementId);
    const pick = <K extends keyof repo.SettingsRow>(k: K, v: repo.SettingsRow[K] | undefined, fallback: repo.SettingsRow[K]) => (v !== undefined ? v : before ? before[k] : fallback);
    const after = await repo.upsertSettings(tx.db, {
      engagementId,
      orgId: ctx.actor.orgId,
      vendorId: eng.vendorId,
      clientContactId: pick('clientContactId', input.clientContactId, null),
      vendorContactId: pick('vendorContactId', input.vendorContactId, null),
      escalation: pick('escalation', input.escalation, []),
      chatChannel: pick('chatChannel', input.chatChannel === undefined ? undefined : input.chatChannel || null, null),
      meetingLink: pick('meetingLink', input.meetingLink, null),
      vendorTeamSize: pick('vendorTeamSize', input.vendorTeamSize, null),
      vendorLocations: pick('vendorLocations', input.vendorLocations, []),
      clientCalendarId: pick('clientCalendarId', input.clientCalendarId, null),
      vendorCalendarId: pick('vendorCalendarId', input.vendorCalendarId, null),
      requiredOverlapMinutes: pick('requiredOverlapMinutes', input.requiredOverlapHours === undefined ? undefined : input.requiredOverlapHours === null ? null : Math.round(input.requiredOverlapHours * 60), null),
      statusReportRrule: pick('statusReportRrule', input.statusReportRrule === undefined ? undefined : input.statusReportRrule?.replace(/^RRULE:/i, '').toUpperCase() ?? null, null),
      statusReportFrom: pick('statusReportFrom', input.statusReportFrom, null),
      updatedAt: ctx.now,
    });
    if (after.statusReportRrule) {
      if (!after.statusReportFrom) throw AppError.invalid('statusReportFrom', 'Give the first date reports are due from.');
      validateCadence({ rrule: after.statusReportRrule, startsOn: after.statusReportFrom, startTime: '00:00', timeZone: 'UTC' }, 'statusReportRrule');
    }
    await tx.audit({ action: 'governance.update', objectType: 'engagement', objectId: engagementId, objectLabel: `Governance of ${eng.name}`, before, after });
  });
  return getGovernance(ctx, engagementId);
}

const mondayOf = (d: CivilDate) => addDays(d, 1 - isoWeekday(d));
const round2 = (h: number) => Math.round(h * 100) / 100;

/**
 * The two teams' working hours side by side for one week (this week unless asked), shown
 * in the client's zone, with the usual weekly overlap, the requirement, and the weeks of
 * the year where a clock change on either side moves it.
 */
export async function engagementOverlap(ctx: Ctx, engagementId: string, week: CivilDate | undefined): Promise<Overlap> {
  governanceSettingsPolicy.check(ctx.actor, 'read');
  await requireEngagement(ctx, 'read', engagementId);
  const s = (await repo.findSettings(ctx.db, ctx.actor.orgId, engagementId))?.settings;
  const requiredHours = s?.requiredOverlapMinutes == null ? null : s.requiredOverlapMinutes / 60;
  const empty: Overlap = { configured: false, clientZone: null, vendorZone: null, weekOf: null, days: [], hoursThisWeek: 0, typicalHours: 0, requiredHours, belowRequired: false, shiftedWeeks: [] };
  if (!s?.clientCalendarId || !s.vendorCalendarId) return empty;
  const cals = await calendarsByIds(ctx, [s.clientCalendarId, s.vendorCalendarId]);
  const client = cals.find((c) => c.id === s.clientCalendarId);
  const vendor = cals.find((c) => c.id === s.vendorCalendarId);
  if (!client || !vendor) return empty;
  const [cs, vs] = [specOf(client), specOf(vendor)];
  const zone = client.timeZone;
  const monday = mondayOf(week ?? civilDateIn(ctx.now, zone));
  const w = overlapWeek(cs, vs, monday, zone);
  const year = overlapThroughYear(cs, vs, Number(monday.slice(0, 4)), zone);
  const span = (list: Array<[number, number]>) => list.map(([a, b]) => ({ from: wallClock(a, zone), to: wallClock(b, zone) === '00:00' ? '24:00' : wallClock(b, zone) }));
  return {
    configured: true,
    clientZone: zone,
    vendorZone: vendor.timeZone,
    weekOf: monday,
    days: w.days.map((d) => ({
      date: d.date,
      weekday: d.weekday,
      client: span(d.a),
      vendor: span(d.b),
      overlap: d.intervals.map(([a, b]) => ({ ...span([[a, b]])[0], vendorFrom: wallClock(a, vendor.timeZone), vendorTo: wallClock(b, vendor.timeZone) })),
      hours: round2(d.hours),
    })),
    hoursThisWeek: round2(w.hours),
    typicalHours: year.typicalHours,
    requiredHours,
    belowRequired: requiredHours !== null && year.typicalHours < requiredHours,
    shiftedWeeks: year.periods.filter((p) => p.hours !== year.typicalHours),
  };
}
