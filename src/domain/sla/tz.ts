/**
 * UTC-offset timelines for IANA time zones, built with Intl once per zone and 8 days.
 *
 * Why this exists: the SLA hot path must never call Intl (≈1 µs per call), yet local
 * working hours must map to UTC exactly across DST. So Intl is sampled here, at
 * calendar-compile time only (under 1 µs a sample, every 6 hours of the compiled range),
 * and every transition is pinned to the second by binary search. Everything downstream
 * is plain arithmetic over the resulting timeline.
 */

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Sampling step: far below the shortest gap between two real tzdb transitions. */
const SAMPLE_STEP = 6 * HOUR;
/** Local wall time is always within this distance of UTC (real offsets are ≤ 15 h). */
export const MAX_OFFSET_SPAN = 30 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetFormatters = new Map<string, Intl.DateTimeFormat | null>();
/**
 * zone → chunk index (UTC epoch ms / CHUNK_MS) → transitions in (chunk start, chunk end],
 * as [atMs, offsetAfter]. Chunks of 8 days rather than years, so a calendar compiled for
 * a few months does not pay for sampling whole years (nor whole months at its edges).
 */
const chunkCache = new Map<string, Map<number, number[]>>();
/** 8 days: a multiple of SAMPLE_STEP, so every chunk's samples lie on one UTC grid. */
const CHUNK_MS = 8 * DAY;

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

/**
 * A formatter that prints only the offset ("GMT+05:30", "GMT-00:19:32", "GMT"): about
 * 40 % cheaper than formatting the full local date and time, which matters because
 * compiling a calendar samples the offset every 6 hours. null where the runtime lacks
 * `longOffset` (then the full format is used).
 */
function offsetFormatter(zone: string): Intl.DateTimeFormat | null {
  let f = offsetFormatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    } catch {
      f = null;
    }
    offsetFormatters.set(zone, f);
  }
  return f;
}

const FORMAT_RE = /^(\d+)\/(\d+)\/(\d+),\s(\d+):(\d+):(\d+)$/;
const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/**
 * The offset in ms of a string ending in "GMT", "GMT+hh:mm" or "GMT+hh:mm:ss" (ASCII
 * sign), else NaN. Hand-parsed: this runs for every sample while compiling.
 */
function parseGmtOffset(s: string): number {
  const g = s.lastIndexOf('GMT');
  if (g < 0) return NaN;
  const rest = s.length - g - 3;
  if (rest === 0) return 0;
  if (rest !== 6 && rest !== 9) return NaN;
  const sign = s.charCodeAt(g + 3);
  if ((sign !== 43 && sign !== 45) || s.charCodeAt(g + 6) !== 58) return NaN;
  let sec = (digit(s, g + 4) * 10 + digit(s, g + 5)) * 3600 + (digit(s, g + 7) * 10 + digit(s, g + 8)) * 60;
  if (rest === 9) {
    if (s.charCodeAt(g + 9) !== 58) return NaN;
    sec += digit(s, g + 10) * 10 + digit(s, g + 11);
  }
  // Anything but digits where digits belong makes the sum NaN or out of range.
  return sec >= 0 && sec < 86_400 ? (sign === 45 ? -1000 : 1000) * sec : NaN;
}

/** True when `zone` is an IANA zone this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    // The offset formatter is needed anyway; the full one only where it is unavailable.
    if (offsetFormatter(zone)) return true;
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
  return offsetWith(offsetFormatter(zone), zone, utcMs);
}

/** intlOffset with the zone's offset formatter already looked up (it is sampled a lot). */
function offsetWith(short: Intl.DateTimeFormat | null, zone: string, utcMs: number): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  if (short) {
    const o = parseGmtOffset(short.format(whole));
    if (o === o) return o;
  }
  const m = FORMAT_RE.exec(formatter(zone).format(whole));
  if (!m) throw new RangeError(`Cannot read the UTC offset of ${zone} at ${whole}`);
  const local = Date.UTC(+m[3], +m[1] - 1, +m[2], +m[4], +m[5], +m[6]);
  return local - whole;
}

function transitionsOfChunk(zone: string, chunk: number): number[] {
  let byChunk = chunkCache.get(zone);
  if (!byChunk) chunkCache.set(zone, (byChunk = new Map()));
  const cached = byChunk.get(chunk);
  if (cached) return cached;
  const out: number[] = [];
  const a = chunk * CHUNK_MS;
  const b = a + CHUNK_MS;
  const f = offsetFormatter(zone);
  // Chunk starts are UTC midnights, so the samples lie on the same 6-hour grid whatever
  // the range asked for, and every range sees the same transitions.
  let prevT = a;
  let prevO = offsetWith(f, zone, a);
  for (let t = a + SAMPLE_STEP; prevT < b; t += SAMPLE_STEP) {
    const q = t < b ? t : b;
    const o = offsetWith(f, zone, q);
    if (o !== prevO) {
      // Binary search in whole seconds for the first instant carrying the new offset.
      let lo = prevT / 1000; // old offset here
      let hi = q / 1000; // new offset here
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetWith(f, zone, mid * 1000) === prevO) lo = mid;
        else hi = mid;
      }
      out.push(hi * 1000, o);
    }
    prevT = q;
    prevO = o;
  }
  byChunk.set(chunk, out);
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
  const c0 = Math.floor(fromMs / CHUNK_MS);
  const c1 = Math.floor(toMs / CHUNK_MS);
  const at = [-Infinity];
  const offsets = [intlOffset(zone, c0 * CHUNK_MS)];
  for (let c = c0; c <= c1; c++) {
    const tr = transitionsOfChunk(zone, c);
    for (let i = 0; i < tr.length; i += 2) {
      at.push(tr[i]);
      offsets.push(tr[i + 1]);
    }
  }
  return { zone, fromMs: c0 * CHUNK_MS, toMs: (c1 + 1) * CHUNK_MS, at, offsets };
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
