import { Button, EmptyState, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { PagedList } from '../../api/paging.ts';
import { QueryError } from '../QueryError.tsx';
import { LoadMore } from './LoadMore.tsx';

export interface Noun {
  one: string;
  many: string;
}

export interface EmptyContent {
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}

/** "12 vendors", "1 breached ticket", "340 events · showing the latest 50", "Showing the first 50 vendors". */
export function countText(list: Pick<PagedList<unknown>, 'items' | 'total' | 'hasMore'>, noun: Noun, order = 'first'): string {
  const word = (n: number) => (n === 1 ? noun.one : noun.many);
  const shown = list.items.length;
  if (list.total !== null) {
    return `${list.total.toLocaleString()} ${word(list.total)}${list.hasMore ? ` · showing the ${order} ${shown.toLocaleString()}` : ''}`;
  }
  return list.hasMore ? `Showing the ${order} ${shown.toLocaleString()} ${noun.many}` : `${shown.toLocaleString()} ${word(shown)}`;
}

/**
 * The body of every list, page or section: a skeleton while the first page loads, the
 * server's error with "Try again", an empty state (one for "nothing yet", one for "nothing
 * matches these filters" with a way out), then the count, the rows and "Load more".
 *
 * `page` lists show the count line (announced politely as it changes) and "Clear filters";
 * `section` lists (a tab's engagements, an object's history) are quieter.
 */
export function ListView<T>({
  list,
  noun,
  what,
  filters,
  empty,
  filteredHint = 'Try another search, or clear the filters.',
  skeletonRows = 5,
  variant = 'page',
  order,
  showCount = variant === 'page',
  children,
}: {
  list: PagedList<T>;
  noun: Noun;
  /** For "Could not load …"; the plural noun by default. */
  what?: string;
  filters?: { active: boolean; clear: () => void };
  /** What an empty list says: a full empty state, or one quiet sentence. */
  empty: EmptyContent | string;
  filteredHint?: string;
  skeletonRows?: number;
  variant?: 'page' | 'section';
  /** "first" (default), "latest", "newest": how the count line names a partial list. */
  order?: string;
  /** The count line; on by default for pages, off for sections. */
  showCount?: boolean;
  children: (items: T[]) => ReactNode;
}) {
  const page = variant === 'page';
  if (list.isPending) {
    return page ? (
      <Stack gap="xs" aria-busy="true" aria-label={`Loading ${noun.many}`}>
        {Array.from({ length: skeletonRows }, (_, i) => (
          <Skeleton key={i} h={46} radius="sm" />
        ))}
      </Stack>
    ) : (
      <Skeleton h={80} radius="md" aria-label={`Loading ${noun.many}`} />
    );
  }
  if (list.isError) return <QueryError error={list.error} onRetry={list.refetch} what={what ?? noun.many} />;

  if (list.items.length === 0) {
    if (filters?.active) {
      return (
        <Paper withBorder radius="md" p={page ? 'xl' : 'lg'}>
          <EmptyState size={page ? undefined : 'sm'} icon={<IconFilterOff size={page ? 28 : 24} />} title={`No ${noun.many} match these filters`} description={filteredHint}>
            <EmptyState.Actions>
              <Button variant="default" onClick={filters.clear}>
                Clear filters
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Paper>
      );
    }
    if (typeof empty === 'string') {
      return (
        <Paper withBorder radius="md" p="md">
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        </Paper>
      );
    }
    return (
      <Paper withBorder radius="md" p={page ? 'xl' : 'lg'}>
        <EmptyState size={page ? undefined : 'sm'} variant={page ? 'light' : undefined} icon={empty.icon} title={empty.title} description={empty.description}>
          {empty.actions && <EmptyState.Actions>{empty.actions}</EmptyState.Actions>}
        </EmptyState>
      </Paper>
    );
  }

  return (
    <Stack gap="xs">
      {showCount && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {countText(list, noun, order)}
            {list.refreshing ? ' · updating…' : ''}
          </Text>
          {filters?.active && (
            <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={14} />} onClick={filters.clear}>
              Clear filters
            </Button>
          )}
        </Group>
      )}
      {children(list.items)}
      {list.truncated && (
        <Text size="xs" c="dimmed" role="note">
          Only the first {list.items.length.toLocaleString()} {noun.many} are shown here; narrow the list to see the rest.
        </Text>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} shown={list.items.length} noun={noun.many} pages={list.pages} />
    </Stack>
  );
}

/** A titled list inside a page (a tab's engagements, the evidence, an object's history). */
export function ListSection({
  id,
  anchor,
  title,
  hint,
  actions,
  children,
}: {
  /** The heading's id; the section is labelled by it. */
  id: string;
  /** The section's own id, for links that jump to it (below the sticky header). */
  anchor?: string;
  title: ReactNode;
  hint?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id} id={anchor} style={anchor ? { scrollMarginTop: 72 } : undefined}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div style={{ minWidth: 0, flex: '1 1 280px' }}>
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          {hint && (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          )}
        </div>
        {actions && (
          <Group gap="xs" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
      {children}
    </Stack>
  );
}
