import { Badge, Box, Center, Drawer, Group, Loader, Progress, Stack, Text, Timeline, Title, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { QueryError } from '../../components/QueryError.tsx';
import { useTicketTimeline } from './api.ts';
import { describeResponseSource, formatDuration, formatInstant } from './format.ts';
import { TicketVerdict } from './TicketBadges.tsx';
import type { SlaPolicyT, SlaTicketT, TicketTimelineT } from './types.ts';

type Clock = TicketTimelineT['segments'][number]['clock'];

export const CLOCK_COLORS: Record<Clock, string> = { running: 'blue', paused: 'yellow', stopped: 'gray' };
const CLOCK_LABELS: Record<Clock, string> = { running: 'Clock running', paused: 'Clock paused', stopped: 'Clock stopped (resolved)' };

function TargetRow({ label, actual, target, breached, clock, unmeasured }: { label: string; actual: number | null; target: number | null; breached: boolean; clock?: string; unmeasured?: boolean }) {
  const days = clock === 'calendar';
  const clockLabel = clock === 'calendar' ? '24×7' : clock === 'business' ? 'business hours' : '';
  const value = actual !== null && target ? Math.min(100, (actual / target) * 100) : 0;
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="sm" c={breached ? 'red.7' : undefined} fw={breached ? 600 : undefined}>
          {unmeasured ? 'not measured' : actual === null ? 'not yet' : formatDuration(actual, { days })}
          <Text span c="dimmed" size="sm">
            {' '}
            of {target === null ? 'no target' : formatDuration(target, { days })}
            {clockLabel ? ` (${clockLabel})` : ''}
          </Text>
        </Text>
      </Group>
      {target !== null && !unmeasured && (
        <Progress
          value={value}
          color={breached ? 'red' : value >= 75 ? 'orange' : 'teal'}
          size="sm"
          aria-label={`${label}: ${actual === null ? 'not yet' : formatDuration(actual, { days })} of ${formatDuration(target, { days })}${breached ? ', breached' : ''}`}
        />
      )}
    </Stack>
  );
}

function ClockBar({ data, timeZone }: { data: TicketTimelineT; timeZone: string }) {
  const { segments } = data;
  if (segments.length === 0) return <Text size="sm" c="dimmed">No status changes to show.</Text>;
  const start = new Date(segments[0].from).getTime();
  const end = new Date(segments[segments.length - 1].to).getTime();
  const total = Math.max(1, end - start);
  const clocks = [...new Set(segments.map((s) => s.clock))];
  return (
    <Stack gap={6}>
      <Box
        role="img"
        aria-label={`Clock over ${formatDuration(end - start)}: ${segments.map((s) => `${s.status} (${s.clock}, ${formatDuration(new Date(s.to).getTime() - new Date(s.from).getTime())})`).join(', ')}`}
        style={{ display: 'flex', height: 28, borderRadius: 6, overflow: 'hidden', border: '1px solid var(--mantine-color-default-border)' }}
      >
        {segments.map((s, i) => {
          const ms = new Date(s.to).getTime() - new Date(s.from).getTime();
          return (
            <Tooltip key={i} label={`${s.status}: ${formatInstant(s.from, timeZone)} – ${formatInstant(s.to, timeZone)} (${formatDuration(ms)})`} openDelay={100}>
              <Box
                style={{
                  flexGrow: ms / total,
                  flexBasis: 0,
                  minWidth: 3,
                  background: `var(--mantine-color-${CLOCK_COLORS[s.clock]}-${s.clock === 'stopped' ? 4 : 5})`,
                  borderRight: i < segments.length - 1 ? '1px solid var(--mantine-color-body)' : undefined,
                }}
              />
            </Tooltip>
          );
        })}
      </Box>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {formatInstant(segments[0].from, timeZone)}
        </Text>
        <Text size="xs" c="dimmed">
          {formatInstant(segments[segments.length - 1].to, timeZone)}
        </Text>
      </Group>
      <Group gap="md" component="ul" className="bare-list" aria-label="Legend">
        {(['running', 'paused', 'stopped'] as const)
          .filter((c) => clocks.includes(c))
          .map((c) => (
            <Group key={c} gap={6} component="li" wrap="nowrap">
              <Box w={12} h={12} style={{ borderRadius: 3, background: `var(--mantine-color-${CLOCK_COLORS[c]}-${c === 'stopped' ? 4 : 5})` }} aria-hidden />
              <Text size="xs">{CLOCK_LABELS[c]}</Text>
            </Group>
          ))}
      </Group>
      <Text size="xs" c="dimmed">
        Elapsed time. On a business-hours target only the calendar’s working hours count, so the measured time is shorter.
      </Text>
    </Stack>
  );
}

function clockAt(data: TicketTimelineT, at: string): Clock {
  const t = new Date(at).getTime();
  let clock: Clock = 'running';
  for (const s of data.segments) if (new Date(s.from).getTime() <= t) clock = s.clock;
  return clock;
}

/** The status history; an export with one row per ticket only knows when it opened and was resolved. */
function changesOf(data: TicketTimelineT): { at: string; status: string; priority: string | null }[] {
  if (data.history.length > 0) return data.history;
  const t = data.ticket;
  return [
    { at: t.openedAt, status: 'Opened', priority: t.priority },
    ...(t.resolvedAt ? [{ at: t.resolvedAt, status: t.status ?? 'Resolved', priority: t.priority }] : []),
  ];
}

function Body({ data, policy, timeZone }: { data: TicketTimelineT; policy: SlaPolicyT; timeZone: string }) {
  const t: SlaTicketT = data.ticket;
  const targets = t.priority ? policy.priorities[t.priority] : undefined;
  const changes = changesOf(data);
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        {t.title && <Text size="sm">{t.title}</Text>}
        <Group gap={6} wrap="wrap">
          <Badge variant="default">{t.priority ?? 'No priority'}</Badge>
          {t.status && <Badge variant="default" tt="none">{t.status}</Badge>}
          <TicketVerdict t={t} />
        </Group>
        <Text size="xs" c="dimmed">
          Opened {formatInstant(t.openedAt, timeZone)}
          {t.resolvedAt ? ` · resolved ${formatInstant(t.resolvedAt, timeZone)}` : ''}
          {t.reopenCount > 0 ? ` · reopened ${t.reopenCount}×` : ''} · times in {timeZone}
        </Text>
      </Stack>
      {t.problem ? (
        <Text size="sm" c="yellow.8">
          Not measured, a data problem: {t.problem}
        </Text>
      ) : (
        <Stack gap="sm" component="section" aria-label="Targets and actual times">
          <Title order={3} size="h5">
            Target and actual
          </Title>
          <TargetRow label="Response" actual={t.responseMs} target={t.responseTargetMs} breached={t.responseBreached} clock={targets?.response?.clock} unmeasured={!t.responseMeasured} />
          {data.response && (
            <Text size="xs" c={data.response.kind === 'not-measured' ? 'yellow.8' : 'dimmed'} data-testid="response-source">
              Response: {describeResponseSource(data.response, timeZone)}
            </Text>
          )}
          <TargetRow label="Resolution" actual={t.resolutionMs} target={t.resolutionTargetMs} breached={t.resolutionBreached} clock={targets?.resolution?.clock} />
          <Text size="xs" c="dimmed">
            Paused {formatDuration(t.pausedMs ?? 0, { days: targets?.resolution?.clock === 'calendar' })} while waiting on your side (not counted).
            {t.dueAt ? ` Resolution ${t.state === 'resolved' ? 'was' : 'is'} due ${formatInstant(t.dueAt, timeZone)}.` : ''}
          </Text>
        </Stack>
      )}
      <Stack gap="sm" component="section" aria-label="Clock">
        <Title order={3} size="h5">
          When the clock ran
        </Title>
        <ClockBar data={data} timeZone={timeZone} />
      </Stack>
      <Stack gap="sm" component="section" aria-label="Status changes">
        <Title order={3} size="h5">
          Status changes
        </Title>
        {data.history.length === 0 && (
          <Text size="xs" c="dimmed">
            The export has one row per ticket, so only its opening and resolution are known.
          </Text>
        )}
        <Timeline bulletSize={14} lineWidth={2} active={changes.length - 1}>
          {changes.map((h, i) => {
            const clock = data.history.length === 0 && i > 0 ? 'stopped' : clockAt(data, h.at);
            return (
              <Timeline.Item key={i} color={CLOCK_COLORS[clock]} title={<Text size="sm" fw={500}>{h.status}</Text>}>
                <Text size="xs" c="dimmed">
                  {formatInstant(h.at, timeZone)}
                  {h.priority ? ` · ${h.priority}` : ''} · {CLOCK_LABELS[clock].toLowerCase()}
                </Text>
              </Timeline.Item>
            );
          })}
        </Timeline>
      </Stack>
    </Stack>
  );
}

/** A ticket's SLA clock: targets against actual times, when it ran and paused, and every status change. */
export function TicketTimelineDrawer({ ticketId, policy, timeZone, onClose }: { ticketId: string | null; policy: SlaPolicyT; timeZone: string; onClose: () => void }) {
  const timeline = useTicketTimeline(ticketId);
  const phone = useMediaQuery('(max-width: 36em)');
  const title = timeline.data ? `Ticket ${timeline.data.ticket.externalId}` : 'Ticket';
  return (
    <Drawer opened={!!ticketId} onClose={onClose} position="right" size={phone ? '100%' : 'lg'} title={title}>
      {timeline.isPending ? (
        <Center py="xl">
          <Loader aria-label="Loading the ticket timeline" />
        </Center>
      ) : timeline.isError ? (
        <QueryError error={timeline.error} onRetry={() => timeline.refetch()} what="the ticket timeline" />
      ) : (
        <Body data={timeline.data} policy={policy} timeZone={timeZone} />
      )}
    </Drawer>
  );
}
