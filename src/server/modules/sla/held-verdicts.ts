import { AppError } from '../../http/app-error.ts';
import type { TicketForSla } from '../tickets/tickets.public.ts';
import { monthOf } from './sla.service.ts';
import type { ListedVerdict, VerdictCountKey, VerdictFilter, VerdictRow, VerdictTallies } from './verdicts.repo.ts';

/**
 * An engagement's verdicts as just measured, held in memory while they are being stored
 * (write-behind, see `sla.verdicts.ts`): storing a million verdicts takes PostgreSQL tens of
 * seconds, measuring them a few. Until the rows are committed the ticket list, its totals
 * and the overview's month tallies are answered from here, exactly as `verdicts.repo.ts`
 * answers them from the stored rows: the same filters, the same order (opened, then
 * ticket id, newest first), the same cursors, the same tallies. `test/server/sla-write-behind.test.ts`
 * compares the two on every filter.
 */
export class HeldVerdicts {
  private order: Int32Array | null = null;
  private readonly counted = new Map<VerdictCountKey, number>();
  private talliesKept: VerdictTallies | null = null;

  /** `rows[i]` is the verdict of `tickets[i]`. */
  constructor(
    readonly rows: readonly VerdictRow[],
    private readonly tickets: readonly TicketForSla[],
    private readonly timeZone: string,
  ) {}

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
    const match = matcher(f);
    const out: ListedVerdict[] = [];
    for (; i < order.length && out.length < limit; i++) {
      const k = order[i];
      if (match(this.rows[k], this.tickets[k])) out.push(this.listed(k));
    }
    return out;
  }

  /** How many verdicts match, as `countVerdicts` counts the stored ones. */
  count(f: VerdictFilter): number {
    const plain = !f.q && !f.priority && !f.month;
    const kept = plain ? this.counted.get(f.filter) : undefined;
    if (kept !== undefined) return kept;
    const match = matcher(f);
    let n = 0;
    for (let k = 0; k < this.rows.length; k++) if (match(this.rows[k], this.tickets[k])) n++;
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
    for (const r of this.rows) {
      if (r.reportAt === null || r.priority === null) continue;
      const ms = r.reportAt.getTime();
      const quarter = Math.floor(ms / 900_000);
      let month = months.get(quarter);
      if (month === undefined) months.set(quarter, (month = monthOf(ms, this.timeZone)));
      const t = ((out[month] ??= {})[r.priority] ??= { tickets: 0, breached: 0, responseBreaches: 0, resolutionBreaches: 0, responseNotMeasured: 0 });
      t.tickets++;
      if (r.breached) t.breached++;
      if (r.responseBreached) t.responseBreaches++;
      if (r.resolutionBreached) t.resolutionBreaches++;
      if (!r.responseMeasured && r.problem === null) t.responseNotMeasured = (t.responseNotMeasured ?? 0) + 1;
    }
    return (this.talliesKept = out);
  }

  private listed(k: number): ListedVerdict {
    const t = this.tickets[k];
    return { verdict: this.rows[k], externalId: t.externalId, title: t.title, status: t.status, openedAtText: new Date(t.openedAt).toISOString() };
  }

  /** Positions in the list's order, worked out at the first page asked for. */
  private sorted(): Int32Array {
    if (this.order) return this.order;
    const t = this.tickets;
    const order = Int32Array.from({ length: t.length }, (_, i) => i);
    // uuid order in PostgreSQL is byte order, which is the order of the lower-case text.
    order.sort((a, b) => t[b].openedAt - t[a].openedAt || (t[b].id < t[a].id ? -1 : t[b].id > t[a].id ? 1 : 0));
    return (this.order = order);
  }
}

/** The list's filter as a test of one verdict, written as `filters` in `verdicts.repo.ts` writes it in SQL. */
function matcher(f: VerdictFilter): (r: VerdictRow, t: TicketForSla) => boolean {
  const q = f.q?.toLowerCase();
  return (r, t) => {
    if (f.filter === 'breached' && !r.breached) return false;
    if (f.filter === 'at-risk' && !r.atRisk) return false;
    if (f.filter === 'open' && r.state !== 'open' && r.state !== 'paused') return false;
    if (f.filter === 'problems' && r.problem === null) return false;
    if (f.priority && r.priority !== f.priority) return false;
    if (f.month && r.month !== f.month) return false;
    // ILIKE '%q%' on the ticket's number or title.
    if (q !== undefined && !t.externalId.toLowerCase().includes(q) && !(t.title?.toLowerCase().includes(q) ?? false)) return false;
    return true;
  };
}

/**
 * A cursor's instant as epoch ms: written by this class (ISO 8601) or by the stored list
 * (PostgreSQL's text form, "2026-01-05 09:00:00.123+00"), both of which Node's Date.parse
 * reads (`test/server/sla-write-behind.test.ts` pages on from a stored list's cursor).
 * Tickets carry milliseconds, so nothing finer is lost.
 */
function cursorInstant(value: unknown): number {
  const ms = Date.parse(String(value));
  if (Number.isNaN(ms)) throw AppError.invalid('cursor', 'The cursor is not valid; start again from the first page.');
  return ms;
}
