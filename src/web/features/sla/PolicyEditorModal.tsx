import { Alert, Button, Divider, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, TagsInput, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { SlaPolicyInput } from '../../../shared/contracts/sla.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useSavePolicy } from './api.ts';
import { useAllCalendars } from './lists.ts';
import { CalendarEditor } from './CalendarEditor.tsx';
import { calendarLabel, describeWeek, holidayCount } from './calendarForm.ts';
import { CreditTiersEditor } from './CreditTiersEditor.tsx';
import { duplicatePriority, policyFields, policyValues, templatePolicy, toPolicyInput, type PolicyValues } from './policyForm.ts';
import { PriorityTargetsEditor } from './PriorityTargetsEditor.tsx';
import type { CalendarT, SlaPolicyT } from './types.ts';

const STATUS_SUGGESTIONS = ['Awaiting User Info', 'Awaiting Customer', 'Pending', 'On Hold', 'Waiting for customer', 'Resolved', 'Closed', 'Solved', 'Done', 'Cancelled'];

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <div>
        <Title order={3} size="h5">
          {title}
        </Title>
        {description && (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        )}
      </div>
      {children}
    </Stack>
  );
}

interface Props {
  opened: boolean;
  onClose: () => void;
  engagementId: string;
  engagementName: string;
  /** The policy in force; without it the editor starts from the template. */
  policy: SlaPolicyT | null;
}

function PolicyEditorBody({ onClose, engagementId, policy }: Omit<Props, 'opened' | 'engagementName'>) {
  const calendars = useAllCalendars();
  const [values, setValues] = useState<PolicyValues>(() => (policy ? policyValues(policy) : templatePolicy(null)));
  const [calendarView, setCalendarView] = useState<{ calendar?: CalendarT } | null>(null);
  const fields = useMemo(() => policyFields(values), [values]);
  const form = useFormErrors(fields);
  const save = useSavePolicy(engagementId);
  const { errors } = form;
  const set = <K extends keyof PolicyValues>(key: K, value: PolicyValues[K], field: string = key) => {
    setValues((v) => ({ ...v, [key]: value }));
    form.clearField(field);
  };

  // A new policy picks the only (or first) calendar by itself.
  const calendarId = values.calendarId ?? (calendars.data?.length ? calendars.data[0].id : null);
  const calendar = calendars.data?.find((c) => c.id === calendarId);

  if (calendarView) {
    return (
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {calendarView.calendar ? `Editing the calendar “${calendarView.calendar.name}”. Changing it re-measures every policy that uses it.` : 'A new business calendar. It is picked for this policy once saved.'}
        </Text>
        <CalendarEditor
          calendar={calendarView.calendar}
          onCancel={() => setCalendarView(null)}
          onSaved={(c) => {
            set('calendarId', c.id);
            setCalendarView(null);
          }}
        />
      </Stack>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const dup = duplicatePriority(values);
    if (dup) {
      form.fromError(new Error(dup));
      return;
    }
    const body = form.validate(SlaPolicyInput, toPolicyInput({ ...values, calendarId }), { calendarId: 'Choose or create a calendar' });
    if (!body) return;
    save.mutate(body, {
      onSuccess: (saved) => {
        notifications.show({
          color: 'teal',
          title: `Saved as version ${saved.version}`,
          message: saved.version > 1 ? 'Every ticket was re-measured against it. Earlier versions stay available in the report.' : 'Tickets are measured against it from now on.',
        });
        onClose();
      },
      onError: form.fromError,
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="SLA policy">
      <Stack gap="lg">
        {!policy && (
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} role="note">
            A starting template for a service desk is filled in. Change it to what the contract says.
          </Alert>
        )}
        <FormErrorAlert error={form.general} title="The policy was not saved" />
        <Section title="Business calendar" description="Working hours, time zone and holidays for business-hours targets; months are counted in its time zone.">
          <Group align="flex-end" gap="xs" wrap="wrap">
            <Select
              label="Calendar"
              required
              placeholder={calendars.isPending ? 'Loading calendars…' : calendars.data?.length ? 'Choose a calendar' : 'No calendars yet: create one'}
              data={(calendars.data ?? []).map((c) => ({ value: c.id, label: calendarLabel(c) }))}
              value={calendarId}
              onChange={(v) => set('calendarId', v)}
              error={errors.calendarId}
              allowDeselect={false}
              miw={260}
              style={{ flex: '1 1 260px' }}
            />
            {calendar && (
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setCalendarView({ calendar })}>
                Edit calendar
              </Button>
            )}
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setCalendarView({})}>
              New calendar
            </Button>
          </Group>
          {calendar && (
            <Text size="xs" c="dimmed">
              {calendar.timeZone} · {describeWeek(calendar.week)} · {holidayCount(calendar.holidays.length)}
            </Text>
          )}
        </Section>
        <Divider />
        <Section title="Targets per priority" description="Priorities as they appear in the imported tickets (map the vendor's values to these names in the import).">
          <PriorityTargetsEditor rows={values.priorities} onChange={(rows) => set('priorities', rows)} errors={errors} />
          {errors.priorities && (
            <Text size="xs" c="red.7">
              {errors.priorities}
            </Text>
          )}
        </Section>
        <Divider />
        <Section title="Statuses" description="Matched case-insensitively against the ticket's status.">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TagsInput
              label="Pause the resolution clock in"
              description="While you hold the ball, e.g. waiting for the user. Press Enter after each."
              data={STATUS_SUGGESTIONS}
              value={values.pauseStatuses}
              onChange={(v) => set('pauseStatuses', v)}
              error={errors.pauseStatuses}
              clearable
            />
            <TagsInput
              label="Resolved or closed statuses"
              description="Entering one stops the clock; leaving one is a reopen."
              required
              data={STATUS_SUGGESTIONS}
              value={values.resolvedStatuses}
              onChange={(v) => set('resolvedStatuses', v)}
              error={errors.resolvedStatuses}
              clearable
            />
          </SimpleGrid>
        </Section>
        <Divider />
        <Section title="Service credits" description="What the vendor owes for a month that misses a target, as a share of the monthly fee.">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <NumberInput
              label="Monthly fee"
              description="In the contract's currency"
              placeholder="e.g. 25,000.00"
              min={0}
              decimalScale={2}
              fixedDecimalScale
              thousandSeparator=","
              value={values.monthlyFee}
              onChange={(v) => set('monthlyFee', v === '' ? '' : Number(v), 'monthlyFeeMinor')}
              error={errors.monthlyFeeMinor}
            />
            <NumberInput
              label="Credit cap per month"
              description="Of the monthly fee; empty for no cap"
              suffix=" %"
              min={0}
              max={100}
              value={values.creditCapPct}
              onChange={(v) => set('creditCapPct', v === '' ? '' : Number(v))}
              error={errors.creditCapPct}
            />
            <NumberInput
              label="At risk after"
              description="Share of the target used by an open ticket"
              suffix=" %"
              min={0}
              max={100}
              value={values.atRiskPct}
              onChange={(v) => set('atRiskPct', v === '' ? '' : Number(v), 'atRiskShare')}
              error={errors.atRiskShare}
            />
          </SimpleGrid>
          <CreditTiersEditor label="Per priority that misses its monthly target" rows={values.attainmentCredits} onChange={(rows) => set('attainmentCredits', rows)} error={errors.attainmentCredits} />
        </Section>
        <Divider />
        <Section title="Availability" description="Monthly uptime from the outages you record; planned maintenance does not count as downtime.">
          <Switch label="This engagement has an availability target" checked={values.availabilityOn} onChange={(e) => set('availabilityOn', e.currentTarget.checked, 'availability')} />
          {values.availabilityOn && (
            <>
              <NumberInput
                label="Availability target"
                suffix=" %"
                min={0}
                max={100}
                decimalScale={3}
                value={values.availabilityPct}
                onChange={(v) => set('availabilityPct', v === '' ? '' : Number(v), 'availability.target')}
                error={errors['availability.target'] ?? errors.availability}
                w={200}
              />
              <CreditTiersEditor label="When availability misses its target" rows={values.availabilityCredits} onChange={(rows) => set('availabilityCredits', rows, 'availability.credits')} error={errors['availability.credits']} />
            </>
          )}
        </Section>
        <Group justify="flex-end" className="form-actions" p="sm" bg="var(--mantine-color-body)" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
          <Text size="xs" c="dimmed" mr="auto">
            {policy ? `Saving creates version ${policy.version + 1}; version ${policy.version} is kept.` : 'Saving creates version 1.'}
          </Text>
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {policy ? 'Save new version' : 'Save SLA policy'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Create or edit an engagement's SLA policy (every save is a new version). */
export function PolicyEditorModal(props: Props) {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={`${props.policy ? 'Edit' : 'Set up'} the SLA policy · ${props.engagementName}`}
      size="64rem"
      fullScreen={!!phone}
    >
      {props.opened && <PolicyEditorBody onClose={props.onClose} engagementId={props.engagementId} policy={props.policy} />}
    </Modal>
  );
}
