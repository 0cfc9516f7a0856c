import { addDays, isoWeekday, toDayNumber, type CivilDate } from '../civil-date.ts';
import { compileCalendar, type CalendarSpec } from '../sla/calendar.ts';
import { workingIntervals } from '../sla/calendar-queries.ts';
import { firstInstantAtOrAfterLocal, offsetTimeline } from '../sla/tz.ts';

/**
 * Working-hours overlap between two teams: the vendor's working hours in its zone and the
 * client's in its own, intersected in real time (UTC), so daylight-saving changes on either
 * side move the overlap exactly as they do for the people involved. Holidays are left out:
 * the overlap describes the usual week, and holidays would make every week look special.
 */
const HOUR = 3_600_000;
const DAY = 86_400_000;

const withoutHolidays = (s: CalendarSpec): CalendarSpec => ({ timeZone: s.timeZone, week: s.week });

/** Intersection of two sorted interval lists. */
function intersect(a: Array<[number, number]>, b: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i][0], b[j][0]);
    const e = Math.min(a[i][1], b[j][1]);
    if (e > s) out.push([s, e]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

/** The UTC instant a local civil date starts in a zone. */
function localMidnight(date: CivilDate, timeZone: string): number {
  const local = toDayNumber(date) * DAY;
  return firstInstantAtOrAfterLocal(offsetTimeline(timeZone, local - 2 * DAY, local + 2 * DAY), local);
}

export interface DayOverlap {
  /** The day, in the viewer's zone. */
  date: CivilDate;
  weekday: number;
  /** Shared working time as UTC instants [start, end). */
  intervals: Array<[number, number]>;
  /** Each team's own working time that day, for a timeline. */
  a: Array<[number, number]>;
  b: Array<[number, number]>;
  hours: number;
}

export interface WeekOverlap {
  /** Monday of the week, in the viewer's zone. */
  weekOf: CivilDate;
  days: DayOverlap[];
  hours: number;
}

/** The shared working time of one week (Monday to Sunday in `viewZone`), per day. */
export function overlapWeek(a: CalendarSpec, b: CalendarSpec, monday: CivilDate, viewZone: string): WeekOverlap {
  const ca = compileCalendar(withoutHolidays(a));
  const cb = compileCalendar(withoutHolidays(b));
  const days: DayOverlap[] = [];
  for (let i = 0; i < 7; i++) {
    const date = addDays(monday, i);
    const from = localMidnight(date, viewZone);
    const to = localMidnight(addDays(date, 1), viewZone);
    const wa = workingIntervals(ca, from, to);
    const wb = workingIntervals(cb, from, to);
    const intervals = intersect(wa, wb);
    const ms = intervals.reduce((s, [x, y]) => s + (y - x), 0);
    days.push({ date, weekday: isoWeekday(date), intervals, a: wa, b: wb, hours: ms / HOUR });
  }
  return { weekOf: monday, days, hours: days.reduce((s, d) => s + d.hours, 0) };
}

export interface OverlapYear {
  /** The overlap most weeks of the year have, in hours per week. */
  typicalHours: number;
  /** Runs of consecutive weeks with the same overlap, in order: where daylight saving moves it. */
  periods: Array<{ from: CivilDate; to: CivilDate; hours: number }>;
}

/**
 * The weekly overlap through a year, as runs of weeks with equal hours. With zones that
 * change clocks on different dates (Europe and North America), the weeks between the two
 * changes show up as their own periods.
 */
export function overlapThroughYear(a: CalendarSpec, b: CalendarSpec, year: number, viewZone: string): OverlapYear {
  let monday = `${String(year).padStart(4, '0')}-01-01`;
  while (isoWeekday(monday) !== 1) monday = addDays(monday, 1);
  const periods: OverlapYear['periods'] = [];
  const count = new Map<number, number>();
  for (; monday.startsWith(String(year)); monday = addDays(monday, 7)) {
    const hours = Math.round(overlapWeek(a, b, monday, viewZone).hours * 100) / 100;
    count.set(hours, (count.get(hours) ?? 0) + 1);
    const last = periods[periods.length - 1];
    if (last && last.hours === hours) last.to = addDays(monday, 6);
    else periods.push({ from: monday, to: addDays(monday, 6), hours });
  }
  const typicalHours = [...count].sort((x, y) => y[1] - x[1] || y[0] - x[0])[0]?.[0] ?? 0;
  return { typicalHours, periods };
}

/** Hours of a UTC interval as "HH:MM" in a zone, for timelines. */
export function wallClock(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}
