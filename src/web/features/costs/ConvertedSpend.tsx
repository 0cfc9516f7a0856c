import { List, Stack, Table, Text } from '@mantine/core';
import type { SpendT } from './api.ts';
import { money } from './money.tsx';

/**
 * The spend in the base currency: a total per month with the rate that made each figure, and
 * the months that could not be converted named in words (never taken as 1:1).
 */
export function ConvertedSpend({ data }: { data: SpendT }) {
  const c = data.converted;
  if (!c.rows.some((r) => r.currency !== c.baseCurrency)) return null;
  const base = (m: number | null) => (m === null ? 'not converted' : money(m, c.baseCurrency));
  return (
    <Stack gap={4} aria-label={`Spend in ${c.baseCurrency}`}>
      <Text size="sm" fw={600}>
        All spend in {c.baseCurrency}: {base(c.totalMinor)}
      </Text>
      <Table fz="xs" withRowBorders={false} aria-label="Converted spend and the rates used">
        <Table.Tbody>
          {data.rows.map((r, k) =>
            c.rows[k].currency === c.baseCurrency
              ? null
              : c.rows[k].months.map((m, i) =>
                  m ? (
                    <Table.Tr key={`${r.vendorId}:${r.currency}:${i}`}>
                      <Table.Td>
                        {r.vendorName}, {data.months[i].label}: {money(r.monthsMinor[i], r.currency)}
                      </Table.Td>
                      <Table.Td c={m.amountMinor === null ? 'red' : undefined}>{m.words}</Table.Td>
                    </Table.Tr>
                  ) : null,
                ),
          )}
        </Table.Tbody>
      </Table>
      {c.missing.length > 0 && (
        <List size="xs" c="red">
          {c.missing.map((m) => (
            <List.Item key={m}>{m} — enter or import it under Settings → Costs.</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
