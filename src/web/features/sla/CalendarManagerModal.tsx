import { Button, EmptyState, Group, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCalendarTime, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { CardList } from '../../components/list/DataTable.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useAllCalendars } from './lists.ts';
import { CalendarEditor } from './CalendarEditor.tsx';
import { describeWeek, holidayCount } from './calendarForm.ts';
import type { CalendarT } from './types.ts';

function CalendarList({ canWrite, onEdit }: { canWrite: boolean; onEdit: (c?: CalendarT) => void }) {
  const calendars = useAllCalendars();
  if (calendars.isPending) return <Skeleton h={120} radius="md" />;
  if (calendars.isError) return <QueryError error={calendars.error} onRetry={() => calendars.refetch()} what="calendars" />;
  const items = calendars.data;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        A calendar says when business hours run: working hours per weekday, its time zone and holidays. SLA policies measure business-hours targets on one.
      </Text>
      {items.length === 0 ? (
        <EmptyState size="sm" icon={<IconCalendarTime size={24} />} title="No calendars yet" description="Create one for your vendor's service hours, or a 24×7 one." />
      ) : (
        <CardList
          items={items}
          itemKey={(c) => c.id}
          label="Business calendars"
          render={(c) => (
            <Group justify="space-between" wrap="nowrap">
              <div>
                <Text fw={600} size="sm">
                  {c.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {c.timeZone} · {describeWeek(c.week)} · {holidayCount(c.holidays.length)}
                </Text>
              </div>
              {canWrite && (
                <Button size="compact-sm" variant="default" leftSection={<IconPencil size={14} />} onClick={() => onEdit(c)} aria-label={`Edit ${c.name}`}>
                  Edit
                </Button>
              )}
            </Group>
          )}
        />
      )}
      {canWrite && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} />} onClick={() => onEdit()}>
            New calendar
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The organisation's business calendars: list, create, edit. */
export function CalendarManagerModal({ opened, onClose, canWrite }: { opened: boolean; onClose: () => void; canWrite: boolean }) {
  const phone = useMediaQuery('(max-width: 36em)');
  const [editing, setEditing] = useState<{ calendar?: CalendarT } | null>(null);
  const close = () => {
    setEditing(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={editing ? (editing.calendar ? `Edit ${editing.calendar.name}` : 'New calendar') : 'Business calendars'}
      size="48rem"
      fullScreen={!!phone}
    >
      {opened &&
        (editing ? (
          <CalendarEditor calendar={editing.calendar} onCancel={() => setEditing(null)} onSaved={() => setEditing(null)} />
        ) : (
          <CalendarList canWrite={canWrite} onEdit={(c) => setEditing({ calendar: c })} />
        ))}
    </Modal>
  );
}
