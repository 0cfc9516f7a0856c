import { Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useAuditList } from './api.ts';
import { AuditEventList } from './AuditEventList.tsx';

/** "History" of one object (vendor, engagement) from the audit trail. */
export function AuditHistory({ objectId, title = 'History' }: { objectId: string; title?: string }) {
  const list = useAuditList({ objectId }, 10);
  const events = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby={`history-${objectId}`}>
      <div>
        <Title order={2} size="h4" id={`history-${objectId}`}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          Every change, who made it and when, from the audit trail.
        </Text>
      </div>
      {list.isPending ? (
        <Skeleton h={80} radius="md" />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} what="the history" />
      ) : events.length === 0 ? (
        <Paper withBorder radius="md" p="md">
          <Text size="sm" c="dimmed">
            No changes recorded yet.
          </Text>
        </Paper>
      ) : (
        <>
          <AuditEventList events={events} showObject={false} />
          <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => list.fetchNextPage()} shown={events.length} noun="changes" pages={list.data?.pages.length} />
        </>
      )}
    </Stack>
  );
}
