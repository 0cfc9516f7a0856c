import { describe, expect, it } from 'vitest';
import { reconcileCredits } from '../../../src/domain/costs/credits.ts';

describe('service credits recovered', () => {
  it('reconciles to the cent: the engine owes 5 % of a €42,000.00 fee, the invoice deducts €1,500.00, €600.00 is still owed', () => {
    // March: 5 % of €42,000.00 = €2,100.00 owed; the April invoice carries "Service credit March" −€1,500.00.
    const rows = reconcileCredits('EUR', [{ month: '2026-03', creditMinor: 210_000, creditPct: 5 }], [{ month: '2026-03', currency: 'EUR', amountMinor: 150_000 }], new Set());
    expect(rows).toEqual([{ month: '2026-03', currency: 'EUR', owedMinor: 210_000, creditPct: 5, receivedMinor: 150_000, outstandingMinor: 60_000, waivedMinor: 0, otherCurrencies: [] }]);
  });

  it('a waived month owes nothing and says what was let go; a month with nothing owed is left out', () => {
    const rows = reconcileCredits('EUR', [{ month: '2026-04', creditMinor: 84_000, creditPct: 2 }, { month: '2026-05', creditMinor: 0, creditPct: 0 }], [], new Set(['2026-04']));
    expect(rows).toEqual([{ month: '2026-04', currency: 'EUR', owedMinor: 84_000, creditPct: 2, receivedMinor: 0, outstandingMinor: 0, waivedMinor: 84_000, otherCurrencies: [] }]);
  });

  it('more received than owed is not a negative debt; a credit line in another currency is shown apart, never netted', () => {
    const rows = reconcileCredits(
      'EUR',
      [{ month: '2026-06', creditMinor: 10_000, creditPct: 1 }],
      [
        { month: '2026-06', currency: 'EUR', amountMinor: 12_000 },
        { month: '2026-06', currency: 'GBP', amountMinor: 5_000 },
      ],
      new Set(),
    );
    expect(rows[0]).toMatchObject({ receivedMinor: 12_000, outstandingMinor: 0, otherCurrencies: [{ currency: 'GBP', amountMinor: 5_000 }] });
    // A policy without a fee: the credit is known in % only, so nothing can be netted.
    expect(reconcileCredits('EUR', [{ month: '2026-07', creditMinor: null, creditPct: 3 }], [], new Set())[0]).toMatchObject({ owedMinor: null, creditPct: 3, outstandingMinor: 0 });
  });
});
