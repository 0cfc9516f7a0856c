import { Badge, Button, Checkbox, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ASSET_KIND_LABELS, ASSET_KINDS, HOLDER_LABELS, HOLDERS } from '../../../shared/contracts/exit.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { formatDate } from '../../lib/format.ts';
import { blankToNull, useFormErrors } from '../../lib/forms.ts';
import { useAddAccount, useAddAsset, useDeleteAsset, useRevokeAccount, useUpdateAccount, useUpdateAsset, useVerifyAsset, type AssetT, type EngagementExitT, type VendorAccountT } from './api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';

const KIND_OPTIONS = ASSET_KINDS.map((k) => ({ value: k, label: ASSET_KIND_LABELS[k] }));
const HOLDER_OPTIONS = HOLDERS.map((h) => ({ value: h, label: HOLDER_LABELS[h] }));

/** What the service depends on and who controls it; the vendor's accounts in our systems. */
export function AssetsSection({ data, canWrite }: { data: EngagementExitT; canWrite: boolean }) {
  const [adding, setAdding] = useState<'asset' | 'account' | null>(null);
  const [editing, setEditing] = useState<{ asset: AssetT } | { account: VendorAccountT } | null>(null);
  const verify = useVerifyAsset();
  const revoke = useRevokeAccount();
  const remove = useDeleteAsset();
  const [removing, setRemoving] = useState<AssetT | null>(null);
  const controlled = data.assets.filter((a) => a.controlled).length;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="exit-assets">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={2} size="h4" id="exit-assets">
              Assets and access
            </Title>
            <Text size="sm" c="dimmed">
              {data.assets.length === 0 ? 'Nothing recorded yet: source, pipelines, cloud accounts, domains, certificates, licences, documentation, vaults, data, monitoring.' : `${controlled} of ${data.assets.length} under our control with admin access verified within a year.`}
            </Text>
          </div>
          {canWrite && (
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdding('asset')}>
              Add asset
            </Button>
          )}
        </Group>
        {data.assets.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="Assets" verticalSpacing="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Asset</Table.Th>
                  <Table.Th>Who holds it</Table.Th>
                  <Table.Th>Our admin access</Table.Th>
                  <Table.Th>Where</Table.Th>
                  {canWrite && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.assets.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {a.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {a.kindLabel}
                        {a.notes ? ` — ${a.notes}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>{a.holderLabel}</Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <Badge color={a.controlled ? 'teal' : a.clientAdminAccess ? 'yellow' : 'red'} variant="light">
                          {a.clientAdminAccess ? 'Yes' : 'No'}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {a.lastVerifiedOn ? `checked ${formatDate(a.lastVerifiedOn)}` : 'never checked'}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>{a.location ?? '—'}</Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-sm" variant="default" loading={verify.isPending && verify.variables?.id === a.id} onClick={() => verify.mutate({ id: a.id, clientAdminAccess: true }, { onSuccess: () => notifications.show({ color: 'teal', message: `Access to ${a.name} verified today` }) })} aria-label={`We have admin access to ${a.name}, checked today`}>
                            Access checked
                          </Button>
                          <Button size="compact-sm" variant="subtle" color="red" onClick={() => verify.mutate({ id: a.id, clientAdminAccess: false })} aria-label={`We have no admin access to ${a.name}, checked today`}>
                            No access
                          </Button>
                          <Button size="compact-sm" variant="subtle" onClick={() => setEditing({ asset: a })} aria-label={`Edit ${a.name}`}>
                            Edit
                          </Button>
                          <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setRemoving(a)} aria-label={`Remove ${a.name}`}>
                            Remove
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group justify="space-between" wrap="wrap" mt="sm">
          <div>
            <Title order={3} size="h5">
              The vendor’s accounts in our systems
            </Title>
            <Text size="sm" c="dimmed">
              Every one is revoked at exit.
            </Text>
          </div>
          {canWrite && (
            <Button variant="subtle" leftSection={<IconPlus size={16} />} onClick={() => setAdding('account')}>
              Add account
            </Button>
          )}
        </Group>
        {data.accounts.length === 0 ? (
          <Text size="sm" c="dimmed">
            No vendor accounts recorded.
          </Text>
        ) : (
          <Table aria-label="Vendor accounts" verticalSpacing="xs" fz="sm">
            <Table.Tbody>
              {data.accounts.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    {a.account} in {a.system}
                  </Table.Td>
                  <Table.Td>{a.mfaEnforced ? <Badge variant="light" color="teal">Two-step sign-in enforced</Badge> : <Badge variant="light" color="red">No two-step sign-in</Badge>}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {a.notes ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {a.revokedOn ? (
                      `Revoked ${formatDate(a.revokedOn)}`
                    ) : canWrite ? (
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-sm" variant="subtle" onClick={() => setEditing({ account: a })} aria-label={`Edit ${a.account} in ${a.system}`}>
                          Edit
                        </Button>
                        <Button size="compact-sm" variant="default" onClick={() => revoke.mutate(a.id)} aria-label={`Mark ${a.account} in ${a.system} revoked today`}>
                          Mark revoked
                        </Button>
                      </Group>
                    ) : (
                      'Active'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <ConfirmDialog
        opened={removing !== null}
        title="Remove the asset?"
        confirmLabel="Remove"
        color="red"
        loading={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
        onClose={() => setRemoving(null)}
      >
        {removing?.name} is no longer listed for this service; the audit trail keeps it.
      </ConfirmDialog>
      {adding === 'asset' && <AssetModal engagementId={data.engagement.id} onClose={() => setAdding(null)} />}
      {adding === 'account' && <AccountModal engagementId={data.engagement.id} onClose={() => setAdding(null)} />}
      {editing && 'asset' in editing && <AssetModal engagementId={data.engagement.id} asset={editing.asset} onClose={() => setEditing(null)} />}
      {editing && 'account' in editing && <AccountModal engagementId={data.engagement.id} account={editing.account} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

const ASSET_FIELDS = ['kind', 'name', 'holder', 'lastVerifiedOn', 'location', 'notes'] as const;

/** Adds an asset, or edits `asset`. */
function AssetModal({ engagementId, asset, onClose }: { engagementId: string; asset?: AssetT; onClose: () => void }) {
  const [v, setV] = useState(
    asset
      ? { kind: asset.kind as string, name: asset.name, holder: asset.holder as string, clientAdminAccess: asset.clientAdminAccess, lastVerifiedOn: asset.lastVerifiedOn ?? '', location: asset.location ?? '', notes: asset.notes ?? '' }
      : { kind: 'source_repository', name: '', holder: 'client', clientAdminAccess: false, lastVerifiedOn: '', location: '', notes: '' },
  );
  const form = useFormErrors(ASSET_FIELDS);
  const add = useAddAsset(engagementId);
  const update = useUpdateAsset();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { ...v, lastVerifiedOn: blankToNull(v.lastVerifiedOn), location: blankToNull(v.location), notes: blankToNull(v.notes) };
    if (asset) update.mutate({ id: asset.id, body }, { onSuccess: onClose, onError: form.fromError });
    else add.mutate(body, { onSuccess: onClose, onError: form.fromError });
  };
  return (
    <Modal opened onClose={onClose} title={asset ? `Edit ${asset.name}` : 'Add asset'} size="lg">
      <form onSubmit={submit} noValidate aria-label="Asset">
        <Stack gap="md">
          <FormErrorAlert error={form.general} title="The asset was not saved" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Kind" data={KIND_OPTIONS} value={v.kind} onChange={(x) => x && setV({ ...v, kind: x })} allowDeselect={false} error={form.errors.kind} />
            <TextInput label="Name" required value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={form.errors.name} />
            <Select label="Who holds it" data={HOLDER_OPTIONS} value={v.holder} onChange={(x) => x && setV({ ...v, holder: x })} allowDeselect={false} error={form.errors.holder} />
            <TextInput label="Access last checked" type="date" value={v.lastVerifiedOn} onChange={(e) => setV({ ...v, lastVerifiedOn: e.currentTarget.value })} error={form.errors.lastVerifiedOn} />
            <TextInput label="Where it lives" value={v.location} onChange={(e) => setV({ ...v, location: e.currentTarget.value })} error={form.errors.location} />
            <TextInput label="Notes" value={v.notes} onChange={(e) => setV({ ...v, notes: e.currentTarget.value })} error={form.errors.notes} />
          </SimpleGrid>
          <Checkbox label="We have admin access" checked={v.clientAdminAccess} onChange={(e) => setV({ ...v, clientAdminAccess: e.currentTarget.checked })} />
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending || update.isPending}>
              {asset ? 'Save' : 'Add asset'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Adds a vendor account, or edits `account`. */
function AccountModal({ engagementId, account, onClose }: { engagementId: string; account?: VendorAccountT; onClose: () => void }) {
  const [v, setV] = useState(account ? { system: account.system, account: account.account, mfaEnforced: account.mfaEnforced, notes: account.notes ?? '' } : { system: '', account: '', mfaEnforced: false, notes: '' });
  const form = useFormErrors(['system', 'account', 'notes']);
  const add = useAddAccount(engagementId);
  const update = useUpdateAccount();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { ...v, notes: blankToNull(v.notes) };
    if (account) update.mutate({ id: account.id, body }, { onSuccess: onClose, onError: form.fromError });
    else add.mutate(body, { onSuccess: onClose, onError: form.fromError });
  };
  return (
    <Modal opened onClose={onClose} title={account ? `Edit ${account.account} in ${account.system}` : 'Add a vendor account'}>
      <form onSubmit={submit} noValidate aria-label="Vendor account">
        <Stack gap="md">
          <FormErrorAlert error={form.general} title="The account was not saved" />
          <TextInput label="System" required placeholder="AWS production" value={v.system} onChange={(e) => setV({ ...v, system: e.currentTarget.value })} error={form.errors.system} />
          <TextInput label="Account" required placeholder="vendor-ops" value={v.account} onChange={(e) => setV({ ...v, account: e.currentTarget.value })} error={form.errors.account} />
          <Checkbox label="Two-step sign-in enforced" checked={v.mfaEnforced} onChange={(e) => setV({ ...v, mfaEnforced: e.currentTarget.checked })} />
          <TextInput label="Notes" value={v.notes} onChange={(e) => setV({ ...v, notes: e.currentTarget.value })} error={form.errors.notes} />
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending || update.isPending}>
              {account ? 'Save' : 'Add account'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
