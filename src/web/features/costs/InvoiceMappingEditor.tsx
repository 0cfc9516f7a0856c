import { Button, FileInput, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { INVOICE_IMPORT_FIELDS } from '../../../shared/contracts/invoice-import.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { isSpreadsheet, readSample } from '../sla/mapping.ts';
import { useDeleteInvoiceMapping, useSaveInvoiceMapping, type InvoiceMappingT } from './api.ts';

const HINTS: Partial<Record<string, string>> = {
  serviceCreditMonth: 'The SLA month (YYYY-MM) a credit line credits; its amounts are negative',
  engagement: 'Needed for service credit lines',
};

/**
 * Builds an invoice import mapping from the file's own header row (a select per field, as the
 * SLA ticket import's generic mapping does), or edits a saved one; saved by name.
 */
export function InvoiceMappingEditor({
  editing,
  onSaved,
  onCancel,
  onDeleted,
}: {
  editing: InvoiceMappingT | null;
  onSaved: (m: InvoiceMappingT) => void;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const [name, setName] = useState(editing?.name ?? '');
  const [columns, setColumns] = useState<Record<string, string | null>>(editing?.columns ?? {});
  const [header, setHeader] = useState<string[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSaveInvoiceMapping();
  const remove = useDeleteInvoiceMapping();
  // Deleting asks once more in place: a second click on the same spot confirms.
  const [confirming, setConfirming] = useState(false);

  const readFile = async (f: File | null) => {
    setFile(f);
    if (!f || isSpreadsheet(f)) return setHeader([]);
    try {
      setHeader((await readSample(f)).header);
    } catch (e) {
      notifications.show({ color: 'red', title: 'The file could not be read', message: errorMessage(e) });
    }
  };

  const submit = () => {
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = 'Name the mapping';
    for (const f of INVOICE_IMPORT_FIELDS) if (f.required && !columns[f.key]) missing[f.key] = 'Choose the column';
    setErrors(missing);
    if (Object.keys(missing).length) return;
    const body = { name: name.trim(), columns: Object.fromEntries(INVOICE_IMPORT_FIELDS.map((f) => [f.key, columns[f.key] || null])) };
    save.mutate(
      { id: editing?.id ?? null, body },
      {
        onSuccess: (m) => {
          notifications.show({ color: 'teal', title: 'Mapping saved', message: `${m.name} can be picked for the next import.` });
          onSaved(m);
        },
        onError: (e) => {
          const issues = e instanceof ApiError && Array.isArray(e.details?.issues) ? (e.details.issues as { path: string; message: string }[]) : [];
          if (issues.length) setErrors(Object.fromEntries(issues.map((i) => [i.path.replace(/^columns\./, ''), i.message])));
          else notifications.show({ color: 'red', title: 'Mapping not saved', message: errorMessage(e) });
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="invoice-mapping-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="invoice-mapping-title">
          {editing ? `Edit mapping "${editing.name}"` : 'New mapping'}
        </Title>
        <FileInput
          label="Read the columns from"
          description="A CSV export: its header row fills the choices below. (For an Excel file, type the headers as they appear.)"
          placeholder="Choose a .csv file"
          accept=".csv,.xlsx,text/csv"
          value={file}
          onChange={(f) => void readFile(f)}
          leftSection={<IconFileTypeCsv size={18} />}
          clearable
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
          {INVOICE_IMPORT_FIELDS.map((f) => {
            const value = columns[f.key] ?? null;
            const set = (c: string | null) => setColumns((prev) => ({ ...prev, [f.key]: c }));
            const common = { label: f.label, required: f.required, description: HINTS[f.key], error: errors[f.key] };
            return header.length > 0 ? (
              <Select
                key={f.key}
                {...common}
                placeholder={f.required ? 'Choose a column' : 'Not in the file'}
                data={[...new Set([...header, ...(value ? [value] : [])])]}
                value={value}
                onChange={set}
                searchable
                clearable={!f.required}
                allowDeselect={!f.required}
                nothingFoundMessage="No column has this name"
              />
            ) : (
              <TextInput key={f.key} {...common} placeholder="Column header" value={value ?? ''} onChange={(e) => set(e.currentTarget.value.trim() ? e.currentTarget.value : null)} />
            );
          })}
        </SimpleGrid>
        <TextInput label="Mapping name" required placeholder="e.g. Finance export" value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={100} error={errors.name} />
        {!header.length && !editing && (
          <Text size="xs" c="dimmed">
            Choose the export above to pick its columns, or type each header exactly as it appears in the file.
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          {editing && (
            <Button
              variant={confirming ? 'filled' : 'subtle'}
              color="red"
              mr="auto"
              loading={remove.isPending}
              onClick={() =>
                confirming
                  ? remove.mutate(editing.id, { onSuccess: onDeleted, onError: (e) => notifications.show({ color: 'red', title: 'The mapping was not deleted', message: errorMessage(e) }) })
                  : setConfirming(true)
              }
            >
              {confirming ? `Delete "${editing.name}" for good` : 'Delete mapping…'}
            </Button>
          )}
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button leftSection={<IconDeviceFloppy size={16} />} onClick={submit} loading={save.isPending}>
            Save mapping
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
