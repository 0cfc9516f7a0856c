import { Badge, Text } from '@mantine/core';
import { formatMoney, MoneyError, parseAmount } from '../../../domain/money.ts';
import { INVOICE_STATUS_LABELS } from '../../../shared/contracts/costs.ts';
import type { InvoiceT } from './api.ts';

export const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY', 'CAD', 'AUD', 'INR'];
export const money = (amountMinor: number, currency: string) => formatMoney({ amountMinor, currency });
/** Amounts of several currencies side by side, never added: "€1,200.00 · £300.00", or a dash. */
export const amounts = (list: Array<{ amountMinor: number; currency: string }>) => (list.length ? list.map((m) => formatMoney(m)).join(' · ') : '—');

/** A typed amount ("1,234.50") in minor units; a message for the field when it is no amount. */
export function readAmount(raw: string, currency: string): { value: number | null; error: string | null } {
  if (!raw.trim()) return { value: null, error: null };
  try {
    return { value: parseAmount(raw, currency), error: null };
  } catch (e) {
    return { value: null, error: e instanceof MoneyError ? e.message : 'Not an amount' };
  }
}

const STATUS_COLOR: Record<InvoiceT['status'], string> = { received: 'gray', checked: 'blue', approved: 'teal', paid: 'green', disputed: 'red' };
export function InvoiceStatusBadge({ status }: { status: InvoiceT['status'] }) {
  return (
    <Badge variant="light" color={STATUS_COLOR[status]}>
      {INVOICE_STATUS_LABELS[status]}
    </Badge>
  );
}

/** "2 checks failing", "1 check overridden", "All checks pass". */
export function checksInWords(i: Pick<InvoiceT, 'openChecks' | 'checkCount'>): { text: string; color: string } {
  if (i.openChecks) return { text: `${i.openChecks} check${i.openChecks === 1 ? '' : 's'} failing`, color: 'red' };
  if (i.checkCount) return { text: `${i.checkCount} check${i.checkCount === 1 ? '' : 's'} overridden`, color: 'orange' };
  return { text: 'All checks pass', color: 'teal' };
}

/** The invoice's checks in words, coloured as on every invoice list (failing red, overridden orange). */
export function ChecksInWords({ invoice }: { invoice: Pick<InvoiceT, 'openChecks' | 'checkCount'> }) {
  const c = checksInWords(invoice);
  return (
    <Text size="sm" c={c.color}>
      {c.text}
    </Text>
  );
}
