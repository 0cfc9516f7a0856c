import { Button, Group, Paper, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { DATA_ACCESS, DATA_ACCESS_LABELS, VENDOR_KINDS, VENDOR_KIND_LABELS, VENDOR_STATUSES } from '../../../shared/contracts/vendors.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { TIER_LABELS, VENDOR_STATUS_LABELS, options } from '../../lib/labels.ts';
import { countryOptions } from '../../lib/regions.ts';
import { useOwnerOptions } from '../users/api.ts';
import { useVendorTags } from './api.ts';
import { useUnsavedChanges } from './useUnsavedChanges.tsx';
import { VendorContactFields } from './VendorContactFields.tsx';
import { VENDOR_FIELDS, VENDOR_MESSAGES, VendorFormSchema, payloadFromValues, type VendorFormValues } from './vendorFormValues.ts';

const KIND_OPTIONS = options(VENDOR_KINDS, VENDOR_KIND_LABELS);
const STATUS_OPTIONS = options(VENDOR_STATUSES, VENDOR_STATUS_LABELS);
const ACCESS_OPTIONS = options(DATA_ACCESS, DATA_ACCESS_LABELS);
const TIER_OPTIONS = [1, 2, 3, 4].map((t) => ({ value: String(t), label: TIER_LABELS[t] }));

function Section({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * Create or edit a vendor. Checks the input with the API's own schema first, then shows
 * whatever the server answers (field by field) if it still refuses.
 */
export function VendorForm({
  initial,
  submitLabel,
  saving,
  onSubmit,
  onCancel,
}: {
  initial: VendorFormValues;
  submitLabel: string;
  saving: boolean;
  onSubmit: (payload: ReturnType<typeof payloadFromValues>, form: ReturnType<typeof useFormErrors>) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<VendorFormValues>(initial);
  const [submitted, setSubmitted] = useState(false);
  const dirty = !submitted && JSON.stringify(values) !== JSON.stringify(initial);
  const unsavedDialog = useUnsavedChanges(dirty);
  const form = useFormErrors(VENDOR_FIELDS);
  const owners = useOwnerOptions();
  const tags = useVendorTags();
  const { errors } = form;

  const set = <K extends keyof VendorFormValues>(key: K, value: VendorFormValues[K], field: string = key) => {
    setValues((v) => ({ ...v, [key]: value }));
    form.clearField(field);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const payload = payloadFromValues(values);
    if (!form.validate(VendorFormSchema, payload, VENDOR_MESSAGES)) {
      // Bring the first problem into view for keyboard and screen-reader users.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    // Saving navigates away; don't ask "discard?" for what is being saved. A failed save re-arms the guard.
    setSubmitted(true);
    onSubmit(payload, {
      ...form,
      fromError: (e: unknown) => {
        setSubmitted(false);
        form.fromError(e);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Vendor">
      {unsavedDialog}
      <Stack gap="md">
        <FormErrorAlert error={form.general} title="The vendor was not saved" />
        <Section title="Profile" description="Who the vendor is and where it stands with you.">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label="Name" required value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} data-autofocus />
            <TextInput label="Legal name" value={values.legalName} onChange={(e) => set('legalName', e.currentTarget.value)} error={errors.legalName} />
            <Select label="Kind" required placeholder="Choose a kind" data={KIND_OPTIONS} value={values.kind} onChange={(v) => set('kind', v)} error={errors.kind} />
            <Select label="Status" data={STATUS_OPTIONS} value={values.status} onChange={(v) => set('status', v ?? 'prospect')} allowDeselect={false} error={errors.status} />
            <TextInput
              label="Website"
              placeholder="https://example.com"
              value={values.website}
              onChange={(e) => set('website', e.currentTarget.value)}
              onBlur={(e) => {
                const v = e.currentTarget.value.trim();
                if (v && !/^[a-z][a-z0-9+.-]*:/i.test(v)) set('website', `https://${v}`);
              }}
              error={errors.website}
            />
            <Select
              label="Country"
              placeholder="Search countries"
              data={countryOptions()}
              searchable
              clearable
              value={values.country}
              onChange={(v) => set('country', v)}
              error={errors.country}
              nothingFoundMessage="No country matches"
            />
          </SimpleGrid>
        </Section>

        <Section title="Criticality" description="Tier 1 is the most critical: its failure stops the business.">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select label="Tier" data={TIER_OPTIONS} value={values.tier} onChange={(v) => set('tier', v ?? '3')} allowDeselect={false} error={errors.tier} />
            <Select
              label="Data access"
              description="The most sensitive data the vendor can reach"
              data={ACCESS_OPTIONS}
              value={values.dataAccess}
              onChange={(v) => set('dataAccess', v ?? 'none')}
              allowDeselect={false}
              error={errors.dataAccess}
            />
          </SimpleGrid>
          <Textarea
            label="Tier reason"
            placeholder="Why this tier? e.g. runs the payroll system; an outage stops salaries."
            autosize
            minRows={2}
            maxRows={6}
            value={values.tierReason}
            onChange={(e) => set('tierReason', e.currentTarget.value)}
            error={errors.tierReason}
          />
        </Section>

        <VendorContactFields values={values} set={set} errors={errors} />

        <Section title="Ownership and notes" description="Who inside your organisation answers for this vendor.">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label="Internal owner"
              placeholder={owners.isPending ? 'Loading people…' : 'Choose a person'}
              data={owners.data ?? []}
              searchable
              clearable
              value={values.internalOwnerId}
              onChange={(v) => set('internalOwnerId', v)}
              error={errors.internalOwnerId}
              nothingFoundMessage="Nobody matches"
            />
            <TagsInput
              label="Tags"
              description="Press Enter after each tag"
              data={tags.data?.items ?? []}
              value={values.tags}
              onChange={(v) => set('tags', v.map((t) => t.trim().toLowerCase()).filter(Boolean))}
              maxTags={20}
              clearable
              error={errors.tags}
            />
          </SimpleGrid>
          <Textarea
            label="Notes"
            description="Internal; never shown to the vendor"
            autosize
            minRows={3}
            maxRows={12}
            value={values.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            error={errors.notes}
          />
        </Section>

        <Paper withBorder radius="md" p="sm" className="form-actions">
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel} type="button">
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {submitLabel}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}
