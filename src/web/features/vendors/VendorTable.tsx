import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DATA_ACCESS_LABELS, VENDOR_KIND_LABELS } from '../../../shared/contracts/vendors.ts';
import type { VendorT } from '../../api/types.ts';
import { ArchivedBadge, TierBadge, VendorStatusBadge } from '../../components/Badges.tsx';
import { DataTable, type Column } from '../../components/list/DataTable.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';

function VendorName({ vendor }: { vendor: VendorT }) {
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        <Anchor component={Link} to={`/vendors/${vendor.id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {vendor.name}
        </Anchor>
        {vendor.archived && <ArchivedBadge />}
      </Group>
      {vendor.tags.length > 0 && (
        <Group gap={4}>
          {vendor.tags.slice(0, 4).map((t) => (
            <Badge key={t} size="xs" variant="default" radius="sm" tt="none">
              {t}
            </Badge>
          ))}
          {vendor.tags.length > 4 && (
            <Text size="xs" c="dimmed">
              +{vendor.tags.length - 4}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}

const COLUMNS: Column<VendorT>[] = [
  { key: 'name', header: 'Name', maw: 300, cell: (v) => <VendorName vendor={v} /> },
  { key: 'status', header: 'Status', fit: true, cell: (v) => <VendorStatusBadge status={v.status} /> },
  { key: 'tier', header: 'Tier', fit: true, cell: (v) => <TierBadge tier={v.tier} /> },
  { key: 'kind', header: 'Kind', cell: (v) => <Text size="sm">{VENDOR_KIND_LABELS[v.kind]}</Text> },
  { key: 'data', header: 'Data access', cell: (v) => <Text size="sm">{DATA_ACCESS_LABELS[v.dataAccess]}</Text> },
  {
    key: 'owner',
    header: 'Internal owner',
    cell: (v) => (
      <Text size="sm" c={v.internalOwnerName ? undefined : 'dimmed'}>
        {v.internalOwnerName ?? 'No owner'}
      </Text>
    ),
  },
  { key: 'engagements', header: 'Engagements', align: 'right', cell: (v) => <Text size="sm">{v.engagementCount}</Text> },
  {
    key: 'updated',
    header: 'Updated',
    fit: true,
    cell: (v) => (
      <Text size="sm" c="dimmed">
        <TimeAgo value={v.updatedAt} />
      </Text>
    ),
  },
];

function VendorCard({ vendor: v }: { vendor: VendorT }) {
  return (
    <Stack gap={6}>
      <VendorName vendor={v} />
      <Group gap={6}>
        <VendorStatusBadge status={v.status} />
        <TierBadge tier={v.tier} />
      </Group>
      <Text size="xs" c="dimmed">
        {VENDOR_KIND_LABELS[v.kind]} · Data access: {DATA_ACCESS_LABELS[v.dataAccess]} ·{' '}
        {v.engagementCount === 1 ? '1 engagement' : `${v.engagementCount} engagements`}
      </Text>
    </Stack>
  );
}

/** Vendors as a table on wide screens and as cards on a phone. */
export function VendorTable({ vendors }: { vendors: VendorT[] }) {
  return <DataTable rows={vendors} rowKey={(v) => v.id} columns={COLUMNS} minWidth={940} card={(v) => <VendorCard vendor={v} />} />;
}
