import { Badge, Text } from '@mantine/core';
import { formatMoney, MoneyError, parseAmount } from '../../../domain/money.ts';
import { PROJECT_STATUS_LABELS, type ProjectStatus } from '../../../shared/contracts/sourcing.ts';

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY', 'CAD', 'AUD', 'INR'];
export const money = (amountMinor: number, currency: string) => formatMoney({ amountMinor, currency });
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const score2 = (x: number | null) => (x === null ? '—' : x.toFixed(2));

/** A typed amount ("1,234.50") in minor units; a message for the field when it is no amount. */
export function readAmount(raw: string, currency: string): { value: number | null; error: string | null } {
  if (!raw.trim()) return { value: null, error: null };
  try {
    return { value: parseAmount(raw, currency), error: null };
  } catch (e) {
    return { value: null, error: e instanceof MoneyError ? e.message : 'Not an amount' };
  }
}

const STATUS_COLOR: Record<ProjectStatus, string> = { draft: 'gray', checked: 'blue', evaluating: 'indigo', pilot: 'orange', decided: 'teal' };
export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  return (
    <Badge variant="light" color={STATUS_COLOR[status]}>
      {PROJECT_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Met, not met, or not measured, with its colour. */
export function MetBadge({ met }: { met: boolean | null }) {
  const [label, color] = met === null ? ['Not measured', 'dimmed'] : met ? ['Met', 'teal'] : ['Not met', 'red'];
  return (
    <Text size="sm" fw={700} c={color} style={{ whiteSpace: 'nowrap' }}>
      {label}
    </Text>
  );
}
