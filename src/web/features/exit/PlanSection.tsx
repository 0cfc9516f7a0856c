import { ActionIcon, Alert, Anchor, Badge, Button, Group, Modal, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconFlag, IconListCheck, IconPencil, IconPlayerPlay, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { STEP_OWNER_LABELS, STEP_OWNERS, TARGET_LABELS, TARGETS, TRIGGER_LABELS, TRIGGERS } from '../../../shared/contracts/exit.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DetailList } from '../../components/DetailList.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { blankToNull, useFormErrors } from '../../lib/forms.ts';
import { COMMON_CURRENCIES, money, readAmount } from '../costs/money.tsx';
import { stepFileUrl, useBuildPlan, useReviewPlan, useStartExit, useUpdatePlan, useUpdateStep, type EngagementExitT, type PlanT } from './api.ts';

const STATUS_COLOR = { draft: 'gray', running: 'orange', done: 'teal' } as const;
const STEP_COLOR = { open: 'gray', delivered: 'blue', done: 'teal' } as const;

/** The exit plan: built from the organisation's template, reviewed yearly, and — when it comes to it — run as a dated checklist. */
export function PlanSection({ data, canWrite }: { data: EngagementExitT; canWrite: boolean }) {
  const [form, setForm] = useState<'build' | 'edit' | null>(null);
  const [starting, setStarting] = useState(false);
  const review = useReviewPlan();
  const start = useStartExit();
  const plan = data.plan;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="exit-plan">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={2} size="h4" id="exit-plan">
              Exit plan
            </Title>
            <Text size="sm" c="dimmed">
              {plan ? `What would set an exit off, where the service would go, and the steps to get there.` : 'No exit plan yet. Build one from your template (Settings → Exit) and adjust it.'}
            </Text>
          </div>
          {canWrite && !plan && (
            <Button leftSection={<IconListCheck size={16} />} onClick={() => setForm('build')}>
              Build exit plan from template
            </Button>
          )}
          {canWrite && plan && plan.status !== 'done' && (
            <Group gap="xs">
              {plan.status === 'draft' && (
                <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setForm('edit')}>
                  Edit plan
                </Button>
              )}
              <Button variant="default" leftSection={<IconCheck size={16} />} loading={review.isPending} onClick={() => review.mutate(plan.id, { onSuccess: () => notifications.show({ color: 'teal', message: 'Plan marked reviewed today' }) })}>
                Mark reviewed
              </Button>
              {plan.status === 'draft' && (
                <Button color="orange" leftSection={<IconPlayerPlay size={16} />} onClick={() => setStarting(true)}>
                  Start exit
                </Button>
              )}
            </Group>
          )}
        </Group>
        {plan && <PlanDetails plan={plan} canWrite={canWrite} />}
      </Stack>
      {form && <PlanModal data={data} mode={form} onClose={() => setForm(null)} />}
      {plan && (
        <ConfirmDialog
          opened={starting}
          title="Start the exit?"
          confirmLabel="Start exit"
          color="orange"
          loading={start.isPending}
          onConfirm={() => start.mutate(plan.id, { onSuccess: () => setStarting(false), onError: (e) => notifications.show({ color: 'red', title: 'The exit did not start', message: e.message }) })}
          onClose={() => setStarting(false)}
        >
          Every step gets a due date counted from today, {data.engagement.vendorName} is marked as exiting and its contact sees the handover steps in the portal. The plan can no longer be edited.
        </ConfirmDialog>
      )}
    </Paper>
  );
}

function PlanDetails({ plan, canWrite }: { plan: PlanT; canWrite: boolean }) {
  const step = useUpdateStep();
  const running = plan.status === 'running';
  return (
    <Stack gap="md">
      {plan.reviewDue && (
        <Alert color="yellow" variant="light" icon={<IconFlag size={18} />}>
          {plan.reviewedOn ? `Last reviewed ${formatDate(plan.reviewedOn)}: more than a year ago.` : 'This plan has never been reviewed.'} Read it through and mark it reviewed.
        </Alert>
      )}
      <DetailList
        cols={3}
        items={[
          { label: 'Status', value: <Badge color={STATUS_COLOR[plan.status]} variant="light">{plan.statusLabel}</Badge> },
          { label: 'Target', value: plan.targetLabel },
          { label: 'Budget', value: plan.budgetMinor !== null && plan.currency ? money(plan.budgetMinor, plan.currency) : 'Not set' },
          { label: 'Timeline', value: plan.timelineDays ? `${plan.timelineDays} days` : 'Not set' },
          { label: 'Last reviewed', value: plan.reviewedOn ? formatDate(plan.reviewedOn) : 'Never' },
          { label: running || plan.status === 'done' ? 'Started' : 'Triggers', value: plan.startedOn ? formatDate(plan.startedOn) : plan.triggerLabels.join('; ') || 'None named' },
          ...(plan.notes ? [{ label: 'Notes (internal)', value: plan.notes, wide: true }] : []),
        ]}
      />
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Exit steps" verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Step</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>{plan.startedOn ? 'Due' : 'After start'}</Table.Th>
              <Table.Th>Status</Table.Th>
              {canWrite && running && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.steps.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {s.title}
                  </Text>
                  {s.evidence && (
                    <Text size="xs" c="dimmed">
                      Evidence: {s.evidence}
                    </Text>
                  )}
                  {s.vendorNote && (
                    <Text size="xs" c="blue">
                      The vendor handed in{s.deliveredAt ? ` on ${formatDateTime(s.deliveredAt)}` : ''}: {s.vendorNote}
                    </Text>
                  )}
                  {s.files.map((f) => (
                    <Anchor key={f.id} href={stepFileUrl(f.id)} size="xs" mr="sm">
                      {f.fileName}
                    </Anchor>
                  ))}
                </Table.Td>
                <Table.Td>{s.ownerUser ? `${s.ownerLabel} (${s.ownerUser.name})` : s.ownerLabel}</Table.Td>
                <Table.Td>
                  {s.dueOn ? (
                    <Text size="sm" c={s.overdue ? 'red' : undefined}>
                      {formatDate(s.dueOn)}
                      {s.overdue ? ' — overdue' : ''}
                    </Text>
                  ) : (
                    `${s.offsetDays} days`
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={600} c={`${STEP_COLOR[s.status]}.8`}>
                    {s.statusLabel}
                  </Text>
                  {s.doneOn && (
                    <Text size="xs" c="dimmed">
                      {formatDate(s.doneOn)}
                    </Text>
                  )}
                </Table.Td>
                {canWrite && running && (
                  <Table.Td>
                    {s.status !== 'done' ? (
                      <Button size="compact-sm" variant="default" loading={step.isPending && step.variables?.id === s.id} onClick={() => step.mutate({ id: s.id, body: { status: 'done' } })} aria-label={`Mark done: ${s.title}`}>
                        Mark done
                      </Button>
                    ) : (
                      <Button size="compact-sm" variant="subtle" onClick={() => step.mutate({ id: s.id, body: { status: 'open' } })} aria-label={`Open again: ${s.title}`}>
                        Open again
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

const FIELDS = ['triggers', 'target', 'alternativeName', 'budgetMinor', 'currency', 'timelineDays', 'notes', 'steps'] as const;
type StepRow = { key?: string; title: string; owner: string; offsetDays: number | string; evidence: string; ownerUserId: string | null };

function PlanModal({ data, mode, onClose }: { data: EngagementExitT; mode: 'build' | 'edit'; onClose: () => void }) {
  const plan = data.plan;
  const [triggers, setTriggers] = useState<string[]>(plan?.triggers ?? ['insolvency', 'sla_breach', 'contract_end']);
  const [target, setTarget] = useState<string>(plan?.target ?? 'in_house');
  const [alternative, setAlternative] = useState(plan?.alternativeName ?? '');
  const [currency, setCurrency] = useState(plan?.currency ?? 'EUR');
  const [budget, setBudget] = useState(plan?.budgetMinor != null && plan.currency ? money(plan.budgetMinor, plan.currency).replace(/[^\d.,]/g, '') : '');
  const [timeline, setTimeline] = useState<number | string>(plan?.timelineDays ?? '');
  const [notes, setNotes] = useState(plan?.notes ?? '');
  const [steps, setSteps] = useState<StepRow[]>(plan?.steps.map((x) => ({ key: x.key, title: x.title, owner: x.owner, offsetDays: x.offsetDays, evidence: x.evidence ?? '', ownerUserId: x.ownerUser?.id ?? null })) ?? []);
  const setStep = (i: number, patch: Partial<StepRow>) => setSteps(steps.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const form = useFormErrors(FIELDS);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const build = useBuildPlan(data.engagement.id);
  const update = useUpdatePlan();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const amount = budget.trim() ? readAmount(budget, currency) : { value: null, error: null };
    if (amount.error) return setTyped({ budgetMinor: amount.error });
    setTyped({});
    const body = {
      triggers,
      target,
      alternativeName: target === 'vendor' ? blankToNull(alternative) : null,
      budgetMinor: amount.value,
      currency: amount.value === null ? null : currency,
      timelineDays: timeline === '' ? null : Number(timeline),
      notes: blankToNull(notes),
    };
    const done = { onSuccess: onClose, onError: form.fromError };
    if (mode === 'build' || !plan) build.mutate(body, done);
    else update.mutate({ id: plan.id, body: { ...body, steps: steps.map((x) => ({ key: x.key, title: x.title, owner: x.owner, offsetDays: Number(x.offsetDays) || 0, evidence: blankToNull(x.evidence), ownerUserId: x.ownerUserId })) } }, done);
  };
  const errors = { ...form.errors, ...typed };
  return (
    <Modal opened onClose={onClose} title={mode === 'build' ? 'Build the exit plan from the template' : 'Edit the exit plan'} size={mode === 'edit' ? 'xl' : 'lg'}>
      <form onSubmit={submit} noValidate aria-label="Exit plan">
        <Stack gap="md">
          <FormErrorAlert error={form.general} title="The plan was not saved" />
          {mode === 'build' && <Text size="sm">The steps come from your template: notice, knowledge transfer, documentation, source and build, licences, data export, deletion certificate, revoking accounts, transition and final settlement.</Text>}
          <MultiSelect label="What would set it off" data={TRIGGERS.map((t) => ({ value: t, label: TRIGGER_LABELS[t] }))} value={triggers} onChange={setTriggers} error={errors.triggers} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Where the service would go" data={TARGETS.map((t) => ({ value: t, label: TARGET_LABELS[t] }))} value={target} onChange={(v) => v && setTarget(v)} allowDeselect={false} error={errors.target} />
            <TextInput label="Alternative vendor" disabled={target !== 'vendor'} value={alternative} onChange={(e) => setAlternative(e.currentTarget.value)} error={errors.alternativeName} />
            <TextInput label="Budget" placeholder="45,000.00" value={budget} onChange={(e) => setBudget(e.currentTarget.value)} error={errors.budgetMinor} />
            <Select label="Currency" data={COMMON_CURRENCIES} searchable value={currency} onChange={(v) => v && setCurrency(v)} allowDeselect={false} error={errors.currency} />
            <NumberInput label="Timeline in days" min={1} value={timeline} onChange={setTimeline} error={errors.timelineDays} />
          </SimpleGrid>
          <Textarea label="Notes (internal, never shown to the vendor)" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} />
          {mode === 'edit' && (
            <Stack gap="xs">
              <Text fw={500} size="sm">
                Steps
              </Text>
              {errors.steps && <Text size="sm" c="red">{errors.steps}</Text>}
              {steps.map((x, i) => (
                <Group key={i} gap="xs" wrap="nowrap" align="flex-end">
                  <TextInput aria-label={`Step ${i + 1}`} value={x.title} onChange={(e) => setStep(i, { title: e.currentTarget.value })} style={{ flex: 3 }} />
                  <Select aria-label={`Who does step ${i + 1}`} data={STEP_OWNERS.map((o) => ({ value: o, label: STEP_OWNER_LABELS[o] }))} value={x.owner} allowDeselect={false} onChange={(v) => v && setStep(i, { owner: v })} style={{ flex: '0 0 140px' }} />
                  <NumberInput aria-label={`Days after the start, step ${i + 1}`} suffix=" days" min={0} value={x.offsetDays} onChange={(v) => setStep(i, { offsetDays: v })} style={{ flex: '0 0 110px' }} />
                  <TextInput aria-label={`Evidence of step ${i + 1}`} placeholder="What shows it was done" value={x.evidence} onChange={(e) => setStep(i, { evidence: e.currentTarget.value })} style={{ flex: 3 }} />
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove step ${i + 1}`} onClick={() => setSteps(steps.filter((_, j) => j !== i))}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Button variant="subtle" w="fit-content" leftSection={<IconPlus size={16} />} onClick={() => setSteps([...steps, { title: '', owner: 'us', offsetDays: 0, evidence: '', ownerUserId: null }])}>
                Add step
              </Button>
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={build.isPending || update.isPending}>
              {mode === 'build' ? 'Build plan' : 'Save plan'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
