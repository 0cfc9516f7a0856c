import { Badge, Group, Paper, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCheck, IconX } from '@tabler/icons-react';
import { Fragment } from 'react';
import { formatAmount, formatDuration, formatPct, formatShare, monthLabel } from './format.ts';
import type { SlaReportMonthT, SlaReportT } from './types.ts';

export function MetMark({ met }: { met: boolean | null }) {
  if (met === null) return <Text span c="dimmed" size="sm">—</Text>;
  return met ? (
    <Badge color="teal" variant="light" size="sm" tt="none" leftSection={<IconCheck size={12} aria-hidden />}>
      Met
    </Badge>
  ) : (
    <Badge color="red" variant="light" size="sm" tt="none" leftSection={<IconX size={12} aria-hidden />}>
      Missed
    </Badge>
  );
}

/** `feeCurrency`: the currency of the policy's monthly fee, null without a fee (credits then in % only). */
function CreditCell({ month, feeCurrency }: { month: SlaReportMonthT; feeCurrency: string | null }) {
  if (month.creditPct === 0) {
    return (
      <Text size="sm" c="dimmed">
        None
      </Text>
    );
  }
  return (
    <>
      <Text size="sm" fw={600} c="red.7">
        {feeCurrency !== null && month.creditMinor !== null ? formatAmount({ amountMinor: month.creditMinor, currency: feeCurrency }) : formatPct(month.creditPct)}
      </Text>
      {feeCurrency !== null && (
        <Text size="xs" c="dimmed">
          {formatPct(month.creditPct)} of the fee
        </Text>
      )}
    </>
  );
}

type PriorityRow = SlaReportMonthT['priorities'][number];

function breachWords(p: PriorityRow): string {
  return `${p.responseBreaches} response, ${p.resolutionBreaches} resolution${p.responseNotMeasured ? `; response not measured for ${p.responseNotMeasured}` : ''}`;
}

/** Tickets whose first response the data cannot say: counted, neither met nor breached on response. */
function NotMeasured({ n }: { n: number }) {
  if (!n) return null;
  return (
    <Text size="xs" c="dimmed">
      {n.toLocaleString()} response not measured
    </Text>
  );
}

/** On a phone: one card per month, one line per priority, so attainment, met and credit stay on screen. */
function MonthCards({ months, priorities, feeCurrency }: { months: SlaReportMonthT[]; priorities: string[]; feeCurrency: string | null }) {
  return (
    <Stack gap="sm" component="ul" className="bare-list" aria-label="Attainment per month and priority">
      {months.map((m) => {
        const rows = priorities.map((p) => m.priorities.find((x) => x.priority === p)).filter((x): x is PriorityRow => !!x && x.tickets > 0);
        return (
          <Paper key={m.month} withBorder radius="md" p="sm" component="li" aria-label={monthLabel(m.month)}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Text fw={600}>{monthLabel(m.month)}</Text>
              <div style={{ textAlign: 'right' }}>
                <Text size="xs" c="dimmed">
                  Credit owed
                </Text>
                <CreditCell month={m} feeCurrency={feeCurrency} />
              </div>
            </Group>
            {rows.length === 0 && (
              <Text size="sm" c="dimmed">
                No tickets
              </Text>
            )}
            <Stack gap={6} mt={6}>
              {rows.map((p) => (
                <Group key={p.priority} justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500}>
                      {p.priority} · {p.tickets.toLocaleString()} {p.tickets === 1 ? 'ticket' : 'tickets'}
                    </Text>
                    <Text size="xs" c={p.breached ? 'red.7' : 'dimmed'}>
                      {p.breached.toLocaleString()} breached{p.breached ? ` (${p.responseBreaches} response, ${p.resolutionBreaches} resolution)` : ''}
                    </Text>
                    <NotMeasured n={p.responseNotMeasured} />
                  </div>
                  <div style={{ textAlign: 'right', flexShrink: 0 }}>
                    <Text size="sm" fw={p.met === false ? 600 : undefined} c={p.met === false ? 'red.7' : undefined}>
                      {formatShare(p.attainment)}
                      <Text span size="xs" c="dimmed">
                        {' '}
                        of {formatShare(p.target)}
                      </Text>
                    </Text>
                    <MetMark met={p.met} />
                  </div>
                </Group>
              ))}
              {m.availability && (
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <div>
                    <Text size="sm" fw={500}>
                      Availability
                    </Text>
                    <Text size="xs" c="dimmed">
                      down {formatDuration(m.availability.downtimeMs)}
                    </Text>
                  </div>
                  <div style={{ textAlign: 'right', flexShrink: 0 }}>
                    <Text size="sm" fw={m.availability.met === false ? 600 : undefined} c={m.availability.met === false ? 'red.7' : undefined}>
                      {formatShare(m.availability.availability, 3)}
                      <Text span size="xs" c="dimmed">
                        {' '}
                        of {formatShare(m.availability.target, 3)}
                      </Text>
                    </Text>
                    <MetMark met={m.availability.met} />
                  </div>
                </Group>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** Every month × priority of the report: tickets, breaches, attainment against target, and the credit owed. */
export function MonthlyTable({ report, priorities, feeCurrency }: { report: SlaReportT; priorities: string[]; feeCurrency: string | null }) {
  const months = [...report.months].reverse();
  const phone = useMediaQuery('(max-width: 48em)');
  if (phone) return <MonthCards months={months} priorities={priorities} feeCurrency={feeCurrency} />;
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing={6} fz="sm" aria-label="Attainment per month and priority">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Month</Table.Th>
              <Table.Th>Priority</Table.Th>
              <Table.Th ta="right">Tickets</Table.Th>
              <Table.Th ta="right">Breached</Table.Th>
              <Table.Th ta="right">Attainment</Table.Th>
              <Table.Th ta="right">Target</Table.Th>
              <Table.Th>Met</Table.Th>
              <Table.Th ta="right">Credit owed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months.map((m) => {
              const rows = priorities
                .map((p) => m.priorities.find((x) => x.priority === p))
                .filter((x): x is NonNullable<typeof x> => !!x);
              const empty = rows.every((p) => p.tickets === 0);
              const span = (empty ? 1 : rows.length) + (m.availability ? 1 : 0);
              return (
                <Fragment key={m.month}>
                  {empty && (
                    <Table.Tr style={{ borderTop: '2px solid var(--mantine-color-default-border)' }}>
                      <Table.Th scope="rowgroup" rowSpan={span} fw={600} style={{ verticalAlign: 'top' }}>
                        {monthLabel(m.month)}
                      </Table.Th>
                      <Table.Td colSpan={6} c="dimmed">
                        No tickets
                      </Table.Td>
                      <Table.Td rowSpan={span} ta="right" style={{ verticalAlign: 'top' }}>
                        <CreditCell month={m} feeCurrency={feeCurrency} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {!empty && rows.map((p, i) => (
                    <Table.Tr key={p.priority} style={i === 0 ? { borderTop: '2px solid var(--mantine-color-default-border)' } : undefined}>
                      {i === 0 && (
                        <Table.Th scope="rowgroup" rowSpan={span} fw={600} style={{ verticalAlign: 'top' }}>
                          {monthLabel(m.month)}
                        </Table.Th>
                      )}
                      <Table.Td>{p.priority}</Table.Td>
                      <Table.Td ta="right" c={p.tickets === 0 ? 'dimmed' : undefined}>
                        {p.tickets.toLocaleString()}
                        <NotMeasured n={p.responseNotMeasured} />
                      </Table.Td>
                      <Table.Td ta="right">
                        {p.breached === 0 ? (
                          <Text span c="dimmed" size="sm">0</Text>
                        ) : (
                          <Tooltip label={breachWords(p)} openDelay={300}>
                            <Text span size="sm" c="red.7" fw={500}>
                              {p.breached.toLocaleString()}
                              <VisuallyHidden>
                                {' '}({p.responseBreaches} response, {p.resolutionBreaches} resolution)
                              </VisuallyHidden>
                            </Text>
                          </Tooltip>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" fw={p.met === false ? 600 : undefined} c={p.met === false ? 'red.7' : undefined}>
                        {formatShare(p.attainment)}
                      </Table.Td>
                      <Table.Td ta="right" c="dimmed">
                        {formatShare(p.target)}
                      </Table.Td>
                      <Table.Td>
                        <MetMark met={p.tickets === 0 && p.met ? null : p.met} />
                      </Table.Td>
                      {i === 0 && (
                        <Table.Td rowSpan={span} ta="right" style={{ verticalAlign: 'top' }}>
                          <CreditCell month={m} feeCurrency={feeCurrency} />
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                  {m.availability && (
                    <Table.Tr>
                      <Table.Td>Availability</Table.Td>
                      <Table.Td ta="right" c="dimmed" colSpan={2}>
                        <Text span size="xs" c="dimmed">
                          down {formatDuration(m.availability.downtimeMs)}
                          {m.availability.maintenanceMs > 0 ? ` · maintenance ${formatDuration(m.availability.maintenanceMs)}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" fw={m.availability.met === false ? 600 : undefined} c={m.availability.met === false ? 'red.7' : undefined}>
                        {formatShare(m.availability.availability, 3)}
                      </Table.Td>
                      <Table.Td ta="right" c="dimmed">
                        {formatShare(m.availability.target, 3)}
                      </Table.Td>
                      <Table.Td>
                        <MetMark met={m.availability.met} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
