/**
 * Service credits recovered: per engagement and month, the credit the SLA engine computed
 * against the credit lines the vendor actually put on its invoices. Pure and exact: minor
 * units, one currency per comparison (lines in another currency are never netted).
 */
export interface OwedMonth {
  month: string;
  /** The engine's credit in minor units; null when the policy has no fee (credit in % only). */
  creditMinor: number | null;
  creditPct: number;
}
export interface CreditLine {
  month: string;
  currency: string;
  /** The deduction as a positive amount (a line of −€150.00 is 15000). */
  amountMinor: number;
}
export interface CreditStatement {
  month: string;
  currency: string;
  owedMinor: number | null;
  creditPct: number;
  receivedMinor: number;
  /** Owed and neither received nor waived; 0 when more was received than owed. */
  outstandingMinor: number;
  /** What a waiver let go (the outstanding amount when it was waived). */
  waivedMinor: number;
  /** Credit lines for the month in another currency: shown apart, never netted. */
  otherCurrencies: Array<{ currency: string; amountMinor: number }>;
}

/** Each month with something owed, received or waived, oldest first. */
export function reconcileCredits(currency: string, owed: readonly OwedMonth[], lines: readonly CreditLine[], waived: ReadonlySet<string>): CreditStatement[] {
  const months = new Set([...owed.filter((o) => (o.creditMinor ?? 0) > 0 || o.creditPct > 0).map((o) => o.month), ...lines.map((l) => l.month), ...waived]);
  return [...months].sort().map((month) => {
    const o = owed.find((x) => x.month === month);
    const mine = lines.filter((l) => l.month === month);
    const receivedMinor = mine.filter((l) => l.currency === currency).reduce((s, l) => s + l.amountMinor, 0);
    const other = new Map<string, number>();
    for (const l of mine.filter((x) => x.currency !== currency)) other.set(l.currency, (other.get(l.currency) ?? 0) + l.amountMinor);
    const owedMinor = o ? o.creditMinor : 0;
    const open = Math.max(0, (owedMinor ?? 0) - receivedMinor);
    const isWaived = waived.has(month);
    return {
      month,
      currency,
      owedMinor,
      creditPct: o?.creditPct ?? 0,
      receivedMinor,
      outstandingMinor: isWaived ? 0 : open,
      waivedMinor: isWaived ? open : 0,
      otherCurrencies: [...other].map(([c, amountMinor]) => ({ currency: c, amountMinor })),
    };
  });
}
