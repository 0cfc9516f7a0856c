import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { DATA_ACCESS, DATA_ACCESS_LABELS } from '../../../shared/contracts/vendors.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { ListView } from '../../components/list/ListView.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { options } from '../../lib/labels.ts';
import type { VendorTabProps } from '../vendors/tabs.tsx';
import { useCreateFourthParty, useDeleteFourthParty, useFourthParties, useRiskList } from './api.ts';
import { HeatMapPanel } from './parts.tsx';
import { RiskFormModal } from './RiskFormModal.tsx';
import { RiskTable } from './RiskTable.tsx';

function FourthParties({ vendorId, canWrite }: { vendorId: string; canWrite: boolean }) {
  const list = useFourthParties({ vendorId });
  const create = useCreateFourthParty();
  const remove = useDeleteFourthParty();
  const form = useFormErrors(['name', 'service', 'country', 'dataAccess']);
  const [v, setV] = useState({ name: '', service: '', country: '', dataAccess: 'none' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ vendorId, name: v.name, service: v.service, country: v.country || null, dataAccess: v.dataAccess }, { onSuccess: () => (setV({ name: '', service: '', country: '', dataAccess: 'none' }), form.reset()), onError: form.fromError });
  };
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4">Fourth parties</Title>
      <Text size="sm" c="dimmed" mb="sm">The subcontractors and sub-processors this vendor relies on. The same name on several vendors shows on the concentration page.</Text>
      <ListView list={list} noun={{ one: 'fourth party', many: 'fourth parties' }} empty={{ icon: <IconAlertTriangle size={24} />, title: 'None recorded', description: 'Record the cloud provider, data centre or subcontractor behind this vendor.' }}>
        {(items) => (
          <Table aria-label="Fourth parties">
            <Table.Thead><Table.Tr><Table.Th>Name</Table.Th><Table.Th>Service</Table.Th><Table.Th>Country</Table.Th><Table.Th>Data access</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td><Text size="sm" fw={600}>{f.name}</Text>{f.sharedWith > 1 && <Anchor component={Link} to={`/risks/what-if?fourthParty=${encodeURIComponent(f.name)}`} size="xs">Also behind {f.sharedWith - 1} other {f.sharedWith === 2 ? 'vendor' : 'vendors'} — what if it fails?</Anchor>}</Table.Td>
                  <Table.Td>{f.service}</Table.Td>
                  <Table.Td>{f.country ?? '—'}</Table.Td>
                  <Table.Td>{DATA_ACCESS_LABELS[f.dataAccess as keyof typeof DATA_ACCESS_LABELS] ?? f.dataAccess}</Table.Td>
                  <Table.Td>{canWrite && <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(f.id)}>Remove</Button>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ListView>
      {canWrite && (
        <form onSubmit={submit} noValidate aria-label="Add a fourth party">
          <FormErrorAlert error={form.general} />
          <Group align="flex-end" mt="sm" wrap="wrap">
            <TextInput label="Name" value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={form.errors.name} />
            <TextInput label="Service" placeholder="Hosting, payroll processing…" value={v.service} onChange={(e) => setV({ ...v, service: e.currentTarget.value })} error={form.errors.service} />
            <TextInput label="Country" placeholder="IE" maxLength={2} w={90} value={v.country} onChange={(e) => setV({ ...v, country: e.currentTarget.value })} error={form.errors.country} />
            <Select label="Data access" data={options(DATA_ACCESS, DATA_ACCESS_LABELS)} allowDeselect={false} value={v.dataAccess} onChange={(d) => d && setV({ ...v, dataAccess: d })} error={form.errors.dataAccess} />
            <Button type="submit" loading={create.isPending}>Add</Button>
          </Group>
        </form>
      )}
    </Paper>
  );
}

/** The vendor page's Risks tab: its risks (accepted ones included) on the heat map and in a list, its fourth parties, and what if it failed. */
export function VendorRisksTab({ vendor, me }: VendorTabProps) {
  const canWrite = roleCan(me.user.role, 'risk.write');
  const [opened, dialog] = useDisclosure(false);
  const list = useRiskList({ vendorId: vendor.id, status: 'open' });
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">Open risks of {vendor.name}, accepted ones included.</Text>
        <Group gap="xs">
          <Button component={Link} to={`/risks/what-if?vendorId=${vendor.id}`} variant="default" leftSection={<IconAlertTriangle size={16} />}>What if it fails?</Button>
          {canWrite && <Button leftSection={<IconPlus size={16} />} onClick={dialog.open}>New risk</Button>}
        </Group>
      </Group>
      <HeatMapPanel vendorId={vendor.id} />
      <ListView list={list} noun={{ one: 'risk', many: 'risks' }} empty={{ icon: <IconAlertTriangle size={24} />, title: 'No open risks', description: 'Nothing registered for this vendor, and no signal has raised one.' }}>
        {(items) => <RiskTable risks={items} showVendor={false} />}
      </ListView>
      <FourthParties vendorId={vendor.id} canWrite={canWrite} />
      {canWrite && <RiskFormModal opened={opened} onClose={dialog.close} vendorId={vendor.id} />}
    </Stack>
  );
}
