/**
 * Loading tickets for the SLA engine's walk (measure.ts): a ticket's instants and status
 * changes copied into flat typed arrays, with findProblem's checks that do not depend on
 * the evaluation instant. Used by the object entry points (ticket.ts, through the shared
 * scratch below) and the columnar one (columns.ts, into its own arrays). Internal to
 * src/domain/sla.
 */
import { EVIDENCE_RECORDED, evidenceCode, MAX_MS, MIN_MS, walk, type TicketMeasurement } from './measure.ts';
import { MAX_CACHED, syncCategories, type Plan, type Prepared, type StatusDictionary } from './prepared.ts';
import type { CompiledCalendar } from './calendar.ts';
import type { StatusChange, TicketInput } from './ticket.ts';

/**
 * Writes a ticket's [openedAt, firstResponseAt, resolvedAt, closedAt] to fields[f…f+3]
 * (NaN = absent) and checks them as findProblem does, apart from the checks involving
 * the evaluation instant; the priority history's instants too. False when one fails.
 */
export function loadFields(t: TicketInput, fields: Float64Array, f: number): boolean {
  const o = t.openedAt;
  if (typeof o !== 'number' || !(o >= MIN_MS && o < MAX_MS)) return false;
  const fr = t.firstResponseAt;
  const ra = t.resolvedAt;
  const ca = t.closedAt;
  // Optional instants: absent, or numbers in [openedAt, MAX).
  if (fr !== undefined && fr !== null && (typeof fr !== 'number' || !(fr >= o && fr < MAX_MS))) return false;
  if (ra !== undefined && ra !== null && (typeof ra !== 'number' || !(ra >= o && ra < MAX_MS))) return false;
  if (ca !== undefined && ca !== null && (typeof ca !== 'number' || !(ca >= o && ca < MAX_MS))) return false;
  if (typeof ra === 'number' && typeof ca === 'number' && ca < ra) return false;
  const ph = t.priorityHistory;
  if (ph) {
    for (let k = 0, prev = MIN_MS; k < ph.length; k++) {
      const at = ph[k].atMs;
      if (typeof at !== 'number' || !(at >= prev && at < MAX_MS)) return false;
      prev = at;
    }
  }
  fields[f] = o;
  fields[f + 1] = typeof fr === 'number' ? fr : NaN;
  fields[f + 2] = typeof ra === 'number' ? ra : NaN;
  fields[f + 3] = typeof ca === 'number' ? ca : NaN;
  return true;
}

/**
 * Copies status changes to times/codes from index `o` on (room for sh.length needed),
 * checking them as findProblem does: valid instants, none before `opened` or before the
 * previous one, no blank status. Returns how many were copied, or -1 when a check fails.
 */
export function loadEvents(
  sh: readonly StatusChange[],
  opened: number,
  dict: StatusDictionary,
  times: Float64Array,
  codes: Int32Array,
  o: number,
): number {
  let prev = opened;
  for (let i = 0; i < sh.length; i++) {
    const e = sh[i];
    const a = e.atMs;
    if (typeof a !== 'number' || !(a >= prev && a < MAX_MS)) return -1;
    const c = dict.code(e.status);
    if (c < 0) return -1;
    times[o + i] = a;
    codes[o + i] = c;
    prev = a;
  }
  return sh.length;
}

/** One ticket loaded for the walk by the object entry points (reused). */
class ObjectScratch {
  readonly fields = new Float64Array(4);
  evidence = EVIDENCE_RECORDED;
  times = new Float64Array(32);
  codes = new Int32Array(32);
  events = 0;
}
const objectScratch = new ObjectScratch();

/**
 * Loads a TicketInput into the shared scratch for walk(): the ticket's instants and its
 * status changes as the policy's own codes. False when a check of findProblem that does
 * not involve the evaluation instant fails (the caller then asks findProblem).
 */
export function loadTicket(p: Prepared, t: TicketInput): boolean {
  const s = objectScratch;
  if (!loadFields(t, s.fields, 0)) return false;
  s.evidence = evidenceCode(t.responseEvidence);
  const sh = t.statusHistory;
  const n = sh ? sh.length : 0;
  if (n > s.times.length) {
    s.times = new Float64Array(Math.max(n, 2 * s.times.length));
    s.codes = new Int32Array(s.times.length);
  }
  if (p.dict.size > MAX_CACHED) {
    p.dict.clear();
    p.catCount = 0;
  }
  s.events = n > 0 ? loadEvents(sh as readonly StatusChange[], s.fields[0], p.dict, s.times, s.codes, 0) : 0;
  if (s.events < 0) return false;
  if (p.catCount < p.dict.size) syncCategories(p);
  return true;
}

/** walk() over the ticket last loaded by loadTicket(). */
export function walkLoaded(p: Prepared, plan: Plan, cal: CompiledCalendar, nowMs: number, m: TicketMeasurement): string | null {
  const s = objectScratch;
  return walk(plan, cal, s.fields, 0, s.times, s.codes, p.catOf, 0, s.events, nowMs, m, s.evidence);
}
