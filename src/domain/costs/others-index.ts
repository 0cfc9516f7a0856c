import { toDayNumber } from '../civil-date.ts';
import { norm, type CheckInvoice, type OtherInvoice } from './checks.ts';

interface Period {
  from: number;
  to: number;
  ord: number;
}

/**
 * A vendor's other invoices, indexed by what `checkInvoice` compares: the number, the total
 * on a date, and the period billed per contract (or engagement without one). An import
 * checks each invoice of a file against the stored ones and the file's earlier ones; read
 * whole for every invoice, a file of 10,000 invoices from one vendor compared 50 million
 * pairs, and one of 100,000 never finished. `candidates` returns every invoice a check could
 * name, in the order they were added, so the checks answer exactly as over all of them.
 */
export class OthersIndex {
  private readonly all: OtherInvoice[] = [];
  private readonly byNumber = new Map<string, number[]>();
  private readonly byTotalOnDate = new Map<string, number[]>();
  private readonly byScope = new Map<string, { periods: Period[]; longest: number }>();

  add(o: OtherInvoice): void {
    const ord = this.all.push(o) - 1;
    push(this.byNumber, norm(o.number), ord);
    push(this.byTotalOnDate, `${o.invoiceDate}|${o.totalMinor}|${o.currency}`, ord);
    const scope = scopeOf(o.contractId, o.engagementId);
    if (scope && o.periodFrom && o.periodTo) {
      const p = { from: toDayNumber(o.periodFrom), to: toDayNumber(o.periodTo), ord };
      let s = this.byScope.get(scope);
      if (!s) this.byScope.set(scope, (s = { periods: [], longest: 0 }));
      s.periods.splice(firstFrom(s.periods, p.from + 1), 0, p); // after any with the same start
      s.longest = Math.max(s.longest, p.to - p.from);
    }
  }

  /** The invoices a check of `inv` could name (a superset), in the order they were added. */
  candidates(inv: Pick<CheckInvoice, 'number' | 'invoiceDate' | 'totalMinor' | 'currency' | 'contractId' | 'engagementId' | 'periodFrom' | 'periodTo'>): OtherInvoice[] {
    const ords = new Set<number>([...(this.byNumber.get(norm(inv.number)) ?? []), ...(this.byTotalOnDate.get(`${inv.invoiceDate}|${inv.totalMinor}|${inv.currency}`) ?? [])]);
    // The period check compares within the invoice's contract, or its engagement when it has none.
    const scope = inv.contractId ? scopeOf(inv.contractId, null) : inv.engagementId ? scopeOf(null, inv.engagementId) : null;
    const s = scope && inv.periodFrom && inv.periodTo ? this.byScope.get(scope) : undefined;
    if (s) {
      const from = toDayNumber(inv.periodFrom!);
      const to = toDayNumber(inv.periodTo!);
      // Only a period starting at most `longest` days before this one can reach into it.
      for (let i = firstFrom(s.periods, from - s.longest); i < s.periods.length && s.periods[i].from <= to; i++) {
        if (s.periods[i].to >= from) ords.add(s.periods[i].ord);
      }
    }
    return [...ords].sort((a, b) => a - b).map((i) => this.all[i]);
  }
}

function scopeOf(contractId: string | null, engagementId: string | null): string | null {
  return contractId ? `c:${contractId}` : engagementId ? `e:${engagementId}` : null;
}

function push(map: Map<string, number[]>, key: string, ord: number): void {
  const list = map.get(key);
  if (list) list.push(ord);
  else map.set(key, [ord]);
}

/** The first index whose period starts on or after `day` (periods sorted by start). */
function firstFrom(periods: readonly Period[], day: number): number {
  let lo = 0;
  let hi = periods.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (periods[mid].from < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
