import { Anchor, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError.tsx';
import { useSpend, type SpendT } from './api.ts';
import { FiscalYearSelect } from './FiscalYearSelect.tsx';
import { ConvertedSpend } from './ConvertedSpend.tsx';
import { money } from './money.tsx';

const short = (label: string) => `${label.slice(0, 3)} ${label.slice(-2)}`;

// Twelve months of amounts are wider than most screens: the vendor and the total stay in view
// while the months scroll between them (opaque, so the months pass under them).
const edge = { position: 'sticky', background: 'var(--mantine-color-body)', zIndex: 1 } as const;
const first = { ...edge, left: 0, minWidth: 180, boxShadow: 'inset -1px 0 var(--mantine-color-default-border)' } as const;
const last = { ...edge, right: 0, boxShadow: 'inset 1px 0 var(--mantine-color-default-border)' } as const;

/** Spend by vendor and month of a fiscal year, one row per vendor and currency, with totals per currency (never added across them). */
export function SpendSection({ vendorId }: { vendorId?: string }) {
  const [year, setYear] = useState<number | null>(null);
  const spend = useSpend({ fiscalYear: year, vendorId });
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={2} size="h4" id="spend">
              Spend by {vendorId ? 'month' : 'vendor and month'}
            </Title>
            <Text size="sm" c="dimmed">
              {spend.data?.fiscalYearLabel ?? 'The fiscal year'} — approved and paid invoices, net of tax.
            </Text>
          </div>
          <FiscalYearSelect shown={spend.data?.fiscalYear ?? null} onChange={setYear} />
        </Group>
        {spend.isPending ? <Skeleton h={160} /> : spend.isError ? <QueryError error={spend.error} onRetry={() => spend.refetch()} what="the spend" /> : <SpendTable data={spend.data} linkVendors={!vendorId} />}
      </Stack>
    </Paper>
  );
}

function SpendTable({ data, linkVendors }: { data: SpendT; linkVendors: boolean }) {
  if (data.rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No approved or paid invoices in this fiscal year.
      </Text>
    );
  return (
    <Stack gap="xs">
      {/* The scrollbar always shows: months hidden past the edge are otherwise easy to miss. */}
      <Table.ScrollContainer minWidth={1100} scrollAreaProps={{ type: 'always', offsetScrollbars: 'x' }}>
        <Table fz="sm" highlightOnHover aria-label="Spend by vendor and month">
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={first}>Vendor</Table.Th>
              {data.months.map((m) => (
                <Table.Th key={m.month} ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {short(m.label)}
                </Table.Th>
              ))}
              <Table.Th ta="right" style={last}>
                Total
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((r) => (
              <Table.Tr key={`${r.vendorId}:${r.currency}`}>
                <Table.Td style={first}>
                  {linkVendors ? (
                    <Anchor component={Link} to={`/vendors/${r.vendorId}/costs`}>
                      {r.vendorName}
                    </Anchor>
                  ) : (
                    r.vendorName
                  )}{' '}
                  ({r.currency})
                </Table.Td>
                {r.monthsMinor.map((m, i) => (
                  <Table.Td key={i} ta="right">
                    {m ? money(m, r.currency) : '—'}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={600} style={last}>
                  {money(r.totalMinor, r.currency)}
                </Table.Td>
              </Table.Tr>
            ))}
            {data.totals.map((t) => (
              <Table.Tr key={t.currency} fw={600}>
                <Table.Td style={first}>Total in {t.currency}</Table.Td>
                {t.monthsMinor.map((m, i) => (
                  <Table.Td key={i} ta="right">
                    {m ? money(m, t.currency) : '—'}
                  </Table.Td>
                ))}
                <Table.Td ta="right" style={last}>
                  {money(t.totalMinor, t.currency)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConvertedSpend data={data} />
      {data.notes.map((n) => (
        <Text key={n} size="xs" c="dimmed">
          {n}
        </Text>
      ))}
    </Stack>
  );
}
