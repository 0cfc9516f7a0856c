import { Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconDownload, IconListSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { DataTable, type Column } from '../../components/list/DataTable.tsx';
import { ListFilters, WhichControl } from '../../components/list/ListFilters.tsx';
import { ListSection, ListView, type Noun } from '../../components/list/ListView.tsx';
import { SearchInput } from '../../components/list/SearchInput.tsx';
import { urlFilter, useUrlFilters } from '../../components/list/urlFilters.ts';
import { useIsWide } from '../../lib/useIsWide.ts';
import { ticketsCsvUrl, type TicketQuery } from './api.ts';
import { formatDuration, formatInstant, monthLabel } from './format.ts';
import { useTicketPages } from './lists.ts';
import { TicketVerdict } from './TicketBadges.tsx';
import { TicketTimelineDrawer } from './TicketTimelineDrawer.tsx';
import type { SlaPolicyT, SlaTicketT, TicketFilter } from './types.ts';

const FILTERS: { value: TicketFilter; label: string; noun: Noun }[] = [
  { value: 'breached', label: 'Breached', noun: { one: 'breached ticket', many: 'breached tickets' } },
  { value: 'at-risk', label: 'At risk', noun: { one: 'ticket at risk', many: 'tickets at risk' } },
  { value: 'open', label: 'Open', noun: { one: 'open ticket', many: 'open tickets' } },
  { value: 'problems', label: 'Data problems', noun: { one: 'ticket with a data problem', many: 'tickets with a data problem' } },
  { value: 'all', label: 'All', noun: { one: 'ticket', many: 'tickets' } },
];

/** The ticket list's filters in the address of the vendor's SLA tab; a new engagement starts without them. */
export const TICKET_FILTERS = {
  tickets: urlFilter.choice(
    FILTERS.map((f) => f.value),
    'breached',
    'view',
  ),
  search: urlFilter.text(),
  priority: urlFilter.one(),
  month: urlFilter.one(),
};

/** Business targets are shown in hours: a business "day" is the calendar's working day, not 24 h. */
function durationFor(policy: SlaPolicyT, t: SlaTicketT, kind: 'response' | 'resolution', ms: number | null) {
  if (kind === 'response' && !t.responseMeasured && !t.problem) return 'not measured';
  const clock = t.priority ? policy.priorities[t.priority]?.[kind]?.clock : undefined;
  return formatDuration(ms, { days: clock === 'calendar' });
}

function TicketLink({ t, onOpen }: { t: SlaTicketT; onOpen: (id: string) => void }) {
  return (
    <Anchor component="button" type="button" fw={600} size="sm" onClick={() => onOpen(t.id)} aria-label={`Timeline of ticket ${t.externalId}`}>
      {t.externalId}
    </Anchor>
  );
}

function ticketColumns(policy: SlaPolicyT, timeZone: string, onOpen: (id: string) => void, titles: boolean): Column<SlaTicketT>[] {
  return [
    { key: 'ticket', header: 'Ticket', fit: true, cell: (t) => <TicketLink t={t} onOpen={onOpen} /> },
    {
      key: 'title',
      header: 'Title',
      maw: 220,
      // Many exports (an event log) have no title: leave the column out rather than show a column of dashes.
      hidden: !titles,
      cell: (t) => (
        <Text size="sm" truncate title={t.title ?? undefined} c={t.title ? undefined : 'dimmed'}>
          {t.title ?? '—'}
        </Text>
      ),
    },
    { key: 'priority', header: 'Priority', fit: true, cell: (t) => t.priority ?? '—' },
    {
      key: 'when',
      header: 'Opened / resolved',
      fit: true,
      cell: (t) => (
        <>
          <Text size="sm">{formatInstant(t.openedAt, timeZone)}</Text>
          <Text size="xs" c="dimmed">
            {t.resolvedAt ? formatInstant(t.resolvedAt, timeZone) : t.state === 'paused' ? 'paused, not resolved' : 'not resolved'}
          </Text>
        </>
      ),
    },
    {
      key: 'response',
      header: 'Response',
      align: 'right',
      fit: true,
      cell: (t) => (
        <Text span size="sm" c={t.responseBreached ? 'red.7' : undefined} fw={t.responseBreached ? 600 : undefined}>
          {durationFor(policy, t, 'response', t.responseMs)}
        </Text>
      ),
    },
    {
      key: 'resolution',
      header: 'Resolution',
      align: 'right',
      fit: true,
      cell: (t) => (
        <Text span size="sm" c={t.resolutionBreached ? 'red.7' : undefined} fw={t.resolutionBreached ? 600 : undefined}>
          {durationFor(policy, t, 'resolution', t.resolutionMs)}
        </Text>
      ),
    },
    {
      key: 'paused',
      header: 'Paused',
      align: 'right',
      fit: true,
      cell: (t) => (
        <Text span size="sm" c="dimmed">
          {t.pausedMs ? durationFor(policy, t, 'resolution', t.pausedMs) : '—'}
        </Text>
      ),
    },
    { key: 'breached', header: 'Breached', fit: true, cell: (t) => <TicketVerdict t={t} short /> },
  ];
}

function TicketCard({ t, policy, timeZone, onOpen }: { t: SlaTicketT; policy: SlaPolicyT; timeZone: string; onOpen: (id: string) => void }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap">
        <TicketLink t={t} onOpen={onOpen} />
        <Text size="xs" c="dimmed">
          {t.priority ?? 'No priority'}
        </Text>
      </Group>
      {t.title && (
        <Text size="sm" lineClamp={2}>
          {t.title}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        Opened {formatInstant(t.openedAt, timeZone)} · response {durationFor(policy, t, 'response', t.responseMs)} · resolution{' '}
        {durationFor(policy, t, 'resolution', t.resolutionMs)}
      </Text>
      <TicketVerdict t={t} />
    </Stack>
  );
}

/** The tickets behind the report, breached first; a click opens the ticket's clock timeline. */
export function BreachList({ engagementId, policy, timeZone, months }: { engagementId: string; policy: SlaPolicyT; timeZone: string; months: string[] }) {
  const filters = useUrlFilters(TICKET_FILTERS);
  const { values: f, set } = filters;
  const [openId, setOpenId] = useState<string | null>(null);
  const wide = useIsWide();
  const query: TicketQuery = { filter: f.tickets, priority: f.priority, month: f.month, q: f.search };
  const list = useTicketPages(engagementId, query);
  const noun = FILTERS.find((x) => x.value === f.tickets)?.noun ?? FILTERS[FILTERS.length - 1].noun;

  return (
    <ListSection
      id="sla-tickets-title"
      title="Breaches and tickets"
      hint="Response and resolution times on each target’s clock (business hours or 24×7). Choose a ticket to see when its clock ran."
    >
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <WhichControl legend="Which tickets" data={FILTERS} value={f.tickets} onChange={(tickets) => set({ tickets })} vertical={!wide} fullWidth={!wide} />
        <Button component="a" href={ticketsCsvUrl(engagementId, query)} download variant="default" leftSection={<IconDownload size={16} />}>
          Download CSV
        </Button>
      </Group>
      <ListFilters
        label="Filter tickets"
        panelCount={filters.panelCount}
        search={<SearchInput label="Search tickets" placeholder="Ticket id or title" value={f.search} onChange={(search) => set({ search })} style={{ flex: '1 1 240px' }} />}
        inline={
          <>
            <Select label="Priority" placeholder="Any priority" data={Object.keys(policy.priorities)} value={f.priority} onChange={(priority) => set({ priority })} clearable w={{ base: '100%', sm: 180 }} />
            <Select
              label="Month"
              placeholder="Any month"
              data={[...months].reverse().map((m) => ({ value: m, label: monthLabel(m, true) }))}
              value={f.month}
              onChange={(month) => set({ month })}
              clearable
              searchable
              w={{ base: '100%', sm: 200 }}
            />
          </>
        }
      />
      <ListView
        list={list}
        variant="section"
        showCount
        order="newest"
        noun={noun}
        what="the tickets"
        filters={filters}
        filteredHint="Try another priority, month or search."
        empty={{
          icon: <IconListSearch size={24} />,
          title: <h3 className="empty-title">{`No ${noun.many}`}</h3>,
          description: 'Nothing matches this filter. Try another filter, month or search.',
        }}
      >
        {(items) => (
          <DataTable
            rows={items}
            rowKey={(t) => t.id}
            columns={ticketColumns(policy, timeZone, setOpenId, items.some((t) => t.title))}
            label="Tickets"
            minWidth={items.some((t) => t.title) ? 980 : 780}
            card={(t) => <TicketCard t={t} policy={policy} timeZone={timeZone} onOpen={setOpenId} />}
            rowProps={(t) => ({ onClick: () => setOpenId(t.id), style: { cursor: 'pointer' } })}
            spacing="xs"
            fz="sm"
          />
        )}
      </ListView>
      <TicketTimelineDrawer ticketId={openId} policy={policy} timeZone={timeZone} onClose={() => setOpenId(null)} />
    </ListSection>
  );
}
