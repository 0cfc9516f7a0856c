import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { DueItem } from '../../../shared/contracts/dashboard.ts';
import { formatDayMonth } from '../../lib/format.ts';

/** "Overdue", "Today" or the date: a due date read at a glance. */
function dueBadge(d: DueItem, today: string): { text: string; color: string } {
  if (d.overdue) return { text: 'Overdue', color: 'red' };
  if (d.date === today) return { text: 'Today', color: 'orange' };
  // Without the year in the year we are in: the full date did not fit the badge and was cut.
  return { text: formatDayMonth(d.date, today), color: 'blue' };
}

/** Dates from every module, each line opening its object: the dashboard's week, everything due, and "my actions" share it. */
export function DueItemsList({ items, today, label }: { items: readonly DueItem[]; today: string; label: string }) {
  return (
    <Stack gap="xs" component="ul" className="bare-list" aria-label={label}>
      {items.map((d) => {
        const badge = dueBadge(d, today);
        return (
          <li key={d.key}>
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <Badge color={badge.color} variant="light" w={104} style={{ flexShrink: 0 }} mt={2}>
                {badge.text}
              </Badge>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={d.href} size="sm">
                  {d.title}
                </Anchor>
                {d.detail && (
                  <Text size="xs" c="dimmed">
                    {d.detail.charAt(0).toUpperCase() + d.detail.slice(1)}
                  </Text>
                )}
              </Stack>
            </Group>
          </li>
        );
      })}
    </Stack>
  );
}
