import { Alert, Anchor, Button, Group, List, Modal, Paper, SimpleGrid, Skeleton, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { RAISED_BY_LABELS } from '../../../shared/contracts/change-requests.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { AuditHistory } from '../audit/AuditHistory.tsx';
import { useSession } from '../auth/api.ts';
import { useChangeRequest, useChangeStep, type ChangeRequestT } from './change-api.ts';
import { ClientChangeRequestModal } from './ChangeRequestFormModal.tsx';
import { ChangeStatusBadge, costInWords, scheduleInWords } from './ChangeRequestSection.tsx';
import { money } from './money.tsx';

type Dialog = 'approve' | 'reject' | 'implemented' | null;

/** A change request: its scope, cost and schedule impact, what it touches; review, approve (amending budget and contract), reject, mark implemented. */
export function ChangeRequestPage() {
  const { id = '' } = useParams();
  const cr = useChangeRequest(id);
  usePageTitle(cr.data ? cr.data.title : 'Change request');
  if (cr.isPending) return <Skeleton h={320} radius="md" />;
  if (cr.isError) return <QueryError error={cr.error} onRetry={() => cr.refetch()} what="the change request" />;
  return <ChangeView cr={cr.data} />;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

function ChangeView({ cr }: { cr: ChangeRequestT }) {
  const me = useSession();
  const step = useChangeStep(cr.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [editing, setEditing] = useState(false);
  const canWrite = roleCan(me.user.role, 'cost.write');
  const undecided = cr.status === 'proposed' || cr.status === 'under_review';
  const review = () => step.mutate({ step: 'review', body: {} }, { onError: (e) => notifications.show({ color: 'red', title: 'Not done', message: e.message }) });
  return (
    <>
      <PageHeader
        title={cr.title}
        description={`Change request · ${cr.vendorName} · ${cr.engagementName}`}
        crumbs={[{ label: cr.engagementName, to: `/engagements/${cr.engagementId}/costs` }, { label: cr.title }]}
        badges={<ChangeStatusBadge status={cr.status} />}
        actions={
          canWrite && (
            <Group gap="xs">
              {undecided && (
                <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                  Edit…
                </Button>
              )}
              {cr.status === 'proposed' && (
                <Button variant="light" loading={step.isPending} onClick={review}>
                  Start review
                </Button>
              )}
              {undecided && <Button onClick={() => setDialog('approve')}>Approve…</Button>}
              {undecided && (
                <Button color="red" variant="light" onClick={() => setDialog('reject')}>
                  Reject…
                </Button>
              )}
              {cr.status === 'approved' && <Button onClick={() => setDialog('implemented')}>Mark implemented…</Button>}
            </Group>
          )
        }
      />
      <Stack gap="lg">
        {cr.status === 'rejected' && cr.decisionNote && (
          <Alert color="red" variant="light" title="Rejected">
            {cr.decisionNote}
            {cr.decidedByName && cr.decidedOn ? ` — ${cr.decidedByName}, ${formatDate(cr.decidedOn)}` : ''}
          </Alert>
        )}
        {cr.status === 'withdrawn' && (
          <Alert color="gray" variant="light" title={`Withdrawn by ${cr.raisedByName ?? 'the vendor'}`}>
            {cr.decisionNote ?? 'No reason given.'}
          </Alert>
        )}
        {(cr.status === 'approved' || cr.status === 'implemented') && (
          <Alert color="teal" variant="light" title={`Approved${cr.decidedByName ? ` by ${cr.decidedByName}` : ''}${cr.decidedOn ? ` on ${formatDate(cr.decidedOn)}` : ''}`}>
            <Stack gap={4}>
              {cr.decisionNote && <Text size="sm">{cr.decisionNote}</Text>}
              <List size="sm">
                {cr.amendments.map((a) => (
                  <List.Item key={a}>{a}</List.Item>
                ))}
              </List>
              {cr.implementedOn && <Text size="sm">Implemented on {formatDate(cr.implementedOn)}.</Text>}
            </Stack>
          </Alert>
        )}
        <Paper withBorder radius="md" p="lg">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Fact label="Raised by">
              {/* A person's name may carry its own brackets ("Arjun Mehta (Kestrel)"): no brackets around it. */}
              {RAISED_BY_LABELS[cr.raisedBy]}
              {cr.raisedByName ? ` · ${cr.raisedByName}` : ''} · {formatDate(cr.createdAt.slice(0, 10))}
            </Fact>
            <Fact label="Cost">{costInWords(cr)}</Fact>
            {cr.totalMinor < 0 ? <Fact label="Whole saving (scope removed)">{money(-cr.totalMinor, cr.currency)}</Fact> : <Fact label="Whole cost">{money(cr.totalMinor, cr.currency)}</Fact>}
            <Fact label="Schedule">{scheduleInWords(cr.scheduleDays)}</Fact>
            <Fact label="Contract it amends">{cr.contractId ? <Anchor component={Link} to={`/contracts/${cr.contractId}`}>{cr.contractTitle}</Anchor> : 'None named'}</Fact>
            <Fact label="Deliverables affected">{cr.deliverables.map((d) => d.name).join(', ') || 'None'}</Fact>
            <Fact label="Milestones affected">{cr.milestones.map((m) => m.name).join(', ') || 'None'}</Fact>
          </SimpleGrid>
        </Paper>
        <Paper withBorder radius="md" p="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              Reason
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {cr.reason}
            </Text>
            <Title order={2} size="h4">
              Scope of the change
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {cr.scope}
            </Text>
            {cr.internalNote && (
              <Alert variant="light" color="gray" title="Internal note (never shown to the vendor)">
                {cr.internalNote}
              </Alert>
            )}
          </Stack>
        </Paper>
        {roleCan(me.user.role, 'audit.read') && <AuditHistory objectId={cr.id} title="History of this change request" />}
      </Stack>
      {dialog && <StepDialog cr={cr} dialog={dialog} onClose={() => setDialog(null)} />}
      {editing && <ClientChangeRequestModal engagementId={cr.engagementId} vendorName={cr.vendorName} editing={cr} onClose={() => setEditing(false)} />}
    </>
  );
}

function StepDialog({ cr, dialog, onClose }: { cr: ChangeRequestT; dialog: NonNullable<Dialog>; onClose: () => void }) {
  const step = useChangeStep(cr.id);
  const [text, setText] = useState('');
  const [on, setOn] = useState(new Date().toISOString().slice(0, 10));
  const title = dialog === 'approve' ? `Approve "${cr.title}"` : dialog === 'reject' ? `Reject "${cr.title}"` : `Mark "${cr.title}" implemented`;
  const send = () => {
    const req = dialog === 'approve' ? { step: 'approve' as const, body: { note: text.trim() || null } } : dialog === 'reject' ? { step: 'reject' as const, body: { reason: text } } : { step: 'implemented' as const, body: { implementedOn: on } };
    step.mutate(req, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        {dialog === 'approve' && (
          <Text size="sm">
            Approving adds {money(cr.totalMinor, cr.currency)} to the engagement's budget for this fiscal year (what falls in it) and {cr.contractTitle ? `to the value of "${cr.contractTitle}"` : 'to no contract (none is named)'}, each kept in the history.
          </Text>
        )}
        {dialog === 'implemented' ? (
          <TextInput type="date" label="Implemented on" value={on} onChange={(e) => setOn(e.currentTarget.value)} />
        ) : (
          <Textarea
            label={dialog === 'reject' ? 'Why it is rejected' : 'Note (optional)'}
            description={dialog === 'reject' ? 'The vendor reads this in the portal.' : undefined}
            required={dialog === 'reject'}
            autosize
            minRows={3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
        )}
        {step.error && <Alert color="red">{step.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color={dialog === 'reject' ? 'red' : undefined} disabled={dialog === 'reject' && !text.trim()} loading={step.isPending} onClick={send}>
            {dialog === 'approve' ? 'Approve change' : dialog === 'reject' ? 'Reject change' : 'Mark implemented'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
