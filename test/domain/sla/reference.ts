/**
 * A deliberately simple, slow reference for business time: walk every minute, ask Intl
 * for the local date and time, check the weekday's intervals and the holidays. It shares
 * no code with the engine. Only valid for minute-aligned instants and intervals.
 *
 * Rule it implements (the calendar.ts rule): interval [from, to) of local date D runs
 * from the first instant whose wall clock reads D `from`..`to` to the last such instant
 * (the hull, so the repeated fall-back hour is real elapsed time, never a hole).
 */
import type { CalendarSpec } from '../../../src/domain/sla/calendar.ts';

export const MIN = 60_000;
const HOUR = 60 * MIN;

const formatters = new Map<string, Intl.DateTimeFormat>();
function fmt(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

const FORMAT_RE = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2})$/;

/** Local date 'YYYY-MM-DD', ISO weekday and minute of day of a UTC instant. */
export function localOf(zone: string, utcMs: number): { date: string; weekday: number; minute: number } {
  const m = FORMAT_RE.exec(fmt(zone).format(utcMs));
  if (!m) throw new Error(`unexpected Intl output for ${zone}`);
  const date = `${m[3]}-${m[1]}-${m[2]}`;
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return { date, weekday: wd === 0 ? 7 : wd, minute: +m[4] * 60 + +m[5] };
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Business spans (merged, sorted) whose hulls touch [fromMs, toMs), by walking minutes. */
export function referenceSpans(spec: CalendarSpec, fromMs: number, toMs: number): Array<[number, number]> {
  const hulls = new Map<string, [number, number]>();
  const holidays = new Set(spec.holidays ?? []);
  // A hull touching [from, to) has all its minutes within a day and a bit of it.
  for (let u = fromMs - 27 * HOUR; u < toMs + 27 * HOUR; u += MIN) {
    const l = localOf(spec.timeZone, u);
    if (holidays.has(l.date)) continue;
    const list = spec.week[l.weekday as 1] ?? [];
    list.forEach((w, j) => {
      if (l.minute >= toMinutes(w.from) && l.minute < toMinutes(w.to)) {
        const key = `${l.date}|${j}`;
        const h = hulls.get(key);
        if (h) h[1] = u + MIN;
        else hulls.set(key, [u, u + MIN]);
      }
    });
  }
  const sorted = [...hulls.values()].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Business ms in [a, b) given reference spans. */
export function spanMs(spans: ReadonlyArray<readonly [number, number]>, a: number, b: number): number {
  let sum = 0;
  for (const [s, e] of spans) sum += Math.max(0, Math.min(e, b) - Math.max(s, a));
  return sum;
}

/** Earliest t ≥ a with spanMs(a, t) = ms, or null if not reached within the spans. */
export function spanAdd(spans: ReadonlyArray<readonly [number, number]>, a: number, ms: number): number | null {
  if (ms <= 0) return a;
  let left = ms;
  for (const [s, e] of spans) {
    const lo = Math.max(s, a);
    if (e <= lo) continue;
    if (e - lo >= left) return lo + left;
    left -= e - lo;
  }
  return null;
}

/** Business ms in [a, b) by the minute walk. */
export function referenceBusinessMs(spec: CalendarSpec, a: number, b: number): number {
  if (b <= a) return 0;
  return spanMs(referenceSpans(spec, a, b), a, b);
}

/** UTC instants where the zone's offset changes within [fromMs, toMs), found hour by hour. */
export function referenceTransitions(zone: string, fromMs: number, toMs: number): number[] {
  const out: number[] = [];
  const offset = (u: number) => {
    const l = localOf(zone, u);
    return Date.parse(`${l.date}T00:00:00Z`) + l.minute * MIN - u;
  };
  let prev = offset(fromMs);
  const step = 6 * HOUR;
  for (let u = fromMs + step; u < toMs; u += step) {
    const o = offset(u);
    if (o !== prev) {
      // Transitions are on minute boundaries in the zones tested; find the minute.
      let t = u - step;
      while (offset(t) === prev) t += MIN;
      out.push(t);
      prev = o;
    }
  }
  return out;
}
