import { Code, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ImportFileDialog } from '../../components/ImportFileDialog.tsx';
import { useImportVendors } from './api.ts';

const COLUMNS =
  'name, legal_name, website, country, kind, status, tier, tier_reason, data_access, contact_name, contact_email, contact_phone, contact_time_zone, tags, notes';

/** CSV import: check the file first (dry run), then store it; all rows or none. */
export function ImportVendorsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const importer = useImportVendors();
  return (
    <ImportFileDialog
      opened={opened}
      onClose={onClose}
      title="Import vendors from CSV"
      fileLabel="CSV file"
      placeholder="Choose a .csv file"
      accept=".csv,text/csv"
      importer={importer}
      checked={(result) => `Importing it will create ${result.created} and update ${result.updated} vendors.`}
      onImported={(result) => notifications.show({ color: 'teal', title: 'Vendors imported', message: `${result.created} created, ${result.updated} updated.` })}
    >
      <Text size="sm">
        One vendor per row. Rows whose name matches an existing vendor update it; the others create new vendors. Nothing is stored if
        any row is rejected.
      </Text>
      <Text size="xs" c="dimmed">
        Columns: <Code fz="xs">{COLUMNS}</Code>. Separate tags with <Code fz="xs">;</Code>. Tip: export the list to get a file in
        the right shape.
      </Text>
    </ImportFileDialog>
  );
}
