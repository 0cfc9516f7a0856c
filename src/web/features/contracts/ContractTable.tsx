import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { CONTRACT_TYPE_LABELS } from '../../../shared/contracts/contracts.ts';
import type { ContractT } from '../../api/types.ts';
import { ArchivedBadge } from '../../components/Badges.tsx';
import { DataTable, type Column } from '../../components/list/DataTable.tsx';
import { formatDate } from '../../lib/format.ts';
import { STATUS_COLORS, statusLabel } from './labels.ts';

export function ContractStatusBadge({ status }: { status: ContractT['status'] }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {statusLabel(status)}
    </Badge>
  );
}

function TitleCell({ c }: { c: ContractT }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Anchor component={Link} to={`/contracts/${c.id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
        {c.title}
      </Anchor>
      {c.archived && <ArchivedBadge />}
    </Group>
  );
}

function DecideBy({ c }: { c: ContractT }) {
  if (!c.keyDates.decideBy) return <Text size="sm" c="dimmed">Nothing to decide</Text>;
  return (
    <Text size="sm" fw={500}>
      {formatDate(c.keyDates.decideBy)}
    </Text>
  );
}

function columns(showVendor: boolean): Column<ContractT>[] {
  return [
    { key: 'title', header: 'Contract', maw: 300, cell: (c) => <TitleCell c={c} /> },
    {
      key: 'vendor',
      header: 'Vendor',
      hidden: !showVendor,
      cell: (c) => (
        <Anchor component={Link} to={`/vendors/${c.vendorId}`} size="sm">
          {c.vendorName}
        </Anchor>
      ),
    },
    { key: 'type', header: 'Type', cell: (c) => <Text size="sm">{CONTRACT_TYPE_LABELS[c.type]}</Text> },
    { key: 'status', header: 'Status', fit: true, cell: (c) => <ContractStatusBadge status={c.status} /> },
    { key: 'decide', header: 'Decide by', fit: true, cell: (c) => <DecideBy c={c} /> },
    { key: 'words', header: 'Key dates', maw: 360, cell: (c) => <Text size="sm" c="dimmed">{c.keyDates.words}</Text> },
  ];
}
const WITH_VENDOR = columns(true);
const WITHOUT_VENDOR = columns(false);

function ContractCard({ c, showVendor }: { c: ContractT; showVendor: boolean }) {
  return (
    <Stack gap={6}>
      <TitleCell c={c} />
      <Text size="xs" c="dimmed">
        {showVendor ? `${c.vendorName} · ` : ''}
        {CONTRACT_TYPE_LABELS[c.type]}
      </Text>
      <Group gap={6}>
        <ContractStatusBadge status={c.status} />
        {c.keyDates.decideBy && (
          <Badge variant="outline" color="orange">
            Decide by {formatDate(c.keyDates.decideBy)}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {c.keyDates.words}
      </Text>
    </Stack>
  );
}

/** Contracts as a table on wide screens and cards on a phone. */
export function ContractTable({ contracts, showVendor = true }: { contracts: ContractT[]; showVendor?: boolean }) {
  return <DataTable rows={contracts} rowKey={(c) => c.id} columns={showVendor ? WITH_VENDOR : WITHOUT_VENDOR} minWidth={showVendor ? 960 : 800} card={(c) => <ContractCard c={c} showVendor={showVendor} />} />;
}
