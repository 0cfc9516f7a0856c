import { Button, Code, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ApiTokenCreate } from '../../../shared/contracts/users.ts';
import { errorMessage } from '../../api/client.ts';
import type { ApiTokenCreatedT, ApiTokenT } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { DataTable, type Column } from '../../components/list/DataTable.tsx';
import { ListSection, ListView } from '../../components/list/ListView.tsx';
import { SecretReveal } from '../../components/SecretReveal.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useCreateToken, useRevokeToken, useTokens } from './api.ts';

const EXPIRY = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never' },
];
const FIELDS = ['name', 'expiresInDays'] as const;

function CreateTokenForm({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState<string>('90');
  const [created, setCreated] = useState<ApiTokenCreatedT | null>(null);
  const form = useFormErrors(FIELDS);
  const create = useCreateToken();

  if (created) {
    return (
      <Stack>
        <SecretReveal
          label="API token"
          value={created.token}
          note="Copy the token now. You won't see it again: Outsight stores only a fingerprint of it."
        />
        <Text size="sm" c="dimmed">
          Send it as <Code>Authorization: Bearer &lt;token&gt;</Code>. It acts with your permissions.
        </Text>
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(ApiTokenCreate, { name, expiresInDays: expiry === 'never' ? null : Number(expiry) });
    if (!input) return;
    create.mutate(input, { onSuccess: setCreated, onError: form.fromError });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Create API token">
      <Stack>
        <FormErrorAlert error={form.general} title="The token was not created" />
        <TextInput
          label="Token name"
          description="What uses it, e.g. ticket import job"
          required
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            form.clearField('name');
          }}
          error={form.errors.name}
          data-autofocus
        />
        <Select label="Expires after" data={EXPIRY} value={expiry} onChange={(v) => setExpiry(v ?? '90')} allowDeselect={false} error={form.errors.expiresInDays} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function tokenColumns(onRevoke: (t: ApiTokenT) => void): Column<ApiTokenT>[] {
  return [
    {
      key: 'name',
      header: 'Name',
      cell: (t) => (
        <Text size="sm" fw={500}>
          {t.name}
        </Text>
      ),
    },
    // The prefix is what the person sees of the token they copied: it tells two tokens apart.
    { key: 'token', header: 'Token', cell: (t) => <Code>{t.prefix}…</Code> },
    { key: 'created', header: 'Created', cell: (t) => <Text size="sm">{formatDate(t.createdAt)}</Text> },
    {
      key: 'used',
      header: 'Last used',
      cell: (t) => (
        <Text size="sm" c="dimmed">
          {t.lastUsedAt ? <TimeAgo value={t.lastUsedAt} /> : 'Never'}
        </Text>
      ),
    },
    { key: 'expires', header: 'Expires', cell: (t) => <Text size="sm">{t.expiresAt ? formatDate(t.expiresAt) : 'Never'}</Text> },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      align: 'right',
      cell: (t) => (
        <Button size="compact-sm" variant="subtle" color="red" onClick={() => onRevoke(t)} aria-label={`Revoke token ${t.name}`}>
          Revoke
        </Button>
      ),
    },
  ];
}

export function TokensSettings() {
  usePageTitle('API tokens');
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [createOpen, createDialog] = useDisclosure(false);
  const [target, setTarget] = useState<ApiTokenT | null>(null);
  const [columns] = useState(() => tokenColumns(setTarget));

  const doRevoke = () =>
    target &&
    revoke.mutate(target.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', title: 'Token revoked', message: target.name });
        setTarget(null);
      },
      onError: (e) => notifications.show({ color: 'red', title: 'Could not revoke', message: errorMessage(e) }),
    });

  return (
    <ListSection
      id="tokens-heading"
      title="API tokens"
      hint="Personal tokens for scripts and the CLI. Each acts with your permissions."
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={createDialog.open}>
          Create token
        </Button>
      }
    >
      <ListView
        list={tokens}
        variant="section"
        noun={{ one: 'API token', many: 'API tokens' }}
        empty={{
          icon: <IconKey size={28} />,
          title: 'No API tokens',
          description: 'Create a token to use the REST API or the outsight CLI, for example to import tickets every night.',
        }}
      >
        {(items) => <DataTable rows={items} rowKey={(t) => t.id} columns={columns} minWidth={640} label="API tokens" />}
      </ListView>
      <Modal opened={createOpen} onClose={createDialog.close} title="Create API token">
        {createOpen && <CreateTokenForm onClose={createDialog.close} />}
      </Modal>
      <ConfirmDialog
        opened={!!target}
        title="Revoke token?"
        confirmLabel="Revoke token"
        loading={revoke.isPending}
        onConfirm={doRevoke}
        onClose={() => setTarget(null)}
      >
        Anything using “{target?.name}” will stop working immediately.
      </ConfirmDialog>
    </ListSection>
  );
}
