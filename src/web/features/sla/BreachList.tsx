import { Anchor, Box, Button, CloseButton, EmptyState, Group, Paper, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconListSearch, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsWide } from '../../lib/useIsWide.ts';
import { ticketsCsvUrl, useSlaTickets, type TicketQuery } from './api.ts';
import { formatDuration, formatInstant, monthLabel } from './format.ts';
import { TicketVerdict } from './TicketBadges.tsx';
import { TicketTimelineDrawer } from './TicketTimelineDrawer.tsx';
import type { SlaPolicyT, SlaTicketT, TicketFilter } from './types.ts';

const FILTERS: { value: TicketFilter; label: string; noun: string }[] = [
  { value: 'breached', label: 'Breached', noun: 'breached tickets' },
  { value: 'at-risk', label: 'At risk', noun: 'tickets at risk' },
  { value: 'open', label: 'Open', noun: 'open tickets' },
  { value: 'problems', label: 'Not measured', noun: 'tickets that could not be measured' },
  { value: 'all', label: 'All', noun: 'tickets' },
];

/** Business targets are shown in hours: a business "day" is the calendar's working day, not 24 h. */
function durationFor(policy: SlaPolicyT, t: SlaTicketT, kind: 'response' | 'resolution', ms: number | null) {
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

function TicketRows({ items, policy, timeZone, onOpen }: { items: SlaTicketT[]; policy: SlaPolicyT; timeZone: string; onOpen: (id: string) => void }) {
  // Many exports (an event log) have no title: leave the column out rather than show a column of dashes.
  const titles = items.some((t) => t.title);
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={titles ? 980 : 780}>
        <Table verticalSpacing="xs" fz="sm" highlightOnHover aria-label="Tickets">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Ticket</Table.Th>
              {titles && <Table.Th>Title</Table.Th>}
              <Table.Th>Priority</Table.Th>
              <Table.Th>Opened / resolved</Table.Th>
              <Table.Th ta="right">Response</Table.Th>
              <Table.Th ta="right">Resolution</Table.Th>
              <Table.Th ta="right">Paused</Table.Th>
              <Table.Th>Breached</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((t) => (
              <Table.Tr key={t.id} onClick={() => onOpen(t.id)} style={{ cursor: 'pointer' }}>
                <Table.Td className="fit-cell">
                  <TicketLink t={t} onOpen={onOpen} />
                </Table.Td>
                {titles && (
                  <Table.Td maw={220}>
                    <Text size="sm" truncate title={t.title ?? undefined} c={t.title ? undefined : 'dimmed'}>
                      {t.title ?? '—'}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td className="fit-cell">{t.priority ?? '—'}</Table.Td>
                <Table.Td className="fit-cell">
                  <Text size="sm">{formatInstant(t.openedAt, timeZone)}</Text>
                  <Text size="xs" c="dimmed">
                    {t.resolvedAt ? formatInstant(t.resolvedAt, timeZone) : t.state === 'paused' ? 'paused, not resolved' : 'not resolved'}
                  </Text>
                </Table.Td>
                <Table.Td className="fit-cell" ta="right" c={t.responseBreached ? 'red.7' : undefined} fw={t.responseBreached ? 600 : undefined}>
                  {durationFor(policy, t, 'response', t.responseMs)}
                </Table.Td>
                <Table.Td className="fit-cell" ta="right" c={t.resolutionBreached ? 'red.7' : undefined} fw={t.resolutionBreached ? 600 : undefined}>
                  {durationFor(policy, t, 'resolution', t.resolutionMs)}
                </Table.Td>
                <Table.Td className="fit-cell" ta="right" c="dimmed">
                  {t.pausedMs ? durationFor(policy, t, 'resolution', t.pausedMs) : '—'}
                </Table.Td>
                <Table.Td className="fit-cell">
                  <TicketVerdict t={t} short />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function TicketCards({ items, policy, timeZone, onOpen }: { items: SlaTicketT[]; policy: SlaPolicyT; timeZone: string; onOpen: (id: string) => void }) {
  return (
    <Stack gap="xs" component="ul" className="bare-list" aria-label="Tickets">
      {items.map((t) => (
        <Box component="li" key={t.id}>
          <Paper withBorder radius="md" p="sm">
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
          </Paper>
        </Box>
      ))}
    </Stack>
  );
}

/** The tickets behind the report, breached first; a click opens the ticket's clock timeline. */
export function BreachList({ engagementId, policy, timeZone, months }: { engagementId: string; policy: SlaPolicyT; timeZone: string; months: string[] }) {
  const [filter, setFilter] = useState<TicketFilter>('breached');
  const [priority, setPriority] = useState<string | null>(null);
  const [month, setMonth] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [openId, setOpenId] = useState<string | null>(null);
  const wide = useIsWide();
  const query: TicketQuery = { filter, priority, month, q: debouncedQ };
  const list = useSlaTickets(engagementId, query);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const noun = FILTERS.find((f) => f.value === filter)?.noun ?? 'tickets';

  return (
    <Stack gap="sm" component="section" aria-labelledby="sla-tickets-title">
      <div>
        <Title order={2} size="h4" id="sla-tickets-title">
          Breaches and tickets
        </Title>
        <Text size="sm" c="dimmed">
          Response and resolution times on each target’s clock (business hours or 24×7). Choose a ticket to see when its clock ran.
        </Text>
      </div>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <fieldset className="bare-fieldset" style={wide ? undefined : { width: '100%' }}>
          <VisuallyHidden component="legend">Which tickets</VisuallyHidden>
          <SegmentedControl
            data={FILTERS.map((f) => ({ value: f.value, label: f.label }))}
            value={filter}
            onChange={(v) => setFilter(v as TicketFilter)}
            orientation={wide ? 'horizontal' : 'vertical'}
            fullWidth={!wide}
          />
        </fieldset>
        <Button component="a" href={ticketsCsvUrl(engagementId, query)} download variant="default" leftSection={<IconDownload size={16} />}>
          Download CSV
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label="Search tickets"
          placeholder="Ticket id or title"
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          rightSection={q ? <CloseButton aria-label="Clear search" size="sm" onClick={() => setQ('')} /> : null}
          type="search"
        />
        <Select label="Priority" placeholder="Any priority" data={Object.keys(policy.priorities)} value={priority} onChange={setPriority} clearable />
        <Select
          label="Month"
          placeholder="Any month"
          description={undefined}
          data={[...months].reverse().map((m) => ({ value: m, label: monthLabel(m, true) }))}
          value={month}
          onChange={setMonth}
          clearable
          searchable
        />
      </SimpleGrid>
      {list.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label="Loading tickets">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} h={40} radius="sm" />
          ))}
        </Stack>
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} what="the tickets" />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <EmptyState size="sm" icon={<IconListSearch size={24} />} title={<h3 className="empty-title">{`No ${noun}`}</h3>} description="Nothing matches this filter. Try another filter, month or search." />
        </Paper>
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {total.toLocaleString()} {total === 1 ? noun.replace(/^tickets/, 'ticket').replace(/ tickets/, ' ticket') : noun}
            {list.hasNextPage ? ` · showing the newest ${items.length.toLocaleString()}` : ''}
          </Text>
          {wide ? (
            <TicketRows items={items} policy={policy} timeZone={timeZone} onOpen={setOpenId} />
          ) : (
            <TicketCards items={items} policy={policy} timeZone={timeZone} onOpen={setOpenId} />
          )}
          <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => list.fetchNextPage()} shown={items.length} noun="tickets" pages={list.data?.pages.length} />
        </>
      )}
      <TicketTimelineDrawer ticketId={openId} policy={policy} timeZone={timeZone} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
