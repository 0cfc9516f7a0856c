import { Alert, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { CHECK_DECISION_LABELS, CHECK_DECISIONS, CHECK_GOOD_ANSWER, CHECK_QUESTION_LABELS, CHECK_QUESTIONS, type CheckQuestion } from '../../../shared/contracts/sourcing.ts';
import { DetailList } from '../../components/DetailList.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { options } from '../../lib/labels.ts';
import { useAnswerCheck, type ProjectT } from './api.ts';
import { money, WEEKDAY_NAMES } from './words.tsx';

const hoursInWords = (h: NonNullable<ProjectT['hoursNeeded']>) => `${h.days.map((d) => WEEKDAY_NAMES[d - 1].slice(0, 3)).join(', ')}, ${h.start}–${h.end} (${h.timeZone})`;

/** The need as written, and the should-we-outsource check with its answers kept beside the decision. */
export function NeedCheckTab({ project, canWrite }: { project: ProjectT; canWrite: boolean }) {
  const p = project;
  const checkable = canWrite && (p.status === 'draft' || p.status === 'checked');
  const [editing, setEditing] = useState(!p.check);
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          The need
        </Title>
        <DetailList
          items={[
            { label: 'Scope', value: p.scope, wide: true },
            { label: 'Goals', value: p.goals },
            { label: 'Deliverables', value: p.deliverables },
            { label: 'Measures of success', value: p.successMeasures },
            { label: 'Budget', value: p.budgetMinor === null ? null : money(p.budgetMinor, p.currency) },
            { label: 'Start wanted on', value: p.startOn ? formatDate(p.startOn) : null },
            { label: 'Decide by', value: p.decideBy ? formatDate(p.decideBy) : null },
            { label: 'Working hours needed', value: p.hoursNeeded ? hoursInWords(p.hoursNeeded) : null },
          ]}
        />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            Should we outsource this?
          </Title>
          {p.check && checkable && !editing && (
            <Button variant="default" size="xs" onClick={() => setEditing(true)}>
              Answer again
            </Button>
          )}
        </Group>
        {p.check && !editing ? <CheckAnswers check={p.check} /> : checkable ? <CheckForm project={p} onDone={() => setEditing(false)} /> : <Text c="dimmed">Not answered yet.</Text>}
      </Paper>
    </Stack>
  );
}

function CheckAnswers({ check }: { check: NonNullable<ProjectT['check']> }) {
  return (
    <Stack gap="sm">
      <Alert color={check.decision === 'outsource' ? 'teal' : 'orange'} title={`Decision: ${check.decisionLabel}`}>
        {check.rationale}
        <Text size="xs" c="dimmed" mt={4}>
          Answered by {check.doneBy ?? 'someone'} on {formatDateTime(check.doneAt)}; {check.concerns === 0 ? 'no answer speaks against outsourcing' : `${check.concerns} answer${check.concerns === 1 ? '' : 's'} speak${check.concerns === 1 ? 's' : ''} against outsourcing`}.
        </Text>
      </Alert>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Question</Table.Th>
            <Table.Th>Answer</Table.Th>
            <Table.Th>Note</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {check.answers.map((a) => (
            <Table.Tr key={a.question}>
              <Table.Td>{a.label}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={a.concern ? 'orange' : 'teal'}>
                  {a.answer ? 'Yes' : 'No'}
                </Badge>
              </Table.Td>
              <Table.Td>{a.note ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function CheckForm({ project, onDone }: { project: ProjectT; onDone: () => void }) {
  const prev = project.check;
  const [answers, setAnswers] = useState<Record<CheckQuestion, { answer: string; note: string }>>(
    () => Object.fromEntries(CHECK_QUESTIONS.map((q) => [q, { answer: prev ? (prev.answers.find((a) => a.question === q)!.answer ? 'yes' : 'no') : '', note: prev?.answers.find((a) => a.question === q)?.note ?? '' }])) as Record<CheckQuestion, { answer: string; note: string }>,
  );
  const [decision, setDecision] = useState<string | null>(prev?.decision ?? null);
  const [rationale, setRationale] = useState(prev?.rationale ?? '');
  const form = useFormErrors(['answers', 'decision', 'rationale']);
  const save = useAnswerCheck(project.id);
  const [unanswered, setUnanswered] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = CHECK_QUESTIONS.filter((q) => !answers[q].answer);
    setUnanswered(missing.length > 0);
    if (missing.length) return;
    save.mutate(
      {
        answers: Object.fromEntries(CHECK_QUESTIONS.map((q) => [q, { answer: answers[q].answer === 'yes', note: answers[q].note.trim() || null }])),
        decision,
        rationale,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Check saved', message: 'The answers are kept with the decision.' });
          onDone();
        },
        onError: form.fromError,
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Should we outsource">
      <Stack gap="md">
        <FormErrorAlert error={form.general} title="The check was not saved" />
        {unanswered && (
          <Text c="red" size="sm" role="alert">
            Answer every question yes or no.
          </Text>
        )}
        {CHECK_QUESTIONS.map((q) => (
          <Group key={q} align="flex-end" wrap="wrap" gap="sm">
            <Stack gap={4} style={{ flex: '1 1 320px' }}>
              <Text size="sm" fw={500} id={`q-${q}`}>
                {CHECK_QUESTION_LABELS[q]}
              </Text>
              <SegmentedControl
                aria-labelledby={`q-${q}`}
                value={answers[q].answer}
                onChange={(answer) => setAnswers((a) => ({ ...a, [q]: { ...a[q], answer } }))}
                data={[
                  { value: 'yes', label: 'Yes' },
                  { value: 'no', label: 'No' },
                ]}
                color={answers[q].answer ? ((answers[q].answer === 'yes') === CHECK_GOOD_ANSWER[q] ? 'teal' : 'orange') : undefined}
              />
            </Stack>
            <TextInput aria-label={`Note: ${CHECK_QUESTION_LABELS[q]}`} placeholder="Note (optional)" style={{ flex: '2 1 260px' }} value={answers[q].note} onChange={(e) => {
                const note = e.currentTarget.value;
                setAnswers((a) => ({ ...a, [q]: { ...a[q], note } }));
              }} />
          </Group>
        ))}
        <Select label="Decision" required data={options(CHECK_DECISIONS, CHECK_DECISION_LABELS)} value={decision} onChange={setDecision} error={form.errors.decision} />
        <Textarea label="Why" required autosize minRows={2} value={rationale} onChange={(e) => setRationale(e.currentTarget.value)} error={form.errors.rationale} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save the check
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
