import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { TREATMENT_LABELS } from '../../../shared/contracts/risks.ts';
import { DataTable, type Column } from '../../components/list/DataTable.tsx';
import { formatDate } from '../../lib/format.ts';
import type { RiskT } from './api.ts';
import { LevelBadge } from './parts.tsx';

const WRAP = { root: { height: 'auto', overflow: 'visible' }, label: { whiteSpace: 'normal', overflow: 'visible' } } as const;
export function AcceptanceBadge({ r }: { r: RiskT }) {
  if (!r.acceptance) return null;
  if (r.acceptance.outOfDate) return <Badge color="orange" variant="light" styles={WRAP}>Acceptance out of date</Badge>;
  if (r.acceptance.expired) return <Badge color="red" variant="light" styles={WRAP}>Acceptance expired</Badge>;
  return <Badge color="gray" variant="light" styles={WRAP}>Accepted until {formatDate(r.acceptance.expiresOn)}</Badge>;
}

export function SignalBadge({ r }: { r: RiskT }) {
  if (r.signalActive === null) return null;
  return r.signalActive ? <Badge color="grape" variant="light">Signal active</Badge> : <Badge color="teal" variant="light">Signal cleared</Badge>;
}

function columns(showVendor: boolean): Column<RiskT>[] {
  return [
    {
      key: 'title',
      header: 'Risk',
      maw: 360,
      cell: (r) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/risks/${r.id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {r.title}
          </Anchor>
          <Group gap={4}>
            <Text size="xs" c="dimmed">
              {r.categoryLabel}
            </Text>
            {r.status === 'closed' && <Badge size="xs" color="dark" variant="light">Closed</Badge>}
            <SignalBadge r={r} />
          </Group>
        </Stack>
      ),
    },
    { key: 'vendor', header: 'Vendor', hidden: !showVendor, cell: (r) => (r.vendor ? <Anchor component={Link} to={`/vendors/${r.vendor.id}/risks`} size="sm">{r.vendor.name}</Anchor> : <Text size="sm" c="dimmed">None</Text>) },
    { key: 'inherent', header: 'Inherent', fit: true, cell: (r) => <LevelBadge cell={r.inherent} /> },
    { key: 'residual', header: 'Residual', fit: true, cell: (r) => <LevelBadge cell={r.residual} /> },
    { key: 'treatment', header: 'Treatment', cell: (r) => (
      <Stack gap={2}>
        <Text size="sm">{r.treatment ? TREATMENT_LABELS[r.treatment] : 'Not decided'}</Text>
        <AcceptanceBadge r={r} />
      </Stack>
    ) },
    { key: 'owner', header: 'Owner', cell: (r) => <Text size="sm">{r.owner?.name ?? 'Nobody yet'}</Text> },
    { key: 'review', header: 'Review', fit: true, cell: (r) => <Text size="sm" c={r.reviewDue ? 'red' : undefined} fw={r.reviewDue ? 600 : undefined}>{r.reviewOn ? formatDate(r.reviewOn) : 'Not set'}</Text> },
  ];
}

export function RiskTable({ risks, showVendor = true }: { risks: RiskT[]; showVendor?: boolean }) {
  return (
    <DataTable
      rows={risks}
      rowKey={(r) => r.id}
      columns={columns(showVendor)}
      label="Risks"
      minWidth={900}
      card={(r) => (
        <Stack gap={4}>
          <Anchor component={Link} to={`/risks/${r.id}`} fw={600}>
            {r.title}
          </Anchor>
          <Group gap={6}>
            <LevelBadge cell={r.residual} />
            <AcceptanceBadge r={r} />
            <SignalBadge r={r} />
          </Group>
          <Text size="xs" c="dimmed">
            {[r.vendor?.name, r.categoryLabel].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      )}
    />
  );
}
