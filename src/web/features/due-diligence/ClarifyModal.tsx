import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Question } from '../../../domain/questionnaire/template.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useAddComment, useReviewAnswer } from './api.ts';

const FIELDS = ['body'] as const;

function ClarifyForm({ assessmentId, question, onClose }: { assessmentId: string; question: Question; onClose: () => void }) {
  const comment = useAddComment(assessmentId);
  const review = useReviewAnswer(assessmentId);
  const form = useFormErrors(FIELDS);
  const [body, setBody] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.reset();
    try {
      // The message first, so the e-mailed link opens on a thread that already says what is asked.
      if (body.trim()) await comment.mutateAsync({ questionId: question.id, body: body.trim(), visibility: 'vendor' });
      await review.mutateAsync({ questionId: question.id, status: 'clarification' });
      notifications.show({ color: 'teal', title: 'Clarification asked', message: 'The vendor contact gets an e-mail and can change this answer.' });
      onClose();
    } catch (err) {
      form.fromError(err);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Ask for clarification">
      <Stack gap="md">
        <FormErrorAlert error={form.general} title="The clarification was not sent" />
        <Text size="sm" c="dimmed">
          “{question.text}” is reopened for the vendor, who gets an e-mail with a link to change the answer and reply.
        </Text>
        <Textarea label="What should the vendor clarify?" placeholder="e.g. Which systems does the MFA cover? Please attach the policy." autosize minRows={3} maxRows={8} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={form.errors.body} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" type="button" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="yellow" loading={comment.isPending || review.isPending}>
            Ask for clarification
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ClarifyModal({ assessmentId, question, onClose }: { assessmentId: string; question: Question | null; onClose: () => void }) {
  return (
    <Modal opened={!!question} onClose={onClose} title="Ask for clarification" size="lg">
      {question && <ClarifyForm assessmentId={assessmentId} question={question} onClose={onClose} />}
    </Modal>
  );
}
