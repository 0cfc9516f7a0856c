import { Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { IconChevronLeft, IconChevronRight, IconGauge } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { roleCan } from '../../../shared/permissions.ts';
import { CardList, DataTable, type Column } from '../../components/list/DataTable.tsx';
import { ListSection, ListView, countText } from '../../components/list/ListView.tsx';
import { LoadMore } from '../../components/list/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useIsWide } from '../../lib/useIsWide.ts';
import { useSession } from '../auth/api.ts';
import { formatAmount, lastFullMonth, formatPct, formatTotals, formatShare, monthLabel, monthToPicker, pickerToMonth, shiftMonth } from './format.ts';
import { useOverview } from './lists.ts';
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
      {r.creditMinor !== null ? formatAmount({ amountMinor: r.creditMinor, currency: r.currency ?? 'EUR' }) : formatPct(r.creditPct)}
    </Text>
  );
}

const MEASURED_COLUMNS: Column<SlaOverviewRowT>[] = [
  {
    key: 'engagement',
    header: 'Engagement',
    cell: (r) => (
      <Anchor component={Link} to={slaLink(r)} fw={600} size="sm">
        {r.engagementName}
      </Anchor>
    ),
  },
  {
    key: 'vendor',
    header: 'Vendor',
    cell: (r) => (
      <Anchor component={Link} to={`/vendors/${r.vendorId}`} size="sm" c="var(--mantine-color-text)">
        {r.vendorName}
      </Anchor>
    ),
  },
  { key: 'tickets', header: 'Tickets', align: 'right', cell: (r) => r.tickets.toLocaleString() },
  {
    key: 'breached',
    header: 'Breached',
    align: 'right',
    cell: (r) => (
      <Text span size="sm" c={r.breached ? 'red.7' : 'dimmed'}>
        {r.breached.toLocaleString()}
      </Text>
    ),
  },
  {
    key: 'attainment',
    header: 'Attainment',
    align: 'right',
    cell: (r) => (
      <Text span size="sm" fw={r.met === false ? 600 : undefined} c={r.met === false ? 'red.7' : undefined}>
        {formatShare(r.attainment)}
      </Text>
    ),
  },
  {
    key: 'targets',
    header: 'Targets',
    cell: (r) =>
      r.tickets === 0 && r.met !== false ? (
        <Text span size="sm" c="dimmed">
          No tickets
        </Text>
      ) : (
        <MetMark met={r.met} />
      ),
  },
  { key: 'credit', header: 'Credit owed', align: 'right', cell: (r) => <Credit r={r} /> },
];

function MeasuredCard({ r }: { r: SlaOverviewRowT }) {
  return (
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
  );
}

function WithoutPolicy({ r, canWrite, wide }: { r: SlaOverviewRowT; canWrite: boolean; wide: boolean }) {
  return (
    <Group justify="space-between" px="md" py="xs" wrap="nowrap">
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} truncate>
          {r.engagementName}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {r.vendorName}
        </Text>
      </div>
      <Button
        component={Link}
        to={slaLink(r)}
        size="compact-sm"
        variant="light"
        leftSection={<IconGauge size={14} />}
        style={{ flexShrink: 0 }}
        aria-label={`${canWrite ? 'Set up the SLA policy of' : 'Open the SLAs of'} ${r.engagementName} (${r.vendorName})`}
      >
        {canWrite ? (wide ? 'Set up SLA policy' : 'Set up') : 'Open'}
      </Button>
    </Group>
  );
}

/** SLA attainment across all vendors for one month, worst first, and the engagements still without a policy. */
export function SlaOverviewPage() {
  usePageTitle('SLAs');
  const me = useSession();
  const wide = useIsWide();
  const [params, setParams] = useSearchParams();
  const asked = params.get('month');
  const month = asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : lastFullMonth();
  const { list, yearToDate } = useOverview(month);
  const setMonth = (m: string | null) => m && setParams({ month: m }, { replace: true });
  const canWrite = roleCan(me.user.role, 'sla.write');

  const measured = sortRows(list.items.filter((r) => r.hasPolicy));
  const without = list.items.filter((r) => !r.hasPolicy);
  const missed = measured.filter((r) => r.met === false).length;
  // Credits of contracts in different currencies are shown side by side, never added.
  const owed = measured.flatMap((r) => (r.creditMinor ? [{ amountMinor: r.creditMinor, currency: r.currency ?? 'EUR' }] : []));
  const creditPctOnly = measured.filter((r) => r.creditPct > 0 && r.creditMinor === null).length;
  // The sections below share one paged list: "Load more" sits once, after both.
  const section = { ...list, hasMore: false, truncated: false };

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
        {list.refreshing && <Loader size="sm" aria-label="Updating" mb={8} />}
      </Group>

      {list.isPending ? (
        <Stack gap="sm" aria-busy="true" aria-label="Loading the SLA overview">
          <Skeleton h={90} radius="md" />
          <Skeleton h={240} radius="md" />
        </Stack>
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={list.refetch} what="the SLA overview" />
      ) : (
        <Stack gap="xl">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <Stat label="Measured engagements" value={measured.length.toLocaleString()} hint={`${without.length} without an SLA policy`} />
            <Stat label="Missed a target" value={missed.toLocaleString()} hint={`in ${monthLabel(month, true)}`} bad={missed > 0} />
            <Stat
              label="Credits owed"
              value={formatTotals(owed)}
              hint={creditPctOnly ? `plus ${creditPctOnly} engagements with no fee set (credit in % only)` : `for ${monthLabel(month, true)}`}
              bad={owed.length > 0}
            />
            {yearToDate && (
              <Stat
                label="Credits owed this year"
                value={formatTotals(yearToDate.credits.filter((c) => c.amountMinor !== 0))}
                hint={`${monthLabel(yearToDate.from, true)} to ${monthLabel(yearToDate.to, true)}`}
                bad={yearToDate.credits.some((c) => c.amountMinor > 0)}
              />
            )}
          </SimpleGrid>

          <ListSection id="overview-measured" title={`Measured in ${monthLabel(month, true)}`}>
            <ListView
              list={{ ...section, items: measured }}
              variant="section"
              noun={{ one: 'engagement', many: 'engagements' }}
              empty="No engagement has an SLA policy yet. Set one up from the list below."
            >
              {(rows) => <DataTable rows={rows} rowKey={(r) => r.engagementId} columns={MEASURED_COLUMNS} label="Engagements with an SLA policy" minWidth={760} fz="sm" card={(r) => <MeasuredCard r={r} />} />}
            </ListView>
          </ListSection>

          {without.length > 0 && (
            <ListSection
              id="overview-without"
              title="Without an SLA policy"
              hint="Nobody measures whether these vendors meet their promises. Set up a policy and import their tickets."
            >
              <CardList divided items={without} itemKey={(r) => r.engagementId} label="Engagements without an SLA policy" render={(r) => <WithoutPolicy r={r} canWrite={canWrite} wide={wide} />} />
            </ListSection>
          )}
          {!without.length && !measured.length && (
            <Badge variant="light" color="gray">
              No engagements yet
            </Badge>
          )}
          {(list.hasMore || list.truncated) && (
            <Stack gap={0}>
              <Text size="sm" c="dimmed" role="status">
                {countText(list, { one: 'engagement', many: 'engagements' })}. The figures above count the engagements loaded so far.
              </Text>
              <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} shown={list.items.length} noun="engagements" pages={list.pages} />
            </Stack>
          )}
        </Stack>
      )}
    </>
  );
}
