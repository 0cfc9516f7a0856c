import { Anchor, Box, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { AssessmentStatusBadge, ScoreBadge } from './DdBadges.tsx';
import type { AssessmentSummaryT } from './types.ts';

function Name({ a }: { a: AssessmentSummaryT }) {
  return (
    <Anchor component={Link} to={`/assessments/${a.id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
      {a.templateName} <Text span size="xs" c="dimmed">v{a.templateVersion}</Text>
    </Anchor>
  );
}

/** Assessments as a table on wide screens and cards on a phone. */
export function AssessmentTable({ items, showVendor = false, label }: { items: AssessmentSummaryT[]; showVendor?: boolean; label: string }) {
  return (
    <>
      <Paper withBorder radius="md" visibleFrom="sm" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={showVendor ? 820 : 680}>
          <Table verticalSpacing="sm" highlightOnHover aria-label={label}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Questionnaire</Table.Th>
                {showVendor && <Table.Th>Vendor</Table.Th>}
                <Table.Th>Status</Table.Th>
                <Table.Th>Sent</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Score</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Name a={a} />
                  </Table.Td>
                  {showVendor && (
                    <Table.Td>
                      <Anchor component={Link} to={`/vendors/${a.vendorId}/assessments`} size="sm">
                        {a.vendorName}
                      </Anchor>
                    </Table.Td>
                  )}
                  <Table.Td className="fit-cell">
                    <AssessmentStatusBadge status={a.status} overdue={a.overdue} />
                  </Table.Td>
                  <Table.Td className="fit-cell">
                    <Text size="sm">{formatDate(a.sentAt)}</Text>
                  </Table.Td>
                  <Table.Td className="fit-cell">
                    <Text size="sm" c={a.overdue ? 'red' : undefined} fw={a.overdue ? 600 : undefined}>
                      {formatDate(a.dueDate)}
                    </Text>
                  </Table.Td>
                  <Table.Td className="fit-cell">
                    {a.status === 'completed' ? <ScoreBadge score={a.overallScore} size="sm" /> : <Text size="sm" c="dimmed">—</Text>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Stack gap="xs" hiddenFrom="sm" component="ul" className="bare-list" aria-label={label}>
        {items.map((a) => (
          <Box component="li" key={a.id}>
            <Paper withBorder radius="md" p="sm">
              <Stack gap={6}>
                <Name a={a} />
                {showVendor && (
                  <Text size="xs" c="dimmed">
                    {a.vendorName}
                  </Text>
                )}
                <Group gap={6}>
                  <AssessmentStatusBadge status={a.status} overdue={a.overdue} />
                  {a.status === 'completed' && <ScoreBadge score={a.overallScore} size="sm" />}
                </Group>
                <Text size="xs" c="dimmed">
                  Sent {formatDate(a.sentAt)} · due {formatDate(a.dueDate)}
                </Text>
              </Stack>
            </Paper>
          </Box>
        ))}
      </Stack>
    </>
  );
}
