import { Anchor, Badge, Box, Button, FileButton, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { portalStepFileUrl, useDeliverStep, usePortalExitSteps, useUploadStepFile, type PortalStepT } from './api.ts';

function StepCard({ s }: { s: PortalStepT }) {
  const [note, setNote] = useState('');
  const [open, setOpen] = useState(false);
  const deliver = useDeliverStep();
  const upload = useUploadStepFile();
  return (
    <Paper withBorder radius="md" p="md" component="li">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{s.title}</Text>
          <Badge variant="light" color={s.status === 'done' ? 'teal' : s.status === 'delivered' ? 'blue' : 'gray'}>
            {s.statusLabel}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {s.engagementName}
          {s.dueOn ? ` — due ${formatDate(s.dueOn)}` : ''}
        </Text>
        {s.evidence && <Text size="sm">What to hand over: {s.evidence}</Text>}
        {s.vendorNote && (
          <Text size="sm" c="blue">
            You handed in{s.deliveredAt ? ` on ${formatDateTime(s.deliveredAt)}` : ''}: {s.vendorNote}
          </Text>
        )}
        {s.files.length > 0 && (
          <Group gap="sm">
            <Text size="sm">Files:</Text>
            {s.files.map((f) => (
              <Anchor key={f.id} href={portalStepFileUrl(f.id)} size="sm">
                {f.fileName}
              </Anchor>
            ))}
          </Group>
        )}
        {s.canHandIn && (
          <Group gap="xs">
            <FileButton onChange={(file) => file && upload.mutate({ id: s.id, file })}>
              {(props) => (
                <Button {...props} variant="subtle" size="compact-sm" leftSection={<IconUpload size={14} />} loading={upload.isPending} aria-label={`Add a file to: ${s.title}`}>
                  Add a file
                </Button>
              )}
            </FileButton>
            {upload.error && (
              <Text size="sm" c="red">
                {upload.error.message}
              </Text>
            )}
          </Group>
        )}
        {s.canHandIn &&
          (open ? (
            <Stack gap="xs">
              <Textarea label="What you hand over and where" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={deliver.error?.message} />
              <Group>
                <Button loading={deliver.isPending} disabled={!note.trim()} onClick={() => deliver.mutate({ id: s.id, note }, { onSuccess: () => setOpen(false) })}>
                  Hand in
                </Button>
                <Button variant="default" onClick={() => setOpen(false)}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          ) : (
            <Button variant={s.status === 'open' ? 'filled' : 'default'} w="fit-content" onClick={() => setOpen(true)} aria-label={`Hand in: ${s.title}`}>
              {s.status === 'open' ? 'Hand in' : 'Hand in again'}
            </Button>
          ))}
      </Stack>
    </Paper>
  );
}

/** The portal's handover obligations of an exit the client started: documents, source, data export, deletion certificate. */
export function PortalExitStepsSection() {
  const list = usePortalExitSteps();
  if (list.isPending || list.isError || list.data.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="portal-exit">
      <Title order={2} size="h4" id="portal-exit">
        Handover
      </Title>
      <Text size="sm" c="dimmed">
        The service is moving on. These are the handover steps agreed in the exit plan; hand each in with a note of what you delivered and where.
      </Text>
      <Box component="ul" className="bare-list">
        <Stack gap="sm">
          {list.data.map((s) => (
            <StepCard key={s.id} s={s} />
          ))}
        </Stack>
      </Box>
    </Stack>
  );
}
