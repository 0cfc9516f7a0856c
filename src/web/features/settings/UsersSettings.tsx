import { Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { ROLE_LABELS } from '../../../shared/contracts/auth.ts';
import { assignableRoles, roleCan } from '../../../shared/permissions.ts';
import type { UserT } from '../../api/types.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useUserList } from '../users/api.ts';
import { useVendorOptions } from '../vendors/api.ts';
import { EditUserModal } from './EditUserModal.tsx';
import { InvitationsSection } from './InvitationsSection.tsx';
import { InviteUserModal } from './InviteUserModal.tsx';

export function UsersSettings() {
  usePageTitle('Users');
  const me = useSession();
  const canManage = roleCan(me.user.role, 'user.manage');
  const users = useUserList();
  const vendors = useVendorOptions();
  const [inviteOpen, invite] = useDisclosure(false);
  const [editing, setEditing] = useState<UserT | null>(null);
  const vendorNames = useMemo(() => new Map((vendors.data ?? []).map((v) => [v.value, v.label])), [vendors.data]);
  const items = users.data?.pages.flatMap((p) => p.items) ?? [];
  const assignable = assignableRoles(me.user.role);

  return (
    <Stack gap="xl">
      <Stack gap="sm" component="section" aria-labelledby="users-heading">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2} size="h4" id="users-heading">
              Users
            </Title>
            <Text size="sm" c="dimmed">
              {canManage ? 'People with access to your organisation and what each may do.' : 'People with access to your organisation. Only owners and admins can change them.'}
            </Text>
          </div>
          {canManage && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={invite.open}>
              Invite user
            </Button>
          )}
        </Group>
        {users.isPending ? (
          <Skeleton h={120} radius="md" />
        ) : users.isError ? (
          <QueryError error={users.error} onRetry={() => users.refetch()} what="users" />
        ) : (
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <Table.ScrollContainer minWidth={680}>
              <Table verticalSpacing="sm" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Email</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Joined</Table.Th>
                    {canManage && (
                      <Table.Th>
                        <span className="visually-hidden">Actions</span>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((u) => {
                    const isSelf = u.id === me.user.id;
                    const editable = canManage && (assignable.includes(u.role) || isSelf);
                    return (
                      <Table.Tr key={u.id}>
                        <Table.Td className="fit-cell">
                          <Group gap={6} wrap="nowrap">
                            <Text size="sm" fw={500}>
                              {u.name}
                            </Text>
                            {isSelf && (
                              <Badge size="xs" variant="light">
                                You
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td className="fit-cell">
                          <Text size="sm">{u.email}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {ROLE_LABELS[u.role]}
                            {u.role === 'vendor_contact' && u.vendorId ? ` · ${vendorNames.get(u.vendorId) ?? 'vendor'}` : ''}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={u.disabled ? 'gray' : 'teal'}>
                            {u.disabled ? 'Disabled' : 'Active'}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c="dimmed">
                            {formatDate(u.createdAt)}
                          </Text>
                        </Table.Td>
                        {canManage && (
                          <Table.Td ta="right">
                            {editable && (
                              <Button size="compact-sm" variant="subtle" onClick={() => setEditing(u)} aria-label={`Edit ${u.name}`}>
                                Edit
                              </Button>
                            )}
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
        <LoadMore hasMore={!!users.hasNextPage} loading={users.isFetchingNextPage} onLoad={() => users.fetchNextPage()} shown={items.length} noun="users" pages={users.data?.pages.length} />
      </Stack>
      {canManage && <InvitationsSection />}
      {canManage && <InviteUserModal opened={inviteOpen} onClose={invite.close} actorRole={me.user.role} />}
      <EditUserModal user={editing} actorRole={me.user.role} isSelf={editing?.id === me.user.id} onClose={() => setEditing(null)} />
    </Stack>
  );
}
