import { ActionIcon, Badge, Button, Checkbox, Group, Modal, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { AGENDA_SOURCE_LABELS } from '../../../shared/contracts/governance.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useAgenda, usePeople, useRecordMeeting, type CadenceT } from './api.ts';

const FIELDS = ['occursOn', 'agenda', 'attendees', 'notes', 'decisions', 'skipReason', 'actions', 'title'] as const;
type NewAction = { title: string; ownerSide: 'client' | 'vendor'; ownerId: string | null; dueOn: string };
const inTwoWeeks = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

/**
 * Records a meeting of a cadence (or an ad-hoc one): the agenda comes filled in from what
 * happened since the last meeting; the organiser ticks what was discussed, writes minutes
 * and decisions, and adds actions for either side. Or records the date as skipped.
 */
export function HoldMeetingModal({ engagementId, vendorId, vendorName, cadence, date, onClose }: { engagementId: string; vendorId: string; vendorName: string; cadence: CadenceT | null; date: string; onClose: () => void }) {
  const agenda = useAgenda(engagementId, true);
  const people = usePeople(vendorId);
  const record = useRecordMeeting();
  const form = useFormErrors(FIELDS);
  const [status, setStatus] = useState<'held' | 'skipped'>('held');
  const [occursOn, setOccursOn] = useState(date);
  const [picked, setPicked] = useState<boolean[]>([]);
  const [extra, setExtra] = useState('');
  const [ours, setOurs] = useState('');
  const [theirs, setTheirs] = useState('');
  const [notes, setNotes] = useState('');
  const [decisions, setDecisions] = useState('');
  const [skipReason, setSkipReason] = useState('');
  const [actions, setActions] = useState<NewAction[]>([]);
  useEffect(() => {
    if (agenda.data) setPicked(agenda.data.items.map(() => true));
  }, [agenda.data]);
  const setAction = (i: number, patch: Partial<NewAction>) => setActions((as) => as.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const items = (agenda.data?.items ?? []).filter((_, i) => picked[i]).concat(lines(extra).map((text) => ({ source: 'other' as const, text })));
    record.mutate(
      {
        engagementId,
        cadenceId: cadence?.id ?? null,
        title: cadence ? undefined : 'Meeting',
        occursOn,
        status,
        agenda: items,
        attendees: status === 'held' ? [...lines(ours).map((name) => ({ name, side: 'client' })), ...lines(theirs).map((name) => ({ name, side: 'vendor' }))] : [],
        notes: status === 'held' ? notes || null : null,
        decisions: status === 'held' ? lines(decisions) : [],
        skipReason: status === 'skipped' ? skipReason || null : null,
        actions: status === 'held' ? actions : [],
      },
      {
        onSuccess: (m) => {
          notifications.show({ color: 'teal', title: m.status === 'held' ? 'Meeting recorded' : 'Recorded as skipped', message: `${m.title} on ${m.occursOn}${m.actionCount ? `, ${m.actionCount} action${m.actionCount === 1 ? '' : 's'}` : ''}` });
          onClose();
        },
        onError: form.fromError,
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={cadence ? `${cadence.title}` : 'Record a meeting'} size="xl">
      <form onSubmit={submit} noValidate aria-label="Meeting">
        <Stack gap="md">
          <FormErrorAlert error={form.general} title="The meeting was not recorded" />
          <Group align="flex-end">
            <TextInput type="date" label="Date" value={occursOn} onChange={(e) => setOccursOn(e.currentTarget.value)} error={form.errors.occursOn} />
            <SegmentedControl value={status} onChange={(v) => setStatus(v as 'held' | 'skipped')} data={[{ value: 'held', label: 'Held' }, { value: 'skipped', label: 'Skipped' }]} aria-label="Held or skipped" />
          </Group>
          {status === 'skipped' ? (
            <Textarea label="Why it was skipped" value={skipReason} onChange={(e) => setSkipReason(e.currentTarget.value)} error={form.errors.skipReason} />
          ) : (
            <>
              <Stack gap={6}>
                <Text fw={600} size="sm">
                  Agenda{agenda.data?.since ? ` — since the meeting of ${agenda.data.since}` : ''}
                </Text>
                {agenda.isPending ? (
                  <Skeleton h={80} />
                ) : agenda.data && agenda.data.items.length === 0 ? (
                  <Text size="sm" c="dimmed">Nothing came up since the last meeting.</Text>
                ) : (
                  (agenda.data?.items ?? []).map((item, i) => (
                    <Checkbox
                      key={i}
                      checked={picked[i] ?? true}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setPicked((p) => p.map((x, j) => (j === i ? on : x)));
                      }}
                      label={
                        <Group gap={6} wrap="nowrap">
                          <Badge size="xs" variant="light">{AGENDA_SOURCE_LABELS[item.source]}</Badge>
                          <Text size="sm">{item.text}</Text>
                        </Group>
                      }
                    />
                  ))
                )}
                <Textarea label="More agenda points" description="One per line" autosize minRows={1} value={extra} onChange={(e) => setExtra(e.currentTarget.value)} />
              </Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Textarea label="Attendees on our side" description="One per line" autosize minRows={2} value={ours} onChange={(e) => setOurs(e.currentTarget.value)} />
                <Textarea label={`Attendees from ${vendorName}`} description="One per line" autosize minRows={2} value={theirs} onChange={(e) => setTheirs(e.currentTarget.value)} error={form.errors.attendees} />
              </SimpleGrid>
              <Textarea label="Minutes" description="Internal: the vendor never sees them" autosize minRows={3} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={form.errors.notes} />
              <Textarea label="Decisions" description="One per line" autosize minRows={2} value={decisions} onChange={(e) => setDecisions(e.currentTarget.value)} error={form.errors.decisions} />
              <Stack gap="xs">
                <Text fw={600} size="sm">Actions</Text>
                {actions.map((a, i) => (
                  <Group key={i} align="flex-end" gap="xs" wrap="wrap">
                    <TextInput style={{ flex: '2 1 200px' }} label={`Action ${i + 1}`} value={a.title} onChange={(e) => setAction(i, { title: e.currentTarget.value })} />
                    <Select w={130} label="Side" data={[{ value: 'client', label: 'Our side' }, { value: 'vendor', label: vendorName }]} value={a.ownerSide} allowDeselect={false} onChange={(v) => setAction(i, { ownerSide: v as NewAction['ownerSide'], ownerId: null })} />
                    <Select w={200} label="Owner" clearable searchable data={(a.ownerSide === 'client' ? people.data?.staff : people.data?.contacts) ?? []} value={a.ownerId} onChange={(v) => setAction(i, { ownerId: v })} />
                    <TextInput w={150} type="date" label="Due" value={a.dueOn} onChange={(e) => setAction(i, { dueOn: e.currentTarget.value })} />
                    <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove action ${i + 1}`} onClick={() => setActions((as) => as.filter((_, j) => j !== i))}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                ))}
                {form.errors.actions && <Text size="sm" c="red">{form.errors.actions}</Text>}
                <Group>
                  <Button variant="subtle" leftSection={<IconPlus size={16} />} onClick={() => setActions((as) => [...as, { title: '', ownerSide: 'vendor', ownerId: null, dueOn: inTwoWeeks(occursOn) }])}>
                    Add action
                  </Button>
                </Group>
              </Stack>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={record.isPending}>{status === 'held' ? 'Save minutes' : 'Record as skipped'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
