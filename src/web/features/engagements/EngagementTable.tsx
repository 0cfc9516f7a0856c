import { Anchor, Box, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { SERVICE_TYPE_LABELS } from '../../../shared/contracts/engagements.ts';
import type { EngagementT } from '../../api/types.ts';
import { ArchivedBadge, CriticalityBadge, EngagementStatusBadge } from '../../components/Badges.tsx';
import { formatDate } from '../../lib/format.ts';

function period(e: EngagementT): string {
  if (!e.startDate && !e.endDate) return 'No dates';
  return `${e.startDate ? formatDate(e.startDate) : '…'} – ${e.endDate ? formatDate(e.endDate) : 'open-ended'}`;
}

function NameCell({ e }: { e: EngagementT }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Anchor component={Link} to={`/engagements/${e.id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
        {e.name}
      </Anchor>
      {e.archived && <ArchivedBadge />}
    </Group>
  );
}

/** Engagements as a table on wide screens and cards on a phone. */
export function EngagementTable({ engagements, showVendor = true }: { engagements: EngagementT[]; showVendor?: boolean }) {
  return (
    <>
      <Paper withBorder radius="md" visibleFrom="sm" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={showVendor ? 880 : 720}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Engagement</Table.Th>
                {showVendor && <Table.Th>Vendor</Table.Th>}
                <Table.Th>Service type</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Criticality</Table.Th>
                <Table.Th>Period</Table.Th>
                <Table.Th>Internal owner</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {engagements.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td maw={280}>
                    <NameCell e={e} />
                  </Table.Td>
                  {showVendor && (
                    <Table.Td>
                      <Anchor component={Link} to={`/vendors/${e.vendorId}`} size="sm">
                        {e.vendorName}
                      </Anchor>
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Text size="sm">{SERVICE_TYPE_LABELS[e.serviceType]}</Text>
                  </Table.Td>
                  <Table.Td className="fit-cell">
                    <EngagementStatusBadge status={e.status} />
                  </Table.Td>
                  <Table.Td className="fit-cell">
                    <CriticalityBadge criticality={e.criticality} />
                  </Table.Td>
                  <Table.Td className="fit-cell">
                    <Text size="sm" c="dimmed">
                      {period(e)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={e.internalOwnerName ? undefined : 'dimmed'}>
                      {e.internalOwnerName ?? 'No owner'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Stack gap="xs" hiddenFrom="sm" component="ul" className="bare-list">
        {engagements.map((e) => (
          <Box component="li" key={e.id}>
            <Paper withBorder radius="md" p="sm">
              <Stack gap={6}>
                <NameCell e={e} />
                {showVendor && (
                  <Text size="xs" c="dimmed">
                    {e.vendorName}
                  </Text>
                )}
                <Group gap={6}>
                  <EngagementStatusBadge status={e.status} />
                  <CriticalityBadge criticality={e.criticality} />
                </Group>
                <Text size="xs" c="dimmed">
                  {SERVICE_TYPE_LABELS[e.serviceType]} · {period(e)}
                </Text>
              </Stack>
            </Paper>
          </Box>
        ))}
      </Stack>
    </>
  );
}
