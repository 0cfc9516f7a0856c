import { formatMoney } from '../../../domain/money.ts';
import { CONTRACT_STATUS_LABELS, type ContractStatus } from '../../../shared/contracts/contracts.ts';
import type { ContractT } from '../../api/types.ts';

export const STATUS_COLORS: Record<ContractStatus, string> = {
  draft: 'gray',
  in_negotiation: 'yellow',
  signed: 'blue',
  active: 'teal',
  expired: 'gray',
  terminated: 'red',
};
export const statusLabel = (s: ContractStatus) => CONTRACT_STATUS_LABELS[s];

/** "€120,000.00 a year", "€240,000.00 in total", or null. */
export function valueWords(c: Pick<ContractT, 'currency' | 'totalValueMinor' | 'annualValueMinor'>): string | null {
  if (!c.currency) return null;
  const parts: string[] = [];
  if (c.annualValueMinor !== null) parts.push(`${formatMoney({ amountMinor: c.annualValueMinor, currency: c.currency })} a year`);
  if (c.totalValueMinor !== null) parts.push(`${formatMoney({ amountMinor: c.totalValueMinor, currency: c.currency })} in total`);
  return parts.length ? parts.join(', ') : null;
}

export const periodText = (unit: string | null, count: number | null) => (unit && count ? `${count} ${unit === 'days' ? (count === 1 ? 'day' : 'days') : count === 1 ? 'month' : 'months'}` : null);
