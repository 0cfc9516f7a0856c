import { Anchor, Badge, Button, Group, Modal, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ACTION_STATUS_LABELS } from '../../../shared/contracts/governance.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { ListSection, ListView } from '../../components/list/ListView.tsx';
import { formatDate } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { useActions, useCreateAction, usePeople, useUpdateAction, type ActionT } from './api.ts';

export function ActionStatus({ a }: { a: { status: ActionT['status']; overdue: boolean } }) {
  if (a.overdue) return <Badge color="red">Overdue</Badge>;
  return <Badge color={a.status === 'done' ? 'teal' : a.status === 'dropped' ? 'gray' : 'blue'} variant="light">{ACTION_STATUS_LABELS[a.status]}</Badge>;
}

function Row({ a, canWrite, showEngagement }: { a: ActionT; canWrite: boolean; showEngagement: boolean }) {
  const update = useUpdateAction();
  const set = (status: ActionT['status']) => update.mutate({ id: a.id, status }, { onSuccess: () => notifications.show({ color: 'teal', title: status === 'done' ? 'Marked done' : status === 'dropped' ? 'Dropped' : 'Opened again', message: a.title }) });
  return (
    <Paper withBorder radius="md" p="md" component="li" aria-label={a.title}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{a.title}</Text>
          <Group gap={6}>
            <ActionStatus a={a} />
            <Badge variant="outline" color={a.ownerSide === 'vendor' ? 'orange' : 'blue'}>{a.ownerSide === 'vendor' ? a.vendorName : 'Our side'}</Badge>
            <Text size="sm" c={a.overdue ? 'red' : 'dimmed'}>
              {a.ownerName ? `${a.ownerName}, ` : ''}due {formatDate(a.dueOn)}{a.doneOn ? `, done ${formatDate(a.doneOn)}` : ''}
            </Text>
          </Group>
          {showEngagement && (
            <Anchor component={Link} to={`/engagements/${a.engagementId}/governance`} size="sm">{a.engagementName} ({a.vendorName})</Anchor>
          )}
          {a.vendorNote && <Text size="sm">Vendor's note: {a.vendorNote}</Text>}
          {a.internalNote && <Text size="sm" c="dimmed">Internal note: {a.internalNote}</Text>}
        </Stack>
        {canWrite && (
          <Group gap="xs">
            {a.status === 'open' ? (
              <>
                <Button size="xs" onClick={() => set('done')} loading={update.isPending} aria-label={`Mark done: ${a.title}`}>Mark done</Button>
                <Button size="xs" variant="default" onClick={() => set('dropped')}>Drop</Button>
              </>
            ) : (
              <Button size="xs" variant="default" onClick={() => set('open')}>Open again</Button>
            )}
          </Group>
        )}
      </Group>
    </Paper>
  );
}

function AddActionModal({ engagementId, vendorId, vendorName, onClose }: { engagementId: string; vendorId: string; vendorName: string; onClose: () => void }) {
  const people = usePeople(vendorId);
  const create = useCreateAction();
  const form = useFormErrors(['title', 'ownerSide', 'ownerId', 'dueOn', 'internalNote']);
  const [title, setTitle] = useState('');
  const [ownerSide, setSide] = useState<'client' | 'vendor'>('vendor');
  const [ownerId, setOwner] = useState<string | null>(null);
  const [dueOn, setDue] = useState('');
  const [internalNote, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ engagementId, title, ownerSide, ownerId, dueOn, internalNote: internalNote || null }, { onSuccess: () => onClose(), onError: form.fromError });
  };
  return (
    <Modal opened onClose={onClose} title="Add an action">
      <form onSubmit={submit} noValidate aria-label="Action">
        <Stack gap="md">
          <FormErrorAlert error={form.general} title="The action was not added" />
          <TextInput label="What" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={form.errors.title} />
          <Select label="Side" data={[{ value: 'client', label: 'Our side' }, { value: 'vendor', label: vendorName }]} value={ownerSide} allowDeselect={false} onChange={(v) => { setSide(v as 'client' | 'vendor'); setOwner(null); }} />
          <Select label="Owner" clearable searchable data={(ownerSide === 'client' ? people.data?.staff : people.data?.contacts) ?? []} value={ownerId} onChange={setOwner} error={form.errors.ownerId} />
          <TextInput type="date" label="Due" required value={dueOn} onChange={(e) => setDue(e.currentTarget.value)} error={form.errors.dueOn} />
          <TextInput label="Internal note" description="Never shown to the vendor" value={internalNote} onChange={(e) => setNote(e.currentTarget.value)} error={form.errors.internalNote} />
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={create.isPending}>Add action</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const STATUS_CHOICES = [
  { value: 'open', label: 'Open' },
  { value: 'open,done,dropped', label: 'All' },
];

/** Action items: of one engagement (with "Add action"), or the signed-in user's own across engagements. */
export function ActionsList({ engagement, mine = false, canWrite }: { engagement?: { id: string; vendorId: string; vendorName: string }; mine?: boolean; canWrite: boolean }) {
  const [status, setStatus] = useState('open');
  const list = useActions({ ...(engagement ? { engagementId: engagement.id } : {}), ...(mine ? { mine: 'true' } : {}), status });
  const [adding, setAdding] = useState(false);
  return (
    <ListSection
      id="gov-actions"
      title={mine ? 'Your actions' : 'Action items'}
      actions={
        <Group gap="xs">
          <Select aria-label="Which actions" w={120} data={STATUS_CHOICES} value={status} onChange={(v) => v && setStatus(v)} allowDeselect={false} />
          {engagement && canWrite && <Button variant="light" onClick={() => setAdding(true)}>Add action</Button>}
        </Group>
      }
    >
      <ListView list={list} variant="section" noun={{ one: 'action', many: 'actions' }} empty={mine ? 'Nothing for you to do.' : 'No actions.'} showCount>
        {(items) => (
          <Stack gap="sm" component="ul" className="bare-list">
            {items.map((a) => <Row key={a.id} a={a} canWrite={canWrite} showEngagement={!engagement} />)}
          </Stack>
        )}
      </ListView>
      {adding && engagement && <AddActionModal engagementId={engagement.id} vendorId={engagement.vendorId} vendorName={engagement.vendorName} onClose={() => setAdding(false)} />}
    </ListSection>
  );
}
