import { Button, EmptyState, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconHistory } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { FilterPanel } from '../../components/FilterPanel.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useUserNames } from '../users/api.ts';
import { useAuditList, type AuditFilters } from './api.ts';
import { AuditEventList } from './AuditEventList.tsx';

const OBJECT_TYPES = [
  { value: 'vendor', label: 'Vendor' },
  { value: 'engagement', label: 'Engagement' },
  { value: 'user', label: 'User' },
  { value: 'invitation', label: 'Invitation' },
  { value: 'api_token', label: 'API token' },
  { value: 'org', label: 'Organisation' },
];

/** Local midnight of a YYYY-MM-DD day, as an ISO timestamp; `endOfDay` gives the next midnight. */
function dayToIso(day: string | null, endOfDay = false): string | null {
  if (!day) return null;
  const d = new Date(`${day}T00:00:00`);
  if (Number.isNaN(d.getTime())) return null;
  if (endOfDay) d.setDate(d.getDate() + 1);
  return d.toISOString();
}

export function AuditPage() {
  usePageTitle('Audit');
  const [params, setParams] = useSearchParams();
  const [action, setAction] = useState(params.get('action') ?? '');
  const [debouncedAction] = useDebouncedValue(action, 300);
  const users = useUserNames();

  const get = (k: string) => params.get(k);
  const filters: AuditFilters = useMemo(
    () => ({
      objectType: params.get('objectType'),
      objectId: params.get('objectId'),
      actorId: params.get('actorId'),
      action: debouncedAction.trim() || null,
      from: dayToIso(params.get('from')),
      to: dayToIso(params.get('to'), true),
    }),
    [params, debouncedAction],
  );
  const set = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const active = Object.values(filters).some(Boolean);
  const clear = () => {
    setAction('');
    setParams(new URLSearchParams(), { replace: true });
  };

  const list = useAuditList(filters);
  const events = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="Audit"
        description="Every change in your organisation: who made it, when, and what it was before and after. Newest first."
      />
      <Stack mb="md" role="search" aria-label="Filter audit events">
        <FilterPanel activeCount={['objectType', 'actorId', 'from', 'to'].filter((k) => params.get(k)).length + (action ? 1 : 0)}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
            <Select label="Object type" placeholder="Any type" data={OBJECT_TYPES} clearable value={get('objectType')} onChange={(v) => set('objectType', v)} />
            <TextInput label="Action" placeholder="e.g. vendor.update" value={action} onChange={(e) => setAction(e.currentTarget.value)} />
            <Select label="Actor" placeholder="Anyone" data={users.data ?? []} searchable clearable value={get('actorId')} onChange={(v) => set('actorId', v)} />
            <DatePickerInput label="From" placeholder="Any date" valueFormat="D MMM YYYY" clearable value={get('from')} onChange={(v) => set('from', v)} maxDate={get('to') ?? undefined} />
            <DatePickerInput label="To" placeholder="Any date" valueFormat="D MMM YYYY" clearable value={get('to')} onChange={(v) => set('to', v)} minDate={get('from') ?? undefined} />
          </SimpleGrid>
        </FilterPanel>
      </Stack>
      {get('objectId') && (
        <Group mb="sm" gap="xs">
          <Text size="sm" c="dimmed">
            Showing one object only.
          </Text>
          <Button variant="subtle" size="compact-sm" onClick={() => set('objectId', null)}>
            Show all objects
          </Button>
        </Group>
      )}
      {list.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label="Loading audit events">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} h={52} radius="sm" />
          ))}
        </Stack>
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} what="audit events" />
      ) : events.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          {active ? (
            <EmptyState icon={<IconFilterOff size={28} />} title="No events match these filters" description="Widen the dates or clear the filters.">
              <EmptyState.Actions>
                <Button variant="default" onClick={clear}>
                  Clear filters
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState icon={<IconHistory size={28} />} variant="light" title="No audit events yet" description="Changes to vendors, engagements, users and settings will be recorded here." />
          )}
        </Paper>
      ) : (
        <Stack gap="xs">
          <Group justify="space-between">
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {list.hasNextPage ? `Showing the latest ${events.length} events` : `${events.length} ${events.length === 1 ? 'event' : 'events'}`}
            </Text>
            {active && (
              <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={14} />} onClick={clear}>
                Clear filters
              </Button>
            )}
          </Group>
          <AuditEventList events={events} />
          <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => list.fetchNextPage()} shown={events.length} noun="events" pages={list.data?.pages.length} />
        </Stack>
      )}
    </>
  );
}
