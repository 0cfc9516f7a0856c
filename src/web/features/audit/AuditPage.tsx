import { Button, Group, Select, SimpleGrid, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconHistory } from '@tabler/icons-react';
import { useMemo } from 'react';
import { ListFilters } from '../../components/list/ListFilters.tsx';
import { ListView } from '../../components/list/ListView.tsx';
import { SearchInput } from '../../components/list/SearchInput.tsx';
import { urlFilter, useUrlFilters } from '../../components/list/urlFilters.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
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

const FILTERS = {
  objectType: urlFilter.one(),
  action: urlFilter.text('filter'),
  actorId: urlFilter.one(),
  from: urlFilter.one(),
  to: urlFilter.one(),
  // Set by "History" links to one object; cleared with the rest.
  objectId: urlFilter.one('scope'),
};

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
  const users = useUserNames();
  const filters = useUrlFilters(FILTERS);
  const { values: f, set } = filters;
  const query: AuditFilters = useMemo(
    () => ({
      objectType: f.objectType,
      objectId: f.objectId,
      actorId: f.actorId,
      action: f.action.trim() || null,
      from: dayToIso(f.from),
      to: dayToIso(f.to, true),
    }),
    [f],
  );
  const list = useAuditList(query);

  return (
    <>
      <PageHeader
        title="Audit"
        description="Every change in your organisation: who made it, when, and what it was before and after. Newest first."
      />
      <ListFilters label="Filter audit events" panelCount={filters.panelCount}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
          <Select label="Object type" placeholder="Any type" data={OBJECT_TYPES} clearable value={f.objectType} onChange={(objectType) => set({ objectType })} />
          <SearchInput search={false} label="Action" placeholder="e.g. vendor.update" value={f.action} onChange={(action) => set({ action })} />
          <Select label="Actor" placeholder="Anyone" data={users.data ?? []} searchable clearable value={f.actorId} onChange={(actorId) => set({ actorId })} />
          <DatePickerInput label="From" placeholder="Any date" valueFormat="D MMM YYYY" clearable value={f.from} onChange={(from) => set({ from })} maxDate={f.to ?? undefined} />
          <DatePickerInput label="To" placeholder="Any date" valueFormat="D MMM YYYY" clearable value={f.to} onChange={(to) => set({ to })} minDate={f.from ?? undefined} />
        </SimpleGrid>
      </ListFilters>
      {f.objectId && (
        <Group mb="sm" gap="xs">
          <Text size="sm" c="dimmed">
            Showing one object only.
          </Text>
          <Button variant="subtle" size="compact-sm" onClick={() => set({ objectId: null })}>
            Show all objects
          </Button>
        </Group>
      )}
      <ListView
        list={list}
        noun={{ one: 'event', many: 'events' }}
        what="audit events"
        order="latest"
        filters={filters}
        filteredHint="Widen the dates or clear the filters."
        skeletonRows={6}
        empty={{
          icon: <IconHistory size={28} />,
          title: 'No audit events yet',
          description: 'Changes to vendors, engagements, users and settings will be recorded here.',
        }}
      >
        {(events) => <AuditEventList events={events} />}
      </ListView>
    </>
  );
}
