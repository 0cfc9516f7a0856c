import { Anchor, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { CONTRACT_IMPORT_COLUMNS, CONTRACT_IMPORT_TEMPLATE } from '../../../shared/contracts/contracts.ts';
import { ImportFileDialog } from '../../components/ImportFileDialog.tsx';
import { useImportContracts } from './api.ts';

const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent('\ufeff' + CONTRACT_IMPORT_TEMPLATE)}`;
const plural = (n: number) => `${n} contract${n === 1 ? '' : 's'}`;

/** A contract register from a spreadsheet: checked first (dry run), then stored; all rows or none. */
export function ImportContractsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const importer = useImportContracts();
  return (
    <ImportFileDialog
      opened={opened}
      onClose={onClose}
      title="Import contracts from a spreadsheet"
      fileLabel="CSV or Excel file"
      placeholder="Choose a .csv or .xlsx file"
      accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      importer={importer}
      checked={(result) => (
        <>
          Importing it will create {plural(result.created)}:{' '}
          {result.contracts
            .slice(0, 10)
            .map((c) => `${c.title} (${c.vendor})`)
            .join(', ')}
          {result.contracts.length > 10 ? ` and ${result.contracts.length - 10} more.` : '.'}
        </>
      )}
      onImported={(result) => notifications.show({ color: 'teal', title: 'Contracts imported', message: `${plural(result.created)} created.` })}
    >
      <Text size="sm">
        One contract per row, its vendor, owner and engagements named as they are in Outsight. Nothing is stored if any row is rejected;
        every problem is listed with its row and column.
      </Text>
      <Anchor href={TEMPLATE_HREF} download="contracts-template.csv" size="sm">
        <IconDownload size={14} style={{ verticalAlign: 'middle', marginRight: 4 }} />
        Download a template (CSV)
      </Anchor>
      <Table fz="xs" withRowBorders={false} verticalSpacing={2} aria-label="Columns">
        <Table.Tbody>
          {CONTRACT_IMPORT_COLUMNS.map((c) => (
            <Table.Tr key={c.name}>
              <Table.Td fw={500} style={{ whiteSpace: 'nowrap' }}>
                {c.name}
                {c.required ? ' (required)' : ''}
              </Table.Td>
              <Table.Td c="dimmed">{c.help}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ImportFileDialog>
  );
}
