import { invalidCursor } from '../../paging.ts';
import type { TicketForSla } from '../tickets/tickets.public.ts';
import { monthOf } from './sla.service.ts';
import { yieldToOthers } from './sla.measure.ts';
import type { ListedVerdict, VerdictCountKey, VerdictFilter, VerdictRows, VerdictTallies } from './verdicts.repo.ts';

// What the list filters and the overview counts by, one bit each per verdict.
const BREACHED = 1;
const AT_RISK = 2;
const OPEN = 4; // open or paused
const PROBLEM = 8;
const RESPONSE_BREACHED = 16;
const RESOLUTION_BREACHED = 32;
const RESPONSE_NOT_MEASURED = 64; // measured, but the data cannot say when the first response was

const FILTER_BIT: Record<VerdictFilter['filter'], number> = { all: 0, breached: BREACHED, 'at-risk': AT_RISK, open: OPEN, problems: PROBLEM };

/**
 * An engagement's verdicts as just measured, held in memory while they are being stored
 * (write-behind, see `sla.verdicts.ts`): storing a million verdicts takes PostgreSQL tens of
 * seconds, measuring them about a second. Until the rows are committed the ticket list, its totals
 * and the overview's month tallies are answered from here, exactly as `verdicts.repo.ts`
 * answers them from the stored rows: the same filters, the same order (opened, then
 * ticket id, newest first), the same cursors, the same tallies. `test/server/sla-write-behind.test.ts`
 * compares the two on every filter.
 */
export class HeldVerdicts {
  private order: Int32Array | null = null;
  private readonly counted = new Map<VerdictCountKey, number>();
  private talliesKept: VerdictTallies | null = null;

  private constructor(
    private readonly rows: VerdictRows,
    private readonly tickets: readonly TicketForSla[],
    private readonly timeZone: string,
    /** Per verdict: the bits above, the index of its priority and of its month, its report instant (NaN: not reported yet). */
    private readonly flags: Uint8Array,
    private readonly priority: Int32Array,
    private readonly month: Int32Array,
    private readonly reportAt: Float64Array,
    private readonly names: { priorities: string[]; months: string[] },
  ) {}

  /**
   * Reads every verdict once, a slice between yields, into the few columns the list filters
   * and the overview counts by; a page makes its rows again from `rows` (`rows.slice(i, i + 1)`
   * is the verdict of `tickets[i]`), so no million row objects are held.
   */
  static async of(rows: VerdictRows, tickets: readonly TicketForSla[], timeZone: string): Promise<HeldVerdicts> {
    const n = rows.length;
    const flags = new Uint8Array(n);
    const priority = new Int32Array(n);
    const month = new Int32Array(n);
    const reportAt = new Float64Array(n);
    const names = { priorities: [] as string[], months: [] as string[] };
    const index = { priorities: new Map<string, number>(), months: new Map<string, number>() };
    const indexOf = (kind: 'priorities' | 'months', name: string) => {
      let k = index[kind].get(name);
      if (k === undefined) index[kind].set(name, (k = names[kind].push(name) - 1));
      return k;
    };
    for (let from = 0; from < n; from += SLICE) {
      const slice = rows.slice(from, from + SLICE);
      for (let j = 0; j < slice.length; j++) {
        const r = slice[j];
        const i = from + j;
        flags[i] =
          (r.breached ? BREACHED : 0) |
          (r.atRisk ? AT_RISK : 0) |
          (r.state === 'open' || r.state === 'paused' ? OPEN : 0) |
          (r.problem !== null ? PROBLEM : 0) |
          (r.responseBreached ? RESPONSE_BREACHED : 0) |
          (r.resolutionBreached ? RESOLUTION_BREACHED : 0) |
          (!r.responseMeasured && r.problem === null ? RESPONSE_NOT_MEASURED : 0);
        priority[i] = r.priority === null ? -1 : indexOf('priorities', r.priority);
        month[i] = indexOf('months', r.month);
        reportAt[i] = r.reportAt === null ? NaN : r.reportAt.getTime();
      }
      await yieldToOthers();
    }
    return new HeldVerdicts(rows, tickets, timeZone, flags, priority, month, reportAt, names);
  }

  /** Up to `limit` matches after the cursor's (opened, ticket id), in the list's order. */
  page(f: VerdictFilter, after: readonly unknown[] | null, limit: number): ListedVerdict[] {
    const order = this.sorted();
    let i = 0;
    if (after) {
      const at = cursorInstant(after[0]);
      const id = String(after[1]);
      // The first position whose (opened, id) sorts after the cursor's: binary search on the descending order.
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const t = this.tickets[order[mid]];
        if (t.openedAt > at || (t.openedAt === at && t.id >= id)) lo = mid + 1;
        else hi = mid;
      }
      i = lo;
    }
    const match = this.matcher(f);
    const out: ListedVerdict[] = [];
    for (; i < order.length && out.length < limit; i++) {
      const k = order[i];
      if (match(k)) out.push(this.listed(k));
    }
    return out;
  }

  /** How many verdicts match, as `countVerdicts` counts the stored ones. */
  count(f: VerdictFilter): number {
    const plain = !f.q && !f.priority && !f.month;
    const kept = plain ? this.counted.get(f.filter) : undefined;
    if (kept !== undefined) return kept;
    const match = this.matcher(f);
    let n = 0;
    for (let k = 0; k < this.tickets.length; k++) if (match(k)) n++;
    if (plain) this.counted.set(f.filter, n);
    return n;
  }

  /** Per report month in the calendar's zone and priority, as `storeVerdicts` tallies the stored rows. */
  tallies(): VerdictTallies {
    if (this.talliesKept) return this.talliesKept;
    const out: VerdictTallies = {};
    // Months by quarter hour: every zone's offset is a whole number of quarter hours, so
    // one zone lookup per quarter hour answers all the verdicts reported in it.
    const months = new Map<number, string>();
    for (let k = 0; k < this.tickets.length; k++) {
      const ms = this.reportAt[k];
      if (Number.isNaN(ms) || this.priority[k] < 0) continue;
      const quarter = Math.floor(ms / 900_000);
      let month = months.get(quarter);
      if (month === undefined) months.set(quarter, (month = monthOf(ms, this.timeZone)));
      const f = this.flags[k];
      const t = ((out[month] ??= {})[this.names.priorities[this.priority[k]]] ??= { tickets: 0, breached: 0, responseBreaches: 0, resolutionBreaches: 0, responseNotMeasured: 0 });
      t.tickets++;
      if (f & BREACHED) t.breached++;
      if (f & RESPONSE_BREACHED) t.responseBreaches++;
      if (f & RESOLUTION_BREACHED) t.resolutionBreaches++;
      if (f & RESPONSE_NOT_MEASURED) t.responseNotMeasured = (t.responseNotMeasured ?? 0) + 1;
    }
    return (this.talliesKept = out);
  }

  /** The list's filter as a test of one verdict, written as `filters` in `verdicts.repo.ts` writes it in SQL. */
  private matcher(f: VerdictFilter): (k: number) => boolean {
    const bit = FILTER_BIT[f.filter];
    // ANY: no filter. A priority or month no verdict has matches nothing: not -1, which is
    // how a verdict without a priority is kept (SQL's `priority = 'P9'` matches no null).
    const ANY = -2;
    const NONE = -3;
    const indexIn = (names: string[], name: string | undefined) => {
      if (!name) return ANY;
      const k = names.indexOf(name);
      return k === -1 ? NONE : k;
    };
    const priority = indexIn(this.names.priorities, f.priority);
    const month = indexIn(this.names.months, f.month);
    const q = f.q?.toLowerCase();
    return (k) => {
      if (bit && !(this.flags[k] & bit)) return false;
      if (priority !== ANY && this.priority[k] !== priority) return false;
      if (month !== ANY && this.month[k] !== month) return false;
      if (q === undefined) return true;
      // ILIKE '%q%' on the ticket's number or title.
      const t = this.tickets[k];
      return t.externalId.toLowerCase().includes(q) || (t.title?.toLowerCase().includes(q) ?? false);
    };
  }

  private listed(k: number): ListedVerdict {
    const t = this.tickets[k];
    return { verdict: this.rows.slice(k, k + 1)[0], externalId: t.externalId, title: t.title, status: t.status, openedAtText: new Date(t.openedAt).toISOString() };
  }

  /** Positions in the list's order, worked out at the first page asked for. */
  private sorted(): Int32Array {
    if (this.order) return this.order;
    const t = this.tickets;
    const order = Int32Array.from({ length: t.length }, (_, i) => i);
    // The openings copied out first: comparing through a million ticket objects spread over
    // the heap took about 2 s, through one typed array 0.4 s. uuid order in PostgreSQL is
    // byte order, which is the order of the lower-case text.
    const opened = Float64Array.from(t, (x) => x.openedAt);
    order.sort((a, b) => opened[b] - opened[a] || (t[b].id < t[a].id ? -1 : t[b].id > t[a].id ? 1 : 0));
    return (this.order = order);
  }
}

const SLICE = 5_000;

/**
 * A cursor's instant as epoch ms: written by this class (ISO 8601) or by the stored list
 * (PostgreSQL's text form, "2026-01-05 09:00:00.123+00"), both of which Node's Date.parse
 * reads (`test/server/sla-write-behind.test.ts` pages on from a stored list's cursor).
 * Tickets carry milliseconds, so nothing finer is lost.
 */
function cursorInstant(value: unknown): number {
  const ms = Date.parse(String(value));
  if (Number.isNaN(ms)) throw invalidCursor();
  return ms;
}
