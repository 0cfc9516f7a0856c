import { Button, Group, NumberInput, Paper, Select, Skeleton, Stack, TagsInput, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { roleCan } from '../../../shared/permissions.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useAllCalendars } from '../sla/lists.ts';
import { useContractSettings, useSaveContractSettings } from './api.ts';

const FIELDS = ['leadDays', 'reminderOffsets', 'calendarId'] as const;
const Form = z.object({
  leadDays: z.number({ message: 'Enter a number of days' }).int('Enter a whole number of days').min(0, 'At least 0 days').max(365, 'At most 365 days'),
  reminderOffsets: z
    .array(z.string())
    .min(1, 'Keep at least one reminder')
    .max(10, 'At most 10 reminders')
    .transform((a, c) => {
      const out: number[] = [];
      for (const s of a) {
        if (!/^\d{1,3}$/.test(s.trim()) || Number(s) > 730) {
          c.addIssue({ code: 'custom', message: `"${s}" is not a number of days from 0 to 730` });
          return z.NEVER;
        }
        out.push(Number(s));
      }
      if (new Set(out).size !== out.length) c.addIssue({ code: 'custom', message: 'Each number of days only once' });
      return out.sort((x, y) => y - x);
    }),
  calendarId: z.string().nullable(),
});

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** The organisation's contract settings: how early to decide, when to remind, which days are business days. */
export function ContractSettingsPage() {
  usePageTitle('Contract settings');
  const me = useSession();
  const canManage = roleCan(me.user.role, 'org.manage');
  const settings = useContractSettings();
  const calendars = useAllCalendars(canManage);
  const save = useSaveContractSettings();
  const form = useFormErrors(FIELDS);
  const [leadDays, setLeadDays] = useState<number | string>('');
  const [offsets, setOffsets] = useState<string[]>([]);
  const [calendarId, setCalendarId] = useState<string | null>(null);

  useEffect(() => {
    if (!settings.data) return;
    setLeadDays(settings.data.leadDays);
    setOffsets(settings.data.reminderOffsets.map(String));
    setCalendarId(settings.data.calendarId);
  }, [settings.data]);

  if (settings.isPending) return <Skeleton h={240} radius="md" />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => settings.refetch()} what="the contract settings" />;
  const s = settings.data;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(Form, { leadDays: typeof leadDays === 'number' ? leadDays : Number.NaN, reminderOffsets: offsets, calendarId });
    if (!input) return;
    save.mutate(input, {
      onSuccess: () => notifications.show({ color: 'teal', title: 'Contract settings saved', message: 'Decide-by dates and reminders follow the new settings.' }),
      onError: form.fromError,
    });
  };

  const calendarOptions = (calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (s.calendarId && !calendarOptions.some((o) => o.value === s.calendarId)) calendarOptions.push({ value: s.calendarId, label: s.calendarName ?? 'The chosen calendar' });

  return (
    <Paper withBorder radius="md" p="lg" maw={720}>
      <form onSubmit={submit} noValidate aria-label="Contract settings">
        <Stack gap="md">
          <div>
            <Title order={2} size="h4">
              Contracts
            </Title>
            <Text size="sm" c="dimmed">
              {canManage
                ? 'Each contract that renews has a notice deadline: the last day to give notice. Outsight sets a decide-by date before it, so there is time to decide and send the letter, and reminds the contract owner ahead of it.'
                : 'Only owners and admins can change these settings.'}
            </Text>
          </div>
          <FormErrorAlert error={form.general} />
          <NumberInput
            label="Decide this many days before the notice deadline"
            description="The decide-by date is the notice deadline, moved back to the last business day, minus these days."
            min={0}
            max={365}
            allowDecimal={false}
            value={leadDays}
            onChange={(v) => {
              setLeadDays(v);
              form.clearField('leadDays');
            }}
            error={form.errors.leadDays}
            readOnly={!canManage}
            suffix=" days"
          />
          <TagsInput
            label="Send reminders this many days before the decide-by date"
            description={canManage ? 'Type a number of days and press Enter; one e-mail for each, sent once.' : undefined}
            value={offsets}
            onChange={(v) => {
              setOffsets(v);
              form.clearField('reminderOffsets');
            }}
            error={form.errors.reminderOffsets}
            readOnly={!canManage}
            splitChars={[',', ' ', ';']}
          />
          {offsets.length > 0 && (
            <Text size="xs" c="dimmed">
              Reminders go out{' '}
              {[...offsets]
                .map(Number)
                .filter((n) => Number.isInteger(n))
                .sort((a, b) => b - a)
                .map(days)
                .join(', ')}{' '}
              before the decide-by date, and once more if it passes without notice given.
            </Text>
          )}
          {canManage ? (
            <Select
              label="Business days from this calendar"
              description="Weekends and this calendar's holidays are never decide-by dates. Without one, Monday to Friday are business days."
              placeholder="Monday to Friday, no holidays"
              data={calendarOptions}
              value={calendarId}
              onChange={(v) => {
                setCalendarId(v);
                form.clearField('calendarId');
              }}
              error={form.errors.calendarId}
              clearable
              searchable
            />
          ) : (
            <Text size="sm">
              <Text span fw={500}>
                Business days:
              </Text>{' '}
              {s.calendarName ? `the calendar "${s.calendarName}"` : 'Monday to Friday, no holidays'}
            </Text>
          )}
          {canManage && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                Save
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
