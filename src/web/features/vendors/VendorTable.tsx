import { Anchor, Badge, Box, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DATA_ACCESS_LABELS, VENDOR_KIND_LABELS } from '../../../shared/contracts/vendors.ts';
import type { VendorT } from '../../api/types.ts';
import { ArchivedBadge, TierBadge, VendorStatusBadge } from '../../components/Badges.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';

function VendorName({ vendor }: { vendor: VendorT }) {
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        <Anchor component={Link} to={`/vendors/${vendor.id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {vendor.name}
        </Anchor>
        {vendor.archived && <ArchivedBadge />}
      </Group>
      {vendor.tags.length > 0 && (
        <Group gap={4}>
          {vendor.tags.slice(0, 4).map((t) => (
            <Badge key={t} size="xs" variant="default" radius="sm" tt="none">
              {t}
            </Badge>
          ))}
          {vendor.tags.length > 4 && (
            <Text size="xs" c="dimmed">
              +{vendor.tags.length - 4}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}

/** Vendors as a table on wide screens and as cards on a phone. */
export function VendorTable({ vendors }: { vendors: VendorT[] }) {
  return (
    <>
      <Paper withBorder radius="md" visibleFrom="sm" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={940}>
          <Table verticalSpacing="sm" highlightOnHover striped={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Tier</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Data access</Table.Th>
                <Table.Th>Internal owner</Table.Th>
                <Table.Th ta="right">Engagements</Table.Th>
                <Table.Th>Updated</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {vendors.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td maw={300}>
                    <VendorName vendor={v} />
                  </Table.Td>
                  <Table.Td className="fit-cell">
                    <VendorStatusBadge status={v.status} />
                  </Table.Td>
                  <Table.Td className="fit-cell">
                    <TierBadge tier={v.tier} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{VENDOR_KIND_LABELS[v.kind]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{DATA_ACCESS_LABELS[v.dataAccess]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={v.internalOwnerName ? undefined : 'dimmed'}>
                      {v.internalOwnerName ?? 'No owner'}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{v.engagementCount}</Text>
                  </Table.Td>
                  <Table.Td className="fit-cell">
                    <Text size="sm" c="dimmed">
                      <TimeAgo value={v.updatedAt} />
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Stack gap="xs" hiddenFrom="sm" component="ul" className="bare-list">
        {vendors.map((v) => (
          <Box component="li" key={v.id}>
            <Paper withBorder radius="md" p="sm">
              <Stack gap={6}>
                <VendorName vendor={v} />
                <Group gap={6}>
                  <VendorStatusBadge status={v.status} />
                  <TierBadge tier={v.tier} />
                </Group>
                <Text size="xs" c="dimmed">
                  {VENDOR_KIND_LABELS[v.kind]} · Data access: {DATA_ACCESS_LABELS[v.dataAccess]} ·{' '}
                  {v.engagementCount === 1 ? '1 engagement' : `${v.engagementCount} engagements`}
                </Text>
              </Stack>
            </Paper>
          </Box>
        ))}
      </Stack>
    </>
  );
}
