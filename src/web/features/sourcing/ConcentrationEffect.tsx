import { Paper, Table, Text, Title } from '@mantine/core';
import type { MatrixT } from './api.ts';

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
const points = (n: number) => n.toLocaleString('en-GB');

/**
 * If this candidate were chosen: its share of the critical services and of this year's spend,
 * and how the concentration index (0 = many small vendors, 10,000 = one vendor holds all)
 * would move; and the fourth parties it shares with the vendors already in use.
 */
export function ConcentrationEffect({ m }: { m: MatrixT }) {
  const rows = m.rows.filter((r) => r.concentration);
  if (!rows.length) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h5" mb={4}>
        If chosen: effect on concentration
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        Counting the new engagement as one more critical service, and the opened proposal's price as spend in its currency (currencies are never added together).
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table withTableBorder aria-label="Effect on concentration">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Candidate</Table.Th>
              <Table.Th>Share of critical services</Table.Th>
              <Table.Th>Share of spend</Table.Th>
              <Table.Th>Fourth parties shared with current vendors</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const c = r.concentration!;
              return (
                <Table.Tr key={r.candidateId}>
                  <Table.Td fw={600}>{r.vendorName}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{pct(c.services.shareAfter)}</Text>
                    <Text size="xs" c={c.services.hhiAfter > c.services.hhiBefore ? 'orange' : 'dimmed'}>
                      index {points(c.services.hhiBefore)} → {points(c.services.hhiAfter)} ({c.services.bandAfter})
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {c.spend ? (
                      <>
                        <Text size="sm">
                          {pct(c.spend.shareAfter)} of {c.spend.currency} spend
                        </Text>
                        <Text size="xs" c={c.spend.hhiAfter > c.spend.hhiBefore ? 'orange' : 'dimmed'}>
                          index {points(c.spend.hhiBefore)} → {points(c.spend.hhiAfter)} ({c.spend.bandAfter})
                        </Text>
                      </>
                    ) : null}
                    {c.spendNote && (
                      <Text size="xs" c="dimmed">
                        {c.spendNote}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {c.sharedFourthParties.length ? (
                      c.sharedFourthParties.map((f) => (
                        <Text key={f.name} size="sm" c="orange">
                          {f.name}, also behind {f.vendors.map((v) => v.name).join(', ')}
                        </Text>
                      ))
                    ) : (
                      <Text size="sm" c="dimmed">
                        None on record
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
