/**
 * UTC-offset timelines for IANA time zones, built with Intl once per zone and year.
 *
 * Why this exists: the SLA hot path must never call Intl (≈1 µs per call), yet local
 * working hours must map to UTC exactly across DST. So Intl is sampled here, at
 * calendar-compile time only, and every transition is pinned to the second by binary
 * search. Everything downstream is plain arithmetic over the resulting timeline.
 */

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Sampling step: far below the shortest gap between two real tzdb transitions. */
const SAMPLE_STEP = 6 * HOUR;
/** Local wall time is always within this distance of UTC (real offsets are ≤ 15 h). */
export const MAX_OFFSET_SPAN = 30 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** zone → year → transitions in (Jan 1 of year, Jan 1 of year + 1], as [atMs, offsetAfter]. */
const yearCache = new Map<string, Map<number, number[]>>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // Throws RangeError for an unknown zone: a calendar definition error, surfaced early.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

const FORMAT_RE = /^(\d+)\/(\d+)\/(\d+),\s(\d+):(\d+):(\d+)$/;

/** True when `zone` is an IANA zone this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * UTC offset (local − UTC, ms) of `zone` at `utcMs`, straight from Intl.
 * Compile-time only; second precision, which is all tzdb has.
 */
export function intlOffset(zone: string, utcMs: number): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  const m = FORMAT_RE.exec(formatter(zone).format(whole));
  if (!m) throw new RangeError(`Cannot read the UTC offset of ${zone} at ${whole}`);
  const local = Date.UTC(+m[3], +m[1] - 1, +m[2], +m[4], +m[5], +m[6]);
  return local - whole;
}

function transitionsOfYear(zone: string, year: number): number[] {
  let byYear = yearCache.get(zone);
  if (!byYear) yearCache.set(zone, (byYear = new Map()));
  const cached = byYear.get(year);
  if (cached) return cached;
  const out: number[] = [];
  const a = Date.UTC(year, 0, 1);
  const b = Date.UTC(year + 1, 0, 1);
  let prevT = a;
  let prevO = intlOffset(zone, a);
  for (let t = a + SAMPLE_STEP; prevT < b; t += SAMPLE_STEP) {
    const q = t < b ? t : b;
    const o = intlOffset(zone, q);
    if (o !== prevO) {
      // Binary search in whole seconds for the first instant carrying the new offset.
      let lo = prevT / 1000; // old offset here
      let hi = q / 1000; // new offset here
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (intlOffset(zone, mid * 1000) === prevO) lo = mid;
        else hi = mid;
      }
      out.push(hi * 1000, o);
    }
    prevT = q;
    prevO = o;
  }
  byYear.set(year, out);
  return out;
}

/**
 * Piecewise-constant offset function of one zone: `offsets[i]` holds on
 * [`at[i]`, `at[i + 1]`), with `at[0] = -Infinity`. Valid inside [fromMs, toMs).
 */
export interface OffsetTimeline {
  readonly zone: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly at: readonly number[];
  readonly offsets: readonly number[];
}

/** Builds the offset timeline of `zone` covering at least [fromMs, toMs). */
export function offsetTimeline(zone: string, fromMs: number, toMs: number): OffsetTimeline {
  const y0 = new Date(fromMs).getUTCFullYear();
  const y1 = new Date(toMs).getUTCFullYear();
  const at = [-Infinity];
  const offsets = [intlOffset(zone, Date.UTC(y0, 0, 1))];
  for (let y = y0; y <= y1; y++) {
    const tr = transitionsOfYear(zone, y);
    for (let i = 0; i < tr.length; i += 2) {
      at.push(tr[i]);
      offsets.push(tr[i + 1]);
    }
  }
  return { zone, fromMs: Date.UTC(y0, 0, 1), toMs: Date.UTC(y1 + 1, 0, 1), at, offsets };
}

/** Index of the timeline piece containing `utcMs`. */
export function pieceIndex(tl: OffsetTimeline, utcMs: number): number {
  const at = tl.at;
  let lo = 0;
  let hi = at.length; // invariant: at[lo] <= utcMs < at[hi]
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (at[mid] <= utcMs) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Offset (ms) at `utcMs` from a prebuilt timeline: no Intl. */
export function offsetAt(tl: OffsetTimeline, utcMs: number): number {
  return tl.offsets[pieceIndex(tl, utcMs)];
}

/**
 * The first UTC instant whose local wall-clock time is ≥ `localMs` (local time written
 * as if it were UTC). In a spring-forward gap that is the transition itself; in a
 * repeated fall-back hour it is the earlier occurrence.
 */
export function firstInstantAtOrAfterLocal(tl: OffsetTimeline, localMs: number): number {
  const w0 = localMs - MAX_OFFSET_SPAN;
  let i = pieceIndex(tl, w0);
  for (; i < tl.at.length; i++) {
    const a = i === 0 ? w0 : Math.max(tl.at[i], w0);
    const b = i + 1 < tl.at.length ? tl.at[i + 1] : Infinity;
    const o = tl.offsets[i];
    if (b + o > localMs) return Math.max(a, localMs - o);
  }
  /* c8 ignore next */
  return localMs - tl.offsets[tl.offsets.length - 1];
}

/** Local calendar date (days since 1970-01-01 on the local calendar) of `utcMs`. */
export function localDayNumber(tl: OffsetTimeline, utcMs: number): number {
  return Math.floor((utcMs + offsetAt(tl, utcMs)) / DAY);
}
