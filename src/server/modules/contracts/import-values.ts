import { CONTRACT_STATUS_LABELS, CONTRACT_STATUSES, CONTRACT_TYPE_LABELS, CONTRACT_TYPES, type ContractStatus, type ContractType } from '../../../shared/contracts/contracts.ts';

/** How the contracts import reads the words, periods and dates people write in a spreadsheet. */
/** Headers and words in a cell, compared without case, dashes or underscores. */
export const words = (s: string) => s.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
export const TYPE_BY_WORDS = new Map<string, ContractType>([
  ...CONTRACT_TYPES.map((t) => [words(t), t] as const),
  ...CONTRACT_TYPES.map((t) => [words(CONTRACT_TYPE_LABELS[t]), t] as const),
  ['msa', 'master_agreement'],
  ['sow', 'statement_of_work'],
  ['dpa', 'data_processing_agreement'],
]);
export const STATUS_BY_WORDS = new Map<string, ContractStatus>([...CONTRACT_STATUSES.map((s) => [words(s), s] as const), ...CONTRACT_STATUSES.map((s) => [words(CONTRACT_STATUS_LABELS[s]), s] as const)]);

const PERIOD = /^(\d{1,4})\s*(days?|d|months?|m)$/i;
export function period(raw: string): { unit: 'days' | 'months'; count: number } | string {
  const m = PERIOD.exec(raw.trim());
  if (!m) return `"${raw}" is not a period; write it as "90 days" or "3 months"`;
  const count = Number(m[1]);
  if (count < 1) return 'A period of at least 1 day or month';
  return { unit: m[2].toLowerCase().startsWith('d') ? 'days' : 'months', count };
}

/** Dates as ISO yyyy-mm-dd; a workbook's date cell arrives as yyyy-mm-ddT00:00:00. */
export function isoDate(raw: string): string | { error: string } {
  const v = raw.trim().replace(/T00:00:00$/, '');
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return { error: `"${raw}" is not a date as YYYY-MM-DD (for example 2026-03-31)` };
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return { error: `"${raw}" is not a day of the calendar` };
  return v;
}
