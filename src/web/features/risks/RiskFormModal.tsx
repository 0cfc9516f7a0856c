import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { RISK_CATEGORIES, RISK_CATEGORY_LABELS, TREATMENTS, TREATMENT_LABELS } from '../../../shared/contracts/risks.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { options } from '../../lib/labels.ts';
import { useOwnerOptions } from '../users/api.ts';
import { useVendorOptions } from '../vendors/api.ts';
import { useCreateRisk, useRiskSettings, useUpdateRisk, type RiskDetailT } from './api.ts';

const FIELDS = ['title', 'description', 'category', 'vendorId', 'ownerId', 'inherentLikelihood', 'inherentImpact', 'residualLikelihood', 'residualImpact', 'treatment', 'reviewOn', 'scoreNote'] as const;
type Values = Record<(typeof FIELDS)[number], string>;
const blank: Values = { title: '', description: '', category: 'security', vendorId: '', ownerId: '', inherentLikelihood: '3', inherentImpact: '3', residualLikelihood: '', residualImpact: '', treatment: '', reviewOn: '', scoreNote: '' };

/** A new risk, or an edit of one (a changed score is kept in its history with the note). */
export function RiskFormModal({ opened, onClose, risk, vendorId, onSaved }: { opened: boolean; onClose: () => void; risk?: RiskDetailT; vendorId?: string; onSaved?: (r: RiskDetailT) => void }) {
  const settings = useRiskSettings();
  const vendors = useVendorOptions(opened);
  const owners = useOwnerOptions(opened);
  const create = useCreateRisk();
  const update = useUpdateRisk(risk?.id ?? '');
  const form = useFormErrors(FIELDS);
  const [v, setV] = useState<Values>(blank);
  useEffect(() => {
    if (!opened) return;
    setV(
      risk
        ? {
            title: risk.title,
            description: risk.description ?? '',
            category: risk.category,
            vendorId: risk.vendor?.id ?? '',
            ownerId: risk.owner?.id ?? '',
            inherentLikelihood: String(risk.inherent.likelihood),
            inherentImpact: String(risk.inherent.impact),
            residualLikelihood: String(risk.residual.likelihood),
            residualImpact: String(risk.residual.impact),
            treatment: risk.treatment ?? '',
            reviewOn: risk.reviewOn ?? '',
            scoreNote: '',
          }
        : { ...blank, vendorId: vendorId ?? '' },
    );
  }, [opened, risk, vendorId]);
  const m = settings.data?.matrix;
  const likelihood = (m?.likelihoodLabels ?? []).map((label, i) => ({ value: String(i + 1), label }));
  const impact = (m?.impactLabels ?? []).map((label, i) => ({ value: String(i + 1), label }));
  const set = (k: keyof Values) => (val: string | null) => setV((o) => ({ ...o, [k]: val ?? '' }));
  const num = (s: string) => (s ? Number(s) : undefined);
  const orNull = (s: string) => (s ? s : null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = {
      title: v.title,
      description: orNull(v.description),
      category: v.category,
      vendorId: orNull(v.vendorId),
      ownerId: orNull(v.ownerId),
      inherentLikelihood: num(v.inherentLikelihood),
      inherentImpact: num(v.inherentImpact),
      residualLikelihood: num(v.residualLikelihood),
      residualImpact: num(v.residualImpact),
      treatment: orNull(v.treatment),
      reviewOn: orNull(v.reviewOn),
    };
    if (risk && v.scoreNote) body.scoreNote = v.scoreNote;
    // Accepting goes through its own step (an approver and an expiry date).
    if (body.treatment === 'accept' && risk?.treatment !== 'accept') delete body.treatment;
    const done = (r: RiskDetailT) => {
      notifications.show({ color: 'teal', title: risk ? 'Risk saved' : 'Risk registered', message: r.title });
      onClose();
      onSaved?.(r);
    };
    if (risk) update.mutate(body, { onSuccess: done, onError: form.fromError });
    else create.mutate(body, { onSuccess: done, onError: form.fromError });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={risk ? 'Edit risk' : 'New risk'} size="lg">
      <form onSubmit={submit} noValidate aria-label={risk ? 'Edit risk' : 'New risk'}>
        <Stack gap="sm">
          <FormErrorAlert error={form.general} />
          <TextInput label="Title" required value={v.title} onChange={(e) => set('title')(e.currentTarget.value)} error={form.errors.title} />
          <Textarea label="Description" autosize minRows={2} value={v.description} onChange={(e) => set('description')(e.currentTarget.value)} error={form.errors.description} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Category" data={options(RISK_CATEGORIES, RISK_CATEGORY_LABELS)} allowDeselect={false} value={v.category} onChange={set('category')} error={form.errors.category} />
            <Select label="Vendor" placeholder="No vendor" data={vendors.data ?? []} searchable clearable value={v.vendorId || null} onChange={set('vendorId')} error={form.errors.vendorId} />
            <Select label="Owner" placeholder="Nobody yet" data={owners.data ?? []} searchable clearable value={v.ownerId || null} onChange={set('ownerId')} error={form.errors.ownerId} />
            <TextInput label="Review on" type="date" value={v.reviewOn} onChange={(e) => set('reviewOn')(e.currentTarget.value)} error={form.errors.reviewOn} />
            <Select label="Inherent likelihood" data={likelihood} allowDeselect={false} value={v.inherentLikelihood} onChange={set('inherentLikelihood')} error={form.errors.inherentLikelihood} />
            <Select label="Inherent impact" data={impact} allowDeselect={false} value={v.inherentImpact} onChange={set('inherentImpact')} error={form.errors.inherentImpact} />
            <Select label="Residual likelihood" placeholder="As inherent" data={likelihood} clearable value={v.residualLikelihood || null} onChange={set('residualLikelihood')} error={form.errors.residualLikelihood} />
            <Select label="Residual impact" placeholder="As inherent" data={impact} clearable value={v.residualImpact || null} onChange={set('residualImpact')} error={form.errors.residualImpact} />
            <Select
              label="Treatment"
              placeholder="Not decided"
              description="Accepting a risk is its own step, with an approver and an expiry date."
              data={options(TREATMENTS, TREATMENT_LABELS).filter((o) => o.value !== 'accept' || risk?.treatment === 'accept')}
              clearable
              value={v.treatment || null}
              onChange={set('treatment')}
              error={form.errors.treatment}
            />
            {risk && <TextInput label="Why the score changed" placeholder="Kept in the score history" value={v.scoreNote} onChange={(e) => set('scoreNote')(e.currentTarget.value)} error={form.errors.scoreNote} />}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {risk ? 'Save' : 'Register risk'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
