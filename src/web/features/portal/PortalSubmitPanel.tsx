import { Alert, Anchor, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import type { FormQuestion as Question } from '../../../domain/questionnaire/form.ts';
import type { GeneralError } from '../../lib/forms.ts';

interface Props {
  orgName: string;
  missing: Record<string, string>;
  questions: Map<string, { q: Question; number: string }>;
  error: GeneralError | null;
  requiredLeft: number;
  pending: boolean;
  onSubmit: () => void;
}

/** Moves to a question and puts keyboard focus on it. */
export function goToQuestion(id: string) {
  const el = document.getElementById(`q-${id}`);
  el?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  el?.focus({ preventScroll: true });
}

/** The end of the form: what is still missing, and the button that sends the answers. */
export function PortalSubmitPanel({ orgName, missing, questions, error, requiredLeft, pending, onSubmit }: Props) {
  const ids = Object.keys(missing);
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="submit-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="submit-title">
          Submit your answers
        </Title>
        <Text size="sm" c="dimmed">
          {requiredLeft > 0
            ? `${requiredLeft} required question${requiredLeft === 1 ? ' is' : 's are'} still unanswered.`
            : `Everything required is answered. Once you submit, ${orgName} reviews your answers; they can no longer change unless ${orgName} asks you to clarify one.`}
        </Text>
        {(error || ids.length > 0) && (
          <Alert color="red" variant="light" title={error?.message ?? 'Some answers need your attention'} role="alert">
            {ids.length > 0 && (
              <List size="sm" spacing={4} aria-label="What is missing">
                {ids.map((id) => {
                  const found = questions.get(id);
                  return (
                    <List.Item key={id}>
                      <Anchor component="button" type="button" size="sm" onClick={() => goToQuestion(id)} ta="left">
                        {found ? `${found.number} ${found.q.text.length > 90 ? `${found.q.text.slice(0, 89)}…` : found.q.text}` : id}
                      </Anchor>
                      <Text span size="xs" c="dimmed">
                        {' '}
                        — {missing[id]}
                      </Text>
                    </List.Item>
                  );
                })}
              </List>
            )}
            {error && error.issues.length > 0 && ids.length === 0 && (
              <List size="sm">
                {error.issues.map((i) => (
                  <List.Item key={`${i.path}:${i.message}`}>{i.message}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        <Button size="md" leftSection={<IconSend size={18} />} onClick={onSubmit} loading={pending} fullWidth={false} style={{ alignSelf: 'flex-start' }}>
          Submit answers
        </Button>
      </Stack>
    </Paper>
  );
}
