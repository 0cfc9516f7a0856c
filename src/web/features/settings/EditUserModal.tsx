import { Button, Group, Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Role } from '../../../shared/contracts/auth.ts';
import { UserUpdate } from '../../../shared/contracts/users.ts';
import { assignableRoles } from '../../../shared/permissions.ts';
import type { UserT } from '../../api/types.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useUpdateUser } from '../users/api.ts';
import { useVendorOptions } from '../vendors/api.ts';
import { ROLE_HINTS, renderRoleOption, roleOptions } from './InviteUserModal.tsx';

const FIELDS = ['name', 'role', 'vendorId', 'disabled'] as const;

function EditUserForm({ user, actorRole, isSelf, onClose }: { user: UserT; actorRole: Role; isSelf: boolean; onClose: () => void }) {
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [vendorId, setVendorId] = useState<string | null>(user.vendorId);
  const [disabled, setDisabled] = useState(user.disabled);
  const form = useFormErrors(FIELDS);
  const update = useUpdateUser();
  const vendors = useVendorOptions(role === 'vendor_contact');
  const roles = assignableRoles(actorRole);
  const choices = roles.includes(user.role) ? roles : [user.role, ...roles];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const patch: Record<string, unknown> = {};
    if (name.trim() !== user.name) patch.name = name.trim();
    if (role !== user.role) patch.role = role;
    const nextVendor = role === 'vendor_contact' ? vendorId : null;
    if (nextVendor !== user.vendorId) patch.vendorId = nextVendor;
    if (disabled !== user.disabled) patch.disabled = disabled;
    if (Object.keys(patch).length === 0) return onClose();
    const input = form.validate(UserUpdate, patch);
    if (!input) return;
    update.mutate(
      { id: user.id, patch: input },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', title: 'User saved', message: saved.name });
          onClose();
        },
        onError: form.fromError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Edit user">
      <Stack>
        <FormErrorAlert error={form.general} title="The user was not saved" />
        <TextInput label="Email" value={user.email} readOnly disabled />
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={form.errors.name} data-autofocus />
        <Select
          label="Role"
          data={roleOptions(choices)}
          renderOption={renderRoleOption}
          value={role}
          onChange={(v) => v && setRole(v as Role)}
          allowDeselect={false}
          error={form.errors.role}
          disabled={isSelf}
          description={isSelf ? 'You cannot change your own role' : ROLE_HINTS[role]}
        />
        {role === 'vendor_contact' && (
          <Select
            label="Vendor"
            required
            data={vendors.data ?? []}
            searchable
            value={vendorId}
            onChange={setVendorId}
            error={form.errors.vendorId}
          />
        )}
        <Switch
          label="Disabled"
          description="A disabled user cannot sign in or use API tokens"
          checked={disabled}
          onChange={(e) => setDisabled(e.currentTarget.checked)}
          disabled={isSelf}
          error={form.errors.disabled}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function EditUserModal({ user, actorRole, isSelf, onClose }: { user: UserT | null; actorRole: Role; isSelf: boolean; onClose: () => void }) {
  return (
    <Modal opened={!!user} onClose={onClose} title={user ? `Edit ${user.name}` : 'Edit user'}>
      {user && <EditUserForm key={user.id} user={user} actorRole={actorRole} isSelf={isSelf} onClose={onClose} />}
    </Modal>
  );
}
