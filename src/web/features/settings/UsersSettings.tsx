import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { ROLE_LABELS } from '../../../shared/contracts/auth.ts';
import { assignableRoles, roleCan } from '../../../shared/permissions.ts';
import type { UserT } from '../../api/types.ts';
import { DataTable, type Column } from '../../components/list/DataTable.tsx';
import { ListSection, ListView } from '../../components/list/ListView.tsx';
import { formatDate, isEmailLocalPart, personName } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useUserList } from '../users/api.ts';
import { useVendorOptions } from '../vendors/api.ts';
import { EditUserModal } from './EditUserModal.tsx';
import { InvitationsSection } from './InvitationsSection.tsx';
import { InviteUserModal } from './InviteUserModal.tsx';

interface Ctx {
  meId: string;
  canManage: boolean;
  assignable: string[];
  vendorNames: Map<string, string>;
  onEdit: (u: UserT) => void;
}

function userColumns({ meId, canManage, assignable, vendorNames, onEdit }: Ctx): Column<UserT>[] {
  return [
    {
      key: 'name',
      header: 'Name',
      fit: true,
      cell: (u) => (
        <Group gap={6} wrap="nowrap">
          {isEmailLocalPart(u.name, u.email) ? (
            <Text size="sm" c="dimmed">
              {u.role === 'vendor_contact' ? 'Vendor contact' : 'No name yet'}
            </Text>
          ) : (
            <Text size="sm" fw={500}>
              {u.name}
            </Text>
          )}
          {u.id === meId && (
            <Badge size="xs" variant="light">
              You
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'email', header: 'Email', fit: true, cell: (u) => <Text size="sm">{u.email}</Text> },
    {
      key: 'role',
      header: 'Role',
      cell: (u) => (
        <Text size="sm">
          {ROLE_LABELS[u.role]}
          {u.role === 'vendor_contact' && u.vendorId ? ` · ${vendorNames.get(u.vendorId) ?? 'vendor'}` : ''}
        </Text>
      ),
    },
    {
      key: 'status',
      header: 'Status',
      cell: (u) => (
        <Badge variant="light" color={u.disabled ? 'gray' : 'teal'}>
          {u.disabled ? 'Disabled' : 'Active'}
        </Badge>
      ),
    },
    {
      key: 'joined',
      header: 'Joined',
      cell: (u) => (
        <Text size="sm" c="dimmed">
          {formatDate(u.createdAt)}
        </Text>
      ),
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      align: 'right',
      hidden: !canManage,
      cell: (u) =>
        (assignable.includes(u.role) || u.id === meId) && (
          <Button size="compact-sm" variant="subtle" onClick={() => onEdit(u)} aria-label={`Edit ${personName(u)}`}>
            Edit
          </Button>
        ),
    },
  ];
}

export function UsersSettings() {
  usePageTitle('Users');
  const me = useSession();
  const canManage = roleCan(me.user.role, 'user.manage');
  const users = useUserList();
  const vendors = useVendorOptions();
  const [inviteOpen, invite] = useDisclosure(false);
  const [editing, setEditing] = useState<UserT | null>(null);
  const vendorNames = useMemo(() => new Map((vendors.data ?? []).map((v) => [v.value, v.label])), [vendors.data]);
  const columns = useMemo(
    () => userColumns({ meId: me.user.id, canManage, assignable: assignableRoles(me.user.role), vendorNames, onEdit: setEditing }),
    [me.user.id, me.user.role, canManage, vendorNames],
  );

  return (
    <Stack gap="xl">
      <ListSection
        id="users-heading"
        title="Users"
        hint={canManage ? 'People with access to your organisation and what each may do.' : 'People with access to your organisation. Only owners and admins can change them.'}
        actions={
          canManage && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={invite.open}>
              Invite user
            </Button>
          )
        }
      >
        <ListView list={users} variant="section" noun={{ one: 'user', many: 'users' }} empty="No users yet.">
          {(items) => <DataTable rows={items} rowKey={(u) => u.id} columns={columns} minWidth={680} label="Users" />}
        </ListView>
      </ListSection>
      {canManage && <InvitationsSection />}
      {canManage && <InviteUserModal opened={inviteOpen} onClose={invite.close} actorRole={me.user.role} />}
      <EditUserModal user={editing} actorRole={me.user.role} isSelf={editing?.id === me.user.id} onClose={() => setEditing(null)} />
    </Stack>
  );
}
