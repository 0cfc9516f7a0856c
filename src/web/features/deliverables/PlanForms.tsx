import { ActionIcon, Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent, type ReactNode } from 'react';
import { z } from 'zod';
import { MoneyError, isCurrency, minorDigits, parseAmount, toDecimalString } from '../../../domain/money.ts';
import { CONTRACT_TYPE_LABELS } from '../../../shared/contracts/contracts.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { blankToNull, useFormErrors } from '../../lib/forms.ts';
import {
  useCreateDeliverable,
  useCreateMilestone,
  useCreatePayment,
  useEngagementContracts,
  useUpdateDeliverable,
  useUpdateMilestone,
  useUpdatePayment,
  type DeliverableListItemT,
  type MilestoneT,
  type PaymentT,
} from './api.ts';

const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY', 'CAD', 'AUD', 'INR'];

/** A dialog that fills a phone's screen. */
function FormModal({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened onClose={onClose} title={title} size="lg" fullScreen={!!phone}>
      {children}
    </Modal>
  );
}

function Buttons({ onClose, pending, label }: { onClose: () => void; pending: boolean; label: string }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" type="button" onClick={onClose}>
        Cancel
      </Button>
      <Button type="submit" loading={pending}>
        {label}
      </Button>
    </Group>
  );
}

/** Contracts covering the engagement as choices, by title and kind (never an id). */
function useContractOptions(engagementId: string, onlySow: boolean, keep?: string | null) {
  const contracts = useEngagementContracts(engagementId);
  // The contract already chosen stays a choice (shown by its title) even when it is no statement of work.
  const list = (contracts.data ?? []).filter((c) => !onlySow || c.type === 'statement_of_work' || c.id === keep);
  return {
    pending: contracts.isPending,
    contracts: contracts.data ?? [],
    data: list.map((c) => ({ value: c.id, label: onlySow ? c.title : `${c.title} (${CONTRACT_TYPE_LABELS[c.type]})` })),
  };
}

// ---------- milestone ----------
const MILESTONE_FIELDS = ['name', 'dueDate', 'contractId'] as const;

export function MilestoneFormModal({ engagementId, milestone, onClose }: { engagementId: string; milestone?: MilestoneT; onClose: () => void }) {
  const [name, setName] = useState(milestone?.name ?? '');
  const [dueDate, setDueDate] = useState(milestone?.dueDate ?? '');
  const [contractId, setContractId] = useState<string | null>(milestone?.contractId ?? null);
  const form = useFormErrors(MILESTONE_FIELDS);
  const create = useCreateMilestone();
  const update = useUpdateMilestone();
  const sows = useContractOptions(engagementId, true, milestone?.contractId);
  const { errors } = form;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { name: name.trim(), dueDate: dueDate || null, contractId };
    const done = {
      onSuccess: (m: MilestoneT) => {
        notifications.show({ color: 'teal', title: milestone ? 'Milestone saved' : 'Milestone added', message: m.name });
        onClose();
      },
      onError: form.fromError,
    };
    if (milestone) update.mutate({ id: milestone.id, body }, done);
    else create.mutate({ engagementId, ...body }, done);
  };

  return (
    <FormModal title={milestone ? `Edit milestone "${milestone.name}"` : 'Add milestone'} onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label="Milestone">
        <Stack gap="md">
          <FormErrorAlert error={form.general} title="The milestone was not saved" />
          <TextInput label="Name" required data-autofocus value={name} onChange={(e) => (setName(e.currentTarget.value), form.clearField('name'))} error={errors.name} />
          <TextInput type="date" label="Due date" value={dueDate} onChange={(e) => (setDueDate(e.currentTarget.value), form.clearField('dueDate'))} error={errors.dueDate} />
          <Select
            label="Statement of work"
            description="Optional: the statement of work this milestone belongs to."
            placeholder={sows.pending ? 'Loading contracts…' : sows.data.length ? 'None' : 'No statement of work covers this engagement'}
            data={sows.data}
            clearable
            searchable
            value={contractId}
            onChange={(v) => (setContractId(v), form.clearField('contractId'))}
            error={errors.contractId}
          />
          <Buttons onClose={onClose} pending={create.isPending || update.isPending} label={milestone ? 'Save changes' : 'Add milestone'} />
        </Stack>
      </form>
    </FormModal>
  );
}

// ---------- deliverable ----------
const DELIVERABLE_FIELDS = ['title', 'description', 'criteria', 'dueDate', 'graceDays', 'milestoneId', 'contractId', 'internalNote'] as const;

export function DeliverableFormModal({
  engagementId,
  milestones,
  deliverable,
  milestoneId: presetMilestone,
  onClose,
}: {
  engagementId: string;
  milestones: MilestoneT[];
  deliverable?: DeliverableListItemT;
  milestoneId?: string;
  onClose: () => void;
}) {
  const [title, setTitle] = useState(deliverable?.title ?? '');
  const [description, setDescription] = useState(deliverable?.description ?? '');
  const [criteria, setCriteria] = useState<string[]>(deliverable ? deliverable.criteria.map((c) => c.text) : []);
  const [dueDate, setDueDate] = useState(deliverable?.dueDate ?? '');
  const [graceDays, setGraceDays] = useState<number | string>(deliverable?.graceDays ?? 0);
  const [milestoneId, setMilestoneId] = useState<string | null>(deliverable?.milestoneId ?? presetMilestone ?? null);
  const [contractId, setContractId] = useState<string | null>(deliverable?.contractId ?? null);
  const [internalNote, setInternalNote] = useState(deliverable?.internalNote ?? '');
  const form = useFormErrors(DELIVERABLE_FIELDS);
  const create = useCreateDeliverable();
  const update = useUpdateDeliverable();
  const sows = useContractOptions(engagementId, true, deliverable?.contractId);
  const { errors } = form;
  const clear = (f: string) => form.clearField(f);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      title: title.trim(),
      description: blankToNull(description),
      criteria: criteria.map((c) => c.trim()).filter(Boolean),
      dueDate,
      graceDays: typeof graceDays === 'number' ? graceDays : Number(graceDays || 0),
      milestoneId,
      contractId,
      internalNote: blankToNull(internalNote),
    };
    const done = {
      onSuccess: (d: { title: string }) => {
        notifications.show({ color: 'teal', title: deliverable ? 'Deliverable saved' : 'Deliverable added', message: d.title });
        onClose();
      },
      onError: form.fromError,
    };
    if (deliverable) update.mutate({ id: deliverable.id, body }, done);
    else create.mutate({ engagementId, ...body }, done);
  };

  return (
    <FormModal title={deliverable ? `Edit "${deliverable.title}"` : 'Add deliverable'} onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label="Deliverable">
        <Stack gap="md">
          <FormErrorAlert error={form.general} title="The deliverable was not saved" />
          <TextInput label="Title" required data-autofocus value={title} onChange={(e) => (setTitle(e.currentTarget.value), clear('title'))} error={errors.title} />
          <Textarea
            label="Description"
            description="The vendor sees it in its portal."
            autosize
            minRows={2}
            value={description}
            onChange={(e) => (setDescription(e.currentTarget.value), clear('description'))}
            error={errors.description}
          />
          <Stack gap={6} role="group" aria-label="Acceptance criteria">
            <Text size="sm" fw={500}>
              Acceptance criteria
            </Text>
            <Text size="xs" c="dimmed">
              What the deliverable must meet to be accepted; each is ticked when reviewing it.
            </Text>
            {criteria.map((c, i) => (
              <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
                <TextInput
                  style={{ flex: 1 }}
                  aria-label={`Criterion ${i + 1}`}
                  value={c}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setCriteria((all) => all.map((x, j) => (j === i ? v : x)));
                    clear('criteria');
                  }}
                />
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove criterion ${i + 1}`} onClick={() => setCriteria((all) => all.filter((_, j) => j !== i))}>
                  ×
                </ActionIcon>
              </Group>
            ))}
            {errors.criteria && (
              <Text size="xs" c="red">
                {errors.criteria}
              </Text>
            )}
            <Group>
              <Button size="xs" variant="light" type="button" onClick={() => setCriteria((all) => [...all, ''])} disabled={criteria.length >= 50}>
                Add criterion
              </Button>
            </Group>
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput type="date" label="Due date" required value={dueDate} onChange={(e) => (setDueDate(e.currentTarget.value), clear('dueDate'))} error={errors.dueDate} />
            <NumberInput
              label="Grace days"
              description="Days after the due date before it counts as late."
              min={0}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              value={graceDays}
              onChange={(v) => (setGraceDays(v), clear('graceDays'))}
              error={errors.graceDays}
            />
          </SimpleGrid>
          <Select
            label="Milestone"
            placeholder={milestones.length ? 'None' : 'No milestones yet'}
            data={milestones.map((m) => ({ value: m.id, label: m.name }))}
            clearable
            value={milestoneId}
            onChange={(v) => (setMilestoneId(v), clear('milestoneId'))}
            error={errors.milestoneId}
          />
          <Select
            label="Statement of work"
            placeholder={sows.pending ? 'Loading contracts…' : sows.data.length ? 'None' : 'No statement of work covers this engagement'}
            data={sows.data}
            clearable
            searchable
            value={contractId}
            onChange={(v) => (setContractId(v), clear('contractId'))}
            error={errors.contractId}
          />
          <Textarea
            label="Internal note"
            description="Only your organisation sees it, never the vendor."
            autosize
            minRows={2}
            value={internalNote}
            onChange={(e) => (setInternalNote(e.currentTarget.value), clear('internalNote'))}
            error={errors.internalNote}
          />
          <Buttons onClose={onClose} pending={create.isPending || update.isPending} label={deliverable ? 'Save changes' : 'Add deliverable'} />
        </Stack>
      </form>
    </FormModal>
  );
}

// ---------- payment ----------
const PAYMENT_FIELDS = ['label', 'amountMinor', 'currency', 'dueDate', 'contractId', 'milestoneId', 'note'] as const;

export function PaymentFormModal({ engagementId, milestones, payment, onClose }: { engagementId: string; milestones: MilestoneT[]; payment?: PaymentT; onClose: () => void }) {
  const contracts = useContractOptions(engagementId, false);
  const [label, setLabel] = useState(payment?.label ?? '');
  const [amount, setAmount] = useState(payment ? toDecimalString({ amountMinor: payment.amountMinor, currency: payment.currency }) : '');
  const [currency, setCurrency] = useState<string | null>(payment?.currency ?? null);
  const [dueDate, setDueDate] = useState(payment?.dueDate ?? '');
  const [contractId, setContractId] = useState<string | null>(payment?.contractId ?? null);
  const [milestoneId, setMilestoneId] = useState<string | null>(payment?.milestoneId ?? null);
  const [note, setNote] = useState(payment?.note ?? '');
  const form = useFormErrors(PAYMENT_FIELDS);
  const create = useCreatePayment();
  const update = useUpdatePayment();
  const { errors } = form;
  const clear = (f: string) => form.clearField(f);

  // Until a currency is chosen: the chosen contract's, else the first contract's with one, else EUR.
  const chosen = contracts.contracts.find((c) => c.id === contractId);
  const effectiveCurrency = currency ?? chosen?.currency ?? contracts.contracts.find((c) => c.currency)?.currency ?? 'EUR';
  const currencies = [...new Set([effectiveCurrency, ...contracts.contracts.map((c) => c.currency).filter((c): c is string => !!c), ...COMMON_CURRENCIES])];
  const digits = isCurrency(effectiveCurrency) ? minorDigits(effectiveCurrency) : 2;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    let amountMinor: number;
    try {
      amountMinor = parseAmount(amount, effectiveCurrency);
    } catch (err) {
      const message = err instanceof MoneyError ? err.message : 'Enter the amount, e.g. 1250.00';
      form.validate(z.object({ amountMinor: z.custom(() => false, { message }) }), {});
      return;
    }
    const body = {
      label: label.trim(),
      amountMinor,
      currency: effectiveCurrency,
      dueDate,
      contractId,
      milestoneId,
      note: blankToNull(note),
    };
    const done = {
      onSuccess: (p: PaymentT) => {
        notifications.show({ color: 'teal', title: payment ? 'Payment saved' : 'Payment added', message: p.label });
        onClose();
      },
      onError: form.fromError,
    };
    if (payment) update.mutate({ id: payment.id, body }, done);
    else create.mutate({ engagementId, ...body }, done);
  };

  return (
    <FormModal title={payment ? `Edit payment "${payment.label}"` : 'Add payment'} onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label="Payment">
        <Stack gap="md">
          <FormErrorAlert error={form.general} title="The payment was not saved" />
          <TextInput label="What it pays for" placeholder="e.g. Go-live instalment" required data-autofocus value={label} onChange={(e) => (setLabel(e.currentTarget.value), clear('label'))} error={errors.label} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Amount"
              required
              inputMode="decimal"
              placeholder={digits > 0 ? `e.g. 1250.${'0'.repeat(digits)}` : 'e.g. 1250'}
              description={digits > 0 ? `Up to ${digits} decimals in ${effectiveCurrency}.` : `${effectiveCurrency} has no decimals.`}
              value={amount}
              onChange={(e) => (setAmount(e.currentTarget.value), clear('amountMinor'))}
              error={errors.amountMinor}
            />
            <Select
              label="Currency"
              searchable
              allowDeselect={false}
              data={currencies}
              value={effectiveCurrency}
              onChange={(v) => (setCurrency(v), clear('currency'), clear('amountMinor'))}
              error={errors.currency}
            />
          </SimpleGrid>
          <TextInput type="date" label="Due date" required value={dueDate} onChange={(e) => (setDueDate(e.currentTarget.value), clear('dueDate'))} error={errors.dueDate} />
          <Select
            label="Contract"
            placeholder={contracts.pending ? 'Loading contracts…' : contracts.data.length ? 'None' : 'No contract covers this engagement'}
            data={contracts.data}
            clearable
            searchable
            value={contractId}
            onChange={(v) => (setContractId(v), clear('contractId'))}
            error={errors.contractId}
          />
          <Select
            label="Milestone"
            description="The payment is held until every deliverable of the milestone is accepted."
            placeholder={milestones.length ? 'None' : 'No milestones yet'}
            data={milestones.map((m) => ({ value: m.id, label: m.name }))}
            clearable
            value={milestoneId}
            onChange={(v) => (setMilestoneId(v), clear('milestoneId'))}
            error={errors.milestoneId}
          />
          <Textarea label="Note" autosize minRows={2} value={note} onChange={(e) => (setNote(e.currentTarget.value), clear('note'))} error={errors.note} />
          {payment?.hold.blocked && (
            <Alert color="orange" variant="light">
              {payment.hold.words}
            </Alert>
          )}
          <Buttons onClose={onClose} pending={create.isPending || update.isPending} label={payment ? 'Save changes' : 'Add payment'} />
        </Stack>
      </form>
    </FormModal>
  );
}
