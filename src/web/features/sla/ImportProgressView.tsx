import { Progress, Stack, Text } from '@mantine/core';
import { useImportProgress } from './api.ts';
import type { TicketImportProgressT } from './types.ts';

const nf = new Intl.NumberFormat();

const PHASE_WORDS: Record<NonNullable<TicketImportProgressT['phase']>, string> = {
  reading: 'Reading the rows',
  checking: 'Checking the tickets against those already imported',
  saving: 'Saving the tickets',
};

/** "12,000 rows read, 40 rejected so far" — only once the server has counted something. */
function counts(p: TicketImportProgressT | undefined): string | null {
  if (!p?.running || p.rowsRead === 0) return null;
  return `${nf.format(p.rowsRead)} ${p.rowsRead === 1 ? 'row' : 'rows'} read, ${nf.format(p.rejectedCount)} rejected so far`;
}

/**
 * The import dialog while a file goes in: the upload's bytes, then what the server says it
 * is doing (reading, checking, saving) with the rows read and rejected so far. The server
 * is asked every second under the upload's progress key; a short import ends before the
 * first answer, and a server that cannot tell (another server behind a load balancer)
 * leaves the general "processing" line.
 */
export function ImportProgressView({ progressKey, uploadPct }: { progressKey: string | null; uploadPct: number | null }) {
  const { data } = useImportProgress(progressKey);
  const line = counts(data);
  if (uploadPct !== null) {
    return (
      <Stack gap={4} role="status" aria-live="polite">
        <Text size="sm">
          Uploading… {uploadPct} %{line ? ` · ${line}` : ''}
        </Text>
        <Progress value={uploadPct} aria-label="Upload progress" />
      </Stack>
    );
  }
  const phase = data?.running && data.phase ? PHASE_WORDS[data.phase] : null;
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text size="sm">{phase ? `${phase}…${line ? ` ${line}.` : ''}` : 'Processing… reading the rows and measuring the tickets.'}</Text>
      <Progress value={100} striped animated aria-label="Processing the import" />
    </Stack>
  );
}
