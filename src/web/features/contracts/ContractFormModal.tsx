import { Button, Checkbox, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { MoneyError, parseAmount, toDecimalString } from '../../../domain/money.ts';
import {
  CONTRACT_STATUSES,
  CONTRACT_STATUS_LABELS,
  CONTRACT_TYPES,
  CONTRACT_TYPE_LABELS,
  ContractInput,
  ContractUpdate,
  PERIOD_UNITS,
  PERIOD_UNIT_LABELS,
  RENEWAL_KINDS,
  RENEWAL_KIND_LABELS,
} from '../../../shared/contracts/contracts.ts';
import { ApiError } from '../../api/client.ts';
import { useAllItems } from '../../api/paging.ts';
import type { ContractT, EngagementT } from '../../api/types.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { blankToNull, useFormErrors } from '../../lib/forms.ts';
import { options } from '../../lib/labels.ts';
import { useOwnerOptions } from '../users/api.ts';
import { useVendorOptions } from '../vendors/api.ts';
import { useCreateContract, useUpdateContract } from './api.ts';

const FIELDS = [
  'vendorId', 'type', 'parentId', 'title', 'reference', 'status', 'signedOn', 'effectiveOn', 'initialTermEnd', 'renewalKind', 'renewalMonths', 'noticeUnit', 'noticeCount',
  'convenienceTermination', 'convenienceNoticeUnit', 'convenienceNoticeCount', 'currency', 'totalValueMinor', 'annualValueMinor', 'internalOwnerId', 'engagementIds', 'notes',
] as const;
const MESSAGES = { vendorId: 'Choose the vendor', type: 'Choose the kind of contract' };
const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'DKK', 'NOK', 'PLN', 'CZK', 'JPY', 'CAD', 'AUD'];

interface Values {
  vendorId: string | null;
  type: string | null;
  parentId: string | null;
  title: string;
  reference: string;
  status: string;
  signedOn: string | null;
  effectiveOn: string | null;
  initialTermEnd: string | null;
  renewalKind: string;
  renewalMonths: number | string;
  noticeUnit: string | null;
  noticeCount: number | string;
  convenienceTermination: boolean;
  convenienceNoticeUnit: string | null;
  convenienceNoticeCount: number | string;
  currency: string | null;
  totalValue: string;
  annualValue: string;
  internalOwnerId: string | null;
  engagementIds: string[];
  notes: string;
}

const amount = (minor: number | null, currency: string | null) => (minor === null || !currency ? '' : toDecimalString({ amountMinor: minor, currency }));

function initialValues(c?: ContractT, vendorId?: string, engagementId?: string): Values {
  return {
    vendorId: c?.vendorId ?? vendorId ?? null,
    type: c?.type ?? null,
    parentId: c?.parentId ?? null,
    title: c?.title ?? '',
    reference: c?.reference ?? '',
    status: c?.status ?? 'draft',
    signedOn: c?.signedOn ?? null,
    effectiveOn: c?.effectiveOn ?? null,
    initialTermEnd: c?.initialTermEnd ?? null,
    renewalKind: c?.renewalKind ?? 'none',
    renewalMonths: c?.renewalMonths ?? '',
    noticeUnit: c?.noticeUnit ?? null,
    noticeCount: c?.noticeCount ?? '',
    convenienceTermination: c?.convenienceTermination ?? false,
    convenienceNoticeUnit: c?.convenienceNoticeUnit ?? null,
    convenienceNoticeCount: c?.convenienceNoticeCount ?? '',
    currency: c?.currency ?? null,
    totalValue: amount(c?.totalValueMinor ?? null, c?.currency ?? null),
    annualValue: amount(c?.annualValueMinor ?? null, c?.currency ?? null),
    internalOwnerId: c?.internalOwnerId ?? null,
    engagementIds: c?.engagements.map((e) => e.id) ?? (engagementId ? [engagementId] : []),
    notes: c?.notes ?? '',
  };
}

interface Props {
  opened: boolean;
  onClose: () => void;
  contract?: ContractT;
  vendorId?: string;
  vendorName?: string;
  engagementId?: string;
  onSaved?: (c: ContractT) => void;
}

const num = (v: number | string) => (v === '' || v === null ? null : Number(v));

function ContractFormBody({ onClose, contract, vendorId, vendorName, engagementId, onSaved }: Omit<Props, 'opened'>) {
  const [values, setValues] = useState<Values>(() => initialValues(contract, vendorId, engagementId));
  const form = useFormErrors(FIELDS);
  const create = useCreateContract();
  const update = useUpdateContract(contract?.id ?? '');
  const vendorFixed = !!contract || !!vendorId;
  const vendors = useVendorOptions(!vendorFixed);
  const owners = useOwnerOptions();
  const vid = values.vendorId;
  const engagements = useAllItems<EngagementT>(['engagements', 'of-vendor', vid ?? ''], '/engagements', { query: { vendorId: vid ?? '', archived: 'false' }, enabled: !!vid });
  const parents = useAllItems<ContractT>(['contracts', 'of-vendor', vid ?? ''], '/contracts', { query: { vendorId: vid ?? '', archived: 'false' }, enabled: !!vid });
  const { errors } = form;
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    form.clearField(key === 'totalValue' ? 'totalValueMinor' : key === 'annualValue' ? 'annualValueMinor' : key);
  };
  const parentOptions = (parents.data ?? [])
    .filter((p) => p.id !== contract?.id && (values.type === 'amendment' || p.type === 'master_agreement'))
    .map((p) => ({ value: p.id, label: `${p.title} (${CONTRACT_TYPE_LABELS[p.type]})` }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const money: Record<string, number | null> = {};
    for (const [field, raw] of [['totalValueMinor', values.totalValue], ['annualValueMinor', values.annualValue]] as const) {
      if (!raw.trim()) money[field] = null;
      else if (!values.currency) return form.fromError(new ApiError(400, 'validation_failed', 'Some fields need your attention.', { issues: [{ path: 'currency', message: 'Choose the currency of the value' }] }));
      else {
        try {
          money[field] = parseAmount(raw, values.currency);
        } catch (err) {
          if (err instanceof MoneyError) return form.fromError(new ApiError(400, 'validation_failed', 'Some fields need your attention.', { issues: [{ path: field, message: err.message }] }));
          throw err;
        }
      }
    }
    const body = {
      type: values.type,
      parentId: values.parentId,
      title: values.title.trim(),
      reference: blankToNull(values.reference),
      status: values.status,
      signedOn: values.signedOn || null,
      effectiveOn: values.effectiveOn || null,
      initialTermEnd: values.initialTermEnd || null,
      renewalKind: values.renewalKind,
      renewalMonths: values.renewalKind === 'none' ? null : num(values.renewalMonths),
      noticeUnit: values.noticeUnit,
      noticeCount: values.noticeUnit ? num(values.noticeCount) : null,
      convenienceTermination: values.convenienceTermination,
      convenienceNoticeUnit: values.convenienceTermination ? values.convenienceNoticeUnit : null,
      convenienceNoticeCount: values.convenienceTermination ? num(values.convenienceNoticeCount) : null,
      currency: values.currency,
      ...money,
      internalOwnerId: values.internalOwnerId,
      engagementIds: values.engagementIds,
      notes: blankToNull(values.notes),
    };
    const done = {
      onSuccess: (saved: ContractT) => {
        notifications.show({ color: 'teal', title: contract ? 'Contract saved' : 'Contract created', message: saved.title });
        onSaved?.(saved);
        onClose();
      },
      onError: form.fromError,
    };
    if (contract) {
      if (form.validate(ContractUpdate, body, MESSAGES)) update.mutate(body, done);
    } else {
      const input = { vendorId: values.vendorId, ...body };
      if (form.validate(ContractInput, input, MESSAGES)) create.mutate(input, done);
    }
  };

  const dateField = (key: 'signedOn' | 'effectiveOn' | 'initialTermEnd', label: string, description?: string) => (
    <TextInput type="date" label={label} description={description} value={values[key] ?? ''} onChange={(e) => set(key, e.currentTarget.value || null)} error={errors[key]} />
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Contract">
      <Stack gap="md">
        <FormErrorAlert error={form.general} title="The contract was not saved" />
        {vendorFixed ? (
          <TextInput label="Vendor" value={contract?.vendorName ?? vendorName ?? ''} readOnly disabled />
        ) : (
          <Select label="Vendor" required placeholder="Choose a vendor" data={vendors.data ?? []} searchable value={values.vendorId} onChange={(v) => setValues((x) => ({ ...x, vendorId: v, parentId: null, engagementIds: [] }))} error={errors.vendorId} />
        )}
        <TextInput label="Title" required placeholder="e.g. Master services agreement" value={values.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors.title} data-autofocus />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Select label="Type" required placeholder="Choose" data={options(CONTRACT_TYPES, CONTRACT_TYPE_LABELS)} value={values.type} onChange={(v) => set('type', v)} error={errors.type} />
          <Select label="Status" data={options(CONTRACT_STATUSES, CONTRACT_STATUS_LABELS)} value={values.status} onChange={(v) => set('status', v ?? 'draft')} allowDeselect={false} error={errors.status} />
          <TextInput label="Reference" placeholder="As printed on it" value={values.reference} onChange={(e) => set('reference', e.currentTarget.value)} error={errors.reference} />
        </SimpleGrid>
        {values.type && values.type !== 'master_agreement' && (
          <Select
            label={values.type === 'amendment' ? 'Amends' : 'Under master agreement'}
            required={values.type === 'amendment'}
            placeholder={vid ? 'Choose a contract' : 'Choose the vendor first'}
            data={parentOptions}
            clearable
            searchable
            value={values.parentId}
            onChange={(v) => set('parentId', v)}
            error={errors.parentId}
          />
        )}
        <MultiSelect label="Engagements covered" placeholder={vid ? 'Choose engagements' : 'Choose the vendor first'} data={(engagements.data ?? []).map((e) => ({ value: e.id, label: e.name }))} value={values.engagementIds} onChange={(v) => set('engagementIds', v)} error={errors.engagementIds} searchable clearable />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {dateField('signedOn', 'Signed on')}
          {dateField('effectiveOn', 'Effective from')}
          {dateField('initialTermEnd', 'Initial term ends', 'The last day of the first term')}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select label="Renewal" data={options(RENEWAL_KINDS, RENEWAL_KIND_LABELS)} value={values.renewalKind} onChange={(v) => set('renewalKind', v ?? 'none')} allowDeselect={false} error={errors.renewalKind} />
          {values.renewalKind !== 'none' && <NumberInput label="Renews for (months)" min={1} max={120} allowDecimal={false} value={values.renewalMonths} onChange={(v) => set('renewalMonths', v)} error={errors.renewalMonths} />}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberInput label="Notice period" description="Before the end of a term" min={1} allowDecimal={false} value={values.noticeCount} onChange={(v) => set('noticeCount', v)} error={errors.noticeCount} />
          <Select label="Notice period in" placeholder="No notice period" data={options(PERIOD_UNITS, PERIOD_UNIT_LABELS)} clearable value={values.noticeUnit} onChange={(v) => set('noticeUnit', v)} error={errors.noticeUnit} />
        </SimpleGrid>
        <Checkbox label="May be terminated for convenience" checked={values.convenienceTermination} onChange={(e) => set('convenienceTermination', e.currentTarget.checked)} />
        {values.convenienceTermination && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NumberInput label="Notice for termination" min={1} allowDecimal={false} value={values.convenienceNoticeCount} onChange={(v) => set('convenienceNoticeCount', v)} error={errors.convenienceNoticeCount} />
            <Select label="In" data={options(PERIOD_UNITS, PERIOD_UNIT_LABELS)} value={values.convenienceNoticeUnit} onChange={(v) => set('convenienceNoticeUnit', v)} error={errors.convenienceNoticeUnit} />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Select label="Currency" placeholder="Choose" data={CURRENCIES} searchable clearable value={values.currency} onChange={(v) => set('currency', v)} error={errors.currency} />
          <TextInput label="Value per year" placeholder="e.g. 120000.00" inputMode="decimal" value={values.annualValue} onChange={(e) => set('annualValue', e.currentTarget.value)} error={errors.annualValueMinor} />
          <TextInput label="Total value" placeholder="e.g. 360000.00" inputMode="decimal" value={values.totalValue} onChange={(e) => set('totalValue', e.currentTarget.value)} error={errors.totalValueMinor} />
        </SimpleGrid>
        <Select label="Internal owner" description="Receives the reminders" placeholder="Choose a person" data={owners.data ?? []} searchable clearable value={values.internalOwnerId} onChange={(v) => set('internalOwnerId', v)} error={errors.internalOwnerId} />
        <Textarea label="Notes" autosize minRows={2} maxRows={8} value={values.notes} onChange={(e) => set('notes', e.currentTarget.value)} error={errors.notes} />
        <Text size="xs" c="dimmed">
          The notice deadline and the date to decide by are computed from these dates; you never type them.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} type="button">
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {contract ? 'Save changes' : 'Create contract'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Create or edit a contract in a dialog (full screen on a phone). */
export function ContractFormModal(props: Props) {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.contract ? `Edit ${props.contract.title}` : 'New contract'} size="xl" fullScreen={!!phone}>
      {props.opened && <ContractFormBody {...props} />}
    </Modal>
  );
}
