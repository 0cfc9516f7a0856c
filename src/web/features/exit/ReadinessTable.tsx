import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { CriticalityBadge } from '../../components/Badges.tsx';
import { ListView } from '../../components/list/ListView.tsx';
import { formatDate } from '../../lib/format.ts';
import { useReadinessList, type ReadinessRowT } from './api.ts';
import { ReadinessBadge } from './ReadinessCard.tsx';

const PLAN_WORDS = { draft: 'Plan ready', running: 'Exit in progress', done: 'Exit completed' } as const;

/** Readiness of running engagements, weakest first (the portfolio, or one vendor's). */
export function ReadinessTable({ query, showVendor = true, empty }: { query: Record<string, string>; showVendor?: boolean; empty: string }) {
  const list = useReadinessList(query);
  return (
    <ListView list={list} noun={{ one: 'engagement', many: 'engagements' }} empty={empty}>
      {(items: ReadinessRowT[]) => (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Exit readiness" verticalSpacing="sm" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Engagement</Table.Th>
                <Table.Th>Readiness</Table.Th>
                <Table.Th>Plan</Table.Th>
                <Table.Th>Last drill</Table.Th>
                <Table.Th>Weakest</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.engagement.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/engagements/${r.engagement.id}/exit`} fw={500}>
                      {r.engagement.name}
                    </Anchor>
                    <Group gap={6} mt={2}>
                      {showVendor && (
                        <Text size="xs" c="dimmed">
                          {r.vendor.name}
                        </Text>
                      )}
                      <CriticalityBadge criticality={r.engagement.criticality} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <ReadinessBadge score={r.score} band={r.band} />
                      {r.belowThreshold && (
                        <Badge color="red" variant="outline" size="sm">
                          Below threshold
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{r.planStatus ? PLAN_WORDS[r.planStatus] : <Text c="red" size="sm">No plan</Text>}</Table.Td>
                  <Table.Td>{r.lastDrillOn ? formatDate(r.lastDrillOn) : 'Never'}</Table.Td>
                  <Table.Td>{r.weakest.join('; ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </ListView>
  );
}
