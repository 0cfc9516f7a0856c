import { ActionIcon, Badge, Button, CloseButton, Divider, FileInput, Group, Input, NumberInput, ScrollArea, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { CalendarInput } from '../../../shared/contracts/sla.ts';
import { errorMessage } from '../../api/client.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { formatDate } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { WEEKDAYS } from '../../lib/labels.ts';
import { browserTimeZone, timeZones } from '../../lib/timezones.ts';
import { useImportHolidays, useSaveCalendar } from './api.ts';
import { DAYS, WEEK_PRESETS, calendarValues, toCalendarInput, type CalendarValues, type Interval } from './calendarForm.ts';
import type { CalendarT } from './types.ts';

const FIELDS = ['name', 'timeZone', 'week', ...DAYS.map((d) => `week.${d}`), 'holidays'] as const;

function DayRow({ day, intervals, onChange, error }: { day: (typeof WEEKDAYS)[number]; intervals: Interval[]; onChange: (v: Interval[]) => void; error?: string }) {
  const working = intervals.length > 0;
  const set = (i: number, patch: Partial<Interval>) => onChange(intervals.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  return (
    <Input.Wrapper error={error}>
      <Group gap="xs" align="center" wrap="wrap">
        <Switch
          w={130}
          label={day.long}
          checked={working}
          onChange={(e) => onChange(e.currentTarget.checked ? [{ from: '09:00', to: '17:00' }] : [])}
        />
        {!working && (
          <Text size="sm" c="dimmed">
            Off
          </Text>
        )}
        {intervals.map((w, i) => (
          <Group key={i} gap={4} wrap="nowrap">
            <TextInput aria-label={`${day.long} ${i + 1}: from`} value={w.from} onChange={(e) => set(i, { from: e.currentTarget.value })} w={70} placeholder="09:00" maxLength={5} error={!!error} />
            <Text size="sm" aria-hidden>
              –
            </Text>
            <TextInput aria-label={`${day.long} ${i + 1}: to`} value={w.to} onChange={(e) => set(i, { to: e.currentTarget.value })} w={70} placeholder="17:00" maxLength={5} error={!!error} />
            {intervals.length > 1 && (
              <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${day.long} interval ${i + 1}`} onClick={() => onChange(intervals.filter((_, j) => j !== i))}>
                <IconTrash size={14} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {working && intervals.length < 6 && (
          <ActionIcon variant="subtle" aria-label={`Add an interval on ${day.long}`} onClick={() => onChange([...intervals, { from: '13:00', to: '17:00' }])}>
            <IconPlus size={14} />
          </ActionIcon>
        )}
      </Group>
    </Input.Wrapper>
  );
}

function HolidayImport({ calendarId, onImported }: { calendarId: string; onImported: (c: CalendarT) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const year = new Date().getFullYear();
  const [fromYear, setFromYear] = useState<number | ''>(year - 5);
  const [toYear, setToYear] = useState<number | ''>(year + 5);
  const [result, setResult] = useState<{ added: number; problems: string[] } | null>(null);
  const importer = useImportHolidays(calendarId);
  const run = () => {
    if (!file) return;
    importer.mutate(
      { file, fromYear: fromYear === '' ? undefined : fromYear, toYear: toYear === '' ? undefined : toYear },
      {
        onSuccess: (r) => {
          setResult({ added: r.added, problems: r.problems });
          onImported(r.calendar);
        },
        onError: (e) => notifications.show({ color: 'red', title: 'Holidays not imported', message: errorMessage(e) }),
      },
    );
  };
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <FileInput label="Import holidays from .ics" placeholder="Choose an .ics file" accept=".ics,text/calendar" value={file} onChange={setFile} clearable leftSection={<IconCalendarEvent size={16} />} w={240} />
        <NumberInput label="From year" value={fromYear} onChange={(v) => setFromYear(v === '' ? '' : Number(v))} min={1900} max={2199} w={100} hideControls />
        <NumberInput label="To year" value={toYear} onChange={(v) => setToYear(v === '' ? '' : Number(v))} min={1900} max={2199} w={100} hideControls />
        <Button variant="default" onClick={run} disabled={!file} loading={importer.isPending}>
          Import
        </Button>
      </Group>
      {result && (
        <Text size="sm" role="status" c={result.problems.length ? 'orange.8' : 'teal.8'}>
          Added {result.added} {result.added === 1 ? 'holiday' : 'holidays'}.{' '}
          {result.problems.length > 0 && `Skipped: ${result.problems.slice(0, 5).join('; ')}${result.problems.length > 5 ? '; …' : ''}`}
        </Text>
      )}
    </Stack>
  );
}

/** Working hours per weekday, time zone and holidays: what "business hours" means for an SLA. */
export function CalendarEditor({ calendar, onSaved, onCancel }: { calendar?: CalendarT; onSaved: (c: CalendarT) => void; onCancel: () => void }) {
  const [values, setValues] = useState<CalendarValues>(() => calendarValues(calendar, browserTimeZone()));
  const [holiday, setHoliday] = useState<string | null>(null);
  const form = useFormErrors(FIELDS);
  const save = useSaveCalendar(calendar?.id ?? null);
  const { errors } = form;
  const set = <K extends keyof CalendarValues>(key: K, value: CalendarValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    form.clearField(key);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(CalendarInput, toCalendarInput(values), { timeZone: 'Choose a time zone' });
    if (!body) return;
    save.mutate(body, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', title: calendar ? 'Calendar saved' : 'Calendar created', message: `${saved.name}. Tickets measured on it were re-measured.` });
        onSaved(saved);
      },
      onError: form.fromError,
    });
  };

  const addHoliday = (d: string | null) => {
    setHoliday(null);
    if (d && !values.holidays.includes(d)) set('holidays', [...values.holidays, d].sort());
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Calendar">
      <Stack gap="md">
        <FormErrorAlert error={form.general} title="The calendar was not saved" />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput label="Name" required placeholder="e.g. Berlin office hours" value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} data-autofocus miw={220} />
          <Select label="Time zone" required searchable data={timeZones()} value={values.timeZone} onChange={(v) => set('timeZone', v)} error={errors.timeZone} nothingFoundMessage="No time zone matches" allowDeselect={false} miw={220} />
        </Group>
        <Stack gap="xs">
          <Group justify="space-between" wrap="wrap">
            <Title order={3} size="h5">
              Working hours
            </Title>
            <Group gap="xs">
              {Object.entries(WEEK_PRESETS).map(([k, p]) => (
                <Button key={k} size="compact-sm" variant="light" onClick={() => set('week', p.week())}>
                  {p.label}
                </Button>
              ))}
            </Group>
          </Group>
          <Text size="xs" c="dimmed">
            HH:MM in the calendar’s time zone; 24:00 ends a day. Business-hours targets only count time inside these hours.
          </Text>
          {errors.week && (
            <Text size="xs" c="red.7">
              {errors.week}
            </Text>
          )}
          {WEEKDAYS.map((day) => {
            const d = String(day.value);
            return <DayRow key={d} day={day} intervals={values.week[d] ?? []} onChange={(v) => { set('week', { ...values.week, [d]: v }); form.clearField(`week.${d}`); }} error={errors[`week.${d}`]} />;
          })}
        </Stack>
        <Divider />
        <Stack gap="xs">
          <Title order={3} size="h5">
            Holidays
          </Title>
          <Text size="xs" c="dimmed">
            Whole days off: no business time counts on them.
          </Text>
          <DatePickerInput label="Add a holiday" placeholder="Pick a date" valueFormat="D MMM YYYY" value={holiday} onChange={addHoliday} w={220} clearable error={errors.holidays} />
          {values.holidays.length > 0 ? (
            <ScrollArea.Autosize mah={140} type="auto">
              <Group gap={6} component="ul" className="bare-list" aria-label="Holidays">
                {values.holidays.map((h) => (
                  <Badge
                    component="li"
                    key={h}
                    variant="default"
                    tt="none"
                    size="lg"
                    fw={500}
                    rightSection={<CloseButton size="xs" aria-label={`Remove ${formatDate(h)}`} onClick={() => set('holidays', values.holidays.filter((x) => x !== h))} />}
                  >
                    {formatDate(h)}
                  </Badge>
                ))}
              </Group>
            </ScrollArea.Autosize>
          ) : (
            <Text size="sm" c="dimmed">
              No holidays.
            </Text>
          )}
          {calendar ? (
            <HolidayImport calendarId={calendar.id} onImported={(c) => set('holidays', [...new Set([...values.holidays, ...c.holidays])].sort())} />
          ) : (
            <Text size="xs" c="dimmed">
              Save the calendar first to import holidays from an .ics file.
            </Text>
          )}
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {calendar ? 'Save calendar' : 'Create calendar'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
