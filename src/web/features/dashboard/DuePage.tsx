import { Alert, Group, Paper, SegmentedControl, Skeleton, Stack, Switch, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { DueAhead } from '../../../shared/contracts/dashboard.ts';
import { api } from '../../api/client.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate, pluralize } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { DueItemsList } from './DueItemsList.tsx';

const SPANS = [
  { value: '7', label: 'Week' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: 'Year' },
];

/** The dashboard's week is the first 25 dates; this is all of them, as far ahead as asked, optionally only one's own. */
export function useDueAhead(days: number, mine: boolean) {
  return useQuery({ queryKey: ['dashboard', 'due', days, mine], queryFn: () => api<DueAhead>(`/dashboard/due?days=${days}&mine=${mine}`) });
}

export function DuePage() {
  usePageTitle('Everything due');
  const [params, setParams] = useSearchParams();
  const days = SPANS.some((s) => s.value === params.get('days')) ? Number(params.get('days')) : 30;
  const mine = params.get('mine') === 'true';
  const set = (patch: Record<string, string>) => setParams({ days: String(days), mine: String(mine), ...patch }, { replace: true });
  const due = useDueAhead(days, mine);
  return (
    <Stack gap="lg">
      <PageHeader title="Everything due" description="Dates from every module — reviews, renewals, deliverables, invoices, meetings, risks, exit steps — overdue first." />
      <Group gap="lg" wrap="wrap">
        <SegmentedControl aria-label="How far ahead" data={SPANS} value={String(days)} onChange={(v) => set({ days: v })} />
        <Switch label="Only what I own" checked={mine} onChange={(e) => set({ mine: String(e.currentTarget.checked) })} />
      </Group>
      {due.isPending ? (
        <Skeleton h={240} radius="md" />
      ) : due.isError ? (
        <QueryError error={due.error} onRetry={() => due.refetch()} what="what is due" />
      ) : (
        <Paper withBorder radius="md" p="lg">
          <Stack gap="sm">
            {due.data.unavailable.length > 0 && (
              <Alert color="yellow" title="Part of the list could not be read">
                {due.data.unavailable.join(', ')}: try again in a moment.
              </Alert>
            )}
            <Text size="sm" c="dimmed">
              {due.data.total === 0 ? `Nothing ${mine ? 'of yours ' : ''}overdue or due by ${formatDate(due.data.to)}.` : `${pluralize(due.data.total, 'item')} ${mine ? 'of yours ' : ''}overdue or due by ${formatDate(due.data.to)}.`}
              {due.data.truncated ? ` Showing the first ${due.data.items.length}.` : ''}
            </Text>
            {due.data.items.length > 0 && <DueItemsList items={due.data.items} today={due.data.from} label="Everything due" />}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
