import { Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconUpload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { AnswerValue } from '../../../domain/questionnaire/answers.ts';
import type { FormQuestion as Question } from '../../../domain/questionnaire/form.ts';
import { EvidenceList } from '../due-diligence/EvidenceList.tsx';
import { EvidenceUploadForm } from '../due-diligence/EvidenceUploadForm.tsx';
import type { EvidenceT } from '../due-diligence/types.ts';
import { portalDownloadUrl, usePortalUpload } from './api.ts';
import { guessEvidenceType } from './portalLabels.ts';

interface Props {
  assessmentId: string;
  question: Question;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue, delayMs: number) => void;
  evidence: Map<string, EvidenceT>;
  label: ReactNode;
  description?: ReactNode;
  error?: string | null;
}

/** A file question: upload documents (with their validity dates) or attach ones shared before. */
export function FileAnswer({ assessmentId, question: q, value, onChange, evidence, label, description, error }: Props) {
  const ids = Array.isArray(value) ? value : [];
  const [uploading, setUploading] = useState(ids.length === 0);
  const upload = usePortalUpload(assessmentId);
  const attached = ids.map((id) => evidence.get(id)).filter((e): e is EvidenceT => !!e);
  const others = [...evidence.values()].filter((e) => !ids.includes(e.id));
  const set = (next: string[]) => onChange(next.length > 0 ? next : null, 0);

  return (
    <Stack gap="xs" role="group" aria-labelledby={`q-${q.id}-label`}>
      <div id={`q-${q.id}-label`}>{label}</div>
      {description}
      {attached.length > 0 ? (
        <EvidenceList items={attached} downloadUrl={portalDownloadUrl} onDelete={(e) => set(ids.filter((id) => id !== e.id))} deleteLabel="Remove" label={`Documents attached to ${q.id}`} compact />
      ) : (
        <Text size="sm" c="dimmed">
          No document attached yet.
        </Text>
      )}
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      {uploading ? (
        <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-default-hover)">
          <EvidenceUploadForm
            defaultType={guessEvidenceType(q.text)}
            submitLabel="Upload and attach"
            upload={(file, meta) => upload.mutateAsync({ file, meta, questionId: q.id })}
            pending={upload.isPending}
            onCancel={ids.length > 0 ? () => setUploading(false) : undefined}
            onDone={(e) => {
              set([...ids, e.id]);
              setUploading(false);
            }}
          />
        </Paper>
      ) : (
        <Group gap="xs">
          <Button size="xs" variant="light" leftSection={<IconUpload size={14} />} onClick={() => setUploading(true)}>
            Upload another document
          </Button>
        </Group>
      )}
      {others.length > 0 && (
        <Select
          label="Or attach a document you shared before"
          placeholder="Choose a document"
          leftSection={<IconPaperclip size={14} />}
          data={others.map((e) => ({ value: e.id, label: `${e.title}${e.validUntil ? ` (until ${e.validUntil})` : ''}` }))}
          value={null}
          onChange={(id) => id && set([...ids, id])}
          searchable
        />
      )}
    </Stack>
  );
}
