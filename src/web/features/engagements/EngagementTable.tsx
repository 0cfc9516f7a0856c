import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { SERVICE_TYPE_LABELS } from '../../../shared/contracts/engagements.ts';
import type { EngagementT } from '../../api/types.ts';
import { ArchivedBadge, CriticalityBadge, EngagementStatusBadge } from '../../components/Badges.tsx';
import { DataTable, type Column } from '../../components/list/DataTable.tsx';
import { formatDate } from '../../lib/format.ts';

function period(e: EngagementT): string {
  if (!e.startDate && !e.endDate) return 'No dates';
  return `${e.startDate ? formatDate(e.startDate) : '…'} – ${e.endDate ? formatDate(e.endDate) : 'open-ended'}`;
}

function NameCell({ e }: { e: EngagementT }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Anchor component={Link} to={`/engagements/${e.id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
        {e.name}
      </Anchor>
      {e.archived && <ArchivedBadge />}
    </Group>
  );
}

function columns(showVendor: boolean): Column<EngagementT>[] {
  return [
    { key: 'name', header: 'Engagement', maw: 280, cell: (e) => <NameCell e={e} /> },
    {
      key: 'vendor',
      header: 'Vendor',
      hidden: !showVendor,
      cell: (e) => (
        <Anchor component={Link} to={`/vendors/${e.vendorId}`} size="sm">
          {e.vendorName}
        </Anchor>
      ),
    },
    { key: 'service', header: 'Service type', cell: (e) => <Text size="sm">{SERVICE_TYPE_LABELS[e.serviceType]}</Text> },
    { key: 'status', header: 'Status', fit: true, cell: (e) => <EngagementStatusBadge status={e.status} /> },
    { key: 'criticality', header: 'Criticality', fit: true, cell: (e) => <CriticalityBadge criticality={e.criticality} /> },
    {
      key: 'period',
      header: 'Period',
      fit: true,
      cell: (e) => (
        <Text size="sm" c="dimmed">
          {period(e)}
        </Text>
      ),
    },
    {
      key: 'owner',
      header: 'Internal owner',
      cell: (e) => (
        <Text size="sm" c={e.internalOwnerName ? undefined : 'dimmed'}>
          {e.internalOwnerName ?? 'No owner'}
        </Text>
      ),
    },
  ];
}
const WITH_VENDOR = columns(true);
const WITHOUT_VENDOR = columns(false);

function EngagementCard({ e, showVendor }: { e: EngagementT; showVendor: boolean }) {
  return (
    <Stack gap={6}>
      <NameCell e={e} />
      {showVendor && (
        <Text size="xs" c="dimmed">
          {e.vendorName}
        </Text>
      )}
      <Group gap={6}>
        <EngagementStatusBadge status={e.status} />
        <CriticalityBadge criticality={e.criticality} />
      </Group>
      <Text size="xs" c="dimmed">
        {SERVICE_TYPE_LABELS[e.serviceType]} · {period(e)}
      </Text>
    </Stack>
  );
}

/** Engagements as a table on wide screens and cards on a phone. */
export function EngagementTable({ engagements, showVendor = true }: { engagements: EngagementT[]; showVendor?: boolean }) {
  return (
    <DataTable
      rows={engagements}
      rowKey={(e) => e.id}
      columns={showVendor ? WITH_VENDOR : WITHOUT_VENDOR}
      minWidth={showVendor ? 880 : 720}
      card={(e) => <EngagementCard e={e} showVendor={showVendor} />}
    />
  );
}
