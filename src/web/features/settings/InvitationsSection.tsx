import { Badge, Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../shared/contracts/auth.ts';
import { errorMessage } from '../../api/client.ts';
import type { InvitationT } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataTable, type Column } from '../../components/list/DataTable.tsx';
import { ListSection, ListView } from '../../components/list/ListView.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { useInvitations, useRevokeInvitation } from './api.ts';

function columns(onRevoke: (i: InvitationT) => void): Column<InvitationT>[] {
  return [
    { key: 'email', header: 'Email', cell: (i) => <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{i.email}</Text> },
    { key: 'role', header: 'Role', cell: (i) => <Text size="sm">{ROLE_LABELS[i.role]}</Text> },
    {
      key: 'expires',
      header: 'Expires',
      cell: (i) =>
        new Date(i.expiresAt).getTime() < Date.now() ? (
          <Badge color="gray" variant="light">
            Expired
          </Badge>
        ) : (
          <Text size="sm">
            <TimeAgo value={i.expiresAt} />
          </Text>
        ),
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      align: 'right',
      cell: (i) => (
        <Button size="compact-sm" variant="subtle" color="red" onClick={() => onRevoke(i)} aria-label={`Revoke invitation for ${i.email}`}>
          Revoke
        </Button>
      ),
    },
  ];
}

/** Invitations not yet accepted, with a way to revoke them. */
export function InvitationsSection() {
  const invitations = useInvitations(true);
  const revoke = useRevokeInvitation();
  const [target, setTarget] = useState<InvitationT | null>(null);
  const [cols] = useState(() => columns(setTarget));

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
    <ListSection id="pending-invitations" title="Pending invitations">
      <ListView
        list={invitations}
        variant="section"
        noun={{ one: 'invitation', many: 'invitations' }}
        empty='No pending invitations. Invite colleagues, auditors or vendor contacts with "Invite user".'
      >
        {(items) => <DataTable rows={items.filter((i) => !i.acceptedAt)} rowKey={(i) => i.id} columns={cols} minWidth={560} label="Pending invitations" />}
      </ListView>
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
    </ListSection>
  );
}
