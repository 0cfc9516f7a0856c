import { Alert, Button, Code, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCircleCheck, IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import type { ImportRejectionT, VendorImportResultT } from '../../api/types.ts';
import { RejectedRowsTable } from '../../components/RejectedRowsTable.tsx';
import { useImportVendors } from './api.ts';

const COLUMNS =
  'name, legal_name, website, country, kind, status, tier, tier_reason, data_access, contact_name, contact_email, contact_phone, contact_time_zone, tags, notes';

type Outcome =
  | { kind: 'checked'; result: VendorImportResultT }
  | { kind: 'rejected'; message: string; rejected: ImportRejectionT[] }
  | { kind: 'error'; message: string };

function outcomeOf(error: unknown): Outcome {
  if (error instanceof ApiError && error.code === 'import_rejected') {
    const rejected = Array.isArray(error.details?.rejected) ? (error.details.rejected as ImportRejectionT[]) : [];
    return { kind: 'rejected', message: error.message, rejected };
  }
  return { kind: 'error', message: errorMessage(error) };
}


/** CSV import: check the file first (dry run), then store it; all rows or none. */
export function ImportVendorsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const importer = useImportVendors();

  const close = () => {
    setFile(null);
    setOutcome(null);
    importer.reset();
    onClose();
  };

  const run = (dryRun: boolean, chosen: File | null = file) => {
    if (!chosen) return;
    importer.mutate(
      { file: chosen, dryRun },
      {
        onSuccess: (result) => {
          if (dryRun) {
            setOutcome({ kind: 'checked', result });
          } else {
            notifications.show({
              color: 'teal',
              title: 'Vendors imported',
              message: `${result.created} created, ${result.updated} updated.`,
            });
            close();
          }
        },
        onError: (e) => setOutcome(outcomeOf(e)),
      },
    );
  };

  const choose = (f: File | null) => {
    setFile(f);
    setOutcome(null);
    if (f) run(true, f);
  };

  const ready = outcome?.kind === 'checked' && outcome.result.rejected.length === 0;

  return (
    <Modal opened={opened} onClose={close} title="Import vendors from CSV" size="lg">
      <Stack>
        <Text size="sm">
          One vendor per row. Rows whose name matches an existing vendor update it; the others create new vendors. Nothing is
          stored if any row is rejected.
        </Text>
        <Text size="xs" c="dimmed">
          Columns: <Code fz="xs">{COLUMNS}</Code>. Separate tags with <Code fz="xs">;</Code>. Tip: export the list to get a
          file in the right shape.
        </Text>
        <FileInput
          label="CSV file"
          placeholder="Choose a .csv file"
          accept=".csv,text/csv"
          value={file}
          onChange={choose}
          leftSection={<IconFileTypeCsv size={18} />}
          clearable
        />
        {importer.isPending && importer.variables?.dryRun && (
          <Text size="sm" c="dimmed" role="status">
            Checking the file…
          </Text>
        )}
        {outcome?.kind === 'checked' && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="The file is valid" role="status">
            Importing it will create {outcome.result.created} and update {outcome.result.updated} vendors.
          </Alert>
        )}
        {outcome?.kind === 'rejected' && (
          <Stack gap="xs">
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Nothing was imported" role="alert">
              {outcome.message} Fix these rows and choose the file again.
            </Alert>
            <RejectedRowsTable rows={outcome.rejected} />
          </Stack>
        )}
        {outcome?.kind === 'error' && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Import failed" role="alert">
            {outcome.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={() => run(false)} disabled={!ready} loading={importer.isPending && importer.variables?.dryRun === false}>
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
