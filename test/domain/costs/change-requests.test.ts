import { describe, expect, it } from 'vitest';
import { amendMonths, changeValue, scopeCreep, shareInWords } from '../../../src/domain/costs/change-requests.ts';
import { checkInvoice, type CheckLine } from '../../../src/domain/costs/checks.ts';

describe('change requests as money', () => {
  it('a change is worth its one-off plus the recurring cost for all its months', () => {
    // €5,000.00 once, then €1,000.00 a month for 12 months: €17,000.00.
    expect(changeValue(500_000, 100_000, 12)).toBe(1_700_000);
    expect(changeValue(0, 0, 0)).toBe(0);
  });

  it('amends a budget from the approval month to the fiscal year end, and says how much it added', () => {
    // A €120,000.00 budget spread evenly (€10,000.00 a month); approved in the 6th fiscal month (index 5):
    // €5,000.00 once in that month, €1,000.00 a month for 12 months → only 7 months remain in the year.
    const even = Array.from({ length: 12 }, () => 1_000_000);
    const { months, addedMinor } = amendMonths(even, 5, 500_000, 100_000, 12);
    expect(addedMinor).toBe(500_000 + 7 * 100_000);
    expect(months.slice(0, 5)).toEqual([1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000]);
    expect(months[5]).toBe(1_000_000 + 500_000 + 100_000);
    expect(months.slice(6)).toEqual(Array.from({ length: 6 }, () => 1_100_000));
    // Three months of recurring cost stop after three months.
    expect(amendMonths(even, 0, 0, 100_000, 3).months.slice(0, 4)).toEqual([1_100_000, 1_100_000, 1_100_000, 1_000_000]);
    expect(() => amendMonths(even, 12, 1, 0, 0)).toThrow('outside the fiscal year');
  });

  it('scope creep: approved changes cumulated by month as a share of the original value, in basis points rounded half up', () => {
    // Original €100,000.00; €17,000.00 approved in June, €3,000.00 and €500.00 in August: 17 %, then 20.5 %.
    const points = scopeCreep(10_000_000, [
      { month: '2026-08', valueMinor: 300_000 },
      { month: '2026-06', valueMinor: 1_700_000 },
      { month: '2026-08', valueMinor: 50_000 },
    ]);
    expect(points).toEqual([
      { month: '2026-06', approvedMinor: 1_700_000, cumulativeMinor: 1_700_000, shareBasisPoints: 1_700 },
      { month: '2026-08', approvedMinor: 350_000, cumulativeMinor: 2_050_000, shareBasisPoints: 2_050 },
    ]);
    expect(points.map((p) => shareInWords(p.shareBasisPoints))).toEqual(['17 %', '20.5 %']);
    // 1 / 3 of the value: 3333.33… bp → 3333; 2 / 3 → 6666.67 → 6667.
    expect(scopeCreep(300, [{ month: '2026-01', valueMinor: 100 }])[0].shareBasisPoints).toBe(3_333);
    expect(scopeCreep(300, [{ month: '2026-01', valueMinor: 200 }])[0].shareBasisPoints).toBe(6_667);
    expect(scopeCreep(null, [{ month: '2026-01', valueMinor: 200 }])[0].shareBasisPoints).toBeNull();
    expect(shareInWords(null)).toBe('no original value to compare with');
  });

  it('descoping: a saving takes money off the months and lowers scope creep, rounded like an addition; never below a month\'s budget', () => {
    const even = Array(12).fill(1_000_000);
    expect(amendMonths(even, 10, -200_000, -150_000, 6)).toEqual({ months: [...Array(10).fill(1_000_000), 650_000, 850_000], addedMinor: -500_000 });
    expect(() => amendMonths(even, 11, 0, -1_000_001, 1)).toThrow('month 12');
    // +€20,000.00 then −€20,333.33 on €100,000.00: 20 %, then −0.33 % (−33.333 bp → −33).
    const points = scopeCreep(10_000_000, [
      { month: '2026-06', valueMinor: 2_000_000 },
      { month: '2026-10', valueMinor: -2_033_333 },
    ]);
    expect(points.map((p) => [p.shareBasisPoints, shareInWords(p.shareBasisPoints)])).toEqual([[2_000, '20 %'], [-33, '−0.33 %']]);
    // Exactly half a basis point rounds away from zero both ways.
    expect(scopeCreep(20_000, [{ month: '2026-01', valueMinor: 1 }])[0].shareBasisPoints).toBe(1);
    expect(scopeCreep(20_000, [{ month: '2026-01', valueMinor: -1 }])[0].shareBasisPoints).toBe(-1);
  });

  it('an invoice line billing an approved change passes the rate card check; a proposed one does not', () => {
    const line: CheckLine = { position: 1, description: 'Single sign-on integration', quantityMilli: 1000, unit: 'fixed', unitPriceMinor: 500_000, amountMinor: 500_000, taxMinor: 0, rateCardItemId: null, milestoneId: null, changeRequestId: 'cr' };
    const inv = { id: 'i', number: 'A-1', invoiceDate: '2026-06-30', periodFrom: null, periodTo: null, currency: 'EUR', subtotalMinor: 500_000, taxMinor: 0, totalMinor: 500_000, contractId: 'c', contractTitle: 'Master agreement', engagementId: 'e', lines: [line] };
    const facts = (agreed: boolean, statusWords: string) => ({ rateCard: [], others: [], milestones: new Map(), changeRequests: new Map([['cr', { id: 'cr', title: 'Add single sign-on', agreed, statusWords }]]) });
    expect(checkInvoice(inv, facts(true, 'approved'))).toEqual([]);
    expect(checkInvoice(inv, facts(false, 'proposed'))).toEqual([
      {
        code: 'no_rate',
        key: 'no_rate:line:1',
        linePosition: 1,
        words: 'Line 1 ("Single sign-on integration") bills change request "Add single sign-on", which is proposed, not approved: the work it bills was never agreed. Approve the change first, or override with the reason it may be paid.',
      },
    ]);
    // Without the change request the same line is not on the (empty) rate card.
    expect(checkInvoice({ ...inv, lines: [{ ...line, changeRequestId: null }] }, facts(true, 'approved'))[0].words).toContain('names no approved change request');
  });
});
