import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../components/list/DataTable.tsx';
import { formatDate } from '../../lib/format.ts';
import { AssessmentStatusBadge, ScoreBadge } from './DdBadges.tsx';
import type { AssessmentSummaryT } from './types.ts';

function Name({ a }: { a: AssessmentSummaryT }) {
  return (
    <Anchor component={Link} to={`/assessments/${a.id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
      {a.templateName} <Text span size="xs" c="dimmed">v{a.templateVersion}</Text>
    </Anchor>
  );
}

function columns(showVendor: boolean): Column<AssessmentSummaryT>[] {
  return [
    { key: 'questionnaire', header: 'Questionnaire', cell: (a) => <Name a={a} /> },
    {
      key: 'vendor',
      header: 'Vendor',
      hidden: !showVendor,
      cell: (a) => (
        <Anchor component={Link} to={`/vendors/${a.vendorId}/assessments`} size="sm">
          {a.vendorName}
        </Anchor>
      ),
    },
    { key: 'status', header: 'Status', fit: true, cell: (a) => <AssessmentStatusBadge status={a.status} overdue={a.overdue} /> },
    { key: 'sent', header: 'Sent', fit: true, cell: (a) => <Text size="sm">{formatDate(a.sentAt)}</Text> },
    {
      key: 'due',
      header: 'Due',
      fit: true,
      cell: (a) => (
        <Text size="sm" c={a.overdue ? 'red' : undefined} fw={a.overdue ? 600 : undefined}>
          {formatDate(a.dueDate)}
        </Text>
      ),
    },
    {
      key: 'score',
      header: 'Score',
      fit: true,
      cell: (a) =>
        a.status === 'completed' ? (
          <ScoreBadge score={a.overallScore} size="sm" />
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ),
    },
  ];
}
const WITH_VENDOR = columns(true);
const WITHOUT_VENDOR = columns(false);

function AssessmentCard({ a, showVendor }: { a: AssessmentSummaryT; showVendor: boolean }) {
  return (
    <Stack gap={6}>
      <Name a={a} />
      {showVendor && (
        <Text size="xs" c="dimmed">
          {a.vendorName}
        </Text>
      )}
      <Group gap={6}>
        <AssessmentStatusBadge status={a.status} overdue={a.overdue} />
        {a.status === 'completed' && <ScoreBadge score={a.overallScore} size="sm" />}
      </Group>
      <Text size="xs" c="dimmed">
        Sent {formatDate(a.sentAt)} · due {formatDate(a.dueDate)}
      </Text>
    </Stack>
  );
}

/** Assessments as a table on wide screens and cards on a phone. */
export function AssessmentTable({ items, showVendor = false, label }: { items: AssessmentSummaryT[]; showVendor?: boolean; label: string }) {
  return (
    <DataTable
      rows={items}
      rowKey={(a) => a.id}
      columns={showVendor ? WITH_VENDOR : WITHOUT_VENDOR}
      label={label}
      minWidth={showVendor ? 820 : 680}
      card={(a) => <AssessmentCard a={a} showVendor={showVendor} />}
    />
  );
}
