import { Alert, Anchor, Badge, Button, Checkbox, Group, List, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { DELIVERABLE_STATUS_LABELS } from '../../../shared/contracts/deliverables.ts';
import { formatDateTime } from '../../lib/format.ts';
import { fileUrl, useAccept, useDeliverableDetail, useDeliverableStatus, useReject, type DeliverableListItemT, type DeliverableT } from './api.ts';

const STATUS_COLOR: Record<string, string> = { planned: 'gray', in_progress: 'blue', submitted: 'violet', accepted: 'green', rejected: 'red' };

export function DeliverableStatusBadge({ status }: { status: DeliverableT['status'] }) {
  return (
    <Badge variant="light" color={STATUS_COLOR[status]}>
      {DELIVERABLE_STATUS_LABELS[status]}
    </Badge>
  );
}

function AcceptModal({ d, onClose }: { d: DeliverableListItemT; onClose: () => void }) {
  const [ticks, setTicks] = useState<boolean[]>(d.criteria.map(() => false));
  const accept = useAccept();
  const all = ticks.every(Boolean);
  return (
    <Modal opened onClose={onClose} title={`Accept "${d.title}"`}>
      <Stack>
        <Text size="sm">{d.criteria.length ? 'Tick each acceptance criterion you checked. All must be met to accept; otherwise reject it with a reason.' : 'This deliverable has no acceptance criteria.'}</Text>
        {d.criteria.map((c, i) => (
          <Checkbox key={i} label={c.text} checked={ticks[i]} onChange={(e) => {
              const checked = e.currentTarget.checked;
              setTicks((t) => t.map((v, j) => (j === i ? checked : v)));
            }} />
        ))}
        {accept.error && <Alert color="red">{accept.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={!all} loading={accept.isPending} onClick={() => accept.mutate({ id: d.id, criteriaMet: ticks }, { onSuccess: onClose })}>
            Accept deliverable
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RejectModal({ d, onClose }: { d: DeliverableListItemT; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [ticks, setTicks] = useState<boolean[]>(d.criteria.map(() => false));
  const reject = useReject();
  return (
    <Modal opened onClose={onClose} title={`Reject "${d.title}"`}>
      <Stack>
        <Textarea label="Why it is rejected" description="The vendor sees this reason in its portal." required autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        {d.criteria.length > 0 && <Text size="sm">Tick the criteria that are met:</Text>}
        {d.criteria.map((c, i) => (
          <Checkbox key={i} label={c.text} checked={ticks[i]} onChange={(e) => {
              const checked = e.currentTarget.checked;
              setTicks((t) => t.map((v, j) => (j === i ? checked : v)));
            }} />
        ))}
        {reject.error && <Alert color="red">{reject.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" disabled={!reason.trim()} loading={reject.isPending} onClick={() => reject.mutate({ id: d.id, reason, criteriaMet: d.criteria.length ? ticks : undefined }, { onSuccess: onClose })}>
            Reject deliverable
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function DeliverableCard({ d, canDecide, onEdit }: { d: DeliverableListItemT; canDecide: boolean; onEdit?: () => void }) {
  const [open, setOpen] = useState<'accept' | 'reject' | null>(null);
  const status = useDeliverableStatus();
  const editable = d.status === 'planned' || d.status === 'in_progress';
  const detail = useDeliverableDetail(d.id, d.submissionCount > 0);
  const submissions: DeliverableT['submissions'] = detail.data?.submissions ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="li" aria-label={d.title}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {d.title}
          </Text>
          <Group gap={6}>
            <DeliverableStatusBadge status={d.status} />
            {d.lateness.late && (
              <Badge color="red" variant="filled">
                Late
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm" c={d.lateness.late ? 'red' : 'dimmed'}>
          {d.lateness.words}
        </Text>
        {d.description && <Text size="sm">{d.description}</Text>}
        {d.criteria.length > 0 && (
          <List size="sm" spacing={2} aria-label="Acceptance criteria">
            {d.criteria.map((c, i) => (
              <List.Item key={i}>
                {c.text}
                {c.met === true ? ' — met' : c.met === false ? ' — not met' : ''}
              </List.Item>
            ))}
          </List>
        )}
        {d.status === 'rejected' && d.rejectionReason && (
          <Alert color="red" variant="light" title="Rejected">
            {d.rejectionReason}
          </Alert>
        )}
        {d.decidedByName && d.decidedAt && (
          <Text size="xs" c="dimmed">
            {d.status === 'accepted' ? 'Accepted' : 'Decided'} by {d.decidedByName}, {formatDateTime(d.decidedAt)}
          </Text>
        )}
        {submissions.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              Submissions
            </Text>
            {submissions.map((s) => (
              <Text size="sm" key={s.id}>
                {s.round === 1 ? 'Handed in' : `Handed in again (${s.round})`} {formatDateTime(s.submittedAt)}
                {s.submittedByName ? ` by ${s.submittedByName}` : ''}
                {s.note ? `: ${s.note}` : ''}
                {s.files.map((f) => (
                  <span key={f.id}>
                    {' · '}
                    <Anchor href={fileUrl(f.id)}>{f.fileName}</Anchor>
                  </span>
                ))}
                {s.decision ? ` — ${s.decision === 'accepted' ? 'accepted' : `rejected: ${s.decisionReason ?? ''}`}` : ''}
              </Text>
            ))}
          </Stack>
        )}
        {d.internalNote && (
          <Text size="xs" c="dimmed">
            Internal note: {d.internalNote}
          </Text>
        )}
        {canDecide && d.status === 'submitted' && (
          <Group gap="xs">
            <Button size="xs" onClick={() => setOpen('accept')}>
              Accept…
            </Button>
            <Button size="xs" color="red" variant="light" onClick={() => setOpen('reject')}>
              Reject…
            </Button>
          </Group>
        )}
        {canDecide && editable && (
          <Group gap="xs">
            {onEdit && (
              <Button size="xs" variant="light" onClick={onEdit} aria-label={`Edit deliverable ${d.title}`}>
                Edit…
              </Button>
            )}
            {d.status === 'planned' && (
              <Button size="xs" variant="default" loading={status.isPending} onClick={() => status.mutate({ id: d.id, status: 'in_progress' })}>
                Mark in progress
              </Button>
            )}
            {d.status === 'in_progress' && (
              <Button size="xs" variant="subtle" loading={status.isPending} onClick={() => status.mutate({ id: d.id, status: 'planned' })}>
                Back to planned
              </Button>
            )}
          </Group>
        )}
        {status.error && (
          <Alert color="red" variant="light">
            {status.error.message}
          </Alert>
        )}
      </Stack>
      {open === 'accept' && <AcceptModal d={d} onClose={() => setOpen(null)} />}
      {open === 'reject' && <RejectModal d={d} onClose={() => setOpen(null)} />}
    </Paper>
  );
}

