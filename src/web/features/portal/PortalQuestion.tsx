import { Badge, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconHistory, IconSend } from '@tabler/icons-react';
import type { AnswerValue } from '../../../domain/questionnaire/answers.ts';
import type { FormQuestion as Question } from '../../../domain/questionnaire/form.ts';
import { AnswerDisplay } from '../due-diligence/AnswerDisplay.tsx';
import { CommentThread } from '../due-diligence/CommentThread.tsx';
import type { CommentT, EvidenceT } from '../due-diligence/types.ts';
import { portalDownloadUrl } from './api.ts';
import { AnswerInput } from './AnswerInput.tsx';
import { FileAnswer } from './FileAnswer.tsx';
import type { SaveState } from './useAutosave.ts';

export type QuestionMode = 'autosave' | 'clarify' | 'readonly';

interface Props {
  assessmentId: string;
  question: Question;
  number: string;
  value: AnswerValue | undefined;
  mode: QuestionMode;
  carriedOver: boolean;
  /** The reviewer sent this answer back: it stays editable after submission. */
  clarification: boolean;
  /** The vendor changed a clarified answer that is not sent yet. */
  unsent: boolean;
  save: SaveState | undefined;
  missing: string | null;
  comments: CommentT[];
  evidence: Map<string, EvidenceT>;
  onAnswer: (q: Question, value: AnswerValue, delayMs: number) => void;
  onBlur: (q: Question) => void;
  onSendClarified: (q: Question) => void;
  onComment: (q: Question, body: string) => Promise<unknown>;
}

function SaveLine({ save }: { save: SaveState | undefined }) {
  if (!save) return null;
  if (save.status === 'error') {
    return (
      <Group gap={4} c="red" role="alert">
        <IconAlertCircle size={14} />
        <Text size="xs" c="red">
          Not saved: {save.message}
        </Text>
      </Group>
    );
  }
  return (
    <Group gap={4} c="dimmed" aria-live="polite">
      {save.status === 'saved' ? <IconCheck size={14} color="var(--mantine-color-teal-6)" /> : <Loader size={12} />}
      <Text size="xs" c="dimmed">
        {save.status === 'saved' ? 'Saved' : 'Saving…'}
      </Text>
    </Group>
  );
}

/** One question in the portal: the input, whether it is saved, and the conversation about it. */
export function PortalQuestion(p: Props) {
  const { question: q } = p;
  const label = (
    <Text span fw={600} size="md" style={{ overflowWrap: 'anywhere' }}>
      <Text span c="dimmed" fw={500} size="sm">
        {p.number}
      </Text>{' '}
      {q.text}
    </Text>
  );
  const description = q.help ? (
    <Text span size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
      {q.help}
    </Text>
  ) : undefined;
  const editable = p.mode !== 'readonly';
  const highlight = p.clarification ? 'var(--mantine-color-yellow-5)' : p.missing ? 'var(--mantine-color-red-5)' : p.carriedOver ? 'var(--mantine-color-blue-3)' : undefined;

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} id={`q-${q.id}`} tabIndex={-1} component="article" aria-label={`Question ${p.number}`} style={highlight ? { borderColor: highlight, borderWidth: 2 } : undefined}>
      <Stack gap="sm">
        {(p.carriedOver || p.clarification) && (
          <Group gap={6}>
            {p.carriedOver && (
              <Badge variant="light" color="blue" leftSection={<IconHistory size={12} />}>
                From last time — confirm or change
              </Badge>
            )}
            {p.clarification && (
              <Badge variant="light" color="yellow">
                Please clarify — see the comment below
              </Badge>
            )}
          </Group>
        )}
        {editable ? (
          q.type === 'file' ? (
            <FileAnswer assessmentId={p.assessmentId} question={q} value={p.value} onChange={(v, d) => p.onAnswer(q, v, d)} evidence={p.evidence} label={label} description={description} error={p.save?.status === 'error' ? null : p.missing} />
          ) : (
            <AnswerInput question={q} value={p.value} onChange={(v, d) => p.onAnswer(q, v, d)} onBlur={() => p.onBlur(q)} label={label} description={description} error={p.missing} required={q.required} />
          )
        ) : (
          <Stack gap={6}>
            {label}
            {description}
            <AnswerDisplay question={q} value={p.value} evidence={p.evidence} downloadUrl={portalDownloadUrl} />
          </Stack>
        )}
        {p.mode === 'clarify' && (
          <Group gap="xs">
            <Button size="xs" leftSection={<IconSend size={14} />} disabled={!p.unsent} onClick={() => p.onSendClarified(q)}>
              Send updated answer
            </Button>
            {!p.unsent && (
              <Text size="xs" c="dimmed">
                Change the answer above, or reply below.
              </Text>
            )}
          </Group>
        )}
        <SaveLine save={p.save} />
        <CommentThread comments={p.comments} viewer="vendor" label={`Comments on question ${p.number}`} onSend={(body) => p.onComment(q, body)} openComposer={p.clarification} />
      </Stack>
    </Paper>
  );
}
