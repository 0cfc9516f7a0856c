import type { z } from 'zod';
import { addDays, civilDateIn } from '../../../domain/civil-date.ts';
import { nextOccurrences, occurrencesBetween, ruleInWords } from '../../../domain/governance/cadence.ts';
import type { EngagementStatusReports, StatusReport, StatusReportInput } from '../../../shared/contracts/governance.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { getEngagement, requireEngagement } from '../engagements/engagements.public.ts';
import { attachmentHeader, cleanFileName, openStored, removeStored, storeUpload, type UploadedFile } from '../evidence/evidence.public.ts';
import { statusReportPolicy } from './governance.policy.ts';
import * as repo from './governance.repo.ts';
import { todayOf } from './settings.ts';

const DAY = 86_400_000;
/** How many past due dates a view shows (a quarter of weekly reports). */
const SHOWN = 12;
const LOOK_BACK_DAYS = 400;

type Schedule = { rrule: string; from: string };
const ruleOf = (s: Schedule) => ({ rrule: s.rrule, startsOn: s.from, startTime: '00:00', timeZone: 'UTC' });
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** The due dates to show: the last twelve up to today and the next one after it. */
export function dueDates(s: Schedule, today: string): { past: string[]; next: string | null } {
  const past = occurrencesBetween(ruleOf(s), ms(addDays(today, -LOOK_BACK_DAYS)), ms(today) + DAY)
    .map((o) => o.date)
    .slice(-SHOWN);
  const next = nextOccurrences(ruleOf(s), ms(today) + DAY, 1)[0]?.date ?? null;
  return { past, next };
}

function present(r: repo.ReportWithName): StatusReport {
  const x = r.report;
  return { id: x.id, engagementId: x.engagementId, dueOn: x.dueOn, text: x.text, submittedAt: x.submittedAt.toISOString(), submittedByName: r.submittedByName, fileName: x.fileName, sizeBytes: x.sizeBytes };
}

/**
 * One engagement's reporting: each due date on time, late (handed in after the day it was
 * due), missing (past and not handed in) or still due. A report due today is not missing yet.
 */
function slotsOf(e: { id: string; name: string }, s: Schedule | null, reports: readonly repo.ReportWithName[], today: string): EngagementStatusReports {
  if (!s) return { engagementId: e.id, engagementName: e.name, scheduleWords: null, slots: [], onTime: 0, late: 0, missing: 0 };
  const { past, next } = dueDates(s, today);
  const byDue = new Map(reports.filter((r) => r.report.engagementId === e.id).map((r) => [r.report.dueOn, r]));
  const slots = [...past, ...(next ? [next] : [])].map((dueOn) => {
    const r = byDue.get(dueOn);
    const state = r ? (civilDateIn(r.report.submittedAt, 'UTC') <= dueOn ? 'on_time' : 'late') : dueOn < today ? 'missing' : 'upcoming';
    return { dueOn, state: state as EngagementStatusReports['slots'][number]['state'], report: r ? present(r) : null };
  });
  const count = (st: string) => slots.filter((x) => x.state === st).length;
  return { engagementId: e.id, engagementName: e.name, scheduleWords: ruleInWords(s.rrule), slots: slots.reverse(), onTime: count('on_time'), late: count('late'), missing: count('missing') };
}

const scheduleOf = (st: repo.SettingsRow | undefined | null): Schedule | null => (st?.statusReportRrule && st.statusReportFrom ? { rrule: st.statusReportRrule, from: st.statusReportFrom } : null);

export async function engagementStatusReports(ctx: Ctx, engagementId: string): Promise<EngagementStatusReports> {
  statusReportPolicy.check(ctx.actor, 'list');
  const e = await getEngagement(ctx, engagementId);
  const today = todayOf(ctx);
  const settings = (await repo.findSettings(ctx.db, ctx.actor.orgId, engagementId))?.settings;
  const reports = await repo.reportsOf(ctx.db, ctx.actor.orgId, [engagementId], addDays(today, -LOOK_BACK_DAYS));
  return slotsOf(e, scheduleOf(settings), reports, today);
}

/** The vendor's reporting across its engagements that ask for reports (the portal). */
export async function ownStatusReports(ctx: Ctx): Promise<{ items: EngagementStatusReports[] }> {
  statusReportPolicy.check(ctx.actor, 'listOwn');
  if (!ctx.actor.vendorId) return { items: [] };
  const today = todayOf(ctx);
  const rows = await repo.reportingEngagements(ctx.db, ctx.actor.orgId, ctx.actor.vendorId);
  const reports = await repo.reportsOf(ctx.db, ctx.actor.orgId, rows.map((r) => r.settings.engagementId), addDays(today, -LOOK_BACK_DAYS));
  return { items: rows.map((r) => slotsOf({ id: r.settings.engagementId, name: r.engagementName }, scheduleOf(r.settings), reports, today)) };
}

/** Every engagement's reporting, for the feed (the organisation's own users). */
export async function allStatusReports(ctx: Ctx) {
  statusReportPolicy.check(ctx.actor, 'list');
  const today = todayOf(ctx);
  const rows = await repo.reportingEngagements(ctx.db, ctx.actor.orgId, null);
  const reports = await repo.reportsOf(ctx.db, ctx.actor.orgId, rows.map((r) => r.settings.engagementId), addDays(today, -LOOK_BACK_DAYS));
  return rows.map((r) => ({ vendorId: r.settings.vendorId, vendorName: r.vendorName, ...slotsOf({ id: r.settings.engagementId, name: r.engagementName }, scheduleOf(r.settings), reports, today) }));
}

/** The vendor hands in the report for one due date of the schedule (once; late is allowed and shown as late). */
export async function submitStatusReport(ctx: Ctx, input: z.output<typeof StatusReportInput>): Promise<StatusReport> {
  statusReportPolicy.check(ctx.actor, 'submit');
  const eng = await requireEngagement(ctx, 'read', input.engagementId).catch(() => {
    throw AppError.invalid('engagementId', 'Choose one of your engagements.');
  });
  const schedule = scheduleOf((await repo.findSettings(ctx.db, ctx.actor.orgId, eng.id))?.settings);
  if (!schedule) throw AppError.invalid('engagementId', 'This engagement asks for no status reports.');
  const { past, next } = dueDates(schedule, todayOf(ctx));
  if (![...past, next].includes(input.dueOn)) throw AppError.invalid('dueOn', 'Choose one of the due dates of the reporting schedule.');
  const id = await change(ctx, async (tx) => {
    const same = await repo.findReportFor(tx.db, ctx.actor.orgId, eng.id, input.dueOn);
    if (same) throw new AppError('conflict', `The report due ${input.dueOn} was already handed in.`);
    const row = await repo.insertReport(tx.db, { orgId: ctx.actor.orgId, vendorId: eng.vendorId, engagementId: eng.id, dueOn: input.dueOn, text: input.text, submittedBy: ctx.actor.userId, submittedAt: ctx.now });
    await tx.audit({ action: 'status_report.submit', objectType: 'status_report', objectId: row.id, objectLabel: `Status report due ${row.dueOn} for ${eng.name}`, after: row });
    return row.id;
  });
  return getStatusReport(ctx, id);
}

async function getStatusReport(ctx: Ctx, id: string): Promise<StatusReport> {
  const r = statusReportPolicy.authorize(ctx.actor, 'read', await repo.findReport(ctx.db, ctx.actor.orgId, id));
  return present({ report: r, submittedByName: ctx.actor.userId === r.submittedBy ? ctx.actor.name : null });
}

/** One file attached to a report the vendor handed in (PDF, image or Office document, as evidence). */
export async function attachStatusReportFile(ctx: Ctx, id: string, file: UploadedFile): Promise<StatusReport> {
  statusReportPolicy.check(ctx.actor, 'attach');
  statusReportPolicy.authorize(ctx.actor, 'attach', await repo.findReport(ctx.db, ctx.actor.orgId, id));
  const max = ctx.config.maxUploadBytes;
  if (file.declaredBytes !== null && file.declaredBytes > max) {
    file.stream.resume();
    throw new AppError('payload_too_large', `The file is larger than ${Math.round(max / 1024 / 1024)} MB.`);
  }
  const fileName = cleanFileName(file.name);
  const stored = await storeUpload(ctx.config.filesDir, ctx.actor.orgId, file.stream, max);
  try {
    await change(ctx, async (tx) => {
      const before = statusReportPolicy.authorize(ctx.actor, 'attach', await repo.findReport(tx.db, ctx.actor.orgId, id, true));
      const after = await repo.updateReport(tx.db, ctx.actor.orgId, id, { fileName, ...stored });
      await tx.audit({ action: 'status_report.upload', objectType: 'status_report', objectId: id, objectLabel: `${fileName} for the status report due ${before.dueOn}`, before, after });
    });
  } catch (err) {
    await removeStored(ctx.config.filesDir, ctx.actor.orgId, stored.storageKey);
    throw err;
  }
  return getStatusReport(ctx, id);
}

export async function downloadStatusReportFile(ctx: Ctx, id: string) {
  const r = statusReportPolicy.authorize(ctx.actor, 'read', await repo.findReport(ctx.db, ctx.actor.orgId, id));
  if (!r.storageKey) throw AppError.notFound('The file of this report');
  const { stream, size } = await openStored(ctx.config.filesDir, ctx.actor.orgId, r.storageKey);
  return { stream, size, contentType: r.contentType ?? 'application/octet-stream', disposition: attachmentHeader(r.fileName ?? 'status-report') };
}

/** How the reports due in [from, to] (up to today) came in: for scorecards. */
export async function reportsInPeriod(ctx: Ctx, engagementId: string, from: string, to: string): Promise<{ onTime: number; late: number; missing: number } | null> {
  const schedule = scheduleOf((await repo.findSettings(ctx.db, ctx.actor.orgId, engagementId))?.settings);
  if (!schedule) return null;
  const today = todayOf(ctx);
  const last = to < today ? to : addDays(today, -1);
  const due = occurrencesBetween(ruleOf(schedule), ms(from), ms(last) + DAY).map((o) => o.date);
  const byDue = new Map((await repo.reportsOf(ctx.db, ctx.actor.orgId, [engagementId], from)).map((r) => [r.report.dueOn, r.report]));
  let onTime = 0;
  let late = 0;
  for (const d of due) {
    const r = byDue.get(d);
    if (!r) continue;
    if (civilDateIn(r.submittedAt, 'UTC') <= d) onTime++;
    else late++;
  }
  return { onTime, late, missing: due.length - onTime - late };
}
