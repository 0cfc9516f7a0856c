import { Anchor, Badge, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { QueryError } from '../../components/QueryError.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { rejectionsCsvUrl, useTicketImports } from './api.ts';
import { FORMATS } from './mapping.ts';

/** The engagement's ticket imports, newest first, with their rejected-rows reports. */
export function RecentImports({ engagementId }: { engagementId: string }) {
  const imports = useTicketImports(engagementId);
  const items = (imports.data ?? []).slice(0, 10);
  return (
    <Stack gap="sm" component="section" aria-labelledby="sla-imports-title">
      <div>
        <Title order={2} size="h4" id="sla-imports-title">
          Recent imports
        </Title>
        <Text size="sm" c="dimmed">
          Where the tickets came from.
        </Text>
      </div>
      {imports.isPending ? (
        <Skeleton h={48} radius="md" />
      ) : imports.isError ? (
        <QueryError error={imports.error} onRetry={() => imports.refetch()} what="imports" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No tickets imported yet.
        </Text>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={720}>
            <Table fz="sm" verticalSpacing="xs" aria-label="Recent imports">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>File</Table.Th>
                  <Table.Th>Format</Table.Th>
                  <Table.Th ta="right">Rows</Table.Th>
                  <Table.Th ta="right">Created</Table.Th>
                  <Table.Th ta="right">Updated</Table.Th>
                  <Table.Th ta="right">Rejected</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td className="fit-cell">
                      <TimeAgo value={i.startedAt} />
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {i.fileName ?? '—'}
                      {i.status === 'failed' && (
                        <Badge ml={6} color="red" variant="light" size="sm">
                          Failed
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{FORMATS.find((f) => f.value === i.format)?.label.replace(/ \(.*\)$/, '') ?? i.format}</Table.Td>
                    <Table.Td ta="right">{i.rowsRead.toLocaleString()}</Table.Td>
                    <Table.Td ta="right">{i.ticketsCreated.toLocaleString()}</Table.Td>
                    <Table.Td ta="right">{i.ticketsUpdated.toLocaleString()}</Table.Td>
                    <Table.Td ta="right">
                      {i.rejectedCount === 0 ? (
                        <Text span c="dimmed" size="sm">0</Text>
                      ) : (
                        <Anchor href={rejectionsCsvUrl(i.id)} download size="sm" aria-label={`Download the ${i.rejectedCount} rejected rows of ${i.fileName ?? 'this import'} (CSV)`}>
                          {i.rejectedCount.toLocaleString()} (CSV)
                        </Anchor>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
