import type { TicketRejection } from '../../shared/contracts/tickets.ts';
import { DomainError } from '../errors.ts';
import { orderEvidence, type DateOrder } from './dates.ts';

const ORDER_WORDS: Record<DateOrder, string> = { dmy: 'day/month/year', mdy: 'month/day/year', ymd: 'year-month-day' };
const pct = (n: number, of: number) => `${Math.round((100 * n) / of)} %`;

/**
 * Whether an import must store nothing: when most rows fail for one reason, the file or
 * its settings are wrong, and importing the minority would mislead (the wrong date order
 * "works" for days up to 12). The error names the reason and what to change. Also refuses
 * a file of which no row could be read, so "nothing imported" is never a success.
 */
export function refusalFor(rowsRead: number, rejectedCount: number, rejected: TicketRejection[], order: DateOrder): DomainError | null {
  if (rowsRead === 0 || rejectedCount * 2 <= rowsRead) return null;
  const groups = new Map<string, { field: string; reason: string; values: string[]; count: number }>();
  for (const r of rejected) {
    const key = `${r.field}\u0000${r.reason}`;
    const g = groups.get(key) ?? { field: r.field, reason: r.reason, values: [], count: 0 };
    g.count++;
    if (r.value !== undefined) g.values.push(r.value);
    groups.set(key, g);
  }
  const top = [...groups.values()].sort((a, b) => b.count - a.count)[0];
  const details = { rejected: rejected.slice(0, 1000), rejectedCount, rowsRead };
  const summary = `${rejectedCount} of ${rowsRead} rows were rejected; nothing was imported.`;
  if (top && top.count * 2 > rowsRead) {
    let fix = 'Check the format and the mapping.';
    if (top.reason.startsWith('Not a date')) {
      const e = orderEvidence(top.values);
      if (e.dayFirst > e.monthFirst && order !== 'dmy') fix = `${top.field} looks day-first: ${pct(e.dayFirst, rowsRead)} of values have a day above 12. Import with the date order ${ORDER_WORDS.dmy} (dmy).`;
      else if (e.monthFirst > e.dayFirst && order !== 'mdy') fix = `${top.field} looks month-first: ${pct(e.monthFirst, rowsRead)} of values have a day above 12 in second place. Import with the date order ${ORDER_WORDS.mdy} (mdy).`;
      else if (e.ambiguousShape < top.values.length / 2) fix = `${top.field} holds values that are not dates in any order Outsight reads, e.g. "${top.values[0]}". Check that the column is the right one.`;
    }
    return new DomainError('import_rejected', `${summary} ${pct(top.count, rowsRead)} of rows fail for one reason — ${top.field}: ${top.reason}. ${fix}`, { ...details, reason: top.reason, field: top.field, fix });
  }
  if (rejectedCount >= rowsRead) return new DomainError('import_rejected', `${summary} No row could be read; see the rejected rows for the reasons.`, details);
  return null;
}
