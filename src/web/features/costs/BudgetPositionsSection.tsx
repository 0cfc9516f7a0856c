import { Anchor, Badge, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError.tsx';
import { useBudgetPositions, type BudgetPositionsT } from './api.ts';
import { FiscalYearSelect } from './FiscalYearSelect.tsx';
import { money } from './money.tsx';

type Row = BudgetPositionsT['rows'][number];
const STANDING: Record<'actual_over' | 'forecast_over' | 'none', { label: string; color: string }> = {
  actual_over: { label: 'Over budget', color: 'red' },
  forecast_over: { label: 'Forecast over', color: 'orange' },
  none: { label: 'Within budget', color: 'teal' },
};
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Every engagement's budget of a fiscal year against its actual and run-rate forecast (or one
 * vendor's engagements), the ones over or forecast over first; below, the spend no budget
 * holds. The same figures and words as each engagement's Costs tab.
 */
export function BudgetPositionsSection({ vendorId }: { vendorId?: string }) {
  const [year, setYear] = useState<number | null>(null);
  const q = useBudgetPositions({ fiscalYear: year, vendorId });
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={2} size="h4" id="budgets">
              Budget against actual{vendorId ? '' : ', by engagement'}
            </Title>
            <Text size="sm" c="dimmed">
              {q.data ? `${q.data.fiscalYearLabel} — ${q.data.throughLabel ? `through ${q.data.throughLabel}` : 'not begun yet'}` : 'The fiscal year'}: approved and paid invoices against each engagement’s budget, with the forecast to the year’s end.
            </Text>
          </div>
          <FiscalYearSelect shown={q.data?.fiscalYear ?? null} onChange={setYear} next />
        </Group>
        {q.isPending ? <Skeleton h={160} /> : q.isError ? <QueryError error={q.error} onRetry={() => q.refetch()} what="the budgets" /> : <Positions data={q.data} withVendor={!vendorId} />}
      </Stack>
    </Paper>
  );
}

function Positions({ data, withVendor }: { data: BudgetPositionsT; withVendor: boolean }) {
  if (data.rows.length === 0 && data.unbudgeted.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No budgets and no approved spend in this fiscal year. A budget is added on its engagement’s Costs tab.
      </Text>
    );
  const over = data.rows.filter((r) => r.alert === 'actual_over').length;
  const forecastOver = data.rows.filter((r) => r.alert === 'forecast_over').length;
  // An engagement's spend in a currency none of its budgets is kept in: named on its row too.
  const elsewhere = (engagementId: string) => data.unbudgeted.filter((u) => u.engagementId === engagementId);
  return (
    <Stack gap="xs">
      {data.rows.length > 0 && (
        <Text size="sm" fw={500}>
          {over + forecastOver === 0
            ? `${data.rows.length === 1 ? 'The budget holds' : `All ${data.rows.length} budgets hold`}: no actual over its budget, no forecast more than ${data.thresholdPct} % over.`
            : `${over + forecastOver} of ${plural(data.rows.length, 'budget')} ${over + forecastOver === 1 ? 'needs' : 'need'} attention: ${[over ? `${over} already over` : '', forecastOver ? `${forecastOver} forecast more than ${data.thresholdPct} % over` : ''].filter(Boolean).join(', ')}.`}
        </Text>
      )}
      {data.rows.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table fz="sm" highlightOnHover aria-label="Budget against actual">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Engagement</Table.Th>
                <Table.Th ta="right">Budget, year</Table.Th>
                <Table.Th ta="right">Budget to date</Table.Th>
                <Table.Th ta="right">Actual</Table.Th>
                <Table.Th ta="right">Remaining</Table.Th>
                <Table.Th ta="right">Forecast, year end</Table.Th>
                <Table.Th>Standing</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((r) => (
                <PositionRow key={`${r.engagementId}:${r.currency}`} r={r} withVendor={withVendor} begun={data.monthsElapsed > 0} elsewhere={elsewhere(r.engagementId)} />
              ))}
              {data.totals.map((t) => (
                <Table.Tr key={t.currency} fw={600}>
                  <Table.Td>Total in {t.currency}</Table.Td>
                  <Table.Td ta="right">{money(t.budgetMinor, t.currency)}</Table.Td>
                  <Table.Td ta="right">{money(t.budgetToDateMinor, t.currency)}</Table.Td>
                  <Table.Td ta="right">{money(t.actualMinor, t.currency)}</Table.Td>
                  <Table.Td ta="right">{money(t.budgetMinor - t.actualMinor, t.currency)}</Table.Td>
                  <Table.Td ta="right">{data.monthsElapsed ? money(t.forecastMinor, t.currency) : '—'}</Table.Td>
                  <Table.Td />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data.unbudgeted.length > 0 && <Unbudgeted data={data} withVendor={withVendor} />}
      {data.notes.map((n) => (
        <Text key={n} size="xs" c="dimmed">
          {n}
        </Text>
      ))}
    </Stack>
  );
}

function PositionRow({ r, withVendor, begun, elsewhere }: { r: Row; withVendor: boolean; begun: boolean; elsewhere: BudgetPositionsT['unbudgeted'] }) {
  const standing = STANDING[r.alert ?? 'none'];
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/engagements/${r.engagementId}/costs`}>
          {r.engagementName}
        </Anchor>
        {withVendor && (
          <Text size="xs" c="dimmed">
            {r.vendorName}
          </Text>
        )}
        {elsewhere.map((u) => (
          <Text key={u.currency} size="xs" c="orange.8">
            Also {money(u.actualMinor, u.currency)} billed in {u.currency}, not counted against this budget
          </Text>
        ))}
      </Table.Td>
      <Table.Td ta="right">{money(r.budgetMinor, r.currency)}</Table.Td>
      <Table.Td ta="right">{money(r.budgetToDateMinor, r.currency)}</Table.Td>
      <Table.Td ta="right">{money(r.actualMinor, r.currency)}</Table.Td>
      <Table.Td ta="right" c={r.remainingMinor < 0 ? 'red' : undefined}>
        {money(r.remainingMinor, r.currency)}
      </Table.Td>
      <Table.Td ta="right">{begun ? money(r.forecastMinor, r.currency) : '—'}</Table.Td>
      <Table.Td maw={320}>
        <Badge variant="light" color={standing.color}>
          {standing.label}
        </Badge>
        <Text size="xs" c="dimmed">
          {r.words}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function Unbudgeted({ data, withVendor }: { data: BudgetPositionsT; withVendor: boolean }) {
  return (
    <Stack gap={4} mt="sm">
      <Text size="sm" fw={500}>
        Spend no budget holds
      </Text>
      <Text size="xs" c="dimmed">
        Approved and paid this year on an engagement without a budget in that currency, or on no engagement. Add a budget on the engagement’s Costs tab to follow it.
      </Text>
      <Table fz="sm" aria-label="Spend no budget holds">
        <Table.Thead>
          <Table.Tr>
            {withVendor && <Table.Th>Vendor</Table.Th>}
            <Table.Th>Engagement</Table.Th>
            <Table.Th ta="right">Actual</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.unbudgeted.map((u) => (
            <Table.Tr key={`${u.vendorId}:${u.engagementId ?? ''}:${u.currency}`}>
              {withVendor && (
                <Table.Td>
                  <Anchor component={Link} to={`/vendors/${u.vendorId}/costs`}>
                    {u.vendorName}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>
                {u.engagementId ? (
                  <Anchor component={Link} to={`/engagements/${u.engagementId}/costs`}>
                    {u.engagementName}
                  </Anchor>
                ) : (
                  <Text span size="sm" c="dimmed">
                    No engagement named on the invoices
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{money(u.actualMinor, u.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
