import { Alert, Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconFileTypeCsv } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { RejectedRowsTable, type RejectedRow } from './RejectedRowsTable.tsx';

type Outcome<R> = { kind: 'checked'; result: R } | { kind: 'rejected'; message: string; rejected: RejectedRow[] } | { kind: 'error'; message: string };

function outcomeOf<R>(error: unknown): Outcome<R> {
  if (error instanceof ApiError && error.code === 'import_rejected') {
    const rejected = Array.isArray(error.details?.rejected) ? (error.details.rejected as RejectedRow[]) : [];
    return { kind: 'rejected', message: error.message, rejected };
  }
  return { kind: 'error', message: errorMessage(error) };
}

export type ImportMutation<R> = UseMutationResult<R, unknown, { file: File; dryRun: boolean }>;

/**
 * A spreadsheet import (vendors, contracts): choosing the file checks it (a dry run) and
 * shows what it would do or every rejected row; only a valid file can be imported. All
 * rows or none.
 */
export function ImportFileDialog<R>(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What the import does and the columns it reads. */
  children: ReactNode;
  fileLabel: string;
  placeholder: string;
  accept: string;
  importer: ImportMutation<R>;
  /** What importing the checked file will do, in words. */
  checked: (result: R) => ReactNode;
  /** After a real import: tell the person (a notification, a navigation). */
  onImported: (result: R) => void;
}) {
  const { importer } = props;
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome<R> | null>(null);

  const close = () => {
    setFile(null);
    setOutcome(null);
    importer.reset();
    props.onClose();
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
            props.onImported(result);
            close();
          }
        },
        onError: (e) => setOutcome(outcomeOf<R>(e)),
      },
    );
  };

  const choose = (f: File | null) => {
    setFile(f);
    setOutcome(null);
    if (f) run(true, f);
  };

  return (
    <Modal opened={props.opened} onClose={close} title={props.title} size="lg">
      <Stack>
        {props.children}
        <FileInput label={props.fileLabel} placeholder={props.placeholder} accept={props.accept} value={file} onChange={choose} leftSection={<IconFileTypeCsv size={18} />} clearable />
        {importer.isPending && importer.variables?.dryRun && (
          <Text size="sm" c="dimmed" role="status">
            Checking the file…
          </Text>
        )}
        {outcome?.kind === 'checked' && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="The file is valid" role="status">
            {props.checked(outcome.result)}
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
          <Button onClick={() => run(false)} disabled={outcome?.kind !== 'checked'} loading={importer.isPending && importer.variables?.dryRun === false}>
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
