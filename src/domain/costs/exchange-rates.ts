import { minorDigits, type Money } from '../money.ts';

/**
 * Exchange rates as the European Central Bank publishes them: "1 EUR = x CUR", one rate per
 * currency and month, kept as the exact decimal string. A conversion between two currencies
 * neither of which is the euro goes through the euro (a cross rate): 1 USD = x_GBP / x_USD GBP.
 * Everything here is exact — rationals on bigints, one rounding at the end.
 */
export interface MonthRate {
  currency: string;
  /** YYYY-MM */
  month: string;
  /** 1 EUR = perEur units of `currency`, as a decimal string ("1.0856"). */
  perEur: string;
  /** How many daily rates were averaged into it (absent when taken as published). */
  days?: number;
}

export const RATE_RE = /^\d{1,9}(\.\d{1,10})?$/;

interface Fraction {
  n: bigint;
  d: bigint;
}

function fraction(s: string): Fraction {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s.trim());
  if (!m) throw new Error(`"${s}" is not an exchange rate.`);
  const frac = m[2] ?? '';
  return { n: BigInt(m[1] + frac), d: 10n ** BigInt(frac.length) };
}

/** a / b rounded half to even, on integers (b > 0). */
export function divHalfEven(a: bigint, b: bigint): bigint {
  const neg = a < 0n;
  const x = neg ? -a : a;
  let q = x / b;
  const r = x % b;
  if (r * 2n > b || (r * 2n === b && q % 2n === 1n)) q += 1n;
  return neg ? -q : q;
}

/** A fraction as a decimal string with `places` decimals, half to even ("0.921150"). */
function decimal(f: Fraction, places: number): string {
  const v = divHalfEven(f.n * 10n ** BigInt(places), f.d);
  const s = v.toString().padStart(places + 1, '0');
  return places ? `${s.slice(0, -places)}.${s.slice(-places)}` : s;
}

/** The rate of EUR in EUR is 1; any other currency needs its rate for the month. */
function perEurOf(currency: string, rates: ReadonlyMap<string, string>): Fraction | null {
  if (currency === 'EUR') return { n: 1n, d: 1n };
  const r = rates.get(currency);
  return r ? fraction(r) : null;
}

export type Conversion =
  | { ok: true; amount: Money; rate: string; via: string | null }
  | { ok: false; missing: string[] };

/**
 * Converts `m` into `base` with the rates of one month (`rates`: currency → "1 EUR = x").
 * result = amount × x_base / x_from, rounded half to even once, at the base currency's minor
 * unit. `rate` is "1 FROM = r BASE" with six decimals (for people; the sum was done exactly);
 * `via` names the euro rates used when it is a cross rate. A missing rate is `ok: false`
 * naming the currencies — never a silent 1:1.
 */
export function convertInMonth(m: Money, base: string, rates: ReadonlyMap<string, string>): Conversion {
  if (m.currency === base) return { ok: true, amount: m, rate: `1 ${base} = 1 ${base}`, via: null };
  const from = perEurOf(m.currency, rates);
  const to = perEurOf(base, rates);
  const missing = [from ? null : m.currency, to ? null : base].filter((c): c is string => c !== null);
  if (!from || !to) return { ok: false, missing };
  // 1 FROM = (to.n/to.d) / (from.n/from.d) BASE
  const rn = to.n * from.d;
  const rd = to.d * from.n;
  const scale = 10n ** BigInt(minorDigits(base)) * 1n;
  const fromScale = 10n ** BigInt(minorDigits(m.currency));
  const minor = divHalfEven(BigInt(m.amountMinor) * rn * scale, rd * fromScale);
  if (!Number.isSafeInteger(Number(minor))) throw new Error('The converted amount is too large.');
  const via = m.currency !== 'EUR' && base !== 'EUR' ? `1 EUR = ${rates.get(m.currency)} ${m.currency}, 1 EUR = ${rates.get(base)} ${base}` : null;
  return { ok: true, amount: { amountMinor: Number(minor), currency: base }, rate: `1 ${m.currency} = ${decimal({ n: rn, d: rd }, 6)} ${base}`, via };
}

/**
 * The month's rate from daily rates: their plain average (every published day counts once),
 * rounded half to even at six decimals. The ECB's own monthly average series (EXR.M.*.EUR.SP00.A)
 * is the same mean, published at the daily rates' precision; import that series to use it as is.
 */
export function averageRate(daily: readonly string[]): string {
  let sum: Fraction = { n: 0n, d: 1n };
  for (const s of daily) {
    const f = fraction(s);
    sum = { n: sum.n * f.d + f.n * sum.d, d: sum.d * f.d };
  }
  return trimRate(decimal({ n: sum.n, d: sum.d * BigInt(daily.length) }, 6));
}

/** "1.085600" → "1.0856" (the stored string stays exact, without noise zeros). */
function trimRate(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
