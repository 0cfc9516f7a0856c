import { ActionIcon, Badge, Button, Checkbox, Collapse, Group, Paper, Skeleton, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { OutageInput } from '../../../shared/contracts/sla.ts';
import { errorMessage } from '../../api/client.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { useAddOutage, useDeleteOutage, useOutages } from './api.ts';
import { formatDuration } from './format.ts';

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

/** Outages and maintenance windows, which the availability target is measured from. */
export function OutagesSection({ engagementId, canWrite, hasTarget }: { engagementId: string; canWrite: boolean; hasTarget: boolean }) {
  const outages = useOutages(engagementId);
  const remove = useDeleteOutage();
  const [adding, add] = useDisclosure(false);
  const items = outages.data ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="sla-outages-title">
      <Group justify="space-between" wrap="wrap" align="flex-end">
        <div>
          <Title order={2} size="h4" id="sla-outages-title">
            Outages
          </Title>
          <Text size="sm" c="dimmed">
            {hasTarget ? 'Downtime counts against the availability target; planned maintenance does not.' : 'Recorded for the record; add an availability target to the policy to measure them.'}
          </Text>
        </div>
        {canWrite && !adding && (
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add.open}>
            Record outage
          </Button>
        )}
      </Group>
      <Collapse expanded={adding}>{adding && <AddOutageForm engagementId={engagementId} onDone={add.close} />}</Collapse>
      {outages.isPending ? (
        <Skeleton h={48} radius="md" />
      ) : outages.isError ? (
        <QueryError error={outages.error} onRetry={() => outages.refetch()} what="outages" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No outages recorded.
        </Text>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={640}>
            <Table fz="sm" verticalSpacing="xs" aria-label="Outages">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Started</Table.Th>
                  <Table.Th>Ended</Table.Th>
                  <Table.Th>Duration</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Description</Table.Th>
                  {canWrite && <Table.Th w={40} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td className="fit-cell">{formatDateTime(o.startAt)}</Table.Td>
                    <Table.Td className="fit-cell">{formatDateTime(o.endAt)}</Table.Td>
                    <Table.Td className="fit-cell">{formatDuration(new Date(o.endAt).getTime() - new Date(o.startAt).getTime())}</Table.Td>
                    <Table.Td className="fit-cell">
                      <Badge variant="light" color={o.planned ? 'gray' : 'red'}>
                        {o.planned ? 'Maintenance' : 'Outage'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{o.description ?? ''}</Table.Td>
                    {canWrite && (
                      <Table.Td>
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
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
