import { Anchor, Chip, Group, Input, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useMemo } from 'react';
import { WEEKDAYS } from '../../lib/labels.ts';
import { browserTimeZone, timeZones } from '../../lib/timezones.ts';
import type { VendorFormValues } from './vendorFormValues.ts';

interface Props {
  values: VendorFormValues;
  set: <K extends keyof VendorFormValues>(key: K, value: VendorFormValues[K], field?: string) => void;
  errors: Record<string, string>;
}

/** The vendor's single point of contact: who, how to reach them, and when they work. */
export function VendorContactFields({ values, set, errors }: Props) {
  const zones = useMemo(() => {
    const all = timeZones();
    return values.contactTimeZone && !all.includes(values.contactTimeZone) ? [values.contactTimeZone, ...all] : all;
  }, [values.contactTimeZone]);

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h4">
            Contact
          </Title>
          <Text size="sm" c="dimmed">
            The vendor's single point of contact and the hours they can be reached.
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="Contact name"
            autoComplete="off"
            value={values.contactName}
            onChange={(e) => set('contactName', e.currentTarget.value)}
            error={errors.contactName}
          />
          <TextInput
            label="Contact email"
            type="email"
            autoComplete="off"
            value={values.contactEmail}
            onChange={(e) => set('contactEmail', e.currentTarget.value)}
            error={errors.contactEmail}
          />
          <TextInput
            label="Contact phone"
            type="tel"
            autoComplete="off"
            value={values.contactPhone}
            onChange={(e) => set('contactPhone', e.currentTarget.value)}
            error={errors.contactPhone}
          />
          <Select
            label="Contact time zone"
            placeholder="Search, e.g. Berlin or Kolkata"
            data={zones}
            searchable
            clearable
            limit={50}
            value={values.contactTimeZone}
            onChange={(v) => set('contactTimeZone', v)}
            error={errors.contactTimeZone}
            nothingFoundMessage="No time zone matches"
            description={
              values.contactTimeZone ? undefined : (
                <Anchor component="button" type="button" size="xs" onClick={() => set('contactTimeZone', browserTimeZone())}>
                  Use mine ({browserTimeZone()})
                </Anchor>
              )
            }
          />
        </SimpleGrid>
        <Switch
          label="The contact has set working hours"
          checked={values.hasWorkingHours}
          onChange={(e) => set('hasWorkingHours', e.currentTarget.checked, 'contactWorkingHours')}
        />
        {values.hasWorkingHours && (
          <Stack gap="sm">
            <fieldset className="bare-fieldset">
              <Input.Label component="legend" mb={6}>
                Working days
              </Input.Label>
              <Chip.Group multiple value={values.days} onChange={(v) => set('days', v, 'contactWorkingHours.days')}>
                <Group gap={6}>
                  {WEEKDAYS.map((d) => (
                    <Chip key={d.value} value={String(d.value)} size="sm" aria-label={d.long}>
                      {d.short}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
              {errors['contactWorkingHours.days'] && (
                <Input.Error mt={4}>{errors['contactWorkingHours.days']}</Input.Error>
              )}
            </fieldset>
            <Group gap="md" align="flex-start" grow maw={420}>
              <TimeInput
                label="Working hours start"
                value={values.start}
                onChange={(e) => set('start', e.currentTarget.value, 'contactWorkingHours.start')}
                error={errors['contactWorkingHours.start']}
              />
              <TimeInput
                label="Working hours end"
                value={values.end}
                onChange={(e) => set('end', e.currentTarget.value, 'contactWorkingHours.end')}
                error={errors['contactWorkingHours.end']}
              />
            </Group>
            {errors.contactWorkingHours && <Input.Error>{errors.contactWorkingHours}</Input.Error>}
            <Text size="xs" c="dimmed">
              In the contact's time zone{values.contactTimeZone ? ` (${values.contactTimeZone})` : ''}.
            </Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
