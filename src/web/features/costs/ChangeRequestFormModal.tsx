import { Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useEngagementContracts, usePlan, usePortalDeliverables } from '../deliverables/api.ts';
import { toDecimalString } from '../../../domain/money.ts';
import { useAmendOwnChangeRequest, useCreateChangeRequest, usePortalEngagements, useRaiseChangeRequest, useUpdateChangeRequest, type ChangeRequestT, type PortalChangeRequestT } from './change-api.ts';
import { COMMON_CURRENCIES, money, readAmount } from './money.tsx';

const FIELDS = ['engagementId', 'title', 'reason', 'scope', 'currency', 'oneOffMinor', 'recurringMinor', 'recurringMonths', 'scheduleDays', 'deliverableIds', 'milestoneIds', 'contractId', 'internalNote'];

type Choice = { value: string; label: string };
type Props =
  | { side: 'client'; engagementId: string; vendorName: string; deliverables: Choice[]; milestones: Choice[]; contracts: Choice[]; onClose: () => void; editing?: ChangeRequestT }
  | { side: 'vendor'; engagements: Array<{ id: string; name: string }>; deliverables: Array<Choice & { engagementId: string }>; onClose: () => void; editing?: PortalChangeRequestT };

/** The client's form, with its engagement's plan and contracts to choose from; `editing`, a change not yet decided to correct. */
export function ClientChangeRequestModal({ engagementId, vendorName, onClose, editing }: { engagementId: string; vendorName: string; onClose: () => void; editing?: ChangeRequestT }) {
  const plan = usePlan({ engagementId });
  const contracts = useEngagementContracts(engagementId);
  return (
    <ChangeRequestFormModal
      side="client"
      engagementId={engagementId}
      vendorName={vendorName}
      deliverables={(plan.data?.deliverables ?? []).map((d) => ({ value: d.id, label: d.title }))}
      milestones={(plan.data?.milestones ?? []).map((m) => ({ value: m.id, label: m.name }))}
      contracts={(contracts.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
      onClose={onClose}
      editing={editing}
    />
  );
}

/** The vendor's form in the portal: its own engagements and deliverables only. */
export function PortalChangeRequestModal({ onClose, editing }: { onClose: () => void; editing?: PortalChangeRequestT }) {
  const engagements = usePortalEngagements();
  const deliverables = usePortalDeliverables();
  return (
    <ChangeRequestFormModal
      side="vendor"
      engagements={engagements.data ?? []}
      deliverables={(deliverables.data ?? []).map((d) => ({ value: d.id, label: d.title, engagementId: d.engagementId }))}
      onClose={onClose}
      editing={editing}
    />
  );
}

/** An amount as the form shows it ("1500.00"), empty for none. */
const typedAmount = (amountMinor: number, currency: string) => (amountMinor ? toDecimalString({ amountMinor, currency }) : '');

/**
 * Raises a change request: the client on an engagement's Costs tab (it may name the contract
 * it amends, the milestones it touches, and keep an internal note), the vendor in the portal
 * (on one of its engagements, naming its own deliverables).
 */
function ChangeRequestFormModal(props: Props) {
  const phone = useMediaQuery('(max-width: 36em)');
  const navigate = useNavigate();
  const client = props.side === 'client';
  // Correcting a change not yet decided (the vendor its own, the client any): the form starts from what was raised.
  const editing: PortalChangeRequestT | ChangeRequestT | undefined = props.editing;
  const clientEditing = props.side === 'client' ? props.editing : undefined;
  const [engagementId, setEngagementId] = useState<string | null>(props.side === 'client' ? props.engagementId : (editing?.engagementId ?? null));
  const [v, setV] = useState(
    editing
      ? { title: editing.title, reason: editing.reason, scope: editing.scope, currency: editing.currency, oneOff: typedAmount(editing.oneOffMinor, editing.currency), recurring: typedAmount(editing.recurringMinor, editing.currency), internalNote: clientEditing?.internalNote ?? '' }
      : { title: '', reason: '', scope: '', currency: 'EUR', oneOff: '', recurring: '', internalNote: '' },
  );
  const [months, setMonths] = useState<number | string>(editing?.recurringMonths ?? 0);
  const [days, setDays] = useState<number | string>(editing?.scheduleDays ?? 0);
  const [deliverableIds, setDeliverableIds] = useState<string[]>(editing?.deliverables.map((d) => d.id) ?? []);
  const [milestoneIds, setMilestoneIds] = useState<string[]>(clientEditing?.milestones.map((m) => m.id) ?? []);
  const [contractId, setContractId] = useState<string | null>(clientEditing?.contractId ?? null);
  const form = useFormErrors(FIELDS);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const errors: Record<string, string | undefined> = { ...form.errors, ...typed };
  const create = useCreateChangeRequest();
  const raise = useRaiseChangeRequest();
  const amend = useAmendOwnChangeRequest(editing?.id ?? '');
  const update = useUpdateChangeRequest(editing?.id ?? '');
  // The value is read at once: the event's currentTarget is gone by the time React runs the updater.
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((o) => ({ ...o, [k]: value }));
  };

  const oneOff = readAmount(v.oneOff, v.currency);
  const recurring = readAmount(v.recurring, v.currency);
  const total = (oneOff.value ?? 0) + (recurring.value ?? 0) * Number(months || 0);
  const deliverableChoices = props.side === 'client' ? props.deliverables : props.deliverables.filter((d) => d.engagementId === engagementId).map(({ value, label }) => ({ value, label }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad: Record<string, string> = {};
    if (oneOff.error) bad.oneOffMinor = oneOff.error;
    if (recurring.error) bad.recurringMinor = recurring.error;
    if (!engagementId) bad.engagementId = 'Choose the engagement the change is for';
    setTyped(bad);
    if (Object.keys(bad).length) return;
    const body = {
      engagementId,
      title: v.title.trim(),
      reason: v.reason.trim(),
      scope: v.scope.trim(),
      currency: v.currency,
      oneOffMinor: oneOff.value ?? 0,
      recurringMinor: recurring.value ?? 0,
      recurringMonths: Number(months || 0),
      scheduleDays: Number(days || 0),
      deliverableIds,
      ...(client ? { milestoneIds, contractId, internalNote: v.internalNote.trim() || null } : {}),
    };
    const { engagementId: _same, ...changes } = body;
    if (editing) (client ? update : amend).mutate(changes, { onSuccess: () => props.onClose(), onError: form.fromError });
    else if (client) create.mutate(body, { onSuccess: (cr) => (props.onClose(), navigate(`/change-requests/${cr.id}`)), onError: form.fromError });
    else raise.mutate(body, { onSuccess: () => props.onClose(), onError: form.fromError });
  };

  return (
    <Modal opened onClose={props.onClose} title={props.side === 'client' ? (editing ? `Edit change request "${editing.title}"` : `Raise a change request with ${props.vendorName}`) : editing ? 'Correct your change request' : 'Raise a change request'} size="lg" fullScreen={!!phone}>
      <form onSubmit={submit} noValidate aria-label="Change request">
        <Stack gap="sm">
          <FormErrorAlert error={form.general} title="The change request was not saved" />
          {props.side === 'vendor' && (
            <Select
              label="Engagement"
              required
              placeholder="Choose"
              data={props.engagements.map((x) => ({ value: x.id, label: x.name }))}
              value={engagementId}
              onChange={setEngagementId}
              disabled={!!editing}
              error={errors.engagementId}
            />
          )}
          <TextInput label="Title" required value={v.title} onChange={set('title')} error={errors.title} />
          <Textarea label="Reason" description="Why the change is needed." required autosize minRows={2} value={v.reason} onChange={set('reason')} error={errors.reason} />
          <Textarea label="Scope of the change" description="What is added, removed or done differently." required autosize minRows={3} value={v.scope} onChange={set('scope')} error={errors.scope} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label="Currency" data={COMMON_CURRENCIES} searchable allowDeselect={false} value={v.currency} onChange={(c) => c && setV((o) => ({ ...o, currency: c }))} error={errors.currency} />
            <TextInput label="One-off cost" description="Negative for a saving." placeholder="0.00" value={v.oneOff} onChange={set('oneOff')} error={errors.oneOffMinor} />
            <TextInput label="Recurring cost per month" description="Negative when scope is removed." placeholder="0.00" value={v.recurring} onChange={set('recurring')} error={errors.recurringMinor} />
            <NumberInput label="For how many months" min={0} max={240} allowDecimal={false} value={months} onChange={setMonths} error={errors.recurringMonths} />
            <NumberInput label="Schedule impact (days)" description="Later is positive." min={-3650} max={3650} allowDecimal={false} value={days} onChange={setDays} error={errors.scheduleDays} />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {total < 0 ? `A saving: the change takes ${money(-total, v.currency)} off in all (scope removed).` : `Whole cost of the change: ${money(total, v.currency)}`}
          </Text>
          <MultiSelect label="Deliverables affected" data={deliverableChoices} value={deliverableIds} onChange={setDeliverableIds} searchable clearable error={errors.deliverableIds} />
          {props.side === 'client' && (
            <>
              <MultiSelect label="Milestones affected" data={props.milestones} value={milestoneIds} onChange={setMilestoneIds} searchable clearable error={errors.milestoneIds} />
              <Select
                label="Contract it amends"
                description="Approving adds the change's cost to this contract's value, or takes a saving off it."
                placeholder="None"
                data={props.contracts}
                clearable
                value={contractId}
                onChange={setContractId}
                error={errors.contractId}
              />
              <Textarea label="Internal note" description="Never shown to the vendor." autosize minRows={2} value={v.internalNote} onChange={set('internalNote')} error={errors.internalNote} />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || raise.isPending || amend.isPending || update.isPending}>
              {editing ? (client ? 'Save change request' : 'Save the correction') : 'Raise change request'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
