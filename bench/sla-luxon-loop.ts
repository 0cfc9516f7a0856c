/**
 * The SLA rules of src/domain/sla written the way a developer would with luxon: walk
 * local days for every business-time question, format months with toFormat. It is the
 * comparison baseline of the full-pass benchmark and must produce identical results.
 */
import { DateTime } from 'luxon';
import type { CalendarSpec } from '../src/domain/sla/calendar.ts';
import type { CreditTier, SlaPolicy } from '../src/domain/sla/policy.ts';
import type { OutageRecord } from '../src/domain/sla/report.ts';
import type { TicketInput } from '../src/domain/sla/ticket.ts';

export interface LuxonCalendar {
  readonly zone: string;
  readonly week: Record<number, Array<{ fh: number; fm: number; th: number; tm: number }>>;
  readonly holidays: Set<string>;
  readonly always: boolean;
}

/** Parses the calendar once (as any implementation would). */
export function luxonCalendar(spec: CalendarSpec): LuxonCalendar {
  const week: LuxonCalendar['week'] = {};
  let always = true;
  for (let d = 1; d <= 7; d++) {
    const list = spec.week[d as 1] ?? [];
    week[d] = list.map((w) => {
      const [fh, fm] = w.from.split(':').map(Number);
      const [th, tm] = w.to.split(':').map(Number);
      return { fh, fm, th, tm };
    });
    if (!(list.length === 1 && list[0].from === '00:00' && list[0].to === '24:00')) always = false;
  }
  const holidays = new Set(spec.holidays ?? []);
  return { zone: spec.timeZone, week, holidays, always: always && holidays.size === 0 };
}

/** Working [start, end) ms of one local day. */
function dayIntervals(cal: LuxonCalendar, day: DateTime): Array<[number, number]> {
  if (cal.holidays.has(day.toISODate() ?? '')) return [];
  return cal.week[day.weekday].map((w) => [
    day.set({ hour: w.fh, minute: w.fm }).toMillis(),
    w.th === 24 ? day.plus({ days: 1 }).toMillis() : day.set({ hour: w.th, minute: w.tm }).toMillis(),
  ]);
}

export function luxonBusinessMs(cal: LuxonCalendar, a: number, b: number): number {
  if (!(b > a)) return 0;
  if (cal.always) return b - a;
  let total = 0;
  for (let day = DateTime.fromMillis(a, { zone: cal.zone }).startOf('day'); day.toMillis() < b; day = day.plus({ days: 1 })) {
    for (const [s, e] of dayIntervals(cal, day)) {
      const lo = Math.max(s, a);
      const hi = Math.min(e, b);
      if (hi > lo) total += hi - lo;
    }
  }
  return total;
}

export function luxonAddBusinessMs(cal: LuxonCalendar, a: number, ms: number): number {
  if (!(ms > 0)) return a;
  if (cal.always) return a + ms;
  let left = ms;
  for (let day = DateTime.fromMillis(a, { zone: cal.zone }).startOf('day'); ; day = day.plus({ days: 1 })) {
    for (const [s, e] of dayIntervals(cal, day)) {
      const lo = Math.max(s, a);
      if (e <= lo) continue;
      if (e - lo >= left) return lo + left;
      left -= e - lo;
    }
  }
}

export interface LuxonVerdict {
  id: string;
  problem: string | null;
  priority?: string;
  state?: string;
  respElapsed?: number;
  respBreached?: boolean;
  respDue?: number | null;
  resElapsed?: number;
  resBreached?: boolean;
  resDue?: number | null;
  paused?: number;
  reportAt?: number | null;
}

const valid = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The ticket rules of ticket.ts, straightforwardly, with luxon doing the time arithmetic. */
export function luxonEvaluate(policy: SlaPolicy, cal: LuxonCalendar, t: TicketInput, now: number): LuxonVerdict {
  const opened = t.openedAt;
  if (!valid(opened)) return { id: t.id, problem: 'missing openedAt' };
  for (const v of [t.firstResponseAt, t.resolvedAt, t.closedAt]) if (valid(v) && v < opened) return { id: t.id, problem: 'before opened' };
  const history = t.statusHistory ?? [];
  for (let i = 0; i < history.length; i++) {
    if (history[i].atMs < opened || (i > 0 && history[i].atMs < history[i - 1].atMs)) return { id: t.id, problem: 'bad history' };
  }
  const ph = (t.priorityHistory ?? []).filter((p) => p.atMs <= now);
  const priority = ph.length > 0 ? ph[ph.length - 1].priority : t.priority;
  const targets = priority ? policy.priorities[priority] : undefined;
  if (!priority || !targets) return { id: t.id, problem: 'no targets' };
  const norm = (s: string) => s.trim().toLowerCase();
  const done = new Set(policy.resolvedStatuses.map(norm));
  const pause = new Set(policy.pauseStatuses.map(norm));
  const cat = (s: string) => (done.has(norm(s)) ? 'done' : pause.has(norm(s)) ? 'pause' : 'run');

  const events = history.filter((e) => e.atMs <= now).map((e) => ({ at: e.atMs, c: cat(e.status) }));
  if (!events.some((e) => e.c === 'done')) {
    const r = valid(t.resolvedAt) ? t.resolvedAt : t.closedAt;
    if (valid(r) && r <= now) {
      if (events.length > 0 && r < events[events.length - 1].at) return { id: t.id, problem: 'resolvedAt before last change' };
      events.push({ at: r, c: 'done' });
    }
  }
  const resT = targets.resolution;
  const resClock = resT?.clock ?? 'business';
  const measure = (clock: string, a: number, b: number) => (clock === 'business' ? luxonBusinessMs(cal, a, b) : Math.max(0, b - a));
  const advance = (clock: string, a: number, ms: number) => (clock === 'business' ? luxonAddBusinessMs(cal, a, ms) : a + Math.max(0, ms));
  const need = resT ? resT.ms : Infinity;
  let acc = 0;
  let paused = 0;
  let due: number | null = null;
  let state = 'run';
  let from = opened;
  let firstResolve: number | null = null;
  let lastResolve: number | null = null;
  const segments: Array<[number, number, string]> = [];
  for (const e of events) {
    segments.push([from, e.at, state]);
    if (e.c === 'done' && state !== 'done') {
      firstResolve ??= e.at;
      lastResolve = e.at;
    }
    state = e.c;
    from = e.at;
  }
  if (state !== 'done') segments.push([from, now, state]);
  for (const [a, b, s] of segments) {
    if (b <= a) continue;
    if (s === 'run') {
      const piece = measure(resClock, a, b);
      if (due === null && acc + piece >= need) due = advance(resClock, a, need - acc);
      acc += piece;
    } else if (s === 'pause') paused += measure(resClock, a, b);
  }
  const resolved = state === 'done';
  if (due === null && state === 'run' && resT) due = advance(resClock, now, need - acc);
  const resBreached = acc > need;

  const fr = valid(t.firstResponseAt) && t.firstResponseAt <= now ? t.firstResponseAt : null;
  const respondedAt = firstResolve !== null && (fr === null || firstResolve < fr) ? firstResolve : fr;
  const rt = targets.response;
  const respClock = rt?.clock ?? 'business';
  const respElapsed = measure(respClock, opened, respondedAt ?? now);
  const respBreached = rt !== undefined && respElapsed > rt.ms;
  const respDue = rt && (respondedAt === null || respElapsed >= rt.ms) ? advance(respClock, opened, rt.ms) : null;
  let reportAt: number | null = resolved ? lastResolve : null;
  if (!resolved && (respBreached || resBreached)) reportAt = Math.min(respBreached ? (respDue as number) : Infinity, resBreached ? (due as number) : Infinity);
  return {
    id: t.id,
    problem: null,
    priority,
    state: resolved ? 'resolved' : state === 'pause' ? 'paused' : 'open',
    respElapsed,
    respBreached,
    respDue,
    resElapsed: acc,
    resBreached,
    resDue: due,
    paused,
    reportAt,
  };
}

export interface LuxonMonth {
  month: string;
  counts: Record<string, { tickets: number; breached: number }>;
  availability: number | null;
  creditPct: number;
}

function tierPct(tiers: readonly CreditTier[] | undefined, target: number, actual: number): number {
  const shortfall = Math.round((target - actual) * 1e9) / 1e9;
  if (!tiers || shortfall <= 0) return 0;
  return Math.max(0, ...tiers.filter((t) => shortfall > Math.round(t.shortfallOver * 1e9) / 1e9).map((t) => t.creditPct));
}

/** Monthly attainment, availability and credits, months keyed with luxon in the calendar zone. */
export function luxonMonthly(policy: SlaPolicy, cal: LuxonCalendar, verdicts: LuxonVerdict[], outages: OutageRecord[], months: string[]): LuxonMonth[] {
  const byMonth = new Map<string, LuxonMonth>();
  for (const m of months) {
    const counts: LuxonMonth['counts'] = {};
    for (const p of Object.keys(policy.priorities)) counts[p] = { tickets: 0, breached: 0 };
    byMonth.set(m, { month: m, counts, availability: null, creditPct: 0 });
  }
  for (const v of verdicts) {
    if (v.problem !== null || v.reportAt === null || v.reportAt === undefined) continue;
    const key = DateTime.fromMillis(v.reportAt, { zone: cal.zone }).toFormat('yyyy-MM');
    const c = byMonth.get(key)?.counts[v.priority as string];
    if (!c) continue;
    c.tickets++;
    if (v.respBreached || v.resBreached) c.breached++;
  }
  for (const m of byMonth.values()) {
    const start = DateTime.fromFormat(m.month, 'yyyy-MM', { zone: cal.zone });
    const s = start.toMillis();
    const e = start.plus({ months: 1 }).toMillis();
    const clip = (list: OutageRecord[]) =>
      list
        .map((o) => [Math.max(o.startMs, s), Math.min(o.endMs, e)])
        .filter(([a, b]) => b > a)
        .sort((x, y) => x[0] - y[0])
        .reduce<number[][]>((acc, [a, b]) => {
          const last = acc[acc.length - 1];
          if (last && a <= last[1]) last[1] = Math.max(last[1], b);
          else acc.push([a, b]);
          return acc;
        }, []);
    const maint = clip(outages.filter((o) => o.planned));
    const down = clip(outages.filter((o) => !o.planned));
    const maintMs = maint.reduce((x, [a, b]) => x + b - a, 0);
    let downMs = 0;
    for (const [a, b] of down) {
      downMs += b - a;
      for (const [c, d] of maint) downMs -= Math.max(0, Math.min(b, d) - Math.max(a, c));
    }
    const scheduled = e - s - maintMs;
    m.availability = scheduled > 0 ? (scheduled - downMs) / scheduled : 1;
    let pct = 0;
    if (policy.availability) pct += tierPct(policy.availability.credits, policy.availability.target, m.availability);
    for (const [p, c] of Object.entries(m.counts)) {
      const target = policy.priorities[p].monthlyAttainment;
      if (target === undefined || c.tickets === 0) continue;
      pct += tierPct(policy.attainmentCredits, target, (c.tickets - c.breached) / c.tickets);
    }
    m.creditPct = policy.creditCapPct !== undefined ? Math.min(pct, policy.creditCapPct) : pct;
  }
  return [...byMonth.values()];
}
