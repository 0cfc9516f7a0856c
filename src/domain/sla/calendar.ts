/**
 * Business calendars: working hours per ISO weekday in an IANA time zone, minus holidays,
 * compiled into a sorted table of UTC working intervals with prefix sums.
 *
 * The one rule everything follows (and the tests check minute by minute against Intl):
 *   a working interval [from, to) of a working, non-holiday local date D runs, in real
 *   elapsed time, from the first instant whose local wall clock reads D `from` (or
 *   later) to the last instant whose wall clock reads earlier than D `to`.
 * Consequences at DST changes:
 *   - spring forward: an interval that starts inside the skipped hour starts at the first
 *     valid instant (the transition); one that ends inside it ends there too, and an
 *     interval entirely inside it is empty;
 *   - fall back: a start inside the repeated hour resolves to its earlier occurrence (the
 *     earlier offset), an end to its later one, and the span between is real elapsed time:
 *     a 00:00–06:00 shift on the fall-back night lasts 7 hours, 02:30–04:00 lasts 2.5.
 * Overnight shifts are written as two intervals (22:00–24:00 and next day 00:00–06:00).
 *
 * Performance shape: Intl is used only while compiling (see tz.ts). The table is grown
 * lazily in whole UTC years (an explicit range compiles just its UTC months), so a calendar
 * used for 2000–2040 holds ~10k intervals for a 5×8 h week. Instead of two binary
 * searches, lookups use a bucket index (≈2.3 h buckets) into the table, so `businessMs`
 * is two O(1) index reads, a scan over the interval or so starting in that bucket, and
 * arithmetic. `businessReading`, the engine's innermost step, first tries a finer table
 * (≈70 min buckets) that gives the reading as a line wherever a bucket is all working
 * time or all off: two reads and a multiply-add (~4 ns) for most instants.
 */
import { MAX_OFFSET_SPAN, isValidTimeZone, offsetTimeline, pieceIndex } from './tz.ts';

const DAY = 86_400_000;
/**
 * Lookup buckets are 2^23 ms (≈ 2.3 h, so rarely more than one interval starts in one)
 * rather than days: multiplying by a power of two is exact, so the bucket of an instant
 * needs no division and no rounding fix-up.
 */
const BUCKET_MS = 2 ** 23;
export const PER_BUCKET = 2 ** -23;
/** Supported instants: [1900-01-01, 2200-01-01) UTC. Outside it Intl data is meaningless. */
export const MIN_SUPPORTED_MS = Date.UTC(1900, 0, 1);
export const MAX_SUPPORTED_MS = Date.UTC(2200, 0, 1);

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One working interval of a day, local wall-clock 'HH:MM' or 'HH:MM:SS'; `to` may be '24:00'. */
export interface WorkingHours {
  readonly from: string;
  readonly to: string;
}

/** A business calendar as plain data (what is stored and edited). */
export interface CalendarSpec {
  /** IANA time zone, e.g. 'Europe/Berlin'. */
  readonly timeZone: string;
  /** Working intervals per ISO weekday (1 = Monday … 7 = Sunday); a missing day is off. */
  readonly week: Readonly<Partial<Record<IsoWeekday, readonly WorkingHours[]>>>;
  /** Local dates 'YYYY-MM-DD' that are entirely off (see ics.ts to import them). */
  readonly holidays?: readonly string[];
}

const ALL_DAY: readonly WorkingHours[] = [{ from: '00:00', to: '24:00' }];
/** Round the clock, no holidays: business time equals elapsed time. */
export const CALENDAR_24X7: CalendarSpec = {
  timeZone: 'UTC',
  week: { 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY, 7: ALL_DAY },
  holidays: [],
};

/** A calendar definition that cannot be compiled; the message names the field. */
export class CalendarError extends Error {
  override name = 'CalendarError';
}

/**
 * A compiled calendar. Treat it as opaque: the fields are public only so the hot path
 * reads them without indirection. It grows itself when asked about instants it does
 * not cover yet, so it is not safe to share across threads (JS has none; fine).
 */
export class CompiledCalendar {
  /** Covered UTC range [from, to), whole UTC months; empty until first use. */
  from = 0;
  to = 0;
  n = 0;
  starts = new Float64Array(0);
  ends = new Float64Array(0);
  /**
   * cum[i] = business-time reading at starts[i]; cum[n] = reading at the end. Readings
   * are business ms since an arbitrary origin that never moves, even when the table
   * grows backwards, so readings taken before a growth stay comparable.
   */
  cum = new Float64Array(1);
  /** bucketIndex[k] = first interval starting at or after from + k·BUCKET_MS. */
  bucketIndex = new Int32Array(1);
  /**
   * The reading as a line per fine bucket (2^22 ms ≈ 70 min, coarser for very long
   * ranges): reading(t) = lin[2k] + lin[2k+1]·t for t in bucket k, slope 1 where the
   * bucket is all working time, 0 where it is all off, NaN where an interval starts or
   * ends inside it (then the interval table answers). linPer = 1 / bucket length.
   */
  lin = new Float64Array(2).fill(NaN);
  linPer = 0;

  constructor(
    readonly spec: CalendarSpec,
    /** True when every instant is business time (24×7, no holidays): no table needed. */
    readonly always: boolean,
    /** Working ms in a normal (holiday-free) week; 0 means the clock never runs. */
    readonly weekMs: number,
    /** dayPlan[isoWeekday] = sorted, merged [fromMs, toMs, …] offsets into the local day. */
    readonly dayPlan: readonly (readonly number[])[],
    readonly holidayDays: ReadonlySet<number>,
  ) {}
}

const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseTime(value: string, path: string, allow24: boolean): number {
  const m = TIME_RE.exec(value);
  const h = m ? +m[1] : NaN;
  const min = m ? +m[2] : NaN;
  const s = m && m[3] ? +m[3] : 0;
  const ok = m && min < 60 && s < 60 && (h < 24 || (allow24 && h === 24 && min === 0 && s === 0));
  if (!ok) throw new CalendarError(`${path}: expected HH:MM between 00:00 and ${allow24 ? '24:00' : '23:59'}, got "${value}"`);
  return ((h * 60 + min) * 60 + s) * 1000;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date, or NaN when it is not a real date. */
export function dayNumberOf(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) return NaN;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return NaN;
  return ms / DAY;
}

/** ISO weekday (1 = Monday) of a local day number; 1970-01-01 was a Thursday. */
function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/**
 * Validates a calendar definition and prepares it for lazy compilation. Pass
 * `fromMs`/`toMs` to compile a known range up front (e.g. the import's date span);
 * anything outside is compiled on demand.
 * @throws CalendarError for an unknown zone, malformed times or dates.
 */
export function compileCalendar(spec: CalendarSpec, range?: { fromMs: number; toMs: number }): CompiledCalendar {
  if (!isValidTimeZone(spec.timeZone)) throw new CalendarError(`timeZone: unknown time zone "${spec.timeZone}"`);
  const dayPlan: number[][] = [[]];
  let weekMs = 0;
  let allDay = true;
  for (let wd = 1; wd <= 7; wd++) {
    const list = spec.week[wd as IsoWeekday] ?? [];
    const pairs = list.map((w, i) => {
      const from = parseTime(w.from, `week.${wd}[${i}].from`, false);
      const to = parseTime(w.to, `week.${wd}[${i}].to`, true);
      if (to <= from) throw new CalendarError(`week.${wd}[${i}]: "to" must be after "from" (overnight shifts are two intervals)`);
      return [from, to] as const;
    });
    pairs.sort((a, b) => a[0] - b[0]);
    // Overlapping or touching intervals are merged: they mean the same working time.
    const merged: number[] = [];
    for (const [f, t] of pairs) {
      const last = merged.length - 1;
      if (last > 0 && f <= merged[last]) merged[last] = Math.max(merged[last], t);
      else merged.push(f, t);
    }
    for (let i = 0; i < merged.length; i += 2) weekMs += merged[i + 1] - merged[i];
    if (!(merged.length === 2 && merged[0] === 0 && merged[1] === DAY)) allDay = false;
    dayPlan.push(merged);
  }
  const holidayDays = new Set<number>();
  (spec.holidays ?? []).forEach((h, i) => {
    const dn = dayNumberOf(h);
    if (Number.isNaN(dn)) throw new CalendarError(`holidays[${i}]: expected a date YYYY-MM-DD, got "${h}"`);
    holidayDays.add(dn);
  });
  const cal = new CompiledCalendar(spec, allDay && holidayDays.size === 0, weekMs, dayPlan, holidayDays);
  if (range && !cal.always) ensureRange(cal, range.fromMs, range.toMs);
  return cal;
}

/** Working intervals with local dates in the whole UTC range [fromMs, toMs), clipped to it. */
function compileBlock(cal: CompiledCalendar, fromMs: number, toMs: number): number[] {
  const tl = offsetTimeline(cal.spec.timeZone, fromMs - MAX_OFFSET_SPAN - DAY, toMs + MAX_OFFSET_SPAN + DAY);
  const out: number[] = [];
  const dn0 = Math.floor((fromMs - MAX_OFFSET_SPAN) / DAY) - 1;
  const dn1 = Math.floor((toMs + MAX_OFFSET_SPAN) / DAY) + 1;
  const at = tl.at;
  for (let dn = dn0; dn <= dn1; dn++) {
    const plan = cal.dayPlan[isoWeekday(dn)];
    if (plan.length === 0 || cal.holidayDays.has(dn)) continue;
    const l0 = dn * DAY;
    const w0 = l0 - MAX_OFFSET_SPAN;
    const w1 = l0 + DAY + MAX_OFFSET_SPAN;
    // Walk the constant-offset pieces of the UTC window around this local day; in each,
    // local time is linear in UTC, so a working interval maps back by subtracting o.
    // The interval's UTC span is the hull of those pieces (see the rule at the top).
    const iFirst = pieceIndex(tl, w0);
    for (let j = 0; j < plan.length; j += 2) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = iFirst; i < at.length && at[i] < w1; i++) {
        const a = Math.max(at[i], w0);
        const b = i + 1 < at.length ? Math.min(at[i + 1], w1) : w1;
        const o = tl.offsets[i];
        const pLo = Math.max(a, l0 + plan[j] - o);
        const pHi = Math.min(b, l0 + plan[j + 1] - o);
        if (pHi > pLo) {
          if (pLo < lo) lo = pLo;
          if (pHi > hi) hi = pHi;
        }
      }
      if (lo < fromMs) lo = fromMs;
      if (hi > toMs) hi = toMs;
      if (hi > lo) out.push(lo, hi);
    }
  }
  return sortAndMerge(out);
}

/** Sorts [s, e, s, e, …] by start (only if needed) and merges overlapping or touching pairs. */
function sortAndMerge(flat: number[]): number[] {
  let sorted = true;
  for (let i = 2; i < flat.length; i += 2) if (flat[i] < flat[i - 2]) sorted = false;
  let pairs = flat;
  if (!sorted) {
    // Only zones that fall back across midnight get here (a local date recurs).
    const idx: number[] = [];
    for (let i = 0; i < flat.length; i += 2) idx.push(i);
    idx.sort((x, y) => flat[x] - flat[y]);
    pairs = idx.flatMap((i) => [flat[i], flat[i + 1]]);
  }
  const out: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const last = out.length - 1;
    if (last > 0 && pairs[i] <= out[last]) out[last] = Math.max(out[last], pairs[i + 1]);
    else out.push(pairs[i], pairs[i + 1]);
  }
  return out;
}

/**
 * Makes the table cover [fromMs, toMs] by compiling the missing whole UTC months and
 * splicing them in; existing intervals are kept. O(table size) per growth, and growth
 * is rare because ranges only widen (lazy growth from a lookup adds whole years).
 * @throws RangeError outside the supported years 1900–2199.
 */
export function ensureRange(cal: CompiledCalendar, fromMs: number, toMs: number): void {
  cover(cal, fromMs, toMs, false);
}

/** ensureRange, padded to whole UTC years when `wholeYears` (lookups outside the table). */
function cover(cal: CompiledCalendar, fromMs: number, toMs: number, wholeYears: boolean): void {
  if (!(fromMs >= MIN_SUPPORTED_MS && toMs < MAX_SUPPORTED_MS && toMs >= fromMs)) {
    throw new RangeError(`Instant outside the supported range 1900–2199: [${fromMs}, ${toMs}]`);
  }
  if (cal.always || (fromMs >= cal.from && toMs < cal.to)) return;
  const a = new Date(fromMs);
  const b = new Date(toMs);
  const lo = wholeYears ? Date.UTC(a.getUTCFullYear(), 0, 1) : Date.UTC(a.getUTCFullYear(), a.getUTCMonth(), 1);
  const hi = wholeYears ? Date.UTC(b.getUTCFullYear() + 1, 0, 1) : Date.UTC(b.getUTCFullYear(), b.getUTCMonth() + 1, 1);
  const empty = cal.from === cal.to;
  const newFrom = empty ? lo : Math.min(cal.from, lo);
  const newTo = Math.min(MAX_SUPPORTED_MS, Math.max(empty ? 0 : cal.to, hi));
  let flat: number[];
  if (empty) flat = compileBlock(cal, newFrom, newTo);
  else {
    const before = newFrom < cal.from ? compileBlock(cal, newFrom, cal.from) : [];
    const after = newTo > cal.to ? compileBlock(cal, cal.to, newTo) : [];
    const mid: number[] = [];
    for (let i = 0; i < cal.n; i++) mid.push(cal.starts[i], cal.ends[i]);
    // Blocks are clipped at their boundaries, so merging re-joins intervals cut there.
    flat = sortAndMerge(before.concat(mid, after));
  }
  install(cal, newFrom, newTo, flat);
}

function install(cal: CompiledCalendar, from: number, to: number, flat: number[]): void {
  const n = flat.length / 2;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const cum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    starts[i] = flat[2 * i];
    ends[i] = flat[2 * i + 1];
    cum[i + 1] = cum[i] + (ends[i] - starts[i]);
  }
  const buckets = Math.ceil((to - from) * PER_BUCKET);
  const bucketIndex = new Int32Array(buckets + 2);
  for (let k = 0, j = 0; k < buckets + 2; k++) {
    const bucketStart = from + k * BUCKET_MS;
    while (j < n && starts[j] < bucketStart) j++;
    bucketIndex[k] = j;
  }
  const hadTable = cal.from !== cal.to;
  const oldFrom = cal.from;
  const oldReading = cal.cum[0];
  cal.from = from;
  cal.to = to;
  cal.n = n;
  cal.starts = starts;
  cal.ends = ends;
  cal.cum = cum;
  cal.bucketIndex = bucketIndex;
  // Fine buckets of at least 2^22 ms (≈ 70 min), at most 2^18 of them (4 MB).
  let fineShift = 22;
  while ((to - from) / 2 ** fineShift > 2 ** 18) fineShift++;
  const fine = Math.ceil((to - from) / 2 ** fineShift);
  const lin = new Float64Array(2 * fine + 2).fill(NaN);
  for (let k = 0, i = -1; k < fine; k++) {
    const bs = from + k * 2 ** fineShift;
    const be = bs + 2 ** fineShift;
    while (i + 1 < n && starts[i + 1] <= bs) i++;
    if (i >= 0 && ends[i] >= be) {
      lin[2 * k] = cum[i] - starts[i];
      lin[2 * k + 1] = 1;
    } else if ((i < 0 || ends[i] <= bs) && (i + 1 >= n || starts[i + 1] >= be)) {
      lin[2 * k] = i >= 0 ? cum[i + 1] : cum[0];
      lin[2 * k + 1] = 0;
    }
  }
  cal.lin = lin;
  cal.linPer = 2 ** -fineShift;
  if (hadTable) {
    // Keep the origin: the reading at the old start must not change.
    const shift = oldReading - readingAt(cal, oldFrom);
    if (shift !== 0) {
      for (let i = 0; i <= n; i++) cum[i] += shift;
      for (let k = 0; k < cal.lin.length; k += 2) cal.lin[k] += shift;
    }
  }
}

/** Business-time reading at t, for t inside the covered range [from, to). */
function readingAt(cal: CompiledCalendar, t: number): number {
  const starts = cal.starts;
  // Last interval starting before the end of t's bucket, then step back past t.
  let i = cal.bucketIndex[(((t - cal.from) * PER_BUCKET) | 0) + 1] - 1;
  while (i >= 0 && starts[i] > t) i--;
  if (i < 0) return cal.cum[0];
  const d = t - starts[i];
  const len = cal.ends[i] - starts[i];
  return cal.cum[i] + (d < len ? d : len);
}

/**
 * Business time in [startMs, endMs) in ms; 0 when endMs ≤ startMs or either is NaN.
 * The hot path: no Intl, no allocation once the range is compiled.
 * @throws RangeError for instants outside 1900–2199.
 */
export function businessMs(cal: CompiledCalendar, startMs: number, endMs: number): number {
  if (!(endMs > startMs)) return 0;
  if (cal.always) return endMs - startMs;
  if (startMs < cal.from || endMs >= cal.to) cover(cal, startMs, endMs, true);
  return readingAt(cal, endMs) - readingAt(cal, startMs);
}

/**
 * A business-time odometer: businessReading(cal, b) − businessReading(cal, a) equals
 * businessMs(cal, a, b) for a ≤ b. Lets a caller measuring many consecutive segments
 * (a ticket's status history) look each boundary up once instead of twice. Readings
 * stay valid when the table grows; they mean nothing across calendars.
 * @throws RangeError for instants outside 1900–2199.
 */
export function businessReading(cal: CompiledCalendar, t: number): number {
  if (cal.always) return t;
  if (t < cal.from || t >= cal.to) return grownReading(cal, t);
  const k = 2 * (((t - cal.from) * cal.linPer) | 0);
  const v = cal.lin[k] + cal.lin[k + 1] * t;
  if (v === v) return v;
  // readingAt(), written out: this is the engine's innermost step, inlined into callers.
  const starts = cal.starts;
  let i = cal.bucketIndex[(((t - cal.from) * PER_BUCKET) | 0) + 1] - 1;
  if (i >= 0 && starts[i] > t) {
    i--;
    while (i >= 0 && starts[i] > t) i--;
  }
  if (i < 0) return cal.cum[0];
  const d = t - starts[i];
  const len = cal.ends[i] - starts[i];
  return cal.cum[i] + (d < len ? d : len);
}

function grownReading(cal: CompiledCalendar, t: number): number {
  cover(cal, t, t, true);
  return readingAt(cal, t);
}
