/**
 * Working-hours overlap between the hours a need asks for and a candidate's, both as
 * weekdays and a local start/end in a zone whose offset from UTC (minutes) the caller
 * reads (Intl at the moment of comparing; a DST change moves it by an hour, which is the
 * truth for that week). Pure: the share of the needed hours the candidate works too.
 */
export interface WeeklyHours {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  start: string;
  end: string;
  /** The zone's offset from UTC in minutes (Berlin in winter: +60). */
  offsetMinutes: number;
}

const WEEK = 7 * 24 * 60;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The week's working intervals in UTC minutes from Monday 00:00, wrapped into one week. */
function intervals(h: WeeklyHours): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const d of h.days) {
    const from = (d - 1) * 1440 + minutes(h.start) - h.offsetMinutes;
    const to = (d - 1) * 1440 + minutes(h.end) - h.offsetMinutes;
    // Shift into [0, WEEK) and split an interval that crosses the week's end.
    const f = ((from % WEEK) + WEEK) % WEEK;
    const t = f + (to - from);
    if (t <= WEEK) out.push([f, t]);
    else out.push([f, WEEK], [0, t - WEEK]);
  }
  return out;
}

const total = (xs: Array<[number, number]>) => xs.reduce((s, [a, b]) => s + (b - a), 0);

/** Minutes a week both work, the minutes the need asks for, and the share (0–1) of the need covered. */
export function hoursOverlap(need: WeeklyHours, candidate: WeeklyHours): { overlapMinutes: number; neededMinutes: number; share: number } {
  const a = intervals(need);
  const b = intervals(candidate);
  let overlap = 0;
  for (const [af, at] of a) for (const [bf, bt] of b) overlap += Math.max(0, Math.min(at, bt) - Math.max(af, bf));
  const needed = total(a);
  return { overlapMinutes: overlap, neededMinutes: needed, share: needed ? overlap / needed : 0 };
}
