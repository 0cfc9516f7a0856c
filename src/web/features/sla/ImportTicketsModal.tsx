import { Alert, Button, Checkbox, FileInput, Group, Modal, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { TicketMapping } from '../../../shared/contracts/tickets.ts';
import { ApiError } from '../../api/client.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { browserTimeZone, timeZones } from '../../lib/timezones.ts';
import { useImportTickets } from './api.ts';
import { ImportProgressView } from './ImportProgressView.tsx';
import { ImportRefused, ImportSummary } from './ImportResultView.tsx';
import { DATE_ORDERS, FORMATS, MAPPING_FIELDS, blankMapping, guessColumns, isSpreadsheet, readSample, splitMapping, type DateOrderChoice, type MappingDraft, type Sample } from './mapping.ts';
import { MappingBuilder } from './MappingBuilder.tsx';
import type { SlaPolicyT, TicketImportDoneT, TicketMappingT, TicketRejectionT } from './types.ts';

const FIELDS = [
  'file',
  'format',
  'timeZone',
  'dateOrder',
  'strict',
  'mapping',
  'mapping.columns',
  ...MAPPING_FIELDS.map((f) => `mapping.columns.${f.field}`),
  'mapping.priorityMap',
  'mapping.statusMap',
  'mapping.missingValues',
];
const WithMapping = z.object({ mapping: TicketMapping });

function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

type Phase =
  | { kind: 'form' }
  | { kind: 'uploading'; pct: number }
  | { kind: 'processing' }
  | { kind: 'done'; result: TicketImportDoneT }
  | { kind: 'refused'; message: string; rows: TicketRejectionT[]; total: number; importId: string | null; damaged: boolean };

interface Props {
  opened: boolean;
  onClose: () => void;
  engagementId: string;
  engagementName: string;
  policy: SlaPolicyT | null;
}

function ImportBody({ onClose, engagementId, policy }: Omit<Props, 'opened' | 'engagementName'>) {
  const [file, setFile] = useState<File | null>(null);
  const [sample, setSample] = useState<Sample | null>(null);
  const [format, setFormat] = useState('servicenow');
  const [timeZone, setTimeZone] = useState<string | null>(browserTimeZone());
  const [dateOrder, setDateOrder] = useState<DateOrderChoice>('auto');
  const [strict, setStrict] = useState(false);
  const [draft, setDraft] = useState<MappingDraft>(blankMapping);
  const [mappingName, setMappingName] = useState('');
  const [version, setVersion] = useState(0);
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  // The running import: its progress key (the server tells how far it is) and how to cancel it.
  const [progressKey, setProgressKey] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const cancel = useRef<AbortController | null>(null);
  const form = useFormErrors(FIELDS);
  const importer = useImportTickets(engagementId);
  const generic = format === 'generic';
  const busy = phase.kind === 'uploading' || phase.kind === 'processing';

  const priorities = useMemo(() => Object.keys(policy?.priorities ?? {}), [policy]);
  const statuses = useMemo(() => [...new Set([...(policy?.pauseStatuses ?? []), ...(policy?.resolvedStatuses ?? [])])], [policy]);

  const chooseFile = async (f: File | null) => {
    setFile(f);
    setSample(null);
    form.clearField('file');
    if (!f || isSpreadsheet(f)) return;
    try {
      const s = await readSample(f);
      setSample(s);
      setDraft((d) => ({ ...d, columns: guessColumns(d.columns, s.header) }));
    } catch {
      setSample(null);
    }
  };

  const chooseFormat = (v: string | null) => {
    const f = FORMATS.find((x) => x.value === v);
    if (!f) return;
    setFormat(f.value);
    setDateOrder('auto');
    form.reset();
  };

  /** The full mapping for the generic format, validated with the shared schema (null: errors shown). */
  const buildMapping = (): TicketMappingT | null => {
    const parsed = form.validate(WithMapping, { mapping: { ...draft, timeZone: timeZone ?? '', dateOrder: dateOrder === 'auto' ? undefined : dateOrder } }, { 'mapping.timeZone': 'Choose the time zone of the export' });
    return parsed ? parsed.mapping : null;
  };

  const loadMapping = (m: TicketMappingT, name?: string) => {
    const { draft: d, timeZone: tz, dateOrder: order } = splitMapping(m);
    setDraft(d);
    setTimeZone(tz);
    setDateOrder(order);
    if (name) setMappingName(name);
    setVersion((n) => n + 1);
    form.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      form.fromError(new ApiError(400, 'validation_failed', 'Choose the export file to import.', { issues: [{ path: 'file', message: 'Choose a CSV or XLSX file' }] }));
      return;
    }
    const mapping = generic ? buildMapping() : undefined;
    if (generic && !mapping) return;
    form.reset();
    setPhase({ kind: 'uploading', pct: 0 });
    setCancelled(false);
    const key = crypto.randomUUID();
    setProgressKey(key);
    cancel.current = new AbortController();
    importer.mutate(
      {
        file,
        query: { format, timeZone: generic ? undefined : (timeZone ?? undefined), dateOrder: generic || dateOrder === 'auto' ? undefined : dateOrder, strict, fileName: file.name, mapping: mapping ?? undefined, progressKey: key },
        options: {
          signal: cancel.current.signal,
          onProgress: (sent, total) => setPhase({ kind: 'uploading', pct: total ? Math.round((sent / total) * 100) : 0 }),
          onUploaded: () => setPhase({ kind: 'processing' }),
        },
      },
      {
        onSettled: () => setProgressKey(null),
        onSuccess: (result) => setPhase({ kind: 'done', result }),
        onError: (err) => {
          if (err instanceof DOMException && err.name === 'AbortError') {
            // Hanging up stops the import on the server: its transaction rolls back.
            setPhase({ kind: 'form' });
            setCancelled(true);
          } else if (err instanceof ApiError && (err.code === 'import_rejected' || err.code === 'file_damaged')) {
            const rows = Array.isArray(err.details?.rejected) ? (err.details.rejected as TicketRejectionT[]) : [];
            const total = typeof err.details?.rejectedCount === 'number' ? err.details.rejectedCount : rows.length;
            // The server records a refused import too; its id links to every rejected row.
            const importId = typeof err.details?.importId === 'string' ? err.details.importId : null;
            setPhase({ kind: 'refused', message: err.message, rows, total, importId, damaged: err.code === 'file_damaged' });
          } else {
            setPhase({ kind: 'form' });
            form.fromError(err);
          }
        },
      },
    );
  };

  const again = () => {
    setPhase({ kind: 'form' });
    setFile(null);
    setSample(null);
  };

  if (phase.kind === 'done' || phase.kind === 'refused') {
    return (
      <Stack gap="md">
        {phase.kind === 'done' ? <ImportSummary result={phase.result} measured={!!policy} /> : <ImportRefused message={phase.message} rows={phase.rows} total={phase.total} importId={phase.importId} damaged={phase.damaged} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={again}>
            {phase.kind === 'done' ? 'Import another file' : 'Back to the import'}
          </Button>
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Import tickets">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Tickets match by their id: importing the same or an overlapping export again updates them instead of adding duplicates.
        </Text>
        <FormErrorAlert error={form.general} title="The tickets were not imported" />
        <FileInput
          label="Export file"
          required
          placeholder="Choose a .csv, .xlsx or .gz file"
          accept=".csv,.xlsx,.gz,text/csv,application/gzip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => void chooseFile(f)}
          leftSection={<IconFileSpreadsheet size={18} />}
          clearable
          error={form.errors.file}
          disabled={busy}
          description={file ? fileSize(file.size) : 'CSV, XLSX, or either compressed with gzip'}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select label="Format" description="The tool the export comes from" data={FORMATS.map((f) => ({ value: f.value, label: f.label }))} value={format} onChange={chooseFormat} allowDeselect={false} error={form.errors.format} disabled={busy} />
          <Select
            label="Time zone of the export"
            description="For dates without an offset"
            searchable
            data={timeZones()}
            value={timeZone}
            onChange={setTimeZone}
            error={form.errors.timeZone ?? form.errors['mapping.timeZone']}
            nothingFoundMessage="No time zone matches"
            allowDeselect={false}
            disabled={busy}
          />
          <Select
            label="Date order"
            description="How to read 03/04/2026"
            data={DATE_ORDERS}
            value={dateOrder}
            onChange={(v) => setDateOrder((v ?? 'auto') as DateOrderChoice)}
            allowDeselect={false}
            error={form.errors.dateOrder}
            disabled={busy}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {FORMATS.find((f) => f.value === format)?.hint}
        </Text>
        {generic && (
          <MappingBuilder
            draft={draft}
            onDraft={(d) => {
              setDraft(d);
              form.reset();
            }}
            build={buildMapping}
            onLoad={loadMapping}
            sample={sample}
            spreadsheet={!!file && isSpreadsheet(file)}
            errors={form.errors}
            priorities={priorities}
            statuses={statuses}
            version={version}
            name={mappingName}
            onName={setMappingName}
          />
        )}
        <Checkbox
          label="Strict: reject the whole file if any row is bad"
          description="Otherwise the valid rows are imported and every rejected row is listed."
          checked={strict}
          onChange={(e) => setStrict(e.currentTarget.checked)}
          disabled={busy}
        />
        {cancelled && (
          <Alert color="gray" title="Import cancelled">
            Nothing was imported: the tickets are as they were before.
          </Alert>
        )}
        {busy && <ImportProgressView progressKey={progressKey} uploadPct={phase.kind === 'uploading' ? phase.pct : null} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={busy ? () => cancel.current?.abort() : onClose}>
            {busy ? 'Cancel import' : 'Cancel'}
          </Button>
          <Button type="submit" loading={busy}>
            Import tickets
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Import a ticket export (CSV, XLSX, gzip) with a preset or a mapping built here, with upload progress. */
export function ImportTicketsModal(props: Props) {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`Import tickets · ${props.engagementName}`} size="56rem" fullScreen={!!phone} closeOnClickOutside={false}>
      {props.opened && <ImportBody onClose={props.onClose} engagementId={props.engagementId} policy={props.policy} />}
    </Modal>
  );
}
