import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert, formatMoney, isCurrency, minorDigits, parseAmount, percentOf, toDecimalString, totalsByCurrency } from '../../src/domain/money.ts';

describe('money', () => {
  it('knows minor units per currency', () => {
    expect([minorDigits('EUR'), minorDigits('JPY'), minorDigits('BHD'), minorDigits('GBP')]).toEqual([2, 0, 3, 2]);
    expect(isCurrency('EUR')).toBe(true);
    expect(isCurrency('EURO')).toBe(false);
    expect(isCurrency('eur')).toBe(false);
  });

  it('reads amounts exactly, with either decimal separator, and refuses what is not an amount', () => {
    expect(parseAmount('1234.5', 'EUR')).toBe(123_450);
    expect(parseAmount('1,234.56', 'EUR')).toBe(123_456);
    expect(parseAmount('1.234,56', 'EUR', ',')).toBe(123_456);
    expect(parseAmount('1 234,56', 'EUR', ',')).toBe(123_456);
    expect(parseAmount('-12,30', 'EUR', ',')).toBe(-1_230);
    expect(parseAmount('1500', 'JPY')).toBe(1500);
    expect(() => parseAmount('12.5', 'JPY')).toThrow(/more decimals than JPY has \(0\)/);
    expect(() => parseAmount('twelve', 'EUR')).toThrow(/not an amount/);
    expect(() => parseAmount('12,50', 'EUR')).toThrow(/uses "," as the decimal separator/);
    expect(() => parseAmount('', 'EUR')).toThrow(/empty/);
    // Where a double stops holding every integer: the largest safe amount reads exactly, one
    // cent more is refused rather than rounded (read with and without its group separators).
    expect(parseAmount('90,071,992,547,409.91', 'EUR')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseAmount('9007199254740.99', 'EUR')).toBe(900_719_925_474_099);
    expect(() => parseAmount('90071992547409.92', 'EUR')).toThrow(/Not a whole number of minor units/);
    expect(() => parseAmount('1.234.567,891', 'EUR', ',')).toThrow(/more decimals than EUR has/);
    expect(parseAmount('007.5', 'EUR')).toBe(750);
  });

  it('never adds amounts of different currencies', () => {
    expect(totalsByCurrency([{ amountMinor: 100, currency: 'EUR' }, { amountMinor: 250, currency: 'USD' }, { amountMinor: 5, currency: 'EUR' }])).toEqual([
      { currency: 'EUR', amountMinor: 105 },
      { currency: 'USD', amountMinor: 250 },
    ]);
  });

  it('converts with the published rate, both ways, rounding half to even', () => {
    const rate = { from: 'EUR', to: 'USD', rate: '1.0876', period: '2026-11' };
    expect(convert({ amountMinor: 10_000, currency: 'EUR' }, 'USD', rate)).toEqual({ amountMinor: 10_876, currency: 'USD' });
    expect(convert({ amountMinor: 10_876, currency: 'USD' }, 'EUR', rate)).toEqual({ amountMinor: 10_000, currency: 'EUR' });
    expect(convert({ amountMinor: 10_000, currency: 'EUR' }, 'JPY', { from: 'EUR', to: 'JPY', rate: '162.35', period: '2026-11' })).toEqual({ amountMinor: 16_235, currency: 'JPY' });
    expect(() => convert({ amountMinor: 1, currency: 'GBP' }, 'USD', rate)).toThrow(/does not convert GBP to USD/);
    expect(percentOf({ amountMinor: 4_800_000, currency: 'EUR' }, 5)).toEqual({ amountMinor: 240_000, currency: 'EUR' });
    expect(percentOf({ amountMinor: 25, currency: 'EUR' }, 10).amountMinor).toBe(2); // 2.5 → 2 (half to even)
    expect(percentOf({ amountMinor: 35, currency: 'EUR' }, 10).amountMinor).toBe(4); // 3.5 → 4
  });

  it('prints and formats exactly', () => {
    expect(toDecimalString({ amountMinor: -5, currency: 'EUR' })).toBe('-0.05');
    expect(toDecimalString({ amountMinor: 1234, currency: 'BHD' })).toBe('1.234');
    expect(formatMoney({ amountMinor: 123_450, currency: 'EUR' })).toBe('€1,234.50');
  });

  it('parse and print round-trip (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom('EUR', 'JPY', 'BHD'), (minor, currency) => {
        expect(parseAmount(toDecimalString({ amountMinor: minor, currency }), currency)).toBe(minor);
      }),
    );
  });
});
