import { averageRate, RATE_RE, type MonthRate } from './exchange-rates.ts';

/**
 * Reads the European Central Bank's reference-rate CSV files into one rate per currency and
 * month ("1 EUR = x CUR"). Two formats, told apart by their header:
 * - the daily history `eurofxref-hist.csv` (`Date,USD,JPY,…`, newest first, "N/A" where a
 *   currency was not quoted, a trailing comma): the month's rate is the plain average of its
 *   daily rates (`averageRate`);
 * - the SDMX CSV of the ECB data portal (`KEY,FREQ,CURRENCY,CURRENCY_DENOM,EXR_TYPE,EXR_SUFFIX,
 *   TIME_PERIOD,OBS_VALUE,…`), series `EXR.M.<CUR>.EUR.SP00.A` — the ECB's own monthly average,
 *   taken as published. Daily SDMX series (`EXR.D.…`) are averaged like the history file.
 * All or nothing: every problem is collected with its row (1 = the header) and column.
 */
export interface RateProblem {
  line: number;
  field: string;
  reason: string;
}

export type EcbFormat = 'ecb_daily' | 'ecb_sdmx_monthly' | 'ecb_sdmx_daily';

export interface EcbParse {
  format: EcbFormat;
  rule: string;
  rates: MonthRate[];
  problems: RateProblem[];
}

export const MAX_RATE_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_RATE_FILE_ROWS = 50_000;

export const RULES: Record<EcbFormat, string> = {
  ecb_daily: "Daily reference rates: each month's rate is the average of that month's published daily rates, rounded half to even at six decimals.",
  ecb_sdmx_daily: "Daily reference rates (SDMX): each month's rate is the average of that month's published daily rates, rounded half to even at six decimals.",
  ecb_sdmx_monthly: "The ECB's monthly average series (EXR.M.…EUR.SP00.A): each month's rate is taken as published.",
};

/** CSV rows with RFC 4180 quoting (the SDMX titles hold commas inside quotes). */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((v) => v.trim() !== ''));
}

const CUR = /^[A-Z]{3}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const validMonth = (y: string, m: string) => Number(y) >= 1999 && Number(y) <= 2200 && Number(m) >= 1 && Number(m) <= 12;

export function parseEcbCsv(text: string): EcbParse {
  const rows = csvRows(text.replace(/^\uFEFF/, ''));
  if (rows.length > MAX_RATE_FILE_ROWS + 1) {
    return { format: 'ecb_daily', rule: '', rates: [], problems: [{ line: MAX_RATE_FILE_ROWS + 2, field: '(file)', reason: `The file has more than ${MAX_RATE_FILE_ROWS.toLocaleString('en')} rows.` }] };
  }
  const header = (rows[0] ?? []).map((h) => h.trim());
  if (header[0] === 'Date') return parseDaily(rows, header);
  if (header.includes('TIME_PERIOD') && header.includes('OBS_VALUE') && header.includes('CURRENCY')) return parseSdmx(rows, header);
  return {
    format: 'ecb_daily',
    rule: '',
    rates: [],
    problems: [{ line: 1, field: '(header)', reason: 'Not an ECB reference-rate file: expected the daily history ("Date,USD,JPY,…") or the data portal\'s SDMX CSV ("KEY,FREQ,CURRENCY,…,TIME_PERIOD,OBS_VALUE").' }],
  };
}

/** Groups daily rates per currency and month, refusing a day given twice. */
class Daily {
  private readonly days = new Map<string, Map<string, string>>();
  add(currency: string, day: string, rate: string): boolean {
    const key = `${currency}|${day.slice(0, 7)}`;
    const m = this.days.get(key) ?? new Map<string, string>();
    this.days.set(key, m);
    if (m.has(day)) return false;
    m.set(day, rate);
    return true;
  }
  rates(): MonthRate[] {
    return [...this.days].map(([key, m]) => {
      const [currency, month] = key.split('|');
      return { currency, month, perEur: averageRate([...m.values()]), days: m.size };
    });
  }
}

function parseDaily(rows: string[][], header: string[]): EcbParse {
  const problems: RateProblem[] = [];
  const cols = header.map((h, i) => ({ h, i })).filter((c) => c.i > 0 && c.h !== '');
  for (const c of cols) if (!CUR.test(c.h)) problems.push({ line: 1, field: c.h, reason: `"${c.h}" is not a currency code.` });
  const daily = new Daily();
  rows.slice(1).forEach((r, k) => {
    const line = k + 2;
    const date = (r[0] ?? '').trim();
    const d = DAY.exec(date);
    if (!d || !validMonth(d[1], d[2]) || Number(d[3]) < 1 || Number(d[3]) > 31) {
      problems.push({ line, field: 'Date', reason: `"${date}" is not a date written YYYY-MM-DD.` });
      return;
    }
    for (const c of cols) {
      const v = (r[c.i] ?? '').trim();
      if (v === '' || v === 'N/A') continue;
      if (!RATE_RE.test(v) || /^0+(\.0+)?$/.test(v)) problems.push({ line, field: c.h, reason: `"${v}" is not a rate (a decimal number such as 1.0856).` });
      else if (!daily.add(c.h, date, v)) problems.push({ line, field: 'Date', reason: `${date} appears more than once.` });
    }
  });
  return { format: 'ecb_daily', rule: RULES.ecb_daily, rates: problems.length ? [] : daily.rates(), problems };
}

function parseSdmx(rows: string[][], header: string[]): EcbParse {
  const problems: RateProblem[] = [];
  const col = (name: string) => header.indexOf(name);
  const [iFreq, iCur, iDen, iType, iSuffix, iTime, iValue] = ['FREQ', 'CURRENCY', 'CURRENCY_DENOM', 'EXR_TYPE', 'EXR_SUFFIX', 'TIME_PERIOD', 'OBS_VALUE'].map(col);
  for (const [name, i] of [['FREQ', iFreq], ['CURRENCY_DENOM', iDen]] as const) if (i < 0) problems.push({ line: 1, field: name, reason: `The column ${name} is missing.` });
  if (problems.length) return { format: 'ecb_sdmx_monthly', rule: '', rates: [], problems };
  const freqs = new Set(rows.slice(1).map((r) => (r[iFreq] ?? '').trim()));
  const format: EcbFormat = freqs.size === 1 && freqs.has('D') ? 'ecb_sdmx_daily' : 'ecb_sdmx_monthly';
  const monthly = new Map<string, string>();
  const daily = new Daily();
  rows.slice(1).forEach((r, k) => {
    const line = k + 2;
    const get = (i: number) => (i < 0 ? '' : (r[i] ?? '').trim());
    const [freq, cur, den, type, suffix, time, value] = [iFreq, iCur, iDen, iType, iSuffix, iTime, iValue].map(get);
    const before = problems.length;
    if (freq !== (format === 'ecb_sdmx_daily' ? 'D' : 'M')) problems.push({ line, field: 'FREQ', reason: `"${freq}" — the file must hold monthly (M) series, or only daily (D) ones.` });
    if (!CUR.test(cur)) problems.push({ line, field: 'CURRENCY', reason: `"${cur}" is not a currency code.` });
    if (den !== 'EUR') problems.push({ line, field: 'CURRENCY_DENOM', reason: `"${den}": only rates against the euro (EUR) are read.` });
    if (iType >= 0 && type !== 'SP00') problems.push({ line, field: 'EXR_TYPE', reason: `"${type}": only the reference rate (SP00) is read.` });
    if (iSuffix >= 0 && suffix !== 'A') problems.push({ line, field: 'EXR_SUFFIX', reason: `"${suffix}": only averages (A) are read, not end-of-period rates.` });
    if (!RATE_RE.test(value) || /^0+(\.0+)?$/.test(value)) problems.push({ line, field: 'OBS_VALUE', reason: `"${value}" is not a rate (a decimal number such as 1.0856).` });
    const t = (format === 'ecb_sdmx_daily' ? DAY : MONTH).exec(time);
    if (!t || !validMonth(t[1], t[2])) problems.push({ line, field: 'TIME_PERIOD', reason: `"${time}" is not a ${format === 'ecb_sdmx_daily' ? 'day written YYYY-MM-DD' : 'month written YYYY-MM'}.` });
    if (problems.length > before) return;
    if (format === 'ecb_sdmx_daily') {
      if (!daily.add(cur, time, value)) problems.push({ line, field: 'TIME_PERIOD', reason: `${cur} for ${time} appears more than once.` });
    } else if (monthly.has(`${cur}|${time}`)) problems.push({ line, field: 'TIME_PERIOD', reason: `${cur} for ${time} appears more than once.` });
    else monthly.set(`${cur}|${time}`, value);
  });
  const rates = format === 'ecb_sdmx_daily' ? daily.rates() : [...monthly].map(([k, perEur]) => ({ currency: k.split('|')[0], month: k.split('|')[1], perEur }));
  return { format, rule: RULES[format], rates: problems.length ? [] : rates, problems };
}
