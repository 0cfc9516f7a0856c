import { Alert, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { formatDate } from '../../lib/format.ts';
import { usePortalChangeRequests, type PortalChangeRequestT } from './change-api.ts';
import { PortalChangeRequestModal } from './ChangeRequestFormModal.tsx';
import { ChangeStatusBadge, costInWords, scheduleInWords } from './ChangeRequestSection.tsx';

function Row({ c }: { c: PortalChangeRequestT }) {
  return (
    <Paper withBorder radius="md" p="md" component="li" aria-label={c.title}>
      <Stack gap={4}>
        <Group justify="space-between" gap="sm">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {c.title}
          </Text>
          <ChangeStatusBadge status={c.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {c.engagementName} · {c.raisedBy === 'vendor' ? 'raised by you' : 'raised by the client'}, {formatDate(c.createdAt.slice(0, 10))}
        </Text>
        <Text size="sm">
          {costInWords(c)} · schedule: {scheduleInWords(c.scheduleDays).toLowerCase()}
        </Text>
        {c.status === 'rejected' && c.decisionNote && (
          <Alert color="red" variant="light" p="xs">
            Rejected{c.decidedOn ? ` on ${formatDate(c.decidedOn)}` : ''}: {c.decisionNote}
          </Alert>
        )}
        {(c.status === 'approved' || c.status === 'implemented') && (
          <Text size="sm" c="teal">
            Approved{c.decidedOn ? ` on ${formatDate(c.decidedOn)}` : ''}
            {c.implementedOn ? `, implemented on ${formatDate(c.implementedOn)}` : ''}.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The vendor's change requests in the portal: raise one, follow each to its decision. */
export function PortalChangeRequestsSection() {
  const list = usePortalChangeRequests();
  const [open, dialog] = useDisclosure(false);
  return (
    <Stack gap="sm" component="section" aria-labelledby="portal-changes">
      <Group justify="space-between">
        <Title order={2} size="h4" id="portal-changes">
          Change requests
        </Title>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={dialog.open}>
          Raise a change request
        </Button>
      </Group>
      {list.data && list.data.length > 0 ? (
        <Box component="ul" className="bare-list">
          <Stack gap="sm">
            {list.data.map((c) => (
              <Row key={c.id} c={c} />
            ))}
          </Stack>
        </Box>
      ) : (
        <Text size="sm" c="dimmed">
          {list.isPending ? 'Loading…' : 'When work beyond the agreed scope is needed, raise a change request with its cost and schedule impact; the client decides.'}
        </Text>
      )}
      {open && <PortalChangeRequestModal onClose={dialog.close} />}
    </Stack>
  );
}
