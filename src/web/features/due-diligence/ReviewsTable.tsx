import { Anchor, Badge, Box, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DATA_ACCESS_LABELS } from '../../../shared/contracts/vendors.ts';
import { TierBadge } from '../../components/Badges.tsx';
import { formatDate } from '../../lib/format.ts';
import { RiskBadge, ScoreBadge } from './DdBadges.tsx';
import { daysUntil } from './labels.ts';
import type { ReviewRowT } from './types.ts';

const dataLabel = (d: string) => (DATA_ACCESS_LABELS as Record<string, string>)[d] ?? d;

function Next({ r }: { r: ReviewRowT }) {
  if (!r.lastCompletedAt) {
    return (
      <Badge color="red" variant="light">
        Never assessed
      </Badge>
    );
  }
  const days = daysUntil(r.nextReviewDate);
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{formatDate(r.nextReviewDate)}</Text>
      {r.reviewDue && (
        <Badge color="red" variant="light">
          {days < 0 ? `${-days} d overdue` : 'Due'}
        </Badge>
      )}
    </Group>
  );
}

/** When each vendor must next be reviewed, from its inherent risk, with its last score. */
export function ReviewsTable({ rows }: { rows: ReviewRowT[] }) {
  return (
    <>
      <Paper withBorder radius="md" visibleFrom="sm" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" highlightOnHover aria-label="Reviews by risk">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Vendor</Table.Th>
                <Table.Th>Inherent risk</Table.Th>
                <Table.Th>Tier</Table.Th>
                <Table.Th>Data access</Table.Th>
                <Table.Th>Reassess every</Table.Th>
                <Table.Th>Last score</Table.Th>
                <Table.Th>Next review</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.vendorId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/vendors/${r.vendorId}/assessments`} size="sm" fw={600}>
                      {r.vendorName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td className="fit-cell">
                    <RiskBadge level={r.riskLevel} />
                  </Table.Td>
                  <Table.Td className="fit-cell">
                    <TierBadge tier={r.tier} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{dataLabel(r.dataAccess)}</Text>
                  </Table.Td>
                  <Table.Td className="fit-cell">
                    <Text size="sm">{r.reviewEveryMonths} months</Text>
                  </Table.Td>
                  <Table.Td className="fit-cell">
                    <ScoreBadge score={r.lastScore} size="sm" />
                  </Table.Td>
                  <Table.Td className="fit-cell">
                    <Next r={r} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Stack gap="xs" hiddenFrom="sm" component="ul" className="bare-list" aria-label="Reviews by risk">
        {rows.map((r) => (
          <Box component="li" key={r.vendorId}>
            <Paper withBorder radius="md" p="sm">
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap">
                  <Anchor component={Link} to={`/vendors/${r.vendorId}/assessments`} size="sm" fw={600}>
                    {r.vendorName}
                  </Anchor>
                  <ScoreBadge score={r.lastScore} size="sm" />
                </Group>
                <Group gap={6}>
                  <RiskBadge level={r.riskLevel} />
                  <Next r={r} />
                </Group>
                <Text size="xs" c="dimmed">
                  Tier {r.tier} × {dataLabel(r.dataAccess)} · every {r.reviewEveryMonths} months
                </Text>
              </Stack>
            </Paper>
          </Box>
        ))}
      </Stack>
    </>
  );
}
