import { Badge, Button, Group, Modal, NumberInput, Paper, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { CADENCE_KIND_LABELS, CADENCE_KINDS } from '../../../shared/contracts/governance.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { ListSection, ListView } from '../../components/list/ListView.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatClock, formatDate } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { browserTimeZone, timeZones } from '../../lib/timezones.ts';
import { useCadences, useCreateCadence, useMeetings, type CadenceT, type MeetingT } from './api.ts';
import { HoldMeetingModal } from './HoldMeetingModal.tsx';
import { place } from './labels.ts';

const today = () => new Date().toISOString().slice(0, 10);

function CadenceCard({ c, vendorZone, canWrite, onHold }: { c: CadenceT; vendorZone: string | null; canWrite: boolean; onHold: (date: string) => void }) {
  const h = c.health;
  const lastDue = [...h.missed].pop();
  return (
    <Paper withBorder radius="md" p="md" component="li" aria-label={c.title}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap">
          <div>
            <Text fw={600}>{c.title}</Text>
            <Text size="sm" c="dimmed">
              {c.ruleWords[0].toUpperCase() + c.ruleWords.slice(1)}, {formatClock(c.startTime)} {place(c.timeZone)} time, {c.durationMinutes} minutes
            </Text>
          </div>
          {canWrite && (
            <Button size="xs" leftSection={<IconCalendarEvent size={14} />} onClick={() => onHold(lastDue ?? today())}>
              Hold meeting
            </Button>
          )}
        </Group>
        <Text size="sm">
          Next:{' '}
          {c.next
            .map((n) => `${formatDate(n.date)} ${formatClock(n.clientTime)} ${place(c.timeZone)}${n.vendorTime ? ` (${n.vendorDate !== n.date ? `${formatDate(n.vendorDate)} ` : ''}${formatClock(n.vendorTime)} ${place(vendorZone)})` : ''}`)
            .join(' · ')}
        </Text>
        <Group gap={6}>
          <Text size="sm">
            Last quarter: {h.held} of {h.expected} held
          </Text>
          {h.decaying && <Badge color="red">Cadence decaying</Badge>}
          {h.skipped.length > 0 && <Badge color="yellow" variant="light">{h.skipped.length} skipped</Badge>}
          {h.missed.length > 0 && <Badge color="orange" variant="light">{h.missed.length} not recorded</Badge>}
        </Group>
        {(h.skipped.length > 0 || h.missed.length > 0) && (
          <Text size="xs" c="dimmed">
            {h.skipped.length > 0 && `Skipped: ${h.skipped.map(formatDate).join(', ')}. `}
            {h.missed.length > 0 && `Neither held nor skipped: ${h.missed.map(formatDate).join(', ')}.`}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function CadenceModal({ engagementId, onClose }: { engagementId: string; onClose: () => void }) {
  const create = useCreateCadence();
  const form = useFormErrors(['kind', 'startsOn', 'startTime', 'timeZone', 'durationMinutes', 'rrule']);
  const [kind, setKind] = useState<string>('weekly_operations');
  const [startsOn, setStartsOn] = useState(today());
  const [startTime, setStartTime] = useState('10:00');
  const [timeZone, setTimeZone] = useState<string | null>(browserTimeZone());
  const [duration, setDuration] = useState<number | string>(60);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { engagementId, kind, startsOn, startTime, timeZone, durationMinutes: Number(duration) },
      {
        onSuccess: (c) => {
          notifications.show({ color: 'teal', title: 'Cadence added', message: `${c.title}: ${c.ruleWords}` });
          onClose();
        },
        onError: form.fromError,
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title="Add a meeting cadence">
      <form onSubmit={submit} noValidate aria-label="Meeting cadence">
        <Stack gap="md">
          <FormErrorAlert error={form.general} title="The cadence was not added" />
          <Select label="Kind" description="Weekly on Tuesday; the first Thursday of the month; the second Wednesday of every third month" data={CADENCE_KINDS.map((k) => ({ value: k, label: CADENCE_KIND_LABELS[k] }))} value={kind} onChange={(v) => v && setKind(v)} allowDeselect={false} error={form.errors.kind ?? form.errors.rrule} />
          <TextInput type="date" label="From" value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={form.errors.startsOn} />
          <Group grow>
            <TextInput type="time" label="Starts at" value={startTime} onChange={(e) => setStartTime(e.currentTarget.value)} error={form.errors.startTime} />
            <NumberInput label="Minutes" min={5} max={480} value={duration} onChange={setDuration} error={form.errors.durationMinutes} />
          </Group>
          <Select label="Organiser's time zone" searchable data={timeZones()} value={timeZone} onChange={setTimeZone} error={form.errors.timeZone} />
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={create.isPending}>Add cadence</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function MeetingRow({ m }: { m: MeetingT }) {
  return (
    <Paper withBorder radius="md" p="md" component="li">
      <Stack gap={4}>
        <Group gap={8}>
          <Text fw={600}>{formatDate(m.occursOn)} — {m.title}</Text>
          <Badge color={m.status === 'held' ? 'teal' : 'yellow'} variant="light">{m.status === 'held' ? 'Held' : 'Skipped'}</Badge>
          {m.actionCount > 0 && <Badge variant="outline">{m.actionCount} action{m.actionCount === 1 ? '' : 's'}</Badge>}
        </Group>
        {m.status === 'skipped' && <Text size="sm" c="dimmed">{m.skipReason ?? 'No reason given.'}</Text>}
        {m.attendees.length > 0 && <Text size="sm">Attendees: {m.attendees.map((a) => a.name).join(', ')}</Text>}
        {m.decisions.length > 0 && <Text size="sm">Decisions: {m.decisions.join('; ')}</Text>}
        {m.notes && <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>{m.notes}</Text>}
      </Stack>
    </Paper>
  );
}

/** Cadences with their next dates in both zones and how they were kept; holding a meeting; the meetings recorded. */
export function MeetingsSection({ engagementId, vendorId, vendorName, canWrite }: { engagementId: string; vendorId: string; vendorName: string; canWrite: boolean }) {
  const cadences = useCadences(engagementId);
  const meetings = useMeetings(engagementId);
  const [adding, setAdding] = useState(false);
  const [holding, setHolding] = useState<{ cadence: CadenceT | null; date: string } | null>(null);
  return (
    <>
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="gov-cadences">
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={2} size="h4" id="gov-cadences">Meetings</Title>
            {canWrite && (
              <Group gap="xs">
                <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>Add cadence</Button>
                <Button variant="default" onClick={() => setHolding({ cadence: null, date: today() })}>Record another meeting</Button>
              </Group>
            )}
          </Group>
          {cadences.isPending ? (
            <Skeleton h={120} />
          ) : cadences.isError ? (
            <QueryError error={cadences.error} onRetry={() => cadences.refetch()} what="the meeting cadences" />
          ) : cadences.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">No regular meetings agreed: add a weekly operations meeting, a monthly service review or a quarterly business review.</Text>
          ) : (
            <Stack gap="sm" component="ul" className="bare-list">
              {cadences.data.items.map((c) => (
                <CadenceCard key={c.id} c={c} vendorZone={cadences.data.vendorZone} canWrite={canWrite} onHold={(date) => setHolding({ cadence: c, date })} />
              ))}
            </Stack>
          )}
        </Stack>
      </Paper>
      <ListSection id="gov-meetings" title="Meetings recorded">
        <ListView list={meetings} variant="section" noun={{ one: 'meeting', many: 'meetings' }} empty="No meeting recorded yet.">
          {(items) => (
            <Stack gap="sm" component="ul" className="bare-list">
              {items.map((m) => <MeetingRow key={m.id} m={m} />)}
            </Stack>
          )}
        </ListView>
      </ListSection>
      {adding && <CadenceModal engagementId={engagementId} onClose={() => setAdding(false)} />}
      {holding && <HoldMeetingModal engagementId={engagementId} vendorId={vendorId} vendorName={vendorName} cadence={holding.cadence} date={holding.date} onClose={() => setHolding(null)} />}
    </>
  );
}
