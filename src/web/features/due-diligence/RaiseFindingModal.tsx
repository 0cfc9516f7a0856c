import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { AnswerValue } from '../../../domain/questionnaire/answers.ts';
import type { Question } from '../../../domain/questionnaire/template.ts';
import { FINDING_SEVERITIES, FindingInput } from '../../../shared/contracts/due-diligence.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { blankToNull, useFormErrors } from '../../lib/forms.ts';
import { options } from '../../lib/labels.ts';
import { useOwnerOptions } from '../users/api.ts';
import { answerText } from './AnswerDisplay.tsx';
import { useRaiseFinding } from './api.ts';
import { SEVERITY_LABELS, findingSeverityOf } from './labels.ts';
import type { FindingSeverity } from './types.ts';

const FIELDS = ['title', 'description', 'severity', 'ownerId', 'dueDate', 'questionId'] as const;

interface Props {
  assessmentId: string;
  question: Question | null;
  value?: AnswerValue;
  onClose: () => void;
}

function shorten(s: string, n = 200): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function FindingForm({ assessmentId, question, value, onClose }: Props) {
  const raise = useRaiseFinding(assessmentId);
  const owners = useOwnerOptions();
  const form = useFormErrors(FIELDS);
  const answered = question ? answerText(question, value) : null;
  const [title, setTitle] = useState(question ? shorten(question.finding ?? question.text) : '');
  const [description, setDescription] = useState(question && answered ? `Question: ${question.text}\nAnswer: ${answered}` : '');
  const [severity, setSeverity] = useState<FindingSeverity>(question ? findingSeverityOf(question.severity) : 'medium');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = { questionId: question?.id ?? null, title: title.trim(), description: blankToNull(description), severity, ownerId, dueDate };
    const valid = form.validate(FindingInput, input);
    if (!valid) return;
    raise.mutate(valid, {
      onSuccess: (f) => {
        notifications.show({ color: 'teal', title: 'Finding raised', message: f.title });
        onClose();
      },
      onError: form.fromError,
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Raise a finding">
      <Stack gap="md">
        <FormErrorAlert error={form.general} title="The finding was not raised" />
        {question && (
          <Text size="sm" c="dimmed">
            On the answer to “{shorten(question.text, 160)}”
          </Text>
        )}
        <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={form.errors.title} data-autofocus />
        <Textarea label="Description" autosize minRows={3} maxRows={8} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={form.errors.description} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label="Severity" data={options(FINDING_SEVERITIES, SEVERITY_LABELS)} value={severity} onChange={(v) => setSeverity((v ?? 'medium') as FindingSeverity)} allowDeselect={false} error={form.errors.severity} />
          <Select label="Owner" placeholder="Who follows it up" data={owners.data ?? []} searchable clearable value={ownerId} onChange={setOwnerId} error={form.errors.ownerId} />
          <DatePickerInput label="Due date" placeholder="Pick a date" valueFormat="D MMM YYYY" clearable value={dueDate} onChange={setDueDate} error={form.errors.dueDate} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" type="button" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={raise.isPending}>
            Raise finding
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Turn a weak answer (or the assessment as a whole) into a finding with severity, owner and due date. */
export function RaiseFindingModal({ opened, ...props }: Props & { opened: boolean }) {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={opened} onClose={props.onClose} title="Raise a finding" size="lg" fullScreen={!!phone}>
      {opened && <FindingForm {...props} />}
    </Modal>
  );
}
