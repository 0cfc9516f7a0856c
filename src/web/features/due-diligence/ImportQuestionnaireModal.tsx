import { Alert, Button, FileInput, Group, List, Modal, ScrollArea, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useImportTemplate } from './api.ts';
import { questionCountWords } from '../../../shared/questionnaire-counts.ts';
import type { TemplateImportResultT } from './types.ts';

const FIELDS = ['file', 'name', 'format'] as const;
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

function Result({ result, onClose }: { result: TemplateImportResultT; onClose: () => void }) {
  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" title="Questionnaire imported" role="status">
        <Text size="sm">
          {questionCountWords(result)}; {result.conditions} conditions. Imported as version {result.version}.
          {result.skipped.length > 0 ? ` ${result.skipped.length} item(s) were skipped:` : ' Nothing was skipped.'}
        </Text>
      </Alert>
      {result.skipped.length > 0 && (
        <ScrollArea.Autosize mah={260}>
          <List size="sm" spacing={4} aria-label="Skipped items">
            {result.skipped.map((s, i) => (
              <List.Item key={`${s.id ?? ''}-${i}`}>
                {s.id && (
                  <Text span fw={600} ff="monospace" size="xs">
                    {s.id}
                  </Text>
                )}
                {s.type ? ` (${s.type})` : ''}
                {s.id || s.type ? ': ' : ''}
                {s.reason}
              </List.Item>
            ))}
          </List>
        </ScrollArea.Autosize>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
        <Button component={Link} to={`/due-diligence/questionnaires/${result.templateId}`}>
          Open in the editor
        </Button>
      </Group>
    </Stack>
  );
}

function ImportForm({ onClose }: { onClose: () => void }) {
  const importer = useImportTemplate();
  const form = useFormErrors(FIELDS);
  const [format, setFormat] = useState<'outsight' | 'vsaq'>('outsight');
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');

  if (importer.data) return <Result result={importer.data} onClose={onClose} />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.reset();
    if (!file || file.size > MAX_IMPORT_BYTES) {
      const message = file ? 'The file is larger than 5 MB.' : 'Choose the file to import.';
      form.fromError(new ApiError(400, 'validation_failed', 'Check the file.', { issues: [{ path: 'file', message }] }));
      return;
    }
    importer.mutate({ text: await file.text(), format, name: name.trim() || undefined }, { onError: form.fromError });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Import a questionnaire">
      <Stack gap="md">
        <FormErrorAlert error={form.general} title="The questionnaire was not imported" />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="import-format">
            Format
          </Text>
          <SegmentedControl
            aria-labelledby="import-format"
            value={format}
            onChange={(v) => setFormat(v as 'outsight' | 'vsaq')}
            data={[
              { value: 'outsight', label: 'Outsight JSON' },
              { value: 'vsaq', label: 'VSAQ (Google)' },
            ]}
          />
          <Text size="xs" c="dimmed">
            {format === 'outsight' ? 'A file exported from Outsight (“Export JSON”).' : 'A Vendor Security Assessment Questionnaire JSON file. Items Outsight cannot represent are skipped and listed.'}
          </Text>
        </Stack>
        <FileInput label="File" required placeholder="Choose a .json file" accept=".json,application/json" value={file} onChange={setFile} error={form.errors.file} leftSection={<IconFileImport size={16} />} clearable />
        <TextInput label="Name" description="Leave empty to use the name in the file." value={name} onChange={(e) => setName(e.currentTarget.value)} error={form.errors.name} />
        <Group justify="flex-end">
          <Button variant="default" type="button" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={importer.isPending}>
            Import
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ImportQuestionnaireModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Import a questionnaire" size="lg">
      {opened && <ImportForm onClose={onClose} />}
    </Modal>
  );
}
