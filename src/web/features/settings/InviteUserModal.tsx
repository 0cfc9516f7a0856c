import { Button, Group, Modal, Select, Stack, Text, TextInput, type SelectProps } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ROLE_LABELS, type Role } from '../../../shared/contracts/auth.ts';
import { InvitationCreate } from '../../../shared/contracts/users.ts';
import { assignableRoles } from '../../../shared/permissions.ts';
import type { InvitationCreatedT } from '../../api/types.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { SecretReveal } from '../../components/SecretReveal.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useVendorOptions } from '../vendors/api.ts';
import { useCreateInvitation } from './api.ts';

const FIELDS = ['email', 'role', 'vendorId'] as const;
const MESSAGES = { role: 'Choose a role', vendorId: 'A vendor contact needs a vendor' };

export const ROLE_HINTS: Record<Role, string> = {
  owner: 'Everything, including making other owners',
  admin: 'Everything except making owners',
  manager: 'Manages vendors and engagements',
  analyst: 'Reads everything, changes nothing',
  auditor: 'Reads everything and the audit trail',
  vendor_contact: 'External: only their own vendor portal',
};

export function roleOptions(roles: Role[]) {
  return roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
}

/** Each role in the dropdown with one line on what it may do. */
export const renderRoleOption: SelectProps['renderOption'] = ({ option }) => (
  <div>
    <Text size="sm">{option.label}</Text>
    <Text size="xs" c="dimmed">
      {ROLE_HINTS[option.value as Role]}
    </Text>
  </div>
);

function InviteForm({ actorRole, onClose }: { actorRole: Role; onClose: () => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string | null>('analyst');
  const [vendorId, setVendorId] = useState<string | null>(null);
  const [created, setCreated] = useState<InvitationCreatedT | null>(null);
  const form = useFormErrors(FIELDS);
  const create = useCreateInvitation();
  const vendors = useVendorOptions(role === 'vendor_contact');

  if (created) {
    return (
      <Stack>
        <Text size="sm">
          Send this link to <strong>{created.email}</strong>. It works once and expires {formatDateTime(created.expiresAt)}.
        </Text>
        <SecretReveal label="Invitation link" value={created.link} note="Copy the link now: Outsight stores only a fingerprint of it and cannot show it again." />
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(
      InvitationCreate,
      { email, role, vendorId: role === 'vendor_contact' ? vendorId : null },
      MESSAGES,
    );
    if (!input) return;
    create.mutate(input, { onSuccess: setCreated, onError: form.fromError });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Invite a user">
      <Stack>
        <FormErrorAlert error={form.general} title="The invitation was not created" />
        <TextInput
          label="Email"
          type="email"
          required
          value={email}
          onChange={(e) => {
            setEmail(e.currentTarget.value);
            form.clearField('email');
          }}
          error={form.errors.email}
          data-autofocus
        />
        <Select
          label="Role"
          required
          data={roleOptions(assignableRoles(actorRole))}
          renderOption={renderRoleOption}
          description={role ? ROLE_HINTS[role as Role] : undefined}
          value={role}
          onChange={(v) => {
            setRole(v);
            form.clearField('role');
          }}
          allowDeselect={false}
          error={form.errors.role}
        />
        {role === 'vendor_contact' && (
          <Select
            label="Vendor"
            description="A vendor contact sees only this vendor's portal"
            required
            placeholder={vendors.isPending ? 'Loading vendors…' : 'Choose a vendor'}
            data={vendors.data ?? []}
            searchable
            value={vendorId}
            onChange={(v) => {
              setVendorId(v);
              form.clearField('vendorId');
            }}
            error={form.errors.vendorId}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Invite someone by e-mail address; the one-time link is shown once, to copy. */
export function InviteUserModal({ opened, onClose, actorRole }: { opened: boolean; onClose: () => void; actorRole: Role }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Invite a user" size="md">
      {opened && <InviteForm actorRole={actorRole} onClose={onClose} />}
    </Modal>
  );
}
