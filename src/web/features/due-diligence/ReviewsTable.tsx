import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DATA_ACCESS_LABELS } from '../../../shared/contracts/vendors.ts';
import { TierBadge } from '../../components/Badges.tsx';
import { DataTable, type Column } from '../../components/list/DataTable.tsx';
import { formatDate } from '../../lib/format.ts';
import { RiskBadge, ScoreBadge } from './DdBadges.tsx';
import { daysUntil } from './labels.ts';
import type { ReviewRowT } from './types.ts';

const dataLabel = (d: string) => (DATA_ACCESS_LABELS as Record<string, string>)[d] ?? 'Unknown';

function Next({ r }: { r: ReviewRowT }) {
  if (!r.lastCompletedAt) {
    return (
      <Badge color="red" variant="light">
        Never assessed
      </Badge>
    );
  }
  const days = daysUntil(r.nextReviewDate);
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{formatDate(r.nextReviewDate)}</Text>
      {r.reviewDue && (
        <Badge color="red" variant="light">
          {days < 0 ? `${-days} d overdue` : 'Due'}
        </Badge>
      )}
    </Group>
  );
}

const COLUMNS: Column<ReviewRowT>[] = [
  {
    key: 'vendor',
    header: 'Vendor',
    cell: (r) => (
      <Anchor component={Link} to={`/vendors/${r.vendorId}/assessments`} size="sm" fw={600}>
        {r.vendorName}
      </Anchor>
    ),
  },
  { key: 'risk', header: 'Inherent risk', fit: true, cell: (r) => <RiskBadge level={r.riskLevel} /> },
  { key: 'tier', header: 'Tier', fit: true, cell: (r) => <TierBadge tier={r.tier} /> },
  { key: 'data', header: 'Data access', cell: (r) => <Text size="sm">{dataLabel(r.dataAccess)}</Text> },
  { key: 'every', header: 'Reassess every', fit: true, cell: (r) => <Text size="sm">{r.reviewEveryMonths} months</Text> },
  { key: 'score', header: 'Last score', fit: true, cell: (r) => <ScoreBadge score={r.lastScore} size="sm" /> },
  { key: 'next', header: 'Next review', fit: true, cell: (r) => <Next r={r} /> },
];

function ReviewCard({ r }: { r: ReviewRowT }) {
  return (
    <Stack gap={6}>
      <Group justify="space-between" wrap="nowrap">
        <Anchor component={Link} to={`/vendors/${r.vendorId}/assessments`} size="sm" fw={600}>
          {r.vendorName}
        </Anchor>
        <ScoreBadge score={r.lastScore} size="sm" />
      </Group>
      <Group gap={6}>
        <RiskBadge level={r.riskLevel} />
        <Next r={r} />
      </Group>
      <Text size="xs" c="dimmed">
        Tier {r.tier} × {dataLabel(r.dataAccess)} · every {r.reviewEveryMonths} months
      </Text>
    </Stack>
  );
}

/** When each vendor must next be reviewed, from its inherent risk, with its last score. */
export function ReviewsTable({ rows }: { rows: ReviewRowT[] }) {
  return <DataTable rows={rows} rowKey={(r) => r.vendorId} columns={COLUMNS} label="Reviews by risk" minWidth={900} spacing="xs" card={(r) => <ReviewCard r={r} />} />;
}
