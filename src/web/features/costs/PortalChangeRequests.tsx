import { Alert, Box, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { formatDate } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { usePortalChangeRequests, useWithdrawChangeRequest, type PortalChangeRequestT } from './change-api.ts';
import { PortalChangeRequestModal } from './ChangeRequestFormModal.tsx';
import { ChangeStatusBadge, costInWords, scheduleInWords } from './ChangeRequestSection.tsx';

/** Withdraws the vendor's own change before the client decides; the reason is what the client reads. */
function WithdrawModal({ c, onClose }: { c: PortalChangeRequestT; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const withdraw = useWithdrawChangeRequest(c.id);
  const form = useFormErrors(['reason']);
  return (
    <Modal opened onClose={onClose} title={`Withdraw "${c.title}"?`}>
      <Stack gap="sm">
        <FormErrorAlert error={form.general} title="The change request was not withdrawn" />
        <Text size="sm">The client will no longer decide it. This cannot be undone; raise a new one if the need comes back.</Text>
        <Textarea label="Why (the client reads this)" autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={form.errors.reason} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep it
          </Button>
          <Button color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate({ reason: reason.trim() || null }, { onSuccess: onClose, onError: form.fromError })}>
            Withdraw
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Row({ c }: { c: PortalChangeRequestT }) {
  const [editing, edit] = useDisclosure(false);
  const [withdrawing, withdraw] = useDisclosure(false);
  const mine = c.raisedBy === 'vendor';
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
        {c.status === 'withdrawn' && (
          <Text size="sm" c="dimmed">
            You withdrew it{c.decisionNote ? `: ${c.decisionNote}` : '.'}
          </Text>
        )}
        {mine && (c.status === 'proposed' || c.status === 'under_review') && (
          <Group gap="xs">
            {c.status === 'proposed' && (
              <Button size="xs" variant="light" onClick={edit.open}>
                Correct
              </Button>
            )}
            <Button size="xs" variant="subtle" color="red" onClick={withdraw.open}>
              Withdraw
            </Button>
          </Group>
        )}
      </Stack>
      {editing && <PortalChangeRequestModal editing={c} onClose={edit.close} />}
      {withdrawing && <WithdrawModal c={c} onClose={withdraw.close} />}
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
