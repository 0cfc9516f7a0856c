import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconHelpCircle } from '@tabler/icons-react';
import { memo } from 'react';
import { formatCondition } from '../../../domain/questionnaire/condition.ts';
import { TOPIC_LABELS, type Question } from '../../../domain/questionnaire/template.ts';
import { errorMessage } from '../../api/client.ts';
import { AnswerDisplay } from './AnswerDisplay.tsx';
import { evidenceDownloadUrl, useAddComment, useReviewAnswer } from './api.ts';
import { CommentThread } from './CommentThread.tsx';
import { ReviewStatusBadge, SeverityBadge } from './DdBadges.tsx';
import type { AnswerT, CommentT, EvidenceT } from './types.ts';

interface Props {
  assessmentId: string;
  question: Question;
  number: string;
  answer: AnswerT | undefined;
  visible: boolean;
  comments: CommentT[];
  evidence: Map<string, EvidenceT>;
  /** Accept / clarify / finding: only while the assessment is submitted and the user may write. */
  canReview: boolean;
  canComment: boolean;
  onClarify: (q: Question) => void;
  onRaiseFinding: (q: Question) => void;
}

/** One question on the review screen: the vendor's answer, the reviewer's verdict and the thread. */
export const ReviewQuestion = memo(function ReviewQuestion({ assessmentId, question: q, number, answer, visible, comments, evidence, canReview, canComment, onClarify, onRaiseFinding }: Props) {
  const review = useReviewAnswer(assessmentId);
  const comment = useAddComment(assessmentId);

  if (!visible) {
    return (
      <Paper radius="md" p="xs" px="sm" bg="var(--mantine-color-default-hover)" id={`q-${q.id}`}>
        <Text size="xs" c="dimmed">
          <Text span fw={600}>
            {number} · Not shown to the vendor
          </Text>{' '}
          — {q.text}
          {q.condition ? ` (only when ${formatCondition(q.condition)})` : ''}
        </Text>
      </Paper>
    );
  }

  const accept = () =>
    review.mutate(
      { questionId: q.id, status: 'accepted' },
      { onError: (e) => notifications.show({ color: 'red', title: 'Could not accept the answer', message: errorMessage(e) }) },
    );

  const status = answer?.reviewStatus;
  const hasAnswer = !!answer && answer.value !== null;
  return (
    <Paper withBorder radius="md" p="md" id={`q-${q.id}`} component="article" aria-labelledby={`q-${q.id}-text`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} id={`q-${q.id}-text`} style={{ overflowWrap: 'anywhere' }}>
              <Text span c="dimmed" fw={500}>
                {number}
              </Text>{' '}
              {q.text}
              {q.required && (
                <Text span c="red" aria-label="required">
                  {' '}
                  *
                </Text>
              )}
            </Text>
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                {TOPIC_LABELS[q.topic]} · weight {q.weight}
              </Text>
              <SeverityBadge severity={q.severity} />
              {answer?.carriedOver && (
                <Badge size="xs" variant="outline" color="gray">
                  Carried over, not confirmed
                </Badge>
              )}
            </Group>
          </Stack>
          {status && <ReviewStatusBadge status={status} />}
        </Group>
        <AnswerDisplay question={q} value={answer?.value} evidence={evidence} downloadUrl={evidenceDownloadUrl} />
        {canReview && hasAnswer && (
          <Group gap="xs">
            <Button size="xs" variant={status === 'accepted' ? 'filled' : 'light'} color="teal" leftSection={<IconCheck size={14} />} onClick={accept} loading={review.isPending} disabled={status === 'accepted'} aria-label={`Accept the answer to ${q.id}`}>
              {status === 'accepted' ? 'Accepted' : 'Accept'}
            </Button>
            <Button size="xs" variant="light" color="yellow" leftSection={<IconHelpCircle size={14} />} onClick={() => onClarify(q)} disabled={status === 'clarification'} aria-label={`Ask for clarification on ${q.id}`}>
              Ask for clarification
            </Button>
            <Button size="xs" variant="light" color="red" leftSection={<IconAlertTriangle size={14} />} onClick={() => onRaiseFinding(q)} aria-label={`Raise a finding on ${q.id}`}>
              Raise finding
            </Button>
          </Group>
        )}
        {(comments.length > 0 || canComment) && (
          <CommentThread
            comments={comments}
            viewer="staff"
            label={`Comments on ${q.id}`}
            onSend={canComment ? (body, visibility) => comment.mutateAsync({ questionId: q.id, body, visibility }) : undefined}
          />
        )}
      </Stack>
    </Paper>
  );
});
