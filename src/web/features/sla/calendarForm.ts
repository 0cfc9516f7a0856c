import type { CalendarT } from './types.ts';

export interface Interval {
  from: string;
  to: string;
}
export type Week = Record<string, Interval[]>;
export interface CalendarValues {
  name: string;
  timeZone: string | null;
  week: Week;
  holidays: string[];
}

export const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

const office = (): Week => Object.fromEntries(DAYS.map((d) => [d, Number(d) <= 5 ? [{ from: '09:00', to: '17:00' }] : []]));
const allDay = (): Week => Object.fromEntries(DAYS.map((d) => [d, [{ from: '00:00', to: '24:00' }]]));

export const WEEK_PRESETS = {
  office: { label: 'Mon–Fri 09:00–17:00', week: office },
  allDay: { label: '24×7', week: allDay },
};

export function calendarValues(c: CalendarT | undefined, timeZone: string): CalendarValues {
  if (!c) return { name: '', timeZone, week: office(), holidays: [] };
  return { name: c.name, timeZone: c.timeZone, week: Object.fromEntries(DAYS.map((d) => [d, (c.week[d] ?? []).map((w) => ({ ...w }))])), holidays: [...c.holidays] };
}

/** The API body: days without intervals are left out (off). */
export function toCalendarInput(v: CalendarValues) {
  const week: Week = {};
  for (const d of DAYS) if (v.week[d]?.length) week[d] = v.week[d].map((w) => ({ from: w.from.trim(), to: w.to.trim() }));
  return { name: v.name.trim(), timeZone: v.timeZone ?? '', week, holidays: [...v.holidays].sort() };
}

/** "Mon–Fri 09:00–17:00", "24×7" or "5 working days, 40 h a week". */
/** "Business hours · UTC", without repeating a zone the name already carries. */
export function calendarLabel(c: { name: string; timeZone: string }): string {
  return c.name.includes(c.timeZone) ? c.name : `${c.name} · ${c.timeZone}`;
}

export const holidayCount = (n: number) => `${n} ${n === 1 ? 'holiday' : 'holidays'}`;

export function describeWeek(week: Record<string, Interval[]>): string {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const perWeek = DAYS.reduce((s, d) => s + (week[d] ?? []).reduce((x, w) => x + minutes(w.to) - minutes(w.from), 0), 0);
  if (perWeek === 7 * 24 * 60) return '24×7';
  const days = DAYS.filter((d) => (week[d] ?? []).length > 0).length;
  const hours = Math.round((perWeek / 60) * 10) / 10;
  return `${days} working ${days === 1 ? 'day' : 'days'}, ${hours} h a week`;
}
