import { List, Stack, Table, Text } from '@mantine/core';
import type { EngagementCostsT } from './api.ts';
import { money } from './money.tsx';

type Figure = EngagementCostsT['converted'][number];

/** Per month, the converted sum in the base currency, or null when one of the month's figures has no rate (never a partial sum). */
export function convertedByMonth(data: EngagementCostsT): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const c of data.converted) {
    const before = out.has(c.month) ? out.get(c.month)! : 0;
    out.set(c.month, before === null || c.to.amountMinor === null ? null : before + c.to.amountMinor);
  }
  return out;
}

/** The whole year's converted sum, only when every figure has its rate. */
export function convertedTotal(data: EngagementCostsT): number | null {
  if (data.converted.some((c) => c.to.amountMinor === null)) return null;
  return data.converted.reduce((s, c) => s + (c.to.amountMinor ?? 0), 0);
}

/** A converted figure's cell: the amount in the base currency, or "Not converted". */
export const convertedCell = (amountMinor: number | null | undefined, base: string) => (amountMinor === undefined ? '—' : amountMinor === null ? 'Not converted' : money(amountMinor, base));

/**
 * The engagement's invoices in other currencies, each month's figure in the base currency with
 * the rate that made it ("€4,544.63 at 1 GBP = 1.215141 EUR, October 2026"), or in words why it
 * could not be converted (never 1:1), the way the Costs page shows converted spend.
 */
export function ConvertedCosts({ data }: { data: EngagementCostsT }) {
  if (data.converted.length === 0) return null;
  const missing = [...new Set(data.converted.filter((c) => c.to.amountMinor === null).map((c) => c.to.words))];
  const total = convertedTotal(data);
  return (
    <Stack gap={4} aria-label={`Other currencies in ${data.baseCurrency}`}>
      <Text size="sm" fw={600}>
        Other currencies in {data.baseCurrency}: {total === null ? 'not converted (a rate is missing)' : money(total, data.baseCurrency)}
      </Text>
      <Table fz="xs" withRowBorders={false} aria-label="Converted amounts and the rates used">
        <Table.Tbody>
          {data.converted.map((c: Figure) => (
            <Table.Tr key={`${c.month}:${c.from.currency}`}>
              <Table.Td>
                {c.label}: {money(c.from.amountMinor, c.from.currency)}
              </Table.Td>
              <Table.Td c={c.to.amountMinor === null ? 'red' : undefined}>{c.to.words}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {missing.length > 0 && (
        <List size="xs" c="red">
          {missing.map((m) => (
            <List.Item key={m}>{m} — enter or import it under Settings → Costs.</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
