import { ActionIcon, Badge, Button, Checkbox, Collapse, Group, Paper, Stack, TextInput, Tooltip } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { OutageInput } from '../../../shared/contracts/sla.ts';
import { errorMessage } from '../../api/client.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { DataTable, type Column } from '../../components/list/DataTable.tsx';
import { ListSection, ListView } from '../../components/list/ListView.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { useAddOutage, useDeleteOutage } from './api.ts';
import { formatDuration } from './format.ts';
import { useOutagePages } from './lists.ts';
import type { OutageT } from './types.ts';

const FIELDS = ['startAt', 'endAt', 'planned', 'description'];

/** Mantine's "YYYY-MM-DD HH:mm:ss" in the browser's zone → an ISO instant. */
const toIso = (v: string | null) => (v ? new Date(v.replace(' ', 'T')).toISOString() : '');

function AddOutageForm({ engagementId, onDone }: { engagementId: string; onDone: () => void }) {
  const [startAt, setStartAt] = useState<string | null>(null);
  const [endAt, setEndAt] = useState<string | null>(null);
  const [planned, setPlanned] = useState(false);
  const [description, setDescription] = useState('');
  const form = useFormErrors(FIELDS);
  const add = useAddOutage(engagementId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(OutageInput, { startAt: toIso(startAt), endAt: toIso(endAt), planned, description: description.trim() || null }, { startAt: 'Pick when it started', endAt: 'Pick when it ended' });
    if (!body) return;
    add.mutate(
      { startAt: body.startAt, endAt: body.endAt, planned: body.planned, description: body.description ?? null },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: planned ? 'Maintenance recorded' : 'Outage recorded', message: 'Availability was re-measured.' });
          onDone();
        },
        onError: form.fromError,
      },
    );
  };
  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={submit} noValidate aria-label="Record an outage">
        <Stack gap="sm">
          <FormErrorAlert error={form.general} title="The outage was not recorded" />
          <Group grow align="flex-start" wrap="wrap">
            <DateTimePicker label="Started" required placeholder="Pick date and time" value={startAt} onChange={(v) => { setStartAt(v); form.clearField('startAt'); }} error={form.errors.startAt} valueFormat="D MMM YYYY HH:mm" miw={200} />
            <DateTimePicker label="Ended" required placeholder="Pick date and time" value={endAt} onChange={(v) => { setEndAt(v); form.clearField('endAt'); }} error={form.errors.endAt} valueFormat="D MMM YYYY HH:mm" miw={200} />
          </Group>
          <TextInput label="Description" placeholder="e.g. Data-centre power failure" value={description} onChange={(e) => setDescription(e.currentTarget.value)} maxLength={1000} error={form.errors.description} />
          <Checkbox label="Planned maintenance (announced; not counted as downtime)" checked={planned} onChange={(e) => setPlanned(e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Record
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function outageColumns(canWrite: boolean, remove: ReturnType<typeof useDeleteOutage>): Column<OutageT>[] {
  return [
    { key: 'start', header: 'Started', fit: true, cell: (o) => formatDateTime(o.startAt) },
    { key: 'end', header: 'Ended', fit: true, cell: (o) => formatDateTime(o.endAt) },
    { key: 'duration', header: 'Duration', fit: true, cell: (o) => formatDuration(new Date(o.endAt).getTime() - new Date(o.startAt).getTime()) },
    {
      key: 'kind',
      header: 'Kind',
      fit: true,
      cell: (o) => (
        <Badge variant="light" color={o.planned ? 'gray' : 'red'}>
          {o.planned ? 'Maintenance' : 'Outage'}
        </Badge>
      ),
    },
    { key: 'description', header: 'Description', cell: (o) => o.description ?? '' },
    {
      key: 'actions',
      header: null,
      w: 40,
      hidden: !canWrite,
      cell: (o) => (
        <Tooltip label="Delete">
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Delete the ${o.planned ? 'maintenance' : 'outage'} of ${formatDateTime(o.startAt)}`}
            loading={remove.isPending && remove.variables === o.id}
            onClick={() => remove.mutate(o.id, { onError: (e) => notifications.show({ color: 'red', title: 'Not deleted', message: errorMessage(e) }) })}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      ),
    },
  ];
}

/** Outages and maintenance windows, which the availability target is measured from. */
export function OutagesSection({ engagementId, canWrite, hasTarget }: { engagementId: string; canWrite: boolean; hasTarget: boolean }) {
  const outages = useOutagePages(engagementId);
  const remove = useDeleteOutage();
  const [adding, add] = useDisclosure(false);
  const columns = outageColumns(canWrite, remove);
  return (
    <ListSection
      id="sla-outages-title"
      title="Outages"
      hint={hasTarget ? 'Downtime counts against the availability target; planned maintenance does not.' : 'Recorded for the record; add an availability target to the policy to measure them.'}
      actions={
        canWrite &&
        !adding && (
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add.open}>
            Record outage
          </Button>
        )
      }
    >
      <Collapse expanded={adding}>{adding && <AddOutageForm engagementId={engagementId} onDone={add.close} />}</Collapse>
      <ListView list={outages} variant="section" noun={{ one: 'outage', many: 'outages' }} empty="No outages recorded.">
        {(items) => <DataTable rows={items} rowKey={(o) => o.id} columns={columns} minWidth={640} label="Outages" fz="sm" spacing="xs" />}
      </ListView>
    </ListSection>
  );
}
