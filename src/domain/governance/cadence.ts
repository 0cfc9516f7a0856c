import rrule from 'rrule';
import { fromDayNumber, isCivilDate, toDayNumber, type CivilDate } from '../civil-date.ts';
import { DomainError } from '../errors.ts';
import { firstInstantAtOrAfterLocal, isValidTimeZone, offsetTimeline } from '../sla/tz.ts';

/**
 * Meeting cadences: an RFC 5545 recurrence rule over local dates (expanded by the `rrule`
 * library on "floating" dates — UTC midnights standing for local days), and a start time in
 * the organiser's zone. The instant of each meeting is found from the local date and time,
 * so a 10:00 meeting in Berlin stays at 10:00 in Berlin when the clocks change — and moves
 * by an hour for the other side where its clocks did not.
 */
const { RRule } = rrule;
const DAY = 86_400_000;
const MINUTE = 60_000;

export interface CadenceRule {
  rrule: string;
  startsOn: CivilDate;
  /** "HH:MM" in `timeZone`. */
  startTime: string;
  timeZone: string;
}

export interface Occurrence {
  /** The meeting's local date in the organiser's zone. */
  date: CivilDate;
  startMs: number;
}

export { CADENCE_KINDS, DEFAULT_RULES, type CadenceKind } from './kinds.ts';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function compile(rule: CadenceRule, rrulePath = 'rrule') {
  if (!isValidTimeZone(rule.timeZone)) throw DomainError.invalid('timeZone', `"${rule.timeZone}" is not a time zone (use a name like Europe/Berlin).`);
  if (!TIME.test(rule.startTime)) throw DomainError.invalid('startTime', 'Give the start time as HH:MM, e.g. 10:00.');
  if (!isCivilDate(rule.startsOn)) throw DomainError.invalid('startsOn', 'Give the first date as YYYY-MM-DD.');
  const text = rule.rrule.replace(/^RRULE:/i, '').trim().toUpperCase();
  let options;
  try {
    options = RRule.parseString(text);
  } catch {
    throw DomainError.invalid(rrulePath, `"${rule.rrule}" is not a recurrence rule (e.g. FREQ=WEEKLY;BYDAY=TU).`);
  }
  // Meetings repeat by the day or slower; a rule repeating within a day is not a cadence.
  if (options.freq === undefined || ![RRule.YEARLY, RRule.MONTHLY, RRule.WEEKLY, RRule.DAILY].includes(options.freq)) {
    throw DomainError.invalid(rrulePath, 'A cadence repeats daily, weekly, monthly or yearly (FREQ=WEEKLY, FREQ=MONTHLY …).');
  }
  const [h, m] = rule.startTime.split(':').map(Number);
  return { r: new RRule({ ...options, dtstart: new Date(toDayNumber(rule.startsOn) * DAY), tzid: null }), minutes: h * 60 + m };
}

/** "every week on Tuesday", "every 3 months on the 2nd Wednesday": the rule as a person reads it. */
export function ruleInWords(text: string): string {
  try {
    return RRule.fromString(text.replace(/^RRULE:/i, '')).toText();
  } catch {
    return text;
  }
}

/** Checks a rule; throws a field error naming what is wrong. */
export function validateCadence(rule: CadenceRule, rrulePath = 'rrule'): void {
  compile(rule, rrulePath);
}

/** The meetings starting in [fromMs, toMs), in order. */
export function occurrencesBetween(rule: CadenceRule, fromMs: number, toMs: number, cap = 500): Occurrence[] {
  const { r, minutes } = compile(rule);
  const tl = offsetTimeline(rule.timeZone, fromMs - 3 * DAY, toMs + 3 * DAY);
  const out: Occurrence[] = [];
  // Local dates a day either side of the window: a zone's offset never exceeds a day.
  r.between(new Date(Math.floor(fromMs / DAY) * DAY - 2 * DAY), new Date(toMs + 2 * DAY), true, (d) => {
    const day = Math.floor(d.getTime() / DAY);
    const startMs = firstInstantAtOrAfterLocal(tl, day * DAY + minutes * MINUTE);
    if (startMs >= fromMs && startMs < toMs) out.push({ date: fromDayNumber(day), startMs });
    return out.length < cap;
  });
  return out;
}

/** The next `count` meetings starting at or after `fromMs`. */
export function nextOccurrences(rule: CadenceRule, fromMs: number, count: number): Occurrence[] {
  const { r, minutes } = compile(rule);
  const out: Occurrence[] = [];
  let cursor = new Date(Math.floor(fromMs / DAY) * DAY - 2 * DAY);
  // rrule walks local dates; instants are found in the zone, a year of timeline at a time.
  for (let guard = 0; out.length < count && guard < 10; guard++) {
    const until = new Date(cursor.getTime() + 400 * DAY);
    const tl = offsetTimeline(rule.timeZone, cursor.getTime() - 3 * DAY, until.getTime() + 3 * DAY);
    r.between(cursor, until, true, (d) => {
      const day = Math.floor(d.getTime() / DAY);
      const startMs = firstInstantAtOrAfterLocal(tl, day * DAY + minutes * MINUTE);
      if (startMs >= fromMs && !out.some((o) => o.date === fromDayNumber(day))) out.push({ date: fromDayNumber(day), startMs });
      return out.length < count;
    });
    cursor = new Date(until.getTime() + DAY);
  }
  return out.slice(0, count);
}

export interface RecordedMeeting {
  date: CivilDate;
  status: 'held' | 'skipped';
}

export interface CadenceHealth {
  /** Meetings due in the window. */
  expected: number;
  held: number;
  /** Recorded as skipped (with a reason). */
  skipped: CivilDate[];
  /** Due, past, and nothing recorded: neither held nor skipped. */
  missed: CivilDate[];
  /** Fewer than half of the due meetings held over the window (with at least two due). */
  decaying: boolean;
}

/**
 * How a cadence was kept over a window: each due date is held, skipped or missed. A meeting
 * recorded on another day within half the cadence's spacing counts for its due date, since
 * people move meetings.
 */
export function cadenceHealth(due: readonly CivilDate[], recorded: readonly RecordedMeeting[]): CadenceHealth {
  const used = new Set<number>();
  const skipped: CivilDate[] = [];
  const missed: CivilDate[] = [];
  let held = 0;
  const days = due.map(toDayNumber);
  due.forEach((date, i) => {
    const d = days[i];
    const prev = i > 0 ? days[i - 1] : d - 7;
    const next = i + 1 < days.length ? days[i + 1] : d + 7;
    const lo = d - Math.floor((d - prev) / 2);
    const hi = d + Math.floor((next - d - 1) / 2);
    const idx = recorded.findIndex((m, j) => !used.has(j) && toDayNumber(m.date) >= lo && toDayNumber(m.date) <= hi);
    if (idx < 0) return void missed.push(date);
    used.add(idx);
    if (recorded[idx].status === 'held') held++;
    else skipped.push(date);
  });
  return { expected: due.length, held, skipped, missed, decaying: due.length >= 2 && held * 2 < due.length };
}
