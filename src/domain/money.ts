/**
 * Money in Outsight: an integer number of minor units (cents, pence, yen) with an ISO 4217
 * currency code. Never a float, never summed across currencies, converted only with a
 * rate that is shown beside the result.
 */
export interface Money {
  amountMinor: number;
  currency: string;
}

const CURRENCY = /^[A-Z]{3}$/;
const digitsCache = new Map<string, number>();

/** Whether Intl knows the code as a currency (it throws for codes that are not well formed). */
// Asking Intl costs a formatter per call; an import asks for every row, so the answer is kept per code.
const CURRENCY_KNOWN = new Map<string, boolean>();
export function isCurrency(code: string): boolean {
  if (!CURRENCY.test(code)) return false;
  const known = CURRENCY_KNOWN.get(code);
  if (known !== undefined) return known;
  let ok: boolean;
  try {
    ok = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().currency === code;
  } catch {
    ok = false;
  }
  CURRENCY_KNOWN.set(code, ok);
  return ok;
}

/** Minor-unit digits of a currency per ISO 4217, from the platform's data: EUR 2, JPY 0, BHD 3. */
export function minorDigits(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, d);
  }
  return d;
}

export class MoneyError extends Error {}

function checkMinor(n: number): number {
  if (!Number.isSafeInteger(n)) throw new MoneyError(`Not a whole number of minor units: ${n}`);
  return n;
}

/** Totals per currency, in order of first appearance; amounts of different currencies are never added. */
export function totalsByCurrency(items: Iterable<Money>): Money[] {
  const totals = new Map<string, number>();
  for (const m of items) totals.set(m.currency, checkMinor((totals.get(m.currency) ?? 0) + checkMinor(m.amountMinor)));
  return [...totals].map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

/**
 * Reads an amount typed by a person or found in a file ("1234.5", "-12,30" with a decimal
 * comma, "1 234,56", "1,234.56") as exact minor units. Refuses text, more decimals than the
 * currency has, and ambiguous separators; the message names what is wrong.
 */
export function parseAmount(raw: string, currency: string, decimal: '.' | ',' = '.'): number {
  const s = raw.trim().replace(/[\s\u00a0\u202f']/g, '');
  const group = decimal === '.' ? ',' : '.';
  if (!s) throw new MoneyError('The amount is empty.');
  const m = AMOUNT[decimal].exec(s);
  if (!m) {
    const other = decimal === '.' ? ',' : '.';
    if (OTHER_DECIMAL[decimal].test(s)) {
      throw new MoneyError(`"${raw}" uses "${other}" as the decimal separator; this file is read with "${decimal}".`);
    }
    throw new MoneyError(`"${raw}" is not an amount.`);
  }
  const digits = minorDigits(currency);
  const frac = m[3] ?? '';
  if (frac.length > digits) throw new MoneyError(`"${raw}" has more decimals than ${currency} has (${digits}).`);
  const whole = m[2].indexOf(group) === -1 ? m[2] : m[2].split(group).join('');
  const all = whole + frac.padEnd(digits, '0');
  // Up to 15 digits a double holds the integer exactly; longer ones go through BigInt, so
  // that an amount past 2^53 is refused rather than rounded.
  const minor = all.length <= 15 ? Number(all) : Number(BigInt(all));
  return checkMinor(m[1] === '-' ? -minor : minor);
}
// Built once: an import reads four amounts per line, and compiling these cost more than matching.
const AMOUNT = { '.': /^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/, ',': /^([-+]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/ } as const;
const OTHER_DECIMAL = { '.': /^[-+]?\d+,\d{1,2}$/, ',': /^[-+]?\d+\.\d{1,2}$/ } as const;

/** The amount as a decimal string in major units ("1234.50"), exact. */
export function toDecimalString(m: Money): string {
  const digits = minorDigits(m.currency);
  const neg = m.amountMinor < 0;
  const abs = String(Math.abs(m.amountMinor)).padStart(digits + 1, '0');
  const out = digits ? `${abs.slice(0, -digits)}.${abs.slice(-digits)}` : abs;
  return neg ? `-${out}` : out;
}

/** For people: "€1,234.50" in the viewer's locale (display only, never parsed back). */
// A formatter per locale and currency, kept: building one costs more than formatting thousands of amounts.
const FORMATTERS = new Map<string, Intl.NumberFormat>();
export function formatMoney(m: Money, locale = 'en-GB'): string {
  const key = `${locale}|${m.currency}`;
  let f = FORMATTERS.get(key);
  if (!f) FORMATTERS.set(key, (f = new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency })));
  return f.format(Number(toDecimalString(m)));
}

/** A rate "1 `from` = `rate` `to`" as a decimal string, exactly as published (the ECB's "1.0876"). */
export interface Rate {
  from: string;
  to: string;
  rate: string;
  /** The month (YYYY-MM) or day it applies to. */
  period: string;
}

function decimalToFraction(s: string): { num: bigint; den: bigint } {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s.trim());
  if (!m) throw new MoneyError(`"${s}" is not an exchange rate.`);
  const frac = m[2] ?? '';
  const num = BigInt(m[1] + frac);
  if (num === 0n) throw new MoneyError('An exchange rate of zero converts nothing.');
  return { num, den: 10n ** BigInt(frac.length) };
}

/** a / b rounded half to even, on integers. */
function divRound(a: bigint, b: bigint): bigint {
  const neg = a < 0n !== b < 0n;
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  let q = x / y;
  const r = x % y;
  if (r * 2n > y || (r * 2n === y && q % 2n === 1n)) q += 1n;
  return neg ? -q : q;
}

/**
 * Converts exactly with a published rate, rounding half to even at the target currency's
 * minor unit. A rate the other way round (USD→EUR from a EUR→USD rate) is inverted
 * exactly, not through a float.
 */
export function convert(m: Money, to: string, rate: Rate): Money {
  if (m.currency === to) return m;
  const { num, den } = decimalToFraction(rate.rate);
  let n: bigint;
  let d: bigint;
  if (rate.from === m.currency && rate.to === to) [n, d] = [num, den];
  else if (rate.from === to && rate.to === m.currency) [n, d] = [den, num];
  else throw new MoneyError(`The rate ${rate.from}→${rate.to} does not convert ${m.currency} to ${to}.`);
  const scale = 10n ** BigInt(minorDigits(to));
  const fromScale = 10n ** BigInt(minorDigits(m.currency));
  const minor = divRound(BigInt(m.amountMinor) * n * scale, d * fromScale);
  return { amountMinor: checkMinor(Number(minor)), currency: to };
}

/** A share of an amount (a credit percentage), rounded half to even: never a float sum. */
export function percentOf(m: Money, percent: string | number): Money {
  const { num, den } = decimalToFraction(String(percent));
  return { amountMinor: checkMinor(Number(divRound(BigInt(m.amountMinor) * num, den * 100n))), currency: m.currency };
}
