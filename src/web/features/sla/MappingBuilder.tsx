import { Alert, Button, FileButton, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconDownload, IconFileImport, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useIsWide } from '../../lib/useIsWide.ts';
import { errorMessage } from '../../api/client.ts';
import { useSaveMapping } from './api.ts';
import { useAllTicketMappings } from './lists.ts';
import { FIRST_RESPONSE_CHOICES, MAPPING_FIELDS, distinctValues, downloadMapping, readMappingFile, type MappingDraft, type Sample } from './mapping.ts';
import type { TicketMappingT } from './types.ts';
import { ValueMapEditor } from './ValueMapEditor.tsx';

interface Props {
  draft: MappingDraft;
  onDraft: (d: MappingDraft) => void;
  /** The whole mapping (with time zone and date order) for saving and downloading; null while invalid. */
  build: () => TicketMappingT | null;
  /** A saved or uploaded mapping replaces everything, time zone and date order included. */
  onLoad: (m: TicketMappingT, name?: string) => void;
  sample: Sample | null;
  spreadsheet: boolean;
  errors: Record<string, string>;
  priorities: string[];
  statuses: string[];
  /** Bumped when a mapping is loaded, so the value editors start over. */
  version: number;
  name: string;
  onName: (name: string) => void;
}

/** Event logs: which rule gives the first response, and which statuses mean "not taken on yet". */
function FirstResponseChoice({ draft, onDraft, found, errors }: { draft: MappingDraft; onDraft: (d: MappingDraft) => void; found: string[]; errors: Record<string, string> }) {
  const rule = draft.firstResponse ?? 'working-status';
  const choice = FIRST_RESPONSE_CHOICES.find((c) => c.value === rule);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Select
        label="First response"
        description={choice?.hint}
        data={FIRST_RESPONSE_CHOICES.map((c) => ({ value: c.value, label: c.label }))}
        value={rule}
        onChange={(v) => onDraft({ ...draft, firstResponse: (v ?? 'working-status') as MappingDraft['firstResponse'] })}
        allowDeselect={false}
        error={errors['mapping.firstResponse']}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
      />
      {rule === 'working-status' && (
        <TagsInput
          label="Opening statuses"
          description="Statuses of a ticket nobody has taken on yet (after the status values above). Press Enter after each."
          data={found}
          value={draft.openingStatuses ?? ['New']}
          onChange={(openingStatuses) => onDraft({ ...draft, openingStatuses })}
          maxTags={20}
          error={errors['mapping.openingStatuses']}
        />
      )}
    </SimpleGrid>
  );
}

/** The generic format: which column holds each field, value mappings, and saving the result. */
export function MappingBuilder({ draft, onDraft, build, onLoad, sample, spreadsheet, errors, priorities, statuses, version, name, onName }: Props) {
  const saved = useAllTicketMappings();
  const saveMapping = useSaveMapping();
  const [chosen, setChosen] = useState<string | null>(null);
  const wide = useIsWide();
  const header = sample?.header ?? [];
  const setColumn = (field: string, column: string | null) => {
    const columns = { ...draft.columns } as Record<string, string>;
    if (column) columns[field] = column;
    else delete columns[field];
    onDraft({ ...draft, columns });
  };

  const loadSaved = (id: string | null) => {
    setChosen(id);
    const m = saved.data?.find((s) => s.id === id);
    if (m) onLoad(m.mapping, m.name);
  };

  const loadFile = async (file: File | null) => {
    if (!file) return;
    try {
      onLoad(await readMappingFile(file), file.name.replace(/\.json$/i, ''));
      notifications.show({ color: 'teal', title: 'Mapping loaded', message: file.name });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Mapping not loaded', message: errorMessage(e) });
    }
  };

  const save = () => {
    const mapping = build();
    if (!mapping) return;
    if (!name.trim()) {
      notifications.show({ color: 'red', title: 'Name the mapping', message: 'Give the mapping a name to save it.' });
      return;
    }
    saveMapping.mutate(
      { name: name.trim(), mapping },
      {
        onSuccess: (m) => {
          setChosen(m.id);
          notifications.show({ color: 'teal', title: 'Mapping saved', message: `${m.name} can be picked for the next import.` });
        },
        onError: (e) => notifications.show({ color: 'red', title: 'Mapping not saved', message: errorMessage(e) }),
      },
    );
  };

  const download = () => {
    const mapping = build();
    if (mapping) downloadMapping(mapping, name);
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="mapping-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
          <Title order={3} size="h5" id="mapping-title">
            Column mapping
          </Title>
          <Group gap="xs" wrap="wrap" align="flex-end">
            <Select
              label="Saved mappings"
              placeholder={saved.data?.length ? 'Load a saved mapping' : 'None saved yet'}
              data={(saved.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
              value={chosen}
              onChange={loadSaved}
              disabled={!saved.data?.length}
              w={210}
              size="xs"
            />
            <FileButton onChange={loadFile} accept=".json,application/json">
              {(props) => (
                <Button {...props} size="xs" variant="default" leftSection={<IconFileImport size={14} />}>
                  Load mapping JSON
                </Button>
              )}
            </FileButton>
          </Group>
        </Group>
        {spreadsheet ? (
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} role="note">
            Outsight cannot read a spreadsheet’s header in the browser. Load a saved mapping or a mapping JSON file, or type the column headers below exactly as
            they appear in the file.
          </Alert>
        ) : !sample ? (
          <Text size="sm" c="dimmed">
            Choose a CSV file above to pick its columns from the header row.
          </Text>
        ) : null}
        <fieldset className="bare-fieldset">
          <VisuallyHidden component="legend">Shape of the file</VisuallyHidden>
          <SegmentedControl
            data={[
              { value: 'tickets', label: 'One row per ticket' },
              { value: 'events', label: 'One row per update (event log)' },
            ]}
            value={draft.shape}
            onChange={(v) => onDraft({ ...draft, shape: v as MappingDraft['shape'] })}
            orientation={wide ? 'horizontal' : 'vertical'}
            fullWidth={!wide}
          />
        </fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
          {MAPPING_FIELDS.map((f) => {
            const value = (draft.columns as Record<string, string | undefined>)[f.field] ?? null;
            const required = f.required || (f.field === 'eventAt' && draft.shape === 'events');
            const common = {
              label: f.label,
              required,
              description: f.hint,
              error: errors[`mapping.columns.${f.field}`],
              inputWrapperOrder: ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[],
            };
            return header.length > 0 ? (
              <Select
                key={f.field}
                {...common}
                placeholder={required ? 'Choose a column' : 'Not in the file'}
                data={[...new Set([...header, ...(value ? [value] : [])])]}
                value={value}
                onChange={(c) => setColumn(f.field, c)}
                searchable
                allowDeselect={false}
                clearable={!f.required}
                nothingFoundMessage="No column has this name"
              />
            ) : (
              <TextInput key={f.field} {...common} placeholder="Column header" value={value ?? ''} onChange={(e) => setColumn(f.field, e.currentTarget.value.trim() ? e.currentTarget.value : null)} />
            );
          })}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <ValueMapEditor
            key={`p${version}`}
            label="Priority values"
            description="Map the export's priorities to the policy's (values already named like the policy need no row)."
            value={draft.priorityMap}
            onChange={(priorityMap) => onDraft({ ...draft, priorityMap })}
            found={distinctValues(sample, draft.columns.priority)}
            targets={priorities}
            targetLabel="Policy priority"
            error={errors['mapping.priorityMap']}
          />
          <ValueMapEditor
            key={`s${version}`}
            label="Status values"
            description="Map statuses to the names the policy pauses or resolves on."
            value={draft.statusMap}
            onChange={(statusMap) => onDraft({ ...draft, statusMap })}
            found={distinctValues(sample, draft.columns.status)}
            targets={statuses}
            targetLabel="Policy status"
            error={errors['mapping.statusMap']}
          />
        </SimpleGrid>
        {draft.shape === 'events' && <FirstResponseChoice draft={draft} onDraft={onDraft} found={distinctValues(sample, draft.columns.status)} errors={errors} />}
        <TagsInput
          label="Values that mean “empty”"
          description='e.g. "?" or "-" in some exports. Press Enter after each.'
          value={draft.missingValues}
          onChange={(missingValues) => onDraft({ ...draft, missingValues })}
          maxTags={20}
          error={errors['mapping.missingValues']}
          maw={420}
        />
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput label="Mapping name" placeholder="e.g. Acme helpdesk export" value={name} onChange={(e) => onName(e.currentTarget.value)} maxLength={200} w={240} />
          <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={save} loading={saveMapping.isPending}>
            Save mapping
          </Button>
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={download}>
            Download mapping JSON
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          The JSON file is what the CLI reads: <code>outsight tickets import FILE --engagement … --format generic --mapping mapping.json</code>.
        </Text>
      </Stack>
    </Paper>
  );
}
