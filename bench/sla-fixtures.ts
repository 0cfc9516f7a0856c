/**
 * Calendars and holidays shared by the SLA benchmarks: the inputs every implementation
 * (engine and libraries) receives, so results can be compared to the millisecond.
 */
import type { CalendarSpec, WorkingHours } from '../src/domain/sla/calendar.ts';

const DAY = 86_400_000;

function iso(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

/** Easter Sunday (Gregorian, anonymous algorithm) as [month, day]. */
function easter(y: number): [number, number] {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

/** Public holidays in Berlin (federal holidays + Frauentag), years inclusive. */
export function germanHolidays(fromYear: number, toYear: number): string[] {
  const out: string[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    const [em, ed] = easter(y);
    const e = Date.UTC(y, em - 1, ed);
    const rel = (days: number) => new Date(e + days * DAY).toISOString().slice(0, 10);
    out.push(iso(y, 1, 1), iso(y, 3, 8), rel(-2), rel(1), iso(y, 5, 1), rel(39), rel(50), iso(y, 10, 3), iso(y, 12, 25), iso(y, 12, 26));
  }
  return out.sort();
}

/** US federal holidays (observed dates simplified to the nominal ones), years inclusive. */
export function usHolidays(fromYear: number, toYear: number): string[] {
  const out: string[] = [];
  const nthWeekday = (y: number, m: number, wd: number, n: number) => {
    const first = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
    return iso(y, m, 1 + ((wd - first + 7) % 7) + (n - 1) * 7);
  };
  const lastMonday = (y: number, m: number) => {
    const last = new Date(Date.UTC(y, m, 0));
    return iso(y, m, last.getUTCDate() - ((last.getUTCDay() + 6) % 7));
  };
  for (let y = fromYear; y <= toYear; y++) {
    out.push(iso(y, 1, 1), nthWeekday(y, 1, 1, 3), nthWeekday(y, 2, 1, 3), lastMonday(y, 5), iso(y, 6, 19), iso(y, 7, 4));
    out.push(nthWeekday(y, 9, 1, 1), nthWeekday(y, 10, 1, 2), iso(y, 11, 11), nthWeekday(y, 11, 4, 4), iso(y, 12, 25));
  }
  return out.sort();
}

const hours = (from: string, to: string): WorkingHours[] => [{ from, to }];
const weekdays = (w: WorkingHours[]) => ({ 1: w, 2: w, 3: w, 4: w, 5: w });

/** The benchmark calendar of the brief: Europe/Berlin, Mon–Fri 09:00–17:00, holidays. */
export const BERLIN_9_TO_5: CalendarSpec = {
  timeZone: 'Europe/Berlin',
  week: weekdays(hours('09:00', '17:00')),
  holidays: germanHolidays(2018, 2028),
};

/** The vendor calendars of the full-pass benchmark (one per vendor, round-robin). */
export const VENDOR_CALENDARS: Record<string, CalendarSpec> = {
  berlin: BERLIN_9_TO_5,
  newYork: {
    timeZone: 'America/New_York',
    week: weekdays([
      { from: '08:00', to: '12:00' },
      { from: '13:00', to: '17:00' },
    ]),
    holidays: usHolidays(2018, 2028),
  },
  kolkata: {
    timeZone: 'Asia/Kolkata',
    week: { ...weekdays(hours('09:30', '18:30')), 6: hours('09:30', '13:30') },
    holidays: ['2024-01-26', '2024-03-25', '2024-08-15', '2024-10-02', '2024-10-31', '2024-11-01'],
  },
  sydney: {
    timeZone: 'Australia/Sydney',
    week: weekdays(hours('08:30', '17:30')),
    holidays: ['2024-01-01', '2024-01-26', '2024-03-29', '2024-04-01', '2024-04-25', '2024-06-10', '2024-10-07', '2024-12-25', '2024-12-26'],
  },
};
