import { Button, Group, Modal, Select, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import {
  CRITICALITIES,
  ENGAGEMENT_STATUSES,
  EngagementInput,
  EngagementUpdate,
  SERVICE_TYPES,
  SERVICE_TYPE_LABELS,
} from '../../../shared/contracts/engagements.ts';
import { DATA_ACCESS, DATA_ACCESS_LABELS } from '../../../shared/contracts/vendors.ts';
import type { EngagementT } from '../../api/types.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { blankToNull, useFormErrors } from '../../lib/forms.ts';
import { CRITICALITY_LABELS, ENGAGEMENT_STATUS_LABELS, options } from '../../lib/labels.ts';
import { useOwnerOptions } from '../users/api.ts';
import { countryOptions } from '../../lib/regions.ts';
import { useVendorOptions } from '../vendors/api.ts';
import { useCreateEngagement, useUpdateEngagement } from './api.ts';

const FIELDS = [
  'vendorId',
  'name',
  'serviceType',
  'criticality',
  'dataAccess',
  'status',
  'startDate',
  'endDate',
  'internalOwnerId',
  'businessServices',
  'deliveryCountry',
  'description',
] as const;

const MESSAGES = { vendorId: 'Choose the vendor that delivers this service', serviceType: 'Choose a service type' };

interface Values {
  vendorId: string | null;
  name: string;
  serviceType: string | null;
  criticality: string;
  /** Null on create: the vendor's data access. */
  dataAccess: string | null;
  status: string;
  startDate: string | null;
  endDate: string | null;
  internalOwnerId: string | null;
  businessServices: string[];
  deliveryCountry: string | null;
  description: string;
}

function initialValues(engagement?: EngagementT, vendorId?: string): Values {
  return {
    vendorId: engagement?.vendorId ?? vendorId ?? null,
    name: engagement?.name ?? '',
    serviceType: engagement?.serviceType ?? null,
    criticality: engagement?.criticality ?? 'medium',
    dataAccess: engagement?.dataAccess ?? null,
    status: engagement?.status ?? 'planned',
    startDate: engagement?.startDate ?? null,
    endDate: engagement?.endDate ?? null,
    internalOwnerId: engagement?.internalOwnerId ?? null,
    businessServices: engagement?.businessServices ?? [],
    deliveryCountry: engagement?.deliveryCountry ?? null,
    description: engagement?.description ?? '',
  };
}

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Edit this engagement; without it the dialog creates one. */
  engagement?: EngagementT;
  /** Create for this vendor (fixed). */
  vendorId?: string;
  vendorName?: string;
  onSaved?: (engagement: EngagementT) => void;
}

function EngagementFormBody({ onClose, engagement, vendorId, vendorName, onSaved }: Omit<Props, 'opened'>) {
  const [values, setValues] = useState<Values>(() => initialValues(engagement, vendorId));
  const form = useFormErrors(FIELDS);
  const create = useCreateEngagement();
  const update = useUpdateEngagement(engagement?.id ?? '');
  const vendorFixed = !!engagement || !!vendorId;
  const vendors = useVendorOptions(!vendorFixed);
  const owners = useOwnerOptions();
  const { errors } = form;

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    form.clearField(key);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name: values.name.trim(),
      description: blankToNull(values.description),
      serviceType: values.serviceType,
      criticality: values.criticality,
      ...(values.dataAccess ? { dataAccess: values.dataAccess } : {}),
      status: values.status,
      startDate: values.startDate || null,
      endDate: values.endDate || null,
      internalOwnerId: values.internalOwnerId,
      businessServices: values.businessServices.map((s) => s.trim()).filter(Boolean),
      deliveryCountry: values.deliveryCountry,
    };
    const done = {
      onSuccess: (saved: EngagementT) => {
        notifications.show({ color: 'teal', title: engagement ? 'Engagement saved' : 'Engagement created', message: saved.name });
        onSaved?.(saved);
        onClose();
      },
      onError: form.fromError,
    };
    if (engagement) {
      if (form.validate(EngagementUpdate, body, MESSAGES)) update.mutate(body, done);
    } else {
      const input = { vendorId: values.vendorId, ...body };
      if (form.validate(EngagementInput, input, MESSAGES)) create.mutate(input, done);
    }
  };

  const vendorLabel = engagement?.vendorName ?? vendorName;

  return (
    <form onSubmit={submit} noValidate aria-label="Engagement">
      <Stack gap="md">
        <FormErrorAlert error={form.general} title="The engagement was not saved" />
        {vendorFixed ? (
          <TextInput label="Vendor" value={vendorLabel ?? ''} readOnly disabled />
        ) : (
          <Select
            label="Vendor"
            required
            placeholder={vendors.isPending ? 'Loading vendors…' : 'Choose a vendor'}
            data={vendors.data ?? []}
            searchable
            value={values.vendorId}
            onChange={(v) => set('vendorId', v)}
            error={errors.vendorId}
            nothingFoundMessage="No vendor matches"
          />
        )}
        <TextInput
          label="Engagement name"
          placeholder="e.g. 24/7 service desk"
          required
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Select
            label="Service type"
            required
            placeholder="Choose"
            data={options(SERVICE_TYPES, SERVICE_TYPE_LABELS)}
            value={values.serviceType}
            onChange={(v) => set('serviceType', v)}
            error={errors.serviceType}
          />
          <Select
            label="Criticality"
            data={options(CRITICALITIES, CRITICALITY_LABELS)}
            value={values.criticality}
            onChange={(v) => set('criticality', v ?? 'medium')}
            allowDeselect={false}
            error={errors.criticality}
          />
          <Select
            label="Status"
            data={options(ENGAGEMENT_STATUSES, ENGAGEMENT_STATUS_LABELS)}
            value={values.status}
            onChange={(v) => set('status', v ?? 'planned')}
            allowDeselect={false}
            error={errors.status}
          />
        </SimpleGrid>
        <Select
          label="Data access"
          description={
            engagement
              ? 'What of your data this engagement touches. Personal data makes a data processing agreement a requirement.'
              : "What of your data this engagement touches. Leave empty to take the vendor's data access."
          }
          placeholder="Same as the vendor's"
          data={options(DATA_ACCESS, DATA_ACCESS_LABELS)}
          value={values.dataAccess}
          onChange={(v) => set('dataAccess', v)}
          clearable={!engagement}
          allowDeselect={!engagement}
          error={errors.dataAccess}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <DatePickerInput
            label="Start date"
            placeholder="Pick a date"
            valueFormat="D MMM YYYY"
            clearable
            value={values.startDate}
            onChange={(v) => set('startDate', v)}
            error={errors.startDate}
          />
          <DatePickerInput
            label="End date"
            placeholder="Pick a date"
            valueFormat="D MMM YYYY"
            clearable
            minDate={values.startDate ?? undefined}
            value={values.endDate}
            onChange={(v) => set('endDate', v)}
            error={errors.endDate}
          />
        </SimpleGrid>
        <Select
          label="Internal owner"
          placeholder={owners.isPending ? 'Loading people…' : 'Choose a person'}
          data={owners.data ?? []}
          searchable
          clearable
          value={values.internalOwnerId}
          onChange={(v) => set('internalOwnerId', v)}
          error={errors.internalOwnerId}
        />
        <TagsInput
          label="Business services"
          description="What your business runs on this engagement, e.g. payroll, e-commerce. Press Enter after each."
          value={values.businessServices}
          onChange={(v) => set('businessServices', v)}
          maxTags={50}
          clearable
          error={errors.businessServices}
        />
        <Select
          label="Delivered from"
          description="The country the service is delivered from, when not the vendor's own (an offshore service desk). Concentration by country counts it."
          placeholder="The vendor's country"
          data={countryOptions()}
          searchable
          clearable
          value={values.deliveryCountry}
          onChange={(v) => set('deliveryCountry', v)}
          error={errors.deliveryCountry}
          nothingFoundMessage="No country matches"
        />
        <Textarea
          label="Description"
          autosize
          minRows={3}
          maxRows={10}
          value={values.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={errors.description}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} type="button">
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {engagement ? 'Save changes' : 'Create engagement'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Create or edit an engagement in a dialog (full screen on a phone). */
export function EngagementFormModal(props: Props) {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.engagement ? `Edit ${props.engagement.name}` : 'New engagement'}
      size="lg"
      fullScreen={!!phone}
    >
      {props.opened && <EngagementFormBody {...props} />}
    </Modal>
  );
}
