import { Alert, Anchor, Badge, Button, Group, Modal, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { ReviewSurvey } from '../../../shared/contracts/governance.ts';
import { api } from '../../api/client.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { formatDate } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { useOwnerOptions } from '../users/api.ts';
import { govKeys, type ReviewT } from './api.ts';

type SurveyT = z.infer<typeof ReviewSurvey>;
const enc = encodeURIComponent;
const surveyKey = (reviewId: string) => [...govKeys.all, 'survey', reviewId] as const;
const quarter = (q: string) => `${q.slice(5)} ${q.slice(0, 4)}`;

function useSurvey(reviewId: string) {
  return useQuery({ queryKey: surveyKey(reviewId), queryFn: () => api<SurveyT>(`/performance-reviews/${enc(reviewId)}/survey`) });
}

/** Choose the internal people who rate the vendor; each gets a single-use link by e-mail. */
function SendSurveyModal({ review, onClose }: { review: ReviewT; onClose: () => void }) {
  const people = useOwnerOptions();
  const [userIds, setUserIds] = useState<string[]>([]);
  const [links, setLinks] = useState<SurveyT['links']>(undefined);
  const form = useFormErrors(['userIds']);
  const qc = useQueryClient();
  const send = useMutation({
    mutationFn: () => api<SurveyT>(`/performance-reviews/${enc(review.id)}/survey`, { method: 'POST', body: { userIds } }),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: govKeys.all });
      notifications.show({ color: 'teal', title: 'Survey sent', message: `${userIds.length === 1 ? 'One person was' : `${userIds.length} people were`} asked about ${quarter(review.period)}.` });
      // Without a mail server the links come back once, to hand over another way.
      if (s.links?.length) setLinks(s.links);
      else onClose();
    },
    onError: form.fromError,
  });
  return (
    <Modal opened onClose={onClose} title={`Survey for ${quarter(review.period)}`} size="lg">
      <Stack gap="md">
        {links ? (
          <>
            <Alert color="yellow" title="No mail server is set up">
              These links work once each; hand them over another way. They are not shown again.
            </Alert>
            {links.map((l) => (
              <Text key={l.url} size="sm">
                {l.name}: <Anchor href={l.url}>{l.url}</Anchor>
              </Text>
            ))}
            <Group justify="flex-end">
              <Button onClick={onClose}>Done</Button>
            </Group>
          </>
        ) : (
          <form
            aria-label="Send the survey"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              send.mutate();
            }}
          >
            <Stack gap="md">
              <FormErrorAlert error={form.general} title="The survey was not sent" />
              <Text size="sm">
                Each person gets four questions about {review.vendorName} (quality, communication, expertise, proactiveness, 1–5 with a comment) by a link that works once, for 14 days. The answers stay inside your organisation; the vendor sees at most the averages.
              </Text>
              <MultiSelect label="People to ask" placeholder="Choose colleagues" data={people.data ?? []} value={userIds} onChange={setUserIds} searchable error={form.errors.userIds} />
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  Cancel
                </Button>
                <Button type="submit" loading={send.isPending} disabled={userIds.length === 0}>
                  Send survey
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Modal>
  );
}

function SurveyResults({ review, canWrite }: { review: ReviewT; canWrite: boolean }) {
  const q = useSurvey(review.id);
  const [sending, setSending] = useState(false);
  const answered = q.data?.recipients.filter((r) => r.answered).length ?? 0;
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" aria-live="polite">
          {!q.data ? 'Loading…' : q.data.recipients.length === 0 ? 'Nobody has been asked yet.' : `${answered} of ${q.data.recipients.length} answered.`}
        </Text>
        {canWrite && (
          <Button size="xs" variant="light" onClick={() => setSending(true)}>
            Send survey
          </Button>
        )}
      </Group>
      {q.data && q.data.recipients.length > 0 && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            {q.data.criteria.map((c) => (
              <Paper key={c.key} withBorder p="sm" radius="md" component="section" aria-label={c.label}>
                <Text size="sm" fw={600}>
                  {c.label}
                </Text>
                <Text size="xl" fw={700}>
                  {c.average === null ? 'Not rated yet' : `${c.average.toFixed(1)} of 5`}
                </Text>
                <Text size="xs" c="dimmed">
                  {c.answers === 1 ? 'one answer' : `${c.answers} answers`}
                </Text>
                {c.comments.map((text, i) => (
                  <Text key={i} size="xs" mt={4}>
                    “{text}”
                  </Text>
                ))}
              </Paper>
            ))}
          </SimpleGrid>
          <Group gap={6} wrap="wrap">
            {q.data.recipients.map((r, i) => (
              <Badge key={i} variant="light" color={r.answered ? 'teal' : 'gray'}>
                {r.name}: {r.answered ? 'answered' : `asked ${formatDate(r.sentAt)}, link until ${formatDate(r.expiresAt)}`}
              </Badge>
            ))}
          </Group>
          <Text size="xs" c="dimmed">
            Comments are not attributed and never reach the vendor.
          </Text>
        </>
      )}
      {sending && <SendSurveyModal review={review} onClose={() => setSending(false)} />}
    </Stack>
  );
}

/** The rated half of the scorecard: a stakeholder survey per review, sent and read on the Governance tab. */
export function SurveyPanel({ reviews, canWrite }: { reviews: readonly ReviewT[]; canWrite: boolean }) {
  const newest = reviews[reviews.length - 1];
  const [chosen, setChosen] = useState<string | null>(null);
  const review = reviews.find((r) => r.id === chosen) ?? newest;
  if (!review) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="gov-survey">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5" id="gov-survey">
            Stakeholder survey
          </Title>
          {reviews.length > 1 && (
            <Select aria-label="Review" w={140} data={reviews.map((r) => ({ value: r.id, label: quarter(r.period) }))} value={review.id} onChange={setChosen} allowDeselect={false} />
          )}
        </Group>
        <SurveyResults key={review.id} review={review} canWrite={canWrite} />
      </Stack>
    </Paper>
  );
}
