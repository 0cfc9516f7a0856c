import { Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { formatDate } from '../../lib/format.ts';
import { blankToNull, useFormErrors } from '../../lib/forms.ts';
import { useOwnerOptions } from '../users/api.ts';
import { useAddAction, useUpdateAction, type EngagementExitT, type ExitActionT } from './api.ts';

/** The gaps to close before an exit could run: from drills, or added by hand (an audit, a lost admin account). */
export function ActionsSection({ data, canWrite }: { data: EngagementExitT; canWrite: boolean }) {
  const [editing, setEditing] = useState<ExitActionT | 'new' | null>(null);
  const update = useUpdateAction();
  const open = data.actions.filter((a) => a.status === 'open');
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="exit-actions">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={2} size="h4" id="exit-actions">
              Actions to close ({open.length} open)
            </Title>
            <Text size="sm" c="dimmed">
              Gaps a drill found, and any you add: each with an owner and a date, on the dashboard when it is due.
            </Text>
          </div>
          {canWrite && (
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              Add action
            </Button>
          )}
        </Group>
        {data.actions.length === 0 ? (
          <Text size="sm" c="dimmed">Nothing to close.</Text>
        ) : (
          <Table aria-labelledby="exit-actions" fz="sm" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Action</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Status</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.actions.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Text size="sm" fw={500} td={a.status === 'done' ? 'line-through' : undefined}>
                      {a.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[a.drillId ? 'From a drill' : 'Added by hand', a.detail].filter(Boolean).join(' — ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{a.owner?.name ?? <Text size="sm" c="dimmed">Nobody yet</Text>}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.dueOn ? formatDate(a.dueOn) : ''}</Table.Td>
                  <Table.Td>
                    {canWrite ? (
                      <Group gap="xs" wrap="nowrap" justify="flex-end">
                        <Button size="compact-sm" variant="subtle" onClick={() => setEditing(a)} aria-label={`Edit: ${a.title}`}>
                          Edit
                        </Button>
                        <Button size="compact-sm" variant={a.status === 'open' ? 'default' : 'subtle'} onClick={() => update.mutate({ id: a.id, body: { status: a.status === 'open' ? 'done' : 'open' } })} aria-label={`${a.status === 'open' ? 'Close' : 'Open again'}: ${a.title}`}>
                          {a.status === 'open' ? 'Close' : 'Open again'}
                        </Button>
                      </Group>
                    ) : (
                      <Badge variant="light">{a.status === 'open' ? 'Open' : 'Done'}</Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {editing && <ActionModal engagementId={data.engagement.id} action={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

const FIELDS = ['title', 'detail', 'dueOn', 'ownerUserId'] as const;

function ActionModal({ engagementId, action, onClose }: { engagementId: string; action: ExitActionT | null; onClose: () => void }) {
  const people = useOwnerOptions();
  const [title, setTitle] = useState(action?.title ?? '');
  const [detail, setDetail] = useState(action?.detail ?? '');
  const [dueOn, setDueOn] = useState(action?.dueOn ?? '');
  const [owner, setOwner] = useState<string | null>(action?.owner?.id ?? null);
  const form = useFormErrors(FIELDS);
  const add = useAddAction(engagementId);
  const update = useUpdateAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { title, detail: blankToNull(detail), dueOn: blankToNull(dueOn), ownerUserId: owner };
    if (action) update.mutate({ id: action.id, body }, { onSuccess: onClose, onError: form.fromError });
    else add.mutate(body, { onSuccess: onClose, onError: form.fromError });
  };
  return (
    <Modal opened onClose={onClose} title={action ? 'Edit the action' : 'Add an exit action'} size="lg">
      <form onSubmit={submit} noValidate aria-label="Exit action">
        <Stack gap="md">
          <FormErrorAlert error={form.general} title="The action was not saved" />
          <TextInput label="What to do" placeholder="Get the root password of the billing database back" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={form.errors.title} data-autofocus />
          <Textarea label="Details" autosize minRows={2} value={detail} onChange={(e) => setDetail(e.currentTarget.value)} error={form.errors.detail} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Owner" data={people.data ?? []} value={owner} onChange={setOwner} searchable clearable error={form.errors.ownerUserId} />
            <TextInput label="Due" type="date" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} error={form.errors.dueOn} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending || update.isPending}>
              {action ? 'Save' : 'Add action'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
