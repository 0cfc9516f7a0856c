import type { Fragment } from '../../db/fragment.ts';
import type { z } from 'zod';
import { CalendarError, compileCalendar, type CalendarSpec } from '../../../domain/sla/calendar.ts';
import { MAX_HOLIDAYS, parseIcsHolidays } from '../../../domain/sla/ics.ts';
import type { PageQuery } from '../../../shared/contracts/common.ts';
import type { Calendar, CalendarInput, CalendarUpdate } from '../../../shared/contracts/sla.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { calendarPolicy } from './calendars.policy.ts';
import { presentCalendar } from './calendars.presenter.ts';
import * as repo from './calendars.repo.ts';

/** The engine's calendar for a stored row. */
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

const sortedHolidays = (h: readonly string[]) => [...new Set(h)].sort();

export async function listCalendars(ctx: Ctx, q: z.output<typeof PageQuery>) {
  calendarPolicy.check(ctx.actor, 'list');
  return keysetPage(q, repo.CALENDAR_SORT, (after, limit) => repo.listCalendars(ctx.db, ctx.actor.orgId, after, limit), presentCalendar);
}

export async function getCalendar(ctx: Ctx, id: string): Promise<Calendar> {
  return presentCalendar(calendarPolicy.authorize(ctx.actor, 'read', await repo.findCalendar(ctx.db, ctx.actor.orgId, id)));
}

export async function createCalendar(ctx: Ctx, input: z.output<typeof CalendarInput>): Promise<Calendar> {
  calendarPolicy.check(ctx.actor, 'create');
  const holidays = sortedHolidays(input.holidays);
  checkCompiles({ timeZone: input.timeZone, week: input.week as CalendarSpec['week'], holidays });
  const row = await change(ctx, async (tx) => {
    const r = await repo.insertCalendar(tx.db, { orgId: ctx.actor.orgId, name: input.name, timeZone: input.timeZone, week: input.week as repo.CalendarRow['week'], holidays });
    await tx.audit({ action: 'calendar.create', objectType: 'calendar', objectId: r.id, after: r });
    return r;
  });
  return presentCalendar(row);
}

export async function updateCalendar(ctx: Ctx, id: string, input: z.output<typeof CalendarUpdate>): Promise<Calendar> {
  calendarPolicy.check(ctx.actor, 'update');
  const row = await change(ctx, async (tx) => {
    const before = calendarPolicy.authorize(ctx.actor, 'update', await repo.lockCalendar(tx.db, ctx.actor.orgId, id));
    const next = {
      name: input.name ?? before.name,
      timeZone: input.timeZone ?? before.timeZone,
      week: (input.week ?? before.week) as repo.CalendarRow['week'],
      holidays: input.holidays ? sortedHolidays(input.holidays) : before.holidays,
    };
    checkCompiles(specOf(next));
    const after = await repo.updateCalendar(tx.db, ctx.actor.orgId, id, { ...next, updatedAt: ctx.now });
    await tx.audit({ action: 'calendar.update', objectType: 'calendar', objectId: id, before, after });
    return after;
  });
  return presentCalendar(row);
}

/** Adds the holidays of an iCalendar file (public-holiday feeds) and reports what it skipped. */
export async function importHolidays(ctx: Ctx, id: string, ics: string, years: { fromYear?: number; toYear?: number }) {
  calendarPolicy.check(ctx.actor, 'update');
  const current = calendarPolicy.authorize(ctx.actor, 'update', await repo.findCalendar(ctx.db, ctx.actor.orgId, id));
  const year = ctx.now.getUTCFullYear();
  const parsed = parseIcsHolidays(ics, { fromYear: years.fromYear ?? year - 5, toYear: years.toYear ?? year + 5, timeZone: current.timeZone });
  if (parsed.holidays.length === 0) {
    throw new AppError('import_rejected', 'The file contains no holidays.', { rejected: parsed.problems.map((p) => ({ line: 0, field: '(event)', reason: p })) });
  }
  const merged = sortedHolidays([...current.holidays, ...parsed.holidays]);
  if (merged.length > MAX_HOLIDAYS) {
    throw new AppError('import_rejected', `With this file the calendar would hold ${merged.length.toLocaleString('en')} holidays; a calendar holds at most ${MAX_HOLIDAYS.toLocaleString('en')}. Import fewer years (fromYear/toYear).`, {
      limit: MAX_HOLIDAYS,
      rejected: [{ line: 0, field: '(file)', reason: `More than ${MAX_HOLIDAYS} holidays in the calendar` }],
    });
  }
  const calendar = await updateCalendar(ctx, id, { holidays: merged });
  return { calendar, added: merged.length - current.holidays.length, problems: parsed.problems };
}

/** A calendar id named inside a body (an SLA policy's calendar): one of the caller's, or an invalid field. */
export async function referenceCalendar(ctx: Ctx, id: string, field = 'calendarId'): Promise<repo.CalendarRow> {
  return calendarPolicy.reference(ctx.actor, 'reference', await repo.findCalendar(ctx.db, ctx.actor.orgId, id), field, 'Choose one of your calendars.');
}

/**
 * A calendar's revision — it changes with every edit — as a scalar subquery, for a reader
 * that keys something derived from the calendar and gathers its inputs in one statement.
 */
export function calendarRevisionSql(ctx: Ctx, calendarId: Fragment<string | null>): Fragment<string | null> {
  calendarPolicy.check(ctx.actor, 'read');
  return repo.calendarRevisionSql(ctx.actor.orgId, calendarId);
}

/** The organisation's calendars with these ids, for measuring under the policies that name them. */
export async function calendarsByIds(ctx: Ctx, ids: readonly string[]): Promise<repo.CalendarRow[]> {
  calendarPolicy.check(ctx.actor, 'read');
  return repo.calendarsByIds(ctx.db, ctx.actor.orgId, [...new Set(ids)]);
}

/** A fingerprint of the organisation's calendars: it changes with any write to them (a view keyed by what it read). */
export function calendarRowVersionsSql(ctx: Ctx): Fragment<string> {
  calendarPolicy.check(ctx.actor, 'read');
  return repo.calendarRowVersionsSql(ctx.actor.orgId);
}
