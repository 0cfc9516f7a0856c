/**
 * A deliberately tiny iCalendar (.ics, RFC 5545) reader for holiday calendars, the form
 * in which public-holiday lists are published. It understands exactly what such files
 * use — VEVENT with DTSTART (DATE or DATE-TIME), optional DTEND or DURATION in days or
 * weeks, RRULE, EXDATE and STATUS:CANCELLED — and reports everything else as a problem
 * instead of guessing a date. Recurrence rules are expanded by the `rrule` library (yearly,
 * monthly, weekly and daily rules with BYDAY, BYMONTH, BYMONTHDAY, BYSETPOS, COUNT, UNTIL …,
 * as published holiday feeds write them; measured against alternatives in
 * docs/PERFORMANCE.md).
 *
 * Every event is an all-day holiday: a DATE-TIME event marks each local date it touches.
 */
import rrule from 'rrule';
import { DomainError } from '../errors.ts';
import { dayNumberOf } from './calendar.ts';
import { intlOffset } from './tz.ts';

const { RRule } = rrule;
type RRule = InstanceType<typeof RRule>;

const DAY = 86_400_000;

/** One holiday date produced by an event. */
export interface IcsHoliday {
  readonly date: string;
  readonly summary: string;
}

export interface IcsHolidays {
  /** Sorted, de-duplicated 'YYYY-MM-DD' dates, ready for CalendarSpec.holidays. */
  readonly holidays: string[];
  /** Every (date, summary) pair, in date order. */
  readonly events: IcsHoliday[];
  /** Events that were skipped, each with the reason; never silently dropped. */
  readonly problems: string[];
}

export interface IcsOptions {
  /** First and last calendar year to expand recurring events into (inclusive). */
  readonly fromYear: number;
  readonly toYear: number;
  /** Zone used to turn UTC date-times ('…Z') into local dates; default UTC. */
  readonly timeZone?: string;
  /** At most this many holiday dates; a file that would expand to more is refused before the work is done. Default MAX_HOLIDAYS. */
  readonly maxDates?: number;
}

/** A calendar holds at most this many holidays (the API's own limit on a calendar's list). */
export const MAX_HOLIDAYS = 5_000;

function tooMany(max: number, opts: IcsOptions): DomainError {
  return new DomainError(
    'import_rejected',
    `The file would add more than ${max.toLocaleString('en')} holidays for ${opts.fromYear}–${opts.toYear}, the most a calendar holds. Import fewer years (fromYear/toYear) or a smaller file.`,
    { limit: max, rejected: [{ line: 0, field: '(file)', reason: `More than ${max} holiday dates` }] },
  );
}

/**
 * An upper bound of the dates a file can expand to, read before anything is expanded:
 * each event counts once, a recurring one once per year of the range (times the days it
 * spans is checked while expanding).
 */
function expansionBound(text: string, years: number): number {
  let events = 0;
  let recurring = 0;
  for (const m of text.matchAll(/^(BEGIN:VEVENT|RRULE[:;])/gim)) {
    if (m[1].toUpperCase() === 'BEGIN:VEVENT') events++;
    else recurring++;
  }
  return events - Math.min(recurring, events) + Math.min(recurring, events) * years;
}

interface Prop {
  readonly name: string;
  readonly params: Readonly<Record<string, string>>;
  readonly value: string;
}

/** Unfolds continuation lines (RFC 5545 §3.1) and splits NAME;PARAM=V:VALUE. */
function readProps(text: string): Prop[] {
  const lines: string[] = [];
  for (const raw of text.split(/\r\n|\n|\r/)) {
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && lines.length > 0) lines[lines.length - 1] += raw.slice(1);
    else if (raw.trim() !== '') lines.push(raw);
  }
  return lines.map((line) => {
    // The value starts at the first ':' outside a quoted parameter value.
    let colon = -1;
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '"') quoted = !quoted;
      else if (line[i] === ':' && !quoted) {
        colon = i;
        break;
      }
    }
    const head = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1);
    const [name, ...rest] = head.split(';');
    const params: Record<string, string> = {};
    for (const p of rest) {
      const eq = p.indexOf('=');
      if (eq > 0) params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '');
    }
    return { name: name.toUpperCase(), params, value: value.trim() };
  });
}

const DATE_VALUE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME_VALUE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/;

/** A parsed DTSTART/DTEND as a local day number plus whether it was exactly midnight. */
interface Moment {
  readonly day: number;
  readonly midnight: boolean;
  readonly isDate: boolean;
}

function toDay(y: string, m: string, d: string): number {
  return dayNumberOf(`${y}-${m}-${d}`);
}

function parseMoment(prop: Prop, timeZone: string | undefined): Moment | string {
  const v = prop.value;
  const d = DATE_VALUE.exec(v);
  if (d) {
    const day = toDay(d[1], d[2], d[3]);
    return Number.isNaN(day) ? `invalid date "${v}"` : { day, midnight: true, isDate: true };
  }
  const t = DATE_TIME_VALUE.exec(v);
  if (!t) return `unreadable ${prop.name} "${v}"`;
  let day = toDay(t[1], t[2], t[3]);
  if (Number.isNaN(day)) return `invalid date "${v}"`;
  let timeMs = ((+t[4] * 60 + +t[5]) * 60 + +t[6]) * 1000;
  if (t[7] === 'Z' && timeZone) {
    // UTC date-time: the holiday is the local date in the calendar's zone.
    const utc = day * DAY + timeMs;
    const local = utc + intlOffset(timeZone, utc);
    day = Math.floor(local / DAY);
    timeMs = local - day * DAY;
  }
  // Floating and TZID date-times are taken as written: the wall-clock date of the event.
  return { day, midnight: timeMs === 0, isDate: false };
}

function parseDurationDays(v: string): number | null {
  const m = /^P(?:(\d+)W|(\d+)D)$/.exec(v);
  if (!m) return null;
  return m[1] ? +m[1] * 7 : +m[2];
}

function isoOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function yearOf(day: number): number {
  return new Date(day * DAY).getUTCFullYear();
}

/**
 * Reads holidays from iCalendar text, expanding yearly events over
 * [opts.fromYear, opts.toYear]. Pure: no I/O; the caller reads the file.
 */
export function parseIcsHolidays(text: string, opts: IcsOptions): IcsHolidays {
  const max = opts.maxDates ?? MAX_HOLIDAYS;
  // Refused before any expansion: recurring events × years must fit the limit.
  if (expansionBound(text, Math.max(0, opts.toYear - opts.fromYear + 1)) > max) throw tooMany(max, opts);
  const events: IcsHoliday[] = [];
  const problems: string[] = [];
  let inEvent = false;
  let current: Prop[] = [];
  let eventNo = 0;
  for (const prop of readProps(text)) {
    if (prop.name === 'BEGIN' && prop.value.toUpperCase() === 'VEVENT') {
      inEvent = true;
      current = [];
      eventNo++;
    } else if (prop.name === 'END' && prop.value.toUpperCase() === 'VEVENT') {
      if (inEvent) {
        const problem = expandEvent(current, opts, events);
        // Multi-day events can still add more than the bound counted: stop at the limit.
        if (events.length > max) throw tooMany(max, opts);
        if (problem) {
          const summary = current.find((p) => p.name === 'SUMMARY')?.value;
          problems.push(`VEVENT ${eventNo}${summary ? ` (${summary})` : ''}: ${problem}`);
        }
      }
      inEvent = false;
    } else if (inEvent) current.push(prop);
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const holidays = [...new Set(events.map((e) => e.date))];
  return { holidays, events, problems };
}

/** Adds the dates of one VEVENT to `out`; returns a problem description instead if unsupported. */
function expandEvent(props: Prop[], opts: IcsOptions, out: IcsHoliday[]): string | null {
  const get = (name: string) => props.find((p) => p.name === name);
  if (get('STATUS')?.value.toUpperCase() === 'CANCELLED') return null;
  const summary = get('SUMMARY')?.value.replace(/\\([,;\\])/g, '$1').replace(/\\n/gi, ' ') ?? '';
  const dtstart = get('DTSTART');
  if (!dtstart) return 'missing DTSTART';
  const start = parseMoment(dtstart, opts.timeZone);
  if (typeof start === 'string') return start;
  // Span of local dates [first, last] the event covers.
  let last = start.day;
  const dtend = get('DTEND');
  const duration = get('DURATION');
  if (dtend) {
    const end = parseMoment(dtend, opts.timeZone);
    if (typeof end === 'string') return end;
    // DATE ends and midnight DATE-TIME ends are exclusive (RFC 5545 §3.6.1).
    last = end.midnight ? end.day - 1 : end.day;
    if (start.isDate && end.day <= start.day) return 'DTEND is not after DTSTART';
    if (last < start.day) last = start.day;
  } else if (duration) {
    const days = parseDurationDays(duration.value.toUpperCase());
    if (days === null || days < 1) return `unsupported DURATION "${duration.value}" (only whole days or weeks)`;
    last = start.day + days - 1;
  }
  const span = last - start.day;
  if (span > 366) return 'event longer than a year';

  const excluded = new Set<number>();
  for (const ex of props.filter((p) => p.name === 'EXDATE')) {
    for (const v of ex.value.split(',')) {
      const m = parseMoment({ name: 'EXDATE', params: ex.params, value: v.trim() }, opts.timeZone);
      if (typeof m === 'string') return m;
      excluded.add(m.day);
    }
  }

  const cap = (opts.maxDates ?? MAX_HOLIDAYS) + 1;
  const occurrences: number[] = [];
  const rruleProp = get('RRULE');
  if (!rruleProp) occurrences.push(start.day);
  else {
    const rule: Record<string, string> = {};
    for (const part of rruleProp.value.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0) rule[part.slice(0, eq).toUpperCase()] = part.slice(eq + 1).toUpperCase();
    }
    // Holidays are whole days: a rule that repeats within a day is not a holiday list.
    if (!['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY'].includes(rule.FREQ ?? '')) return `unsupported RRULE "${rruleProp.value}" (holidays repeat yearly, monthly, weekly or daily)`;
    let parsed: RRule;
    try {
      // rrule reads the rule itself (BYDAY=4TH, BYMONTH, BYSETPOS, COUNT, UNTIL …); dates are
      // UTC midnights standing for local dates, as everywhere in this reader.
      parsed = new RRule({ ...RRule.parseString(rruleProp.value), dtstart: new Date(start.day * DAY), tzid: null });
    } catch {
      return `unreadable RRULE "${rruleProp.value}"`;
    }
    // Only the occurrences that can touch the years asked for, and never more than the limit.
    const from = new Date(Date.UTC(opts.fromYear, 0, 1) - (span + 1) * DAY);
    const to = new Date(Date.UTC(opts.toYear, 11, 31));
    parsed.between(from, to, true, (d) => {
      occurrences.push(Math.floor(d.getTime() / DAY));
      return out.length + occurrences.length < cap;
    });
  }
  for (const first of occurrences) {
    if (excluded.has(first)) continue;
    for (let d = first; d <= first + span && out.length < cap; d++) {
      const y = yearOf(d);
      if (y >= opts.fromYear && y <= opts.toYear) out.push({ date: isoOf(d), summary });
    }
  }
  return null;
}
