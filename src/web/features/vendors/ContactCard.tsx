import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { VendorT } from '../../api/types.ts';
import { DetailList } from '../../components/DetailList.tsx';
import { formatClock, isEmailLocalPart } from '../../lib/format.ts';
import { WEEKDAYS } from '../../lib/labels.ts';
import { localClock } from '../../lib/timezones.ts';

/** "Mon–Fri" for a contiguous run, "Mon, Wed, Fri" otherwise. */
export function formatDays(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 0) return 'No days';
  if (sorted.length === 7) return 'Every day';
  const short = (d: number) => WEEKDAYS[d - 1]?.short ?? String(d);
  const contiguous = sorted.every((d, i) => i === 0 || d === sorted[i - 1] + 1);
  if (contiguous && sorted.length > 2) return `${short(sorted[0])}–${short(sorted[sorted.length - 1])}`;
  return sorted.map(short).join(', ');
}

function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

function LocalTime({ vendor }: { vendor: VendorT }) {
  const now = useNow();
  if (!vendor.contactTimeZone) return null;
  const clock = localClock(vendor.contactTimeZone, now);
  if (!clock) return <Text size="sm">{vendor.contactTimeZone}</Text>;
  const wh = vendor.contactWorkingHours;
  const working = wh ? wh.days.includes(clock.weekday) && clock.hhmm >= wh.start && clock.hhmm < wh.end : null;
  return (
    <Group gap={8} wrap="wrap">
      <Text size="sm" fw={500}>
        {clock.time}
      </Text>
      <Text size="sm" c="dimmed">
        {clock.offset}
      </Text>
      {working !== null && (
        <Badge size="sm" variant="light" color={working ? 'teal' : 'gray'}>
          {working ? 'Within working hours' : 'Outside working hours'}
        </Badge>
      )}
    </Group>
  );
}

export function ContactCard({ vendor }: { vendor: VendorT }) {
  const wh = vendor.contactWorkingHours;
  const empty = !vendor.contactName && !vendor.contactEmail && !vendor.contactPhone && !vendor.contactTimeZone && !wh;
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Title order={2} size="h4">
          Contact
        </Title>
        {empty ? (
          <Text size="sm" c="dimmed">
            No contact recorded yet. Every vendor should have a single point of contact.
          </Text>
        ) : (
          <DetailList
            items={[
              // A name that is only the address's local part ("jane") adds nothing beside the address.
              { label: 'Name', value: isEmailLocalPart(vendor.contactName, vendor.contactEmail) ? null : vendor.contactName },
              {
                label: 'Email',
                value: vendor.contactEmail ? (
                  <Anchor href={`mailto:${vendor.contactEmail}`} size="sm">
                    {vendor.contactEmail}
                  </Anchor>
                ) : null,
              },
              {
                label: 'Phone',
                value: vendor.contactPhone ? (
                  <Anchor href={`tel:${vendor.contactPhone.replace(/[^\d+]/g, '')}`} size="sm">
                    {vendor.contactPhone}
                  </Anchor>
                ) : null,
              },
              { label: 'Time zone', value: vendor.contactTimeZone },
              { label: 'Working hours', value: wh ? `${formatDays(wh.days)}, ${formatClock(wh.start)}–${formatClock(wh.end)}` : null },
              { label: 'Their local time now', value: vendor.contactTimeZone ? <LocalTime vendor={vendor} /> : null },
            ]}
          />
        )}
      </Stack>
    </Paper>
  );
}
