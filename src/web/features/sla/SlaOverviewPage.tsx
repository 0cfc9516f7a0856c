import { Anchor, Badge, Box, Button, Group, Loader, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { IconChevronLeft, IconChevronRight, IconGauge } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { roleCan } from '../../../shared/permissions.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useIsWide } from '../../lib/useIsWide.ts';
import { useSession } from '../auth/api.ts';
import { useSlaOverview } from './api.ts';
import { currentMonth, formatMoney, formatPct, formatShare, monthLabel, monthToPicker, pickerToMonth, shiftMonth } from './format.ts';
import { MetMark } from './MonthlyTable.tsx';
import type { SlaOverviewRowT } from './types.ts';

const slaLink = (r: SlaOverviewRowT) => `/vendors/${r.vendorId}/slas?engagement=${encodeURIComponent(r.engagementId)}`;

/** Worst first: missed targets (lowest attainment first), then no verdict, then met. */
function rank(r: SlaOverviewRowT): number {
  return r.met === false ? 0 : r.met === null ? 1 : 2;
}
function sortRows(rows: SlaOverviewRowT[]): SlaOverviewRowT[] {
  return [...rows].sort((a, b) => rank(a) - rank(b) || (a.attainment ?? 2) - (b.attainment ?? 2) || b.breached - a.breached || a.vendorName.localeCompare(b.vendorName));
}

function Stat({ label, value, hint, bad }: { label: string; value: string; hint: string; bad?: boolean }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.4}>
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.25} c={bad ? 'red.7' : undefined}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

function Credit({ r }: { r: SlaOverviewRowT }) {
  if (r.creditPct === 0) return <Text span size="sm" c="dimmed">None</Text>;
  return (
    <Text span size="sm" fw={600} c="red.7">
      {r.creditMinor !== null ? formatMoney(r.creditMinor) : formatPct(r.creditPct)}
    </Text>
  );
}

function MeasuredTable({ rows }: { rows: SlaOverviewRowT[] }) {
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" fz="sm" highlightOnHover aria-label="Engagements with an SLA policy">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Engagement</Table.Th>
              <Table.Th>Vendor</Table.Th>
              <Table.Th ta="right">Tickets</Table.Th>
              <Table.Th ta="right">Breached</Table.Th>
              <Table.Th ta="right">Attainment</Table.Th>
              <Table.Th>Targets</Table.Th>
              <Table.Th ta="right">Credit owed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.engagementId}>
                <Table.Td>
                  <Anchor component={Link} to={slaLink(r)} fw={600} size="sm">
                    {r.engagementName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/vendors/${r.vendorId}`} size="sm" c="var(--mantine-color-text)">
                    {r.vendorName}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{r.tickets.toLocaleString()}</Table.Td>
                <Table.Td ta="right" c={r.breached ? 'red.7' : 'dimmed'}>
                  {r.breached.toLocaleString()}
                </Table.Td>
                <Table.Td ta="right" fw={r.met === false ? 600 : undefined} c={r.met === false ? 'red.7' : undefined}>
                  {formatShare(r.attainment)}
                </Table.Td>
                <Table.Td>{r.tickets === 0 && r.met !== false ? <Text span size="sm" c="dimmed">No tickets</Text> : <MetMark met={r.met} />}</Table.Td>
                <Table.Td ta="right">
                  <Credit r={r} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function MeasuredCards({ rows }: { rows: SlaOverviewRowT[] }) {
  return (
    <Stack gap="xs" component="ul" className="bare-list" aria-label="Engagements with an SLA policy">
      {rows.map((r) => (
        <Box component="li" key={r.engagementId}>
          <Paper withBorder radius="md" p="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2}>
                <Anchor component={Link} to={slaLink(r)} fw={600} size="sm">
                  {r.engagementName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {r.vendorName} · {r.tickets.toLocaleString()} tickets · {r.breached.toLocaleString()} breached
                </Text>
              </Stack>
              <Stack gap={2} align="flex-end">
                <Text size="sm" fw={600} c={r.met === false ? 'red.7' : undefined}>
                  {formatShare(r.attainment)}
                </Text>
                <Credit r={r} />
              </Stack>
            </Group>
          </Paper>
        </Box>
      ))}
    </Stack>
  );
}

/** SLA attainment across all vendors for one month, worst first, and the engagements still without a policy. */
export function SlaOverviewPage() {
  usePageTitle('SLAs');
  const me = useSession();
  const wide = useIsWide();
  const [params, setParams] = useSearchParams();
  const asked = params.get('month');
  const month = asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : currentMonth();
  const overview = useSlaOverview(month);
  const setMonth = (m: string | null) => m && setParams({ month: m }, { replace: true });
  const canWrite = roleCan(me.user.role, 'sla.write');

  const items = overview.data?.items ?? [];
  const measured = sortRows(items.filter((r) => r.hasPolicy));
  const without = items.filter((r) => !r.hasPolicy);
  const missed = measured.filter((r) => r.met === false).length;
  const credit = measured.reduce((s, r) => s + (r.creditMinor ?? 0), 0);
  const creditPctOnly = measured.filter((r) => r.creditPct > 0 && r.creditMinor === null).length;

  return (
    <>
      <PageHeader
        title="SLAs"
        description="Attainment against target for every engagement with an SLA policy, measured from the vendors’ own tickets. Worst first."
      />
      <Group gap="xs" align="flex-end" mb="lg" wrap="wrap">
        <Button variant="default" px="xs" aria-label="Previous month" onClick={() => setMonth(shiftMonth(month, -1))}>
          <IconChevronLeft size={16} />
        </Button>
        <MonthPickerInput label="Month" value={monthToPicker(month)} onChange={(v) => setMonth(pickerToMonth(v))} valueFormat="MMMM YYYY" w={180} />
        <Button variant="default" px="xs" aria-label="Next month" onClick={() => setMonth(shiftMonth(month, 1))}>
          <IconChevronRight size={16} />
        </Button>
        {overview.isFetching && !overview.isPending && <Loader size="sm" aria-label="Updating" mb={8} />}
      </Group>

      {overview.isPending ? (
        <Stack gap="sm" aria-busy="true" aria-label="Loading the SLA overview">
          <Skeleton h={90} radius="md" />
          <Skeleton h={240} radius="md" />
        </Stack>
      ) : overview.isError ? (
        <QueryError error={overview.error} onRetry={() => overview.refetch()} what="the SLA overview" />
      ) : (
        <Stack gap="xl">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <Stat label="Measured engagements" value={measured.length.toLocaleString()} hint={`${without.length} without an SLA policy`} />
            <Stat label="Missed a target" value={missed.toLocaleString()} hint={`in ${monthLabel(month, true)}`} bad={missed > 0} />
            <Stat
              label="Credits owed"
              value={formatMoney(credit)}
              hint={creditPctOnly ? `plus ${creditPctOnly} engagements with no fee set (credit in % only)` : `for ${monthLabel(month, true)}`}
              bad={credit > 0}
            />
          </SimpleGrid>

          <Stack gap="sm" component="section" aria-labelledby="overview-measured">
            <Title order={2} size="h4" id="overview-measured">
              Measured in {monthLabel(month, true)}
            </Title>
            {measured.length === 0 ? (
              <Text size="sm" c="dimmed">
                No engagement has an SLA policy yet. Set one up from the list below.
              </Text>
            ) : wide ? (
              <MeasuredTable rows={measured} />
            ) : (
              <MeasuredCards rows={measured} />
            )}
          </Stack>

          {without.length > 0 && (
            <Stack gap="sm" component="section" aria-labelledby="overview-without">
              <div>
                <Title order={2} size="h4" id="overview-without">
                  Without an SLA policy
                </Title>
                <Text size="sm" c="dimmed">
                  Nobody measures whether these vendors meet their promises. Set up a policy and import their tickets.
                </Text>
              </div>
              <Paper withBorder radius="md">
                <Stack gap={0} component="ul" className="bare-list divided-list">
                  {without.map((r) => (
                    <Group component="li" key={r.engagementId} justify="space-between" px="md" py="xs" wrap="nowrap">
                      <div style={{ minWidth: 0 }}>
                        <Text size="sm" fw={500} truncate>
                          {r.engagementName}
                        </Text>
                        <Text size="xs" c="dimmed" truncate>
                          {r.vendorName}
                        </Text>
                      </div>
                      <Button component={Link} to={slaLink(r)} size="compact-sm" variant="light" leftSection={<IconGauge size={14} />} style={{ flexShrink: 0 }} aria-label={`${canWrite ? 'Set up the SLA policy of' : 'Open the SLAs of'} ${r.engagementName} (${r.vendorName})`}>
                        {canWrite ? (wide ? 'Set up SLA policy' : 'Set up') : 'Open'}
                      </Button>
                    </Group>
                  ))}
                </Stack>
              </Paper>
            </Stack>
          )}
          {!without.length && !measured.length && (
            <Badge variant="light" color="gray">
              No engagements yet
            </Badge>
          )}
        </Stack>
      )}
    </>
  );
}
