import { Box, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { IconLock, IconMessage } from '@tabler/icons-react';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { formatDateTime } from '../../lib/format.ts';
import type { CommentT } from './types.ts';

function Comment({ c, viewer }: { c: CommentT; viewer: 'staff' | 'vendor' }) {
  const internal = c.visibility === 'internal';
  const mine = viewer === 'vendor' ? c.fromVendor : !c.fromVendor;
  return (
    <Paper
      radius="md"
      p="xs"
      withBorder
      bg={internal ? 'var(--mantine-color-yellow-light)' : mine ? 'var(--mantine-color-default)' : 'var(--mantine-color-blue-light)'}
      style={internal ? { borderStyle: 'dashed', borderColor: 'var(--mantine-color-yellow-6)' } : undefined}
    >
      <Group gap={6} justify="space-between" wrap="wrap">
        <Group gap={6}>
          {internal && <IconLock size={14} aria-hidden />}
          <Text size="xs" fw={600}>
            {c.authorName}
            {c.fromVendor && viewer === 'staff' ? ' (vendor)' : ''}
          </Text>
          {internal && (
            <Text size="xs" c="yellow.9" fw={600}>
              Internal note · only your organisation sees this
            </Text>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {formatDateTime(c.createdAt)}
        </Text>
      </Group>
      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {c.body}
      </Text>
    </Paper>
  );
}

interface Props {
  comments: CommentT[];
  viewer: 'staff' | 'vendor';
  /** Send a comment; staff choose vendor or internal. Without it the thread is read-only. */
  onSend?: (body: string, visibility: 'vendor' | 'internal') => Promise<unknown>;
  /** Start with the reply box open (a clarification was asked). */
  openComposer?: boolean;
  label: string;
}

/** The conversation about one question (or the whole questionnaire). */
export function CommentThread({ comments, viewer, onSend, openComposer = false, label }: Props) {
  const [composing, setComposing] = useState(openComposer);
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'vendor' | 'internal'>('vendor');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!onSend) return;
    if (!body.trim()) {
      setError('Write a message first.');
      return;
    }
    setSending(true);
    setError(null);
    try {
      await onSend(body.trim(), visibility);
      setBody('');
      setComposing(openComposer);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Stack gap={6}>
      {comments.length > 0 && (
        <Stack gap={6} component="ul" className="bare-list" aria-label={label}>
          {comments.map((c) => (
            <Box component="li" key={c.id}>
              <Comment c={c} viewer={viewer} />
            </Box>
          ))}
        </Stack>
      )}
      {onSend &&
        (composing ? (
          <form onSubmit={submit} noValidate aria-label={`Reply: ${label}`}>
            <Stack gap={6}>
              {viewer === 'staff' && (
                <fieldset className="bare-fieldset">
                  <VisuallyHidden component="legend">Who sees this comment</VisuallyHidden>
                  <SegmentedControl
                    size="xs"
                    value={visibility}
                    onChange={(v) => setVisibility(v as 'vendor' | 'internal')}
                    data={[
                      { value: 'vendor', label: 'To the vendor' },
                      { value: 'internal', label: 'Internal note' },
                    ]}
                    color={visibility === 'internal' ? 'yellow' : undefined}
                  />
                </fieldset>
              )}
              <Textarea
                id={id}
                aria-label={viewer === 'vendor' ? 'Your reply' : visibility === 'internal' ? 'Internal note' : 'Message to the vendor'}
                placeholder={viewer === 'vendor' ? 'Write your reply…' : visibility === 'internal' ? 'Only your organisation sees this note' : 'The vendor sees this in the portal'}
                autosize
                minRows={2}
                maxRows={8}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                error={error}
                styles={visibility === 'internal' ? { input: { background: 'var(--mantine-color-yellow-light)' } } : undefined}
              />
              <Group gap="xs" justify="flex-end">
                {!openComposer && (
                  <Button size="xs" variant="default" type="button" onClick={() => setComposing(false)}>
                    Cancel
                  </Button>
                )}
                <Button size="xs" type="submit" loading={sending} color={visibility === 'internal' ? 'yellow' : undefined}>
                  {viewer === 'vendor' ? 'Send reply' : visibility === 'internal' ? 'Add note' : 'Send to vendor'}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Group>
            <Button size="compact-xs" variant="subtle" leftSection={<IconMessage size={14} />} onClick={() => setComposing(true)}>
              {viewer === 'vendor' ? 'Add a comment' : 'Comment'}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}
