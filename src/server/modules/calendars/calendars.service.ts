import type { z } from 'zod';
import type { Calendar, CalendarInput, CalendarUpdate } from '../../../shared/contracts/sla.ts';
import { CalendarError, compileCalendar, type CalendarSpec } from '../../../domain/sla/calendar.ts';
import { parseIcsHolidays } from '../../../domain/sla/ics.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/record.ts';
import * as repo from './calendars.repo.ts';

export function toCalendar(r: repo.CalendarRow): Calendar {
  return { id: r.id, name: r.name, timeZone: r.timeZone, week: r.week, holidays: r.holidays, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

export function specOf(r: Pick<repo.CalendarRow, 'timeZone' | 'week' | 'holidays'>): CalendarSpec {
  return { timeZone: r.timeZone, week: r.week as CalendarSpec['week'], holidays: r.holidays };
}

/** The engine is the judge of a calendar: whatever it cannot compile is a field error. */
function checkCompiles(spec: CalendarSpec) {
  try {
    compileCalendar(spec);
  } catch (err) {
    if (err instanceof CalendarError) {
      const [path, ...rest] = err.message.split(': ');
      throw AppError.invalid(path, rest.join(': ') || err.message);
    }
    throw err;
  }
}

export async function listCalendars(ctx: Ctx): Promise<Calendar[]> {
  return (await repo.listCalendars(ctx.db, ctx.actor.orgId)).map(toCalendar);
}

export async function getCalendar(ctx: Ctx, id: string): Promise<Calendar> {
  const r = await repo.findCalendar(ctx.db, ctx.actor.orgId, id);
  if (!r) throw AppError.notFound('The calendar');
  return toCalendar(r);
}

export async function createCalendar(ctx: Ctx, input: z.output<typeof CalendarInput>): Promise<Calendar> {
  const holidays = [...new Set(input.holidays)].sort();
  checkCompiles({ timeZone: input.timeZone, week: input.week as CalendarSpec['week'], holidays });
  const row = await ctx.db.transaction(async (tx) => {
    const r = await repo.insertCalendar(tx, { orgId: ctx.actor.orgId, name: input.name, timeZone: input.timeZone, week: input.week as repo.CalendarRow['week'], holidays });
    await recordAudit(tx, ctx, { action: 'calendar.create', objectType: 'calendar', objectId: r.id, after: r });
    return r;
  });
  return toCalendar(row);
}

export async function updateCalendar(ctx: Ctx, id: string, input: z.output<typeof CalendarUpdate>): Promise<Calendar> {
  const row = await ctx.db.transaction(async (tx) => {
    const before = await repo.findCalendar(tx, ctx.actor.orgId, id, true);
    if (!before) throw AppError.notFound('The calendar');
    const next = {
      name: input.name ?? before.name,
      timeZone: input.timeZone ?? before.timeZone,
      week: (input.week ?? before.week) as repo.CalendarRow['week'],
      holidays: input.holidays ? [...new Set(input.holidays)].sort() : before.holidays,
    };
    checkCompiles(specOf(next));
    const after = await repo.updateCalendar(tx, ctx.actor.orgId, id, { ...next, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'calendar.update', objectType: 'calendar', objectId: id, before, after });
    return after;
  });
  return toCalendar(row);
}

/** Adds the holidays of an iCalendar file (public-holiday feeds) and reports what it skipped. */
export async function importHolidays(ctx: Ctx, id: string, ics: string, years: { fromYear: number; toYear: number }) {
  const current = await repo.findCalendar(ctx.db, ctx.actor.orgId, id);
  if (!current) throw AppError.notFound('The calendar');
  const parsed = parseIcsHolidays(ics, { ...years, timeZone: current.timeZone });
  if (parsed.holidays.length === 0) {
    throw new AppError('import_rejected', 'The file contains no holidays.', { rejected: parsed.problems.map((p) => ({ line: 0, field: '(event)', reason: p })) });
  }
  const merged = [...new Set([...current.holidays, ...parsed.holidays])].sort();
  const calendar = await updateCalendar(ctx, id, { holidays: merged });
  return { calendar, added: merged.length - current.holidays.length, problems: parsed.problems };
}
