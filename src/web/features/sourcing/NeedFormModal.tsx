import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useCreateProject, useUpdateProject, type ProjectT } from './api.ts';
import { CURRENCIES, readAmount, WEEKDAY_NAMES } from './words.tsx';

const FIELDS = ['name', 'scope', 'goals', 'deliverables', 'successMeasures', 'budgetMinor', 'currency', 'startOn', 'decideBy', 'hoursNeeded'] as const;
const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Lisbon', 'Europe/Berlin', 'UTC'];
const blank = (s: string) => (s.trim() ? s.trim() : null);

/** The need in the user's words (article 003): scope, goals, deliverables, measures of success, budget, timeline, hours. */
export function NeedFormModal({ project, onClose, onSaved }: { project?: ProjectT; onClose: () => void; onSaved?: (p: ProjectT) => void }) {
  const [v, setV] = useState({
    name: project?.name ?? '',
    scope: project?.scope ?? '',
    goals: project?.goals ?? '',
    deliverables: project?.deliverables ?? '',
    successMeasures: project?.successMeasures ?? '',
    budget: project?.budgetMinor != null ? (project.budgetMinor / 100).toFixed(2) : '',
    currency: project?.currency ?? 'EUR',
    startOn: project?.startOn ?? '',
    decideBy: project?.decideBy ?? '',
    withHours: !!project?.hoursNeeded,
    timeZone: project?.hoursNeeded?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    days: (project?.hoursNeeded?.days ?? [1, 2, 3, 4, 5]).map(String),
    start: project?.hoursNeeded?.start ?? '09:00',
    end: project?.hoursNeeded?.end ?? '17:00',
  });
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));
  const form = useFormErrors(FIELDS);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const errors = { ...form.errors, ...typed };
  const create = useCreateProject();
  const update = useUpdateProject(project?.id ?? '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const budget = readAmount(v.budget, v.currency);
    if (budget.error) return setTyped({ budgetMinor: budget.error });
    setTyped({});
    const body = {
      name: v.name,
      scope: v.scope,
      goals: blank(v.goals),
      deliverables: blank(v.deliverables),
      successMeasures: blank(v.successMeasures),
      budgetMinor: budget.value,
      currency: v.currency,
      startOn: blank(v.startOn),
      decideBy: blank(v.decideBy),
      hoursNeeded: v.withHours ? { timeZone: v.timeZone, days: v.days.map(Number).sort(), start: v.start, end: v.end } : null,
    };
    const done = {
      onSuccess: (p: ProjectT) => {
        notifications.show({ color: 'teal', title: project ? 'Need saved' : 'Sourcing project created', message: p.name });
        onSaved?.(p);
        onClose();
      },
      onError: form.fromError,
    };
    if (project) update.mutate(body, done);
    else create.mutate(body, done);
  };

  return (
    <Modal opened onClose={onClose} title={project ? 'Edit the need' : 'Describe a need'} size="xl">
      <form onSubmit={submit} noValidate aria-label="The need">
        <Stack gap="md">
          <FormErrorAlert error={form.general} title="The need was not saved" />
          <TextInput label="Name" required value={v.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} />
          <Textarea label="Scope" description="What exactly is to be done, for whom" required autosize minRows={2} value={v.scope} onChange={(e) => set({ scope: e.currentTarget.value })} error={errors.scope} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Textarea label="Goals" autosize minRows={2} value={v.goals} onChange={(e) => set({ goals: e.currentTarget.value })} error={errors.goals} />
            <Textarea label="Deliverables" autosize minRows={2} value={v.deliverables} onChange={(e) => set({ deliverables: e.currentTarget.value })} error={errors.deliverables} />
            <Textarea label="Measures of success" autosize minRows={2} value={v.successMeasures} onChange={(e) => set({ successMeasures: e.currentTarget.value })} error={errors.successMeasures} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <TextInput label="Budget" placeholder="180,000.00" value={v.budget} onChange={(e) => set({ budget: e.currentTarget.value })} error={errors.budgetMinor} />
            <Select label="Currency" data={CURRENCIES} searchable allowDeselect={false} value={v.currency} onChange={(c) => c && set({ currency: c })} error={errors.currency} />
            <TextInput label="Start wanted on" type="date" value={v.startOn} onChange={(e) => set({ startOn: e.currentTarget.value })} error={errors.startOn} />
            <TextInput label="Decide by" type="date" value={v.decideBy} onChange={(e) => set({ decideBy: e.currentTarget.value })} error={errors.decideBy} />
          </SimpleGrid>
          <Checkbox label="We need the vendor at set working hours" checked={v.withHours} onChange={(e) => set({ withHours: e.currentTarget.checked })} />
          {v.withHours && (
            <Stack gap="xs">
              <Checkbox.Group label="Weekdays" value={v.days} onChange={(days) => set({ days })} error={errors.hoursNeeded}>
                <Group gap="sm" mt={4}>
                  {WEEKDAY_NAMES.map((d, i) => (
                    <Checkbox key={d} value={String(i + 1)} label={d.slice(0, 3)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select label="Time zone" data={ZONES} searchable allowDeselect={false} value={v.timeZone} onChange={(z) => z && set({ timeZone: z })} />
                <TextInput label="From" type="time" value={v.start} onChange={(e) => set({ start: e.currentTarget.value })} />
                <TextInput label="To" type="time" value={v.end} onChange={(e) => set({ end: e.currentTarget.value })} />
              </SimpleGrid>
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {project ? 'Save the need' : 'Create project'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
