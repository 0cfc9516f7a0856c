import { Anchor, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { FINDING_STATUSES } from '../../../shared/contracts/due-diligence.ts';
import { errorMessage } from '../../api/client.ts';
import { CardList } from '../../components/list/DataTable.tsx';
import { formatDate } from '../../lib/format.ts';
import { options } from '../../lib/labels.ts';
import { useUpdateFinding } from './api.ts';
import { FindingStatusBadge, SeverityBadge } from './DdBadges.tsx';
import { FINDING_STATUS_LABELS, daysUntil } from './labels.ts';
import type { FindingStatus, FindingT } from './types.ts';

function StatusControl({ finding, canWrite }: { finding: FindingT; canWrite: boolean }) {
  const update = useUpdateFinding();
  if (!canWrite) return <FindingStatusBadge status={finding.status} />;
  return (
    <Select
      size="xs"
      w={150}
      aria-label={`Status of ${finding.title}`}
      data={options(FINDING_STATUSES, FINDING_STATUS_LABELS)}
      value={finding.status}
      allowDeselect={false}
      disabled={update.isPending}
      onChange={(v) =>
        v &&
        update.mutate(
          { id: finding.id, patch: { status: v as FindingStatus } },
          {
            onSuccess: (f) => notifications.show({ color: 'teal', title: 'Finding updated', message: `${f.title}: ${FINDING_STATUS_LABELS[f.status]}` }),
            onError: (e) => notifications.show({ color: 'red', title: 'Could not update the finding', message: errorMessage(e) }),
          },
        )
      }
    />
  );
}

function Due({ date, open }: { date: string | null; open: boolean }) {
  if (!date) return <Text size="xs" c="dimmed">No due date</Text>;
  const late = open && daysUntil(date) < 0;
  return (
    <Text size="xs" c={late ? 'red' : 'dimmed'} fw={late ? 600 : undefined}>
      Due {formatDate(date)}
      {late ? ' · overdue' : ''}
    </Text>
  );
}

/** Findings with severity, owner, due date and remediation status. */
export function FindingList({ items, canWrite, showVendor = false, label = 'Findings' }: { items: FindingT[]; canWrite: boolean; showVendor?: boolean; label?: string }) {
  return <CardList items={items} itemKey={(f) => f.id} label={label} render={(f) => <FindingRow f={f} canWrite={canWrite} showVendor={showVendor} />} />;
}

function FindingRow({ f, canWrite, showVendor }: { f: FindingT; canWrite: boolean; showVendor: boolean }) {
  const open = f.status === 'open' || f.status === 'in_progress';
  return (
    <Group justify="space-between" align="flex-start" gap="sm">
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 240px' }}>
        <Group gap={6} wrap="wrap">
          <SeverityBadge severity={f.severity} />
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {f.title}
          </Text>
        </Group>
        {f.description && (
          <Text size="xs" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} lineClamp={3}>
            {f.description}
          </Text>
        )}
        <Group gap="xs" wrap="wrap">
          {showVendor && (
            <Anchor component={Link} to={`/vendors/${f.vendorId}/assessments`} size="xs">
              {f.vendorName}
            </Anchor>
          )}
          <Text size="xs" c={f.ownerName ? undefined : 'dimmed'}>
            {f.ownerName ? `Owner: ${f.ownerName}` : 'No owner'}
          </Text>
          <Due date={f.dueDate} open={open} />
          {f.assessmentId && (
            <Anchor component={Link} to={`/assessments/${f.assessmentId}${f.questionId ? `#q-${f.questionId}` : ''}`} size="xs">
              {/* The question's id is a code, not words: the link itself leads to the question. */}
              {f.questionId ? 'See the question in the assessment' : 'From the assessment'}
            </Anchor>
          )}
        </Group>
      </Stack>
      <StatusControl finding={f} canWrite={canWrite} />
    </Group>
  );
}
