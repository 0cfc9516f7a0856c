import { Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { INVOICE_IMPORT_FIELDS } from '../../../shared/contracts/invoice-import.ts';
import { ImportFileDialog } from '../../components/ImportFileDialog.tsx';
import { useImportInvoices, useInvoiceMappings } from './api.ts';
import { money } from './money.tsx';

const plural = (n: number) => `${n} invoice${n === 1 ? '' : 's'}`;

/** Invoices from an accounting export, read through a saved mapping: checked first (a dry run that runs every check), then stored; all or none. */
export function ImportInvoicesDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const mappings = useInvoiceMappings();
  const [mapping, setMapping] = useState<string | null>(null);
  const importer = useImportInvoices(mapping);
  const navigate = useNavigate();
  useEffect(() => {
    if (!mapping && mappings.data?.length) setMapping(mappings.data[0].name);
  }, [mapping, mappings.data]);
  const chosen = mappings.data?.find((m) => m.name === mapping);
  return (
    <ImportFileDialog
      opened={opened}
      onClose={onClose}
      title="Import invoices from an accounting export"
      fileLabel="CSV or Excel file"
      placeholder="Choose a .csv or .xlsx file"
      accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      importer={importer}
      checked={(result) => (
        <Stack gap={4}>
          <span>
            Importing it will create {plural(result.created)} from {result.lines} line{result.lines === 1 ? '' : 's'}:
          </span>
          {result.invoices.slice(0, 10).map((i) => (
            <span key={i.line}>
              {i.number} from {i.vendor}, {money(i.totalMinor, i.currency)} — {i.failingChecks.length ? `${i.failingChecks.length} check${i.failingChecks.length === 1 ? '' : 's'} failing: ${i.failingChecks.join(' ')}` : 'all checks pass'}
            </span>
          ))}
        </Stack>
      )}
      onImported={(result) => {
        notifications.show({ color: 'teal', title: 'Invoices imported', message: `${plural(result.created)} imported; each was checked.` });
        const first = result.invoices.find((i) => i.failingChecks.length) ?? result.invoices[0];
        if (result.created === 1 && first?.id) navigate(`/invoices/${first.id}`);
      }}
    >
      <Text size="sm">One row per invoice line, the invoice's own columns repeated on each of its lines. Nothing is stored if any row is rejected; every problem is listed with its row and column.</Text>
      <Select
        label="Mapping"
        description="Which column holds which field; saved by name (the command line's invoices import --mapping saves one)."
        placeholder={mappings.isPending ? 'Loading…' : 'No mapping saved yet'}
        data={(mappings.data ?? []).map((m) => m.name)}
        value={mapping}
        onChange={setMapping}
        allowDeselect={false}
      />
      {chosen && (
        <Text size="xs" c="dimmed">
          {INVOICE_IMPORT_FIELDS.filter((f) => chosen.columns[f.key])
            .map((f) => `${f.label} ← "${chosen.columns[f.key]}"`)
            .join(' · ')}
        </Text>
      )}
    </ImportFileDialog>
  );
}
