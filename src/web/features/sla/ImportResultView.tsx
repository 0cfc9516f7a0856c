import { Alert, Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconCircleCheck, IconDownload } from '@tabler/icons-react';
import { RejectedRowsTable } from '../../components/RejectedRowsTable.tsx';
import { rejectionsCsvUrl } from './api.ts';
import type { TicketImportDoneT, TicketRejectionT } from './types.ts';

export function RejectedRows({ rows, total }: { rows: TicketRejectionT[]; total: number }) {
  return (
    <Stack gap={4}>
      <RejectedRowsTable rows={rows} maxHeight={280} />
      {total > rows.length && (
        <Text size="xs" c="dimmed">
          Showing the first {rows.length.toLocaleString()} of {total.toLocaleString()} rejected rows; download the CSV below for all of them.
        </Text>
      )}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value.toLocaleString()}
      </Text>
    </div>
  );
}

/**
 * What an import did: rows read, tickets created/updated/unchanged, every rejected row, and
 * whether the SLA report measures them — only once the engagement has an SLA policy.
 */
export function ImportSummary({ result, measured }: { result: TicketImportDoneT; measured: boolean }) {
  const clean = result.rejectedCount === 0;
  const imported = result.rowsRead - result.rejectedCount;
  // A file with no data rows "succeeds" with nothing in it: never call that imported.
  const nothing = imported <= 0;
  const tickets = result.ticketsCreated + result.ticketsUpdated + result.ticketsUnchanged;
  const title = nothing
    ? 'Nothing was imported'
    : clean
      ? 'Tickets imported'
      : `Tickets imported; ${result.rejectedCount.toLocaleString()} ${result.rejectedCount === 1 ? 'row' : 'rows'} rejected`;
  return (
    <Stack gap="sm">
      <Alert
        color={nothing ? 'red' : clean ? 'teal' : 'orange'}
        variant="light"
        icon={clean && !nothing ? <IconCircleCheck size={18} /> : <IconAlertCircle size={18} />}
        title={title}
        role={nothing ? 'alert' : 'status'}
      >
        <Text size="sm">
          {result.fileName ?? 'The file'}: {result.rowsRead.toLocaleString()} rows read, {Math.max(0, imported).toLocaleString()} imported
          {/* Event logs, and lists naming a ticket twice, fold several rows into one ticket: say so. */}
          {!nothing && tickets !== imported ? ` as ${tickets.toLocaleString()} ${tickets === 1 ? 'ticket' : 'tickets'}` : ''}
          {clean ? '.' : `, ${result.rejectedCount.toLocaleString()} rejected.`}
        </Text>
        {!nothing && (
          <Text size="sm" mt={4}>
            {measured
              ? 'The SLA report now includes these tickets.'
              : `This engagement has no SLA policy yet: its ${result.engagementTickets.toLocaleString()} ${result.engagementTickets === 1 ? 'ticket is' : 'tickets are'} stored, and measured as soon as a policy is set up.`}
          </Text>
        )}
      </Alert>
      {result.warnings.map((w, i) => (
        <Alert key={i} color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={w.kind === 'cut_off' ? 'The file looks cut off' : 'This file looks like another export'} role="alert">
          <Text size="sm">{w.message}</Text>
        </Alert>
      ))}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" aria-label="Import summary">
        <Figure label="Created" value={result.ticketsCreated} />
        <Figure label="Updated" value={result.ticketsUpdated} />
        <Figure label="Unchanged" value={result.ticketsUnchanged} />
        <Figure label="Rejected rows" value={result.rejectedCount} />
      </SimpleGrid>
      {!clean && (
        <>
          <RejectedRows rows={result.rejected} total={result.rejectedCount} />
          <Group>
            <Anchor href={rejectionsCsvUrl(result.id)} download size="sm">
              <Group gap={4} component="span">
                <IconDownload size={14} /> Download all rejected rows (CSV)
              </Group>
            </Anchor>
          </Group>
        </>
      )}
    </Stack>
  );
}

/** A strict import (or an unreadable file) stored nothing: say so and list the rows to fix. */
export function ImportRefused({ message, rows, total, importId, damaged = false }: { message: string; rows: TicketRejectionT[]; total: number; importId: string | null; damaged?: boolean }) {
  return (
    <Stack gap="sm">
      <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={damaged ? 'The file is damaged; nothing was imported' : 'Nothing was imported'} role="alert">
        {message}
      </Alert>
      {rows.length > 0 && (
        <>
          <RejectedRows rows={rows} total={total} />
          {importId && (
            <Group>
              <Anchor href={rejectionsCsvUrl(importId)} download size="sm">
                <Group gap={4}>
                  <IconDownload size={14} /> Download all rejected rows (CSV)
                </Group>
              </Anchor>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
