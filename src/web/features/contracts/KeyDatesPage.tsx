import { ActionIcon, Alert, Anchor, Badge, Box, Card, Center, Group, Loader, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { KEY_DATE_KIND_LABELS } from '../../../shared/contracts/contracts.ts';
import type { KeyDatesViewT } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useKeyDates } from './api.ts';

type Entry = KeyDatesViewT['items'][number];
const KIND_COLORS: Record<Entry['kind'], string> = { decide_by: 'orange', notice_deadline: 'red', term_end: 'gray', renewal: 'blue', custom: 'grape' };
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
function addDays(day: string, n: number) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}
function monthBounds(month: string) {
  const [y, m] = month.split('-').map(Number);
  return { from: `${month}-01`, to: iso(new Date(Date.UTC(y, m, 0))) };
}
function shiftMonth(month: string, n: number) {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}
const monthName = (month: string) => new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function KindBadge({ kind }: { kind: Entry['kind'] }) {
  return (
    <Badge color={KIND_COLORS[kind]} variant="light" size="sm">
      {KEY_DATE_KIND_LABELS[kind]}
    </Badge>
  );
}

function EntryList({ items }: { items: Entry[] }) {
  if (!items.length) return <Text c="dimmed">No key dates in this period.</Text>;
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Key dates">
      {items.map((e, i) => (
        <Card key={`${e.contractId}-${e.kind}-${e.date}-${i}`} component="li" withBorder padding="sm" radius="md">
          <Group align="flex-start" wrap="wrap" gap="sm">
            <Text fw={700} miw={120}>
              {formatDate(e.date)}
            </Text>
            <Stack gap={2} style={{ flex: '1 1 240px' }}>
              <Group gap={6}>
                <KindBadge kind={e.kind} />
                {e.kind === 'custom' && <Text size="sm" fw={600}>{e.title}</Text>}
              </Group>
              <Anchor component={Link} to={`/contracts/${e.contractId}`} fw={600} size="sm">
                {e.contractTitle}
              </Anchor>
              <Text size="xs" c="dimmed">
                {e.vendorName} · {e.words}
              </Text>
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function MonthGrid({ month, items }: { month: string; items: Entry[] }) {
  const { from, to } = monthBounds(month);
  const lead = (new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7;
  const days: Array<string | null> = [...Array<null>(lead).fill(null)];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return (
    <Box style={{ overflowX: 'auto' }}>
      <SimpleGrid cols={7} spacing={4} miw={560} role="grid" aria-label={`Key dates in ${monthName(month)}`}>
        {WEEKDAYS.map((w) => (
          <Text key={w} size="xs" fw={700} c="dimmed" ta="center">
            {w}
          </Text>
        ))}
        {days.map((d, i) =>
          d ? (
            <Card key={d} withBorder padding={4} radius="sm" mih={84} role="gridcell" aria-label={formatDate(d)}>
              <Text size="xs" c="dimmed">
                {Number(d.slice(8))}
              </Text>
              <Stack gap={2}>
                {items
                  .filter((e) => e.date === d)
                  .map((e, j) => (
                    <Anchor key={j} component={Link} to={`/contracts/${e.contractId}`} size="xs" c={KIND_COLORS[e.kind]} title={`${KEY_DATE_KIND_LABELS[e.kind]}: ${e.contractTitle}`} lh={1.2}>
                      {e.kind === 'custom' ? e.title : KEY_DATE_KIND_LABELS[e.kind]}: {e.contractTitle}
                    </Anchor>
                  ))}
              </Stack>
            </Card>
          ) : (
            <Box key={`empty-${i}`} />
          ),
        )}
      </SimpleGrid>
    </Box>
  );
}

/** Every contract's key dates: the next 90 days as a list, or a month as a calendar. */
export function KeyDatesPage() {
  usePageTitle('Contract key dates');
  const [params, setParams] = useSearchParams();
  const today = iso(new Date());
  const view = params.get('view') === 'month' ? 'month' : 'list';
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? params.get('month')! : today.slice(0, 7);
  const window = view === 'month' ? monthBounds(month) : { from: today, to: addDays(today, 90) };
  const dates = useKeyDates(window.from, window.to);
  const set = (patch: Record<string, string>) => setParams({ view, month, ...patch }, { replace: true });
  return (
    <>
      <PageHeader crumbs={[{ label: 'Contracts', to: '/contracts' }, { label: 'Key dates' }]} title="Key dates" description="Dates to decide by, notice deadlines, term ends, renewals and the dates you added, across all contracts." />
      <Group justify="space-between" mb="md" wrap="wrap">
        <SegmentedControl value={view} onChange={(v) => set({ view: v })} data={[{ value: 'list', label: 'Next 90 days' }, { value: 'month', label: 'Month' }]} aria-label="How to show the key dates" />
        {view === 'month' && (
          <Group gap="xs">
            <ActionIcon variant="default" aria-label="Previous month" onClick={() => set({ month: shiftMonth(month, -1) })}>
              <IconChevronLeft size={16} />
            </ActionIcon>
            <Title order={2} size="h4" miw={160} ta="center">
              {monthName(month)}
            </Title>
            <ActionIcon variant="default" aria-label="Next month" onClick={() => set({ month: shiftMonth(month, 1) })}>
              <IconChevronRight size={16} />
            </ActionIcon>
          </Group>
        )}
      </Group>
      {dates.isPending ? (
        <Center py="xl">
          <Loader aria-label="Loading key dates" />
        </Center>
      ) : dates.isError ? (
        <QueryError error={dates.error} onRetry={() => dates.refetch()} what="the key dates" />
      ) : (
        <Stack>
          {dates.data.truncated && (
            <Alert color="yellow" variant="light">
              Only the first {dates.data.items.length} dates are shown; narrow the period to see the rest.
            </Alert>
          )}
          {view === 'month' ? <MonthGrid month={month} items={dates.data.items} /> : <EntryList items={dates.data.items} />}
          {view === 'month' && <EntryList items={dates.data.items} />}
        </Stack>
      )}
    </>
  );
}
