import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { formatMoney } from '../../../domain/money.ts';
import { roleCan } from '../../../shared/permissions.ts';
import type { MeT } from '../../api/types.ts';
import { formatDate } from '../../lib/format.ts';
import { useMarkPaid, type PaymentT, type PaymentTotalsT } from './api.ts';

const money = (amountMinor: number, currency: string) => formatMoney({ amountMinor, currency });
const today = () => new Date().toISOString().slice(0, 10);

function PayModal({ p, canOverride, onClose }: { p: PaymentT; canOverride: boolean; onClose: () => void }) {
  const [paidOn, setPaidOn] = useState(today());
  const [reason, setReason] = useState('');
  const pay = useMarkPaid();
  const blocked = p.hold.blocked;
  return (
    <Modal opened onClose={onClose} title={`Mark "${p.label}" paid`}>
      <Stack>
        <TextInput type="date" label="Paid on" value={paidOn} onChange={(e) => setPaidOn(e.currentTarget.value)} required />
        {blocked && (
          <Alert color="orange" title="This payment is blocked">
            {p.hold.words}
          </Alert>
        )}
        {blocked && canOverride && (
          <Textarea label="Reason for paying anyway" description="Kept with the payment and in the audit trail; the payment is flagged as paid by override." required autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        )}
        {blocked && !canOverride && <Text size="sm">Only an owner or an administrator can pay a blocked payment, with a reason.</Text>}
        {pay.error && <Alert color="red">{pay.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color={blocked ? 'orange' : undefined}
            disabled={!paidOn || (blocked && (!canOverride || !reason.trim()))}
            loading={pay.isPending}
            onClick={() => pay.mutate({ id: p.id, paidOn, overrideReason: blocked ? reason : undefined }, { onSuccess: onClose })}
          >
            {blocked ? 'Override and mark paid' : 'Mark paid'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PaymentState({ p }: { p: PaymentT }) {
  if (p.status === 'paid' && p.overridden) return <Badge color="orange">Paid by override</Badge>;
  if (p.status === 'paid') return <Badge color="green">Paid {formatDate(p.paidOn)}</Badge>;
  if (p.hold.blocked) return <Badge color="red" variant="light">Blocked</Badge>;
  if (p.overdue) return <Badge color="red">Overdue</Badge>;
  return <Badge variant="light">To pay</Badge>;
}

export function PaymentSchedule({
  payments,
  totals,
  me,
  onAdd,
  onEdit,
}: {
  payments: PaymentT[];
  totals: PaymentTotalsT;
  me: MeT;
  onAdd?: () => void;
  onEdit?: (p: PaymentT) => void;
}) {
  const [paying, setPaying] = useState<PaymentT | null>(null);
  const canPay = roleCan(me.user.role, 'contract.write');
  const canOverride = roleCan(me.user.role, 'payment.override');
  return (
    <Stack gap="sm" component="section" aria-labelledby="payment-schedule">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h4" id="payment-schedule">
          Payment schedule
        </Title>
        {canPay && onAdd && (
          <Button size="xs" onClick={onAdd}>
            Add payment
          </Button>
        )}
      </Group>
      {payments.length === 0 ? (
        <Text c="dimmed" size="sm">
          No payments planned yet.
        </Text>
      ) : (
        <Stack gap="xs" component="ul" className="bare-list">
          {payments.map((p) => (
            <Paper key={p.id} withBorder radius="md" p="sm" component="li" aria-label={p.label}>
              <Stack gap={4}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text fw={600}>{p.label}</Text>
                  <Group gap={6}>
                    <Text fw={600}>{money(p.amountMinor, p.currency)}</Text>
                    <PaymentState p={p} />
                  </Group>
                </Group>
                <Text size="sm" c="dimmed">
                  Due {formatDate(p.dueDate)}
                  {p.milestoneName ? ` · milestone "${p.milestoneName}"` : ''}
                  {p.contractTitle ? ` · ${p.contractTitle}` : ''}
                </Text>
                {p.hold.words && (
                  <Text size="sm" c={p.overridden || p.hold.blocked ? 'orange.8' : 'dimmed'}>
                    {p.hold.words}
                  </Text>
                )}
                {p.overridden && p.paidByName && (
                  <Text size="xs" c="dimmed">
                    Marked paid by {p.paidByName} on {formatDate(p.paidOn)}.
                  </Text>
                )}
                {canPay && p.status !== 'paid' && (
                  <Group gap="xs">
                    <Button size="xs" variant="light" onClick={() => setPaying(p)}>
                      Mark paid…
                    </Button>
                    {onEdit && (
                      <Button size="xs" variant="default" onClick={() => onEdit(p)} aria-label={`Edit payment ${p.label}`}>
                        Edit…
                      </Button>
                    )}
                  </Group>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {totals.months.length > 0 && (
        <Table.ScrollContainer minWidth={320}>
          <Table aria-label="Payments per month">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Month</Table.Th>
                <Table.Th>To pay</Table.Th>
                <Table.Th>Paid</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {totals.months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Td>{m.label}</Table.Td>
                  <Table.Td>{m.planned.map((a) => money(a.amountMinor, a.currency)).join(' + ') || '—'}</Table.Td>
                  <Table.Td>{m.paid.map((a) => money(a.amountMinor, a.currency)).join(' + ') || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {paying && <PayModal p={paying} canOverride={canOverride} onClose={() => setPaying(null)} />}
    </Stack>
  );
}

