import { Badge, Button, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../shared/contracts/auth.ts';
import { errorMessage } from '../../api/client.ts';
import type { InvitationT } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { useInvitations, useRevokeInvitation } from './api.ts';

/** Invitations not yet accepted, with a way to revoke them. */
export function InvitationsSection() {
  const invitations = useInvitations(true);
  const revoke = useRevokeInvitation();
  const [target, setTarget] = useState<InvitationT | null>(null);
  const pending = (invitations.data?.items ?? []).filter((i) => !i.acceptedAt);

  const doRevoke = () =>
    target &&
    revoke.mutate(target.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', title: 'Invitation revoked', message: target.email });
        setTarget(null);
      },
      onError: (e) => notifications.show({ color: 'red', title: 'Could not revoke', message: errorMessage(e) }),
    });

  return (
    <Stack gap="sm" component="section" aria-labelledby="pending-invitations">
      <Title order={2} size="h4" id="pending-invitations">
        Pending invitations
      </Title>
      {invitations.isPending ? (
        <Skeleton h={60} radius="md" />
      ) : invitations.isError ? (
        <QueryError error={invitations.error} onRetry={() => invitations.refetch()} what="invitations" />
      ) : pending.length === 0 ? (
        <Paper withBorder radius="md" p="md">
          <Text size="sm" c="dimmed">
            No pending invitations. Invite colleagues, auditors or vendor contacts with "Invite user".
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pending.map((i) => {
                  const expired = new Date(i.expiresAt).getTime() < Date.now();
                  return (
                    <Table.Tr key={i.id}>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{i.email}</Table.Td>
                      <Table.Td>{ROLE_LABELS[i.role]}</Table.Td>
                      <Table.Td>
                        {expired ? (
                          <Badge color="gray" variant="light">
                            Expired
                          </Badge>
                        ) : (
                          <Text size="sm">
                            <TimeAgo value={i.expiresAt} />
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setTarget(i)} aria-label={`Revoke invitation for ${i.email}`}>
                          Revoke
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <ConfirmDialog
        opened={!!target}
        title="Revoke invitation?"
        confirmLabel="Revoke invitation"
        loading={revoke.isPending}
        onConfirm={doRevoke}
        onClose={() => setTarget(null)}
      >
        The link sent to {target?.email} will stop working.
      </ConfirmDialog>
    </Stack>
  );
}
