import { Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ClientSide } from '../../../shared/contracts/governance.ts';
import { api } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';

const label = (q: string) => `${q.slice(5)} ${q.slice(0, 4)}`;
/**
 * Under a week to decide reads well, over two weeks does not; a question holds the vendor's
 * work up, so two days reads well and over five does not. "Not measured" stays grey.
 */
const speedColor = (d: number | null, good = 7, bad = 14) => (d === null ? 'gray' : d <= good ? 'teal' : d <= bad ? 'yellow' : 'red');
const shareColor = (s: number | null) => (s === null ? 'gray' : s >= 0.8 ? 'teal' : s >= 0.5 ? 'yellow' : 'red');
const days = (d: number | null) => (d === null ? 'Not measured' : `${d} day${d === 1 ? '' : 's'} median`);

/**
 * The client's own side for the quarter of the latest review, beside the vendor's scorecard
 * (issue 15 §6): how fast we decide what the vendor hands in and proposes, how fast we answer
 * its clarification questions, and whether we
 * attend our own meetings. Internal only; the vendor never sees it.
 */
export function ClientSidePanel({ engagementId, period }: { engagementId: string; period: string }) {
  // The governance query keys all start with 'governance': a change there refreshes this too.
  const q = useQuery({
    queryKey: ['governance', 'client-side', engagementId, period],
    queryFn: () => api<ClientSide>(`/engagements/${encodeURIComponent(engagementId)}/client-side`, { query: { period } }),
  });
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="gov-client-side">
      <Stack gap="xs">
        <div>
          <Title order={3} size="h5" id="gov-client-side">Our side, {label(period)}</Title>
          <Text size="xs" c="dimmed">How fast we decide and answer, and whether we show up — only we see this.</Text>
        </div>
        {q.isPending ? (
          <Skeleton h={80} />
        ) : q.isError ? (
          <QueryError error={q.error} onRetry={q.refetch} what="our side of the relationship" />
        ) : (
          <>
            <Row title="Deliverables accepted or rejected" badge={days(q.data.deliverables.medianDays)} color={speedColor(q.data.deliverables.medianDays)} words={q.data.deliverables.words} />
            <Row title="Change requests decided" badge={days(q.data.changeRequests.medianDays)} color={speedColor(q.data.changeRequests.medianDays)} words={q.data.changeRequests.words} />
            <Row title="Vendor's questions answered" badge={days(q.data.questions.medianDays)} color={speedColor(q.data.questions.medianDays, 2, 5)} words={q.data.questions.words} />
            <Row
              title="Meetings attended by our side"
              badge={q.data.meetings.share === null ? 'Not measured' : `${Math.round(q.data.meetings.share * 100)} %`}
              color={shareColor(q.data.meetings.share)}
              words={q.data.meetings.words}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}

function Row({ title, badge, color, words }: { title: string; badge: string; color: string; words: string }) {
  return (
    <div>
      <Group gap="xs">
        <Text size="sm" fw={600}>{title}</Text>
        <Badge size="sm" variant="light" color={color}>{badge}</Badge>
      </Group>
      <Text size="sm" c="dimmed">{words}</Text>
    </div>
  );
}
