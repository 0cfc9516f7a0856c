import { Alert, Anchor, Button, Center, FileButton, Group, List, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { PortalFrame } from '../portal/PortalFrame.tsx';
import { portalFileUrl, usePortalDeliverable, usePortalSubmit, usePortalUploadFile } from './api.ts';
import { DeliverableStatusBadge } from './DeliverableCard.tsx';

/** One deliverable in the vendor's portal: what is asked, what happened, and handing it in (again). */
export function PortalDeliverablePage() {
  const { id = '' } = useParams();
  const me = useSession();
  const d = usePortalDeliverable(id);
  const upload = usePortalUploadFile(id);
  const submit = usePortalSubmit(id);
  const [note, setNote] = useState('');
  usePageTitle(d.data ? d.data.title : 'Deliverable');
  if (me.user.role !== 'vendor_contact') return <Navigate to="/" replace />;

  let body;
  if (d.isPending) {
    body = (
      <Center py="xl">
        <Loader aria-label="Loading deliverable" />
      </Center>
    );
  } else if (d.isError) {
    body = <QueryError error={d.error} onRetry={() => d.refetch()} what="the deliverable" />;
  } else {
    const x = d.data;
    const pending = x.pendingFiles;
    body = (
      <Stack gap="lg">
        <Anchor component={Link} to="/portal" size="sm">
          ← Back to the portal
        </Anchor>
        <Stack gap={6}>
          <Text size="sm" c="dimmed">
            {x.engagementName}
            {x.milestoneName ? ` · milestone ${x.milestoneName}` : ''}
          </Text>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {x.title}
          </Title>
          <Group gap={6}>
            <DeliverableStatusBadge status={x.status} />
          </Group>
          <Text c={x.lateness.late ? 'red' : 'dimmed'}>{x.lateness.words}</Text>
          {x.description && <Text>{x.description}</Text>}
        </Stack>
        {x.criteria.length > 0 && (
          <Paper withBorder radius="md" p="md">
            <Title order={2} size="h5" mb="xs">
              Acceptance criteria
            </Title>
            <List spacing={4}>
              {x.criteria.map((c, i) => (
                <List.Item key={i}>
                  {c.text}
                  {c.met === true ? ' — met' : c.met === false ? ' — not met' : ''}
                </List.Item>
              ))}
            </List>
          </Paper>
        )}
        {x.status === 'rejected' && x.rejectionReason && (
          <Alert color="red" title="Rejected — please hand it in again">
            {x.rejectionReason}
          </Alert>
        )}
        {x.canSubmit && (
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="hand-in">
            <Stack gap="sm">
              <Title order={2} size="h5" id="hand-in">
                {x.status === 'rejected' ? 'Hand in again' : 'Hand in'}
              </Title>
              <Textarea label="Note" autosize minRows={3} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
              <Group gap="xs">
                <FileButton onChange={(f) => f && upload.mutate(f)} accept="application/pdf,image/png,image/jpeg,.docx,.xlsx,.pptx">
                  {(props) => (
                    <Button variant="default" loading={upload.isPending} {...props}>
                      Add a file
                    </Button>
                  )}
                </FileButton>
                <Text size="sm" c="dimmed">
                  PDF, image or Office document.
                </Text>
              </Group>
              {pending.length > 0 && (
                <List size="sm" aria-label="Files to hand in">
                  {pending.map((f) => (
                    <List.Item key={f.id}>{f.fileName}</List.Item>
                  ))}
                </List>
              )}
              {upload.error && <Alert color="red">{upload.error.message}</Alert>}
              {submit.error && <Alert color="red">{submit.error.message}</Alert>}
              <Group>
                <Button
                  loading={submit.isPending}
                  disabled={!note.trim() && pending.length === 0}
                  onClick={() => submit.mutate({ note: note.trim() || null, fileIds: pending.map((f) => f.id) }, { onSuccess: () => setNote('') })}
                >
                  Submit deliverable
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
        {x.submissions.length > 0 && (
          <Stack gap="xs" component="section" aria-labelledby="history">
            <Title order={2} size="h5" id="history">
              What you handed in
            </Title>
            {x.submissions.map((s) => (
              <Paper key={s.id} withBorder radius="md" p="sm">
                <Text size="sm">
                  {formatDateTime(s.submittedAt)}
                  {s.submittedByName ? ` by ${s.submittedByName}` : ''}
                  {s.note ? `: ${s.note}` : ''}
                </Text>
                {s.files.map((f) => (
                  <Anchor key={f.id} href={portalFileUrl(f.id)} size="sm" mr="sm">
                    {f.fileName}
                  </Anchor>
                ))}
                {s.decision && (
                  <Text size="sm" c={s.decision === 'accepted' ? 'green' : 'red'}>
                    {s.decision === 'accepted' ? 'Accepted' : `Rejected: ${s.decisionReason ?? ''}`}
                  </Text>
                )}
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    );
  }
  return <PortalFrame me={me}>{body}</PortalFrame>;
}
