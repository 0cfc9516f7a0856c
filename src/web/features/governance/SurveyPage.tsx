import { Alert, Button, Center, Loader, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import type { z } from 'zod';
import type { SurveyForm } from '../../../shared/contracts/governance.ts';
import { api, ApiError, errorMessage } from '../../api/client.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { AuthLayout } from '../auth/AuthLayout.tsx';

type Form = z.infer<typeof SurveyForm>;
const RATINGS = ['1', '2', '3', '4', '5'];

/** `/survey/:token`: one stakeholder rates one vendor once; the link shows nothing else. */
export function SurveyPage() {
  usePageTitle('Vendor survey');
  const { token = '' } = useParams();
  const path = `/review-surveys/by-token/${encodeURIComponent(token)}`;
  const form = useQuery({ queryKey: ['review-survey', token], queryFn: () => api<Form>(path, { allowUnauthenticated: true }), retry: false, staleTime: Infinity });
  const send = useMutation({ mutationFn: (body: object) => api(path, { method: 'POST', body, allowUnauthenticated: true }) });
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const [comments, setComments] = useState<Record<string, string>>({});

  if (form.isPending) {
    return (
      <AuthLayout title="Vendor survey">
        <Center py="lg">
          <Loader aria-label="Loading survey" />
        </Center>
      </AuthLayout>
    );
  }
  if (send.isSuccess) {
    return (
      <AuthLayout title="Thank you">
        <Text>Your answers are in. They count in the vendor's scorecard; the vendor sees at most the averages.</Text>
      </AuthLayout>
    );
  }
  if (form.isError) {
    const gone = form.error instanceof ApiError && [404, 410].includes(form.error.status);
    return (
      <AuthLayout title="This survey link cannot be used">
        <Alert color="orange" variant="light">
          {gone ? 'The link is wrong, has expired or was already used. Each link takes one set of answers.' : errorMessage(form.error)}
        </Alert>
      </AuthLayout>
    );
  }
  const f = form.data;
  const complete = f.questions.every((q) => ratings[q.key]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate(Object.fromEntries(f.questions.map((q) => [q.key, { rating: Number(ratings[q.key]), comment: comments[q.key] || undefined }])));
  };
  return (
    <AuthLayout title={`How is ${f.vendorName} doing?`} subtitle={`${f.personName}, you are asked about ${f.engagementName} for ${f.period.replace(/^(\d{4})-Q(\d)$/, 'Q$2 $1')}: 1 is poor, 5 is excellent. The link works once.`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {send.isError && <Alert color="red">{errorMessage(send.error)}</Alert>}
          {f.questions.map((q) => (
            <Stack key={q.key} gap={4}>
              <Text fw={600} id={`q-${q.key}`}>
                {q.label}
              </Text>
              <Text size="sm" c="dimmed">
                {q.help}
              </Text>
              <SegmentedControl aria-labelledby={`q-${q.key}`} data={RATINGS} value={ratings[q.key] ?? ''} onChange={(v) => setRatings((r) => ({ ...r, [q.key]: v }))} />
              <Textarea aria-label={`${q.label}: comment`} placeholder="A comment (optional)" value={comments[q.key] ?? ''} onChange={(e) => {
                  // Read now: the event's currentTarget is gone by the time React runs the updater.
                  const text = e.currentTarget.value;
                  setComments((c) => ({ ...c, [q.key]: text }));
                }} />
            </Stack>
          ))}
          <Button type="submit" disabled={!complete} loading={send.isPending}>
            Send my answers
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
