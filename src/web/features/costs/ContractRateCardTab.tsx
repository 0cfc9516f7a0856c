import { ActionIcon, Alert, Button, Group, Modal, Paper, Select, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { toDecimalString } from '../../../domain/money.ts';
import { RATE_UNIT_LABELS, RATE_UNITS } from '../../../shared/contracts/costs.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import type { ContractTabProps } from '../contracts/tabs.tsx';
import { useCreateRateCardItem, useDeleteRateCardItem, useRateCard, useUpdateRateCardItem, type RateCardItemT } from './api.ts';
import { COMMON_CURRENCIES, money, readAmount } from './money.tsx';

const validity = (from: string | null, to: string | null) => (from && to ? `${formatDate(from)} – ${formatDate(to)}` : from ? `from ${formatDate(from)}` : to ? `until ${formatDate(to)}` : 'always');

/** The contract's rate card: roles and items with their unit and price, valid from/to; invoices are checked against it. */
export function ContractRateCardTab({ contract, me }: ContractTabProps) {
  const card = useRateCard(contract.id);
  const remove = useDeleteRateCardItem();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<RateCardItemT | null>(null);
  const [editing, setEditing] = useState<RateCardItemT | null>(null);
  const canWrite = roleCan(me.user.role, 'cost.write');
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={2} size="h4" id="rate-card">
              Rate card
            </Title>
            <Text size="sm" c="dimmed">
              Invoices under this contract are checked against these prices on their invoice date; a line matching none is flagged as extra work.
            </Text>
          </div>
          {canWrite && (
            <Button leftSection={<IconPlus size={16} />} variant="light" onClick={() => setAdding(true)}>
              Add item
            </Button>
          )}
        </Group>
        {remove.error && <Alert color="red">{remove.error.message}</Alert>}
        {card.isPending ? (
          <Skeleton h={120} />
        ) : card.isError ? (
          <QueryError error={card.error} onRetry={() => card.refetch()} what="the rate card" />
        ) : card.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No rates yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table aria-labelledby="rate-card" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Role or item</Table.Th>
                  <Table.Th ta="right">Price</Table.Th>
                  <Table.Th>Valid</Table.Th>
                  {canWrite && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {card.data.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>{i.name}</Table.Td>
                    <Table.Td ta="right">
                      {money(i.unitPriceMinor, i.currency)} {RATE_UNIT_LABELS[i.unit]}
                    </Table.Td>
                    <Table.Td>{validity(i.validFrom, i.validTo)}</Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${i.name}`} onClick={() => setEditing(i)}>
                            <IconPencil size={16} />
                          </ActionIcon>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${i.name}`} onClick={() => setRemoving(i)}>
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {removing && (
        <ConfirmDialog opened title={`Remove "${removing.name}" from the rate card?`} confirmLabel="Remove item" color="red" loading={remove.isPending} onConfirm={() => remove.mutate(removing.id, { onSettled: () => setRemoving(null) })} onClose={() => setRemoving(null)}>
          Invoices entered later are no longer checked against it. An item an invoice line names stays: edit it and end its validity instead.
        </ConfirmDialog>
      )}
      {adding && <RateItemModal contractId={contract.id} currency={contract.currency ?? 'EUR'} onClose={() => setAdding(false)} />}
      {editing && <RateItemModal contractId={contract.id} currency={editing.currency} item={editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

const FIELDS = ['name', 'unit', 'unitPriceMinor', 'currency', 'validFrom', 'validTo'] as const;

/** Adds a rate card item, or edits one (a new price, or its validity ended when the rate changes). */
function RateItemModal({ contractId, currency: initial, item, onClose }: { contractId: string; currency: string; item?: RateCardItemT; onClose: () => void }) {
  const [name, setName] = useState(item?.name ?? '');
  const [unit, setUnit] = useState<string>(item?.unit ?? 'day');
  const [price, setPrice] = useState(item ? toDecimalString({ amountMinor: item.unitPriceMinor, currency: item.currency }) : '');
  const [currency, setCurrency] = useState(initial);
  const [validFrom, setValidFrom] = useState(item?.validFrom ?? '');
  const [validTo, setValidTo] = useState(item?.validTo ?? '');
  const [priceError, setPriceError] = useState<string | null>(null);
  const form = useFormErrors(FIELDS);
  const create = useCreateRateCardItem();
  const update = useUpdateRateCardItem();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = readAmount(price, currency);
    setPriceError(p.value === null ? (p.error ?? 'Required') : null);
    if (p.value === null) return;
    const fields = { name: name.trim(), unit, unitPriceMinor: p.value, currency, validFrom: validFrom || null, validTo: validTo || null };
    const done = {
      onSuccess: (i: RateCardItemT) => {
        notifications.show({ color: 'teal', title: item ? 'Rate saved' : 'Rate added', message: `${i.name}: ${money(i.unitPriceMinor, i.currency)} ${RATE_UNIT_LABELS[i.unit]}` });
        onClose();
      },
      onError: form.fromError,
    };
    if (item) update.mutate({ id: item.id, body: fields }, done);
    else create.mutate({ contractId, ...fields }, done);
  };
  return (
    <Modal opened onClose={onClose} title={item ? `Edit "${item.name}"` : 'Add a rate card item'}>
      <form onSubmit={submit} noValidate aria-label="Rate card item">
        <Stack gap="md">
          <FormErrorAlert error={form.general} title="The item was not saved" />
          <TextInput label="Role or item" required placeholder="Senior developer" value={name} onChange={(e) => setName(e.currentTarget.value)} error={form.errors.name} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label="Unit" data={RATE_UNITS.map((u) => ({ value: u, label: RATE_UNIT_LABELS[u] }))} allowDeselect={false} value={unit} onChange={(v) => v && setUnit(v)} error={form.errors.unit} />
            <TextInput label="Price" required placeholder="650.00" value={price} onChange={(e) => setPrice(e.currentTarget.value)} error={priceError ?? form.errors.unitPriceMinor} />
            <Select label="Currency" data={COMMON_CURRENCIES} searchable allowDeselect={false} value={currency} onChange={(v) => v && setCurrency(v)} error={form.errors.currency} />
            <TextInput type="date" label="Valid from" value={validFrom} onChange={(e) => setValidFrom(e.currentTarget.value)} error={form.errors.validFrom} />
            <TextInput type="date" label="Valid to" value={validTo} onChange={(e) => setValidTo(e.currentTarget.value)} error={form.errors.validTo} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {item ? 'Save item' : 'Add item'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
