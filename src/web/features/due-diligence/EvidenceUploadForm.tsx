import { Button, Checkbox, FileInput, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { EVIDENCE_TYPES, EVIDENCE_TYPE_LABELS, EvidenceMeta } from '../../../shared/contracts/due-diligence.ts';
import { ApiError } from '../../api/client.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { blankToNull, useFormErrors } from '../../lib/forms.ts';
import { options } from '../../lib/labels.ts';
import { ACCEPTED_FILES, MAX_UPLOAD_BYTES, formatBytes } from './labels.ts';
import type { EvidenceMetaInput, EvidenceT } from './types.ts';

const FIELDS = ['file', 'type', 'title', 'issuer', 'scope', 'validFrom', 'validUntil', 'fileName'] as const;

const tooLarge = (f: File) => `The file is ${formatBytes(f.size)}; at most ${formatBytes(MAX_UPLOAD_BYTES)} can be uploaded.`;
/** A problem with the chosen file, shown at the file input like a server's field issue. */
const fileProblem = (message: string) => new ApiError(400, 'validation_failed', 'Check the file.', { issues: [{ path: 'file', message }] });

/** Types whose validity dates matter (certificates, reports, insurance): the dates are asked for up front. */
const DATED = new Set(['iso27001_certificate', 'soc2_type2_report', 'penetration_test', 'insurance_certificate']);

interface Props {
  upload: (file: File, meta: EvidenceMetaInput) => Promise<EvidenceT>;
  pending: boolean;
  onDone: (e: EvidenceT) => void;
  onCancel?: () => void;
  defaultType?: string;
  showScope?: boolean;
  submitLabel?: string;
  /** The client's form asks whether the vendor sees the document in its portal (the vendor's own uploads always do). */
  askShared?: boolean;
}

/**
 * A document with its type, issuer, scope and validity dates. The evidence date is the
 * document's own (the certificate's validity), not the upload date.
 */
export function EvidenceUploadForm({ upload, pending, onDone, onCancel, defaultType = 'other', showScope = true, submitLabel = 'Upload', askShared = false }: Props) {
  const form = useFormErrors(FIELDS);
  const [file, setFile] = useState<File | null>(null);
  const [type, setType] = useState<string>(defaultType);
  const [title, setTitle] = useState('');
  const [issuer, setIssuer] = useState('');
  const [scope, setScope] = useState('');
  const [validFrom, setValidFrom] = useState<string | null>(null);
  const [validUntil, setValidUntil] = useState<string | null>(null);
  const [shared, setShared] = useState(false);

  const chooseFile = (f: File | null) => {
    setFile(f);
    form.clearField('file');
    if (f && !title) setTitle(f.name.replace(/\.[^.]+$/, ''));
    if (f && f.size > MAX_UPLOAD_BYTES) form.fromError(fileProblem(tooLarge(f)));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const meta = { type, title: title.trim(), issuer: blankToNull(issuer), scope: showScope ? blankToNull(scope) : null, validFrom, validUntil };
    const valid = form.validate(EvidenceMeta, meta);
    if (!valid) return;
    if (!file || file.size > MAX_UPLOAD_BYTES) {
      form.fromError(fileProblem(file ? tooLarge(file) : 'Choose the file to upload.'));
      return;
    }
    try {
      onDone(await upload(file, askShared ? { ...valid, sharedWithVendor: shared } : valid));
    } catch (err) {
      form.fromError(err);
    }
  };

  const dated = DATED.has(type);
  return (
    <form onSubmit={submit} noValidate aria-label="Upload a document">
      <Stack gap="sm">
        <FormErrorAlert error={form.general} title="The document was not uploaded" />
        <FileInput
          label="File"
          required
          placeholder="Choose a PDF, image or Office file"
          accept={ACCEPTED_FILES}
          value={file}
          onChange={chooseFile}
          leftSection={<IconUpload size={16} />}
          description={file ? `${formatBytes(file.size)}` : `PDF, PNG, JPEG or Office files, up to ${formatBytes(MAX_UPLOAD_BYTES)}`}
          error={form.errors.file ?? form.errors.fileName}
          clearable
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select label="Type" data={options(EVIDENCE_TYPES, EVIDENCE_TYPE_LABELS)} value={type} onChange={(v) => setType(v ?? 'other')} allowDeselect={false} error={form.errors.type} />
          <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={form.errors.title} placeholder="e.g. ISO 27001 certificate 2026" />
        </SimpleGrid>
        <TextInput label="Issuer" value={issuer} onChange={(e) => setIssuer(e.currentTarget.value)} error={form.errors.issuer} placeholder={dated ? 'e.g. the certification body or audit firm' : undefined} />
        {showScope && <Textarea label="Scope" autosize minRows={2} maxRows={5} value={scope} onChange={(e) => setScope(e.currentTarget.value)} error={form.errors.scope} placeholder="What the document covers" />}
        <SimpleGrid cols={2} spacing="sm">
          <DatePickerInput label="Valid from" valueFormat="D MMM YYYY" clearable value={validFrom} onChange={setValidFrom} error={form.errors.validFrom} placeholder="Date" />
          <DatePickerInput label="Valid until" valueFormat="D MMM YYYY" clearable minDate={validFrom ?? undefined} value={validUntil} onChange={setValidUntil} error={form.errors.validUntil} placeholder="Date" />
        </SimpleGrid>
        {askShared && (
          <Checkbox
            label="Visible to the vendor in its portal"
            description="Leave it off for internal documents, such as your own audit notes. You can change it later."
            checked={shared}
            onChange={(e) => setShared(e.currentTarget.checked)}
          />
        )}
        <Text size="xs" c="dimmed">
          {dated ? 'Use the dates printed on the document, not today’s date. ' : ''}Reminders go out 60, 30 and 7 days before a document expires.
        </Text>
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel} type="button">
              Cancel
            </Button>
          )}
          <Button type="submit" loading={pending} leftSection={<IconUpload size={16} />}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
