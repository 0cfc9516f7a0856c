import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { INVOICE_IMPORT_FIELDS } from '../../../shared/contracts/invoice-import.ts';
import { ImportFileDialog } from '../../components/ImportFileDialog.tsx';
import { useImportInvoices, useInvoiceMappings, type InvoiceMappingT } from './api.ts';
import { InvoiceMappingEditor } from './InvoiceMappingEditor.tsx';
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
  // null: not editing; 'new': a new mapping; a mapping: that one edited.
  const [editor, setEditor] = useState<'new' | InvoiceMappingT | null>(null);
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
        description="Which column holds which field; saved by name. Build one from the export's own columns with New mapping."
        placeholder={mappings.isPending ? 'Loading…' : 'No mapping saved yet'}
        data={(mappings.data ?? []).map((m) => m.name)}
        value={mapping}
        onChange={setMapping}
        allowDeselect={false}
      />
      {editor === null ? (
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={() => setEditor('new')}>
            New mapping
          </Button>
          {chosen && (
            <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditor(chosen)}>
              Edit mapping
            </Button>
          )}
        </Group>
      ) : (
        <InvoiceMappingEditor
          key={editor === 'new' ? 'new' : editor.id}
          editing={editor === 'new' ? null : editor}
          onCancel={() => setEditor(null)}
          onDeleted={() => {
            setMapping(null);
            setEditor(null);
          }}
          onSaved={(m) => {
            setMapping(m.name);
            setEditor(null);
          }}
        />
      )}
      {chosen && editor === null && (
        <Text size="xs" c="dimmed">
          {INVOICE_IMPORT_FIELDS.filter((f) => chosen.columns[f.key])
            .map((f) => `${f.label} ← "${chosen.columns[f.key]}"`)
            .join(' · ')}
        </Text>
      )}
    </ImportFileDialog>
  );
}
