import { Badge, Box, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatDate } from '../../lib/format.ts';
import { usePortalActions, useVendorUpdateAction, type PortalActionT } from './api.ts';
import { ActionStatus } from './ActionsList.tsx';

function Row({ a }: { a: PortalActionT }) {
  const update = useVendorUpdateAction();
  const [note, setNote] = useState(a.vendorNote ?? '');
  const set = (status: 'open' | 'done') =>
    update.mutate({ id: a.id, status, vendorNote: note.trim() || null }, { onSuccess: () => notifications.show({ color: 'teal', title: status === 'done' ? 'Marked done' : 'Opened again', message: a.title }) });
  return (
    <Paper withBorder radius="md" p="md" component="li" aria-label={a.title}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Stack gap={4} style={{ minWidth: 0, flex: '1 1 220px' }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{a.title}</Text>
            <Group gap={6}>
              <ActionStatus a={a} />
              <Badge variant="outline">{a.engagementName}</Badge>
              <Text size="sm" c={a.overdue ? 'red' : 'dimmed'}>
                {a.ownerName ? `${a.ownerName}, ` : ''}due {formatDate(a.dueOn)}{a.doneOn ? `, done ${formatDate(a.doneOn)}` : ''}
              </Text>
            </Group>
          </Stack>
          {a.status === 'open' ? (
            <Button onClick={() => set('done')} loading={update.isPending} aria-label={`Mark done: ${a.title}`}>Mark done</Button>
          ) : a.status === 'done' ? (
            <Button variant="default" onClick={() => set('open')} loading={update.isPending}>Open again</Button>
          ) : null}
        </Group>
        {a.status === 'open' && <TextInput size="xs" aria-label={`Note for: ${a.title}`} placeholder="A note for the client (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} />}
        {a.status !== 'open' && a.vendorNote && <Text size="sm">Your note: {a.vendorNote}</Text>}
      </Stack>
    </Paper>
  );
}

/** The portal's list of the action items the vendor's side owns, to mark done. */
export function PortalActionsSection() {
  const list = usePortalActions();
  if (list.isPending || list.isError || list.items.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="portal-actions">
      <Title order={2} size="h4" id="portal-actions">Action items</Title>
      <Box component="ul" className="bare-list">
        <Stack gap="sm">
          {list.items.map((a) => <Row key={a.id} a={a} />)}
        </Stack>
      </Box>
    </Stack>
  );
}
