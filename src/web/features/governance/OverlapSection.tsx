import { Alert, Box, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { formatClock, formatDate } from '../../lib/format.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useOverlap, type OverlapT } from './api.ts';
import { hours, place, WEEKDAYS } from './labels.ts';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function Bar({ spans, color, label }: { spans: Array<{ from: string; to: string }>; color: string; label: string }) {
  return (
    <Box pos="relative" h={8} aria-hidden title={label}>
      {spans.map((s) => (
        <Box key={s.from} pos="absolute" top={0} h={8} bg={color} style={{ left: `${(minutes(s.from) / 1440) * 100}%`, width: `${((minutes(s.to) - minutes(s.from)) / 1440) * 100}%`, borderRadius: 4 }} />
      ))}
    </Box>
  );
}

function Timeline({ o }: { o: OverlapT }) {
  const here = place(o.clientZone);
  const there = place(o.vendorZone);
  return (
    <Stack gap="xs" role="list" aria-label="Shared working hours per weekday">
      <Group gap="md">
        <Group gap={4}><Box w={12} h={8} bg="blue.3" style={{ borderRadius: 4 }} /><Text size="xs">Our hours</Text></Group>
        <Group gap={4}><Box w={12} h={8} bg="orange.3" style={{ borderRadius: 4 }} /><Text size="xs">Vendor hours</Text></Group>
        <Group gap={4}><Box w={12} h={8} bg="teal.6" style={{ borderRadius: 4 }} /><Text size="xs">Shared</Text></Group>
        <Text size="xs" c="dimmed">Times in {here} time, 0:00 to 24:00</Text>
      </Group>
      {o.days.map((d) => (
        <Group key={d.date} role="listitem" wrap="nowrap" align="center" gap="sm">
          <Text size="sm" w={110} fw={500}>
            {WEEKDAYS[d.weekday]}
          </Text>
          <Stack gap={2} style={{ flex: 1 }}>
            <Bar spans={d.client} color="var(--mantine-color-blue-3)" label="Our hours" />
            <Bar spans={d.vendor} color="var(--mantine-color-orange-3)" label="Vendor hours" />
            <Bar spans={d.overlap} color="var(--mantine-color-teal-6)" label="Shared hours" />
          </Stack>
          <Text size="sm" w={{ base: 120, sm: 300 }}>
            {d.overlap.length === 0
              ? d.client.length && d.vendor.length
                ? 'No shared hours'
                : '—'
              : `${hours(d.hours)}: ${d.overlap.map((s) => `${formatClock(s.from)}–${formatClock(s.to)} ${here}, ${formatClock(s.vendorFrom)}–${formatClock(s.vendorTo)} ${there}`).join('; ')}`}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** The two teams' working hours side by side: per weekday, per week, and the weeks a clock change moves them. */
export function OverlapSection({ engagementId }: { engagementId: string }) {
  const [week, setWeek] = useState<string | null>(null);
  const q = useOverlap(engagementId, week);
  const o = q.data;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="gov-overlap">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={2} size="h4" id="gov-overlap">
              Working-hours overlap
            </Title>
            {o?.configured && (
              <Text size="sm" c="dimmed">
                Week of {formatDate(o.weekOf)}: {hours(o.hoursThisWeek)} shared; usually {hours(o.typicalHours)} a week
                {o.requiredHours !== null ? `, ${hours(o.requiredHours)} required` : ''}.
              </Text>
            )}
          </div>
          {o?.configured && (
            <Group gap="xs">
              <Button variant="default" size="xs" leftSection={<IconChevronLeft size={14} />} onClick={() => setWeek(addDays(o.weekOf!, -7))}>
                Previous week
              </Button>
              <Button variant="default" size="xs" rightSection={<IconChevronRight size={14} />} onClick={() => setWeek(addDays(o.weekOf!, 7))}>
                Next week
              </Button>
            </Group>
          )}
        </Group>
        {q.isPending ? (
          <Skeleton h={200} />
        ) : q.isError ? (
          <QueryError error={q.error} onRetry={() => q.refetch()} what="the working hours" />
        ) : !o!.configured ? (
          <Text size="sm" c="dimmed">
            Set both teams' working hours (Edit contacts) to see when they can talk.
          </Text>
        ) : (
          <>
            {o!.belowRequired && (
              <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="Too little shared time">
                The teams share {hours(o!.typicalHours)} in a usual week; this engagement needs {hours(o!.requiredHours!)}.
              </Alert>
            )}
            <Timeline o={o!} />
            {o!.shiftedWeeks.length > 0 && (
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  Weeks where a clock change moves the overlap
                </Text>
                {o!.shiftedWeeks.map((p) => (
                  <Text size="sm" key={p.from}>
                    {formatDate(p.from)} – {formatDate(p.to)}: {hours(p.hours)} a week instead of {hours(o!.typicalHours)}
                  </Text>
                ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
