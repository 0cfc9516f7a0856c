import { Badge, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { usePortalDeliverables, type PortalDeliverableT } from './api.ts';
import { DeliverableStatusBadge } from './DeliverableCard.tsx';

function Row({ d }: { d: PortalDeliverableT }) {
  const action = d.status === 'rejected' ? 'Hand in again' : d.canSubmit ? 'Hand in' : 'View';
  return (
    <Paper withBorder radius="md" p="md" component="li">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 220px' }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {d.title}
          </Text>
          <Group gap={6}>
            <DeliverableStatusBadge status={d.status} />
            {d.lateness.late && (
              <Badge color="red" variant="filled">
                Late
              </Badge>
            )}
          </Group>
          <Text size="sm" c={d.lateness.late ? 'red' : 'dimmed'}>
            {d.lateness.words}
          </Text>
        </Stack>
        <Button component={Link} to={`/portal/deliverables/${d.id}`} variant={d.canSubmit ? 'filled' : 'default'} rightSection={<IconChevronRight size={16} />} aria-label={`${action}: ${d.title}`}>
          {action}
        </Button>
      </Group>
    </Paper>
  );
}

/** The portal's list of what the vendor owes under its engagements: criteria, due dates, status, rejections. */
export function PortalDeliverablesSection() {
  const list = usePortalDeliverables();
  if (list.isPending || list.isError || list.data.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="portal-deliverables">
      <Title order={2} size="h4" id="portal-deliverables">
        Deliverables
      </Title>
      <Box component="ul" className="bare-list">
        <Stack gap="sm">
          {list.data.map((d) => (
            <Row key={d.id} d={d} />
          ))}
        </Stack>
      </Box>
    </Stack>
  );
}
