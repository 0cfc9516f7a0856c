import { Group, Loader, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { VendorTabProps } from '../vendors/tabs.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useOnTimeRate } from './api.ts';

const pct = (r: number | null) => (r === null ? 'not measured yet' : `${Math.round(r * 100)} %`);

/** The vendor's on-time rate over time: per quarter or month of each deliverable's deadline (due date + grace). */
export function VendorDeliverablesTab({ vendor }: VendorTabProps) {
  const [by, setBy] = useState<'quarter' | 'month'>('quarter');
  const rate = useOnTimeRate(vendor.id, by);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="on-time-rate">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="on-time-rate">
            Deliverables on time
          </Title>
          <SegmentedControl size="xs" value={by} onChange={(v) => setBy(v as 'quarter' | 'month')} data={[{ value: 'quarter', label: 'Per quarter' }, { value: 'month', label: 'Per month' }]} />
        </Group>
        {rate.isPending ? (
          <Loader aria-label="Loading the on-time rate" />
        ) : rate.isError ? (
          <QueryError error={rate.error} onRetry={() => rate.refetch()} what="the on-time rate" />
        ) : (
          <>
            <Text>
              Overall: <b>{pct(rate.data.overall.rate)}</b> — {rate.data.overall.onTime} on time, {rate.data.overall.late} late
              {rate.data.open ? `; ${rate.data.open} still in time, not counted yet` : ''}.
            </Text>
            <Text size="sm" c="dimmed">
              A deliverable is on time when it is accepted by its due date plus the grace days the contract allows; one still open after that counts as late.
            </Text>
            {rate.data.periods.length > 0 && (
              <Table.ScrollContainer minWidth={300}>
                <Table aria-label="On-time rate over time">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{by === 'quarter' ? 'Quarter' : 'Month'}</Table.Th>
                      <Table.Th>On time</Table.Th>
                      <Table.Th>Late</Table.Th>
                      <Table.Th>Rate</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rate.data.periods.map((p) => (
                      <Table.Tr key={p.period}>
                        <Table.Td>{p.label}</Table.Td>
                        <Table.Td>{p.onTime}</Table.Td>
                        <Table.Td>{p.late}</Table.Td>
                        <Table.Td>{pct(p.rate)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
