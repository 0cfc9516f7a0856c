import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvoice, type CheckInvoice, type OtherInvoice } from '../../../src/domain/costs/checks.ts';
import { OthersIndex } from '../../../src/domain/costs/others-index.ts';

// An import checks each invoice against the vendor's other invoices through OthersIndex
// (src/server/modules/costs/import-save.ts) instead of all of them: the checks must answer
// exactly as over all of them, in the same words and order, whatever the invoices are.
const day = fc.integer({ min: 0, max: 120 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
const invoice: fc.Arbitrary<Drawn> = fc.record({
  number: fc.constantFrom('A-1', 'a-1', ' A-1 ', 'A  1', 'B-2', 'C-3', 'D-4'),
  invoiceDate: day,
  totalMinor: fc.constantFrom(100_00, 250_00, 999_99),
  currency: fc.constantFrom('EUR', 'USD'),
  contractId: fc.constantFrom(null, 'c1', 'c2'),
  engagementId: fc.constantFrom(null, 'e1', 'e2'),
  period: fc.option(fc.tuple(day, fc.integer({ min: 0, max: 90 })), { nil: null }),
  status: fc.constantFrom('received', 'approved', 'disputed'),
});
interface Drawn {
  number: string;
  invoiceDate: string;
  totalMinor: number;
  currency: string;
  contractId: string | null;
  engagementId: string | null;
  period: [string, number] | null;
  status: string;
}

function asOther(d: Drawn, i: number): OtherInvoice & CheckInvoice {
  const to = d.period ? new Date(Date.parse(d.period[0]) + d.period[1] * 86_400_000).toISOString().slice(0, 10) : null;
  return {
    id: `i${i}`,
    number: d.number,
    invoiceDate: d.invoiceDate,
    totalMinor: d.totalMinor,
    subtotalMinor: d.totalMinor,
    taxMinor: 0,
    currency: d.currency,
    contractId: d.contractId,
    contractTitle: null,
    engagementId: d.engagementId,
    periodFrom: d.period ? d.period[0] : null,
    periodTo: to,
    status: d.status,
    lines: [],
  };
}

describe('OthersIndex', () => {
  it('gives every check the same answer as all the other invoices would', () => {
    fc.assert(
      fc.property(fc.array(invoice, { minLength: 1, maxLength: 60 }), (drawn) => {
        const all = drawn.map(asOther);
        const index = new OthersIndex();
        all.forEach((inv, i) => {
          const seen = all.slice(0, i);
          const facts = { rateCard: [], milestones: new Map() };
          expect(checkInvoice(inv, { ...facts, others: index.candidates(inv) })).toEqual(checkInvoice(inv, { ...facts, others: seen }));
          index.add(inv);
        });
      }),
      { numRuns: 300, seed: 20261206 },
    );
  });

  it('hands a check only the invoices it could name, not the whole vendor', () => {
    // A hundred years of monthly invoices on one contract, distinct numbers and totals, no
    // period overlapping another: no invoice gets a candidate, where all would be 1,200.
    const index = new OthersIndex();
    const sizes: number[] = [];
    for (let m = 0; m < 1_200; m++) {
      const from = new Date(Date.UTC(2000, m, 1)).toISOString().slice(0, 10);
      const to = new Date(Date.UTC(2000, m + 1, 0)).toISOString().slice(0, 10);
      const inv = asOther({ number: `N-${m}`, invoiceDate: to, totalMinor: 100_00 + m, currency: 'EUR', contractId: 'c1', engagementId: 'e1', period: null, status: 'received' }, m);
      const withPeriod = { ...inv, periodFrom: from, periodTo: to };
      sizes.push(index.candidates(withPeriod).length);
      index.add(withPeriod);
    }
    expect(Math.max(...sizes)).toBe(0);
    // The same month billed again finds the first.
    const again = { ...asOther({ number: 'N-X', invoiceDate: '2050-01-31', totalMinor: 1, currency: 'EUR', contractId: 'c1', engagementId: 'e1', period: null, status: 'received' }, 9_999), periodFrom: '2050-01-01', periodTo: '2050-01-31' };
    expect(index.candidates(again).map((o) => o.number)).toEqual(['N-600']);
  });
});
