import { Anchor, Badge, Text } from '@mantine/core';
import { DataTable, type Column } from '../../components/list/DataTable.tsx';
import { ListSection, ListView } from '../../components/list/ListView.tsx';
import { TimeAgo } from '../../components/TimeAgo.tsx';
import { rejectionsCsvUrl } from './api.ts';
import { useTicketImportPages } from './lists.ts';
import { FORMATS } from './mapping.ts';
import type { TicketImportResultT } from './types.ts';

const formatLabel = (format: string) => FORMATS.find((f) => f.value === format)?.label.replace(/ \(.*\)$/, '') ?? 'Other format';

const COLUMNS: Column<TicketImportResultT>[] = [
  { key: 'when', header: 'When', fit: true, cell: (i) => <TimeAgo value={i.startedAt} /> },
  {
    key: 'file',
    header: 'File',
    cell: (i) => (
      <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
        {i.fileName ?? '—'}
        {i.status === 'failed' && (
          <Badge ml={6} color="red" variant="light" size="sm">
            Failed
          </Badge>
        )}
        {i.warnings.some((w) => w.kind === 'cut_off') && (
          <Badge ml={6} color="yellow" variant="light" size="sm" title={i.warnings.find((w) => w.kind === 'cut_off')?.message}>
            Cut off
          </Badge>
        )}
      </Text>
    ),
  },
  { key: 'format', header: 'Format', cell: (i) => formatLabel(i.format) },
  { key: 'rows', header: 'Rows', align: 'right', cell: (i) => i.rowsRead.toLocaleString() },
  { key: 'created', header: 'Created', align: 'right', cell: (i) => i.ticketsCreated.toLocaleString() },
  { key: 'updated', header: 'Updated', align: 'right', cell: (i) => i.ticketsUpdated.toLocaleString() },
  {
    key: 'rejected',
    header: 'Rejected',
    align: 'right',
    cell: (i) =>
      i.rejectedCount === 0 ? (
        <Text span c="dimmed" size="sm">
          0
        </Text>
      ) : (
        <Anchor href={rejectionsCsvUrl(i.id)} download size="sm" aria-label={`Download the ${i.rejectedCount} rejected rows of ${i.fileName ?? 'this import'} (CSV)`}>
          {i.rejectedCount.toLocaleString()} (CSV)
        </Anchor>
      ),
  },
];

/** The engagement's ticket imports, newest first, with their rejected-rows reports. */
export function RecentImports({ engagementId }: { engagementId: string }) {
  const imports = useTicketImportPages(engagementId);
  return (
    <ListSection id="sla-imports-title" title="Recent imports" hint="Where the tickets came from.">
      <ListView list={imports} variant="section" noun={{ one: 'import', many: 'imports' }} empty="No tickets imported yet.">
        {(items) => <DataTable rows={items} rowKey={(i) => i.id} columns={COLUMNS} minWidth={720} label="Recent imports" fz="sm" spacing="xs" />}
      </ListView>
    </ListSection>
  );
}
