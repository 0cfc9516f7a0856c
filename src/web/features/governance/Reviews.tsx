import { Badge, Button, Group, Paper, Select, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { ClientSidePanel } from './ClientSidePanel.tsx';
import { SurveyPanel } from './SurveyPanel.tsx';
import { useCreateReview, usePortalReviews, useReviews, useShareReview, type ReviewT } from './api.ts';

const quarterOf = (d: Date) => `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
/** This quarter and the four before it, newest first. */
function recentQuarters(): string[] {
  const now = new Date();
  return [0, 3, 6, 9, 12].map((m) => quarterOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - m, 1))));
}
const label = (q: string) => `${q.slice(5)} ${q.slice(0, 4)}`;
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10} %`);
const scoreColor = (s: number | null) => (s === null ? 'gray' : s >= 85 ? 'teal' : s >= 65 ? 'yellow' : 'red');

/** Quarters in columns, criteria in rows: the trend across reviews at a glance. */
function Trend({ reviews, onShare }: { reviews: ReviewT[]; onShare?: (r: ReviewT) => void }) {
  const criteria = reviews[reviews.length - 1].criteria;
  return (
    <Table withTableBorder aria-label="Performance reviews by quarter">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Criterion (weight)</Table.Th>
          {reviews.map((r) => (
            <Table.Th key={r.id}>{label(r.period)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {criteria.map((c) => (
          <Table.Tr key={c.key}>
            <Table.Td>
              <Tooltip label={c.source}>
                <Text size="sm">
                  {c.label} ({c.weight})
                </Text>
              </Tooltip>
            </Table.Td>
            {reviews.map((r) => {
              const x = r.criteria.find((y) => y.key === c.key);
              return (
                <Table.Td key={r.id}>
                  <Text size="sm">{pct(x?.value ?? null)}</Text>
                  <Text size="xs" c="dimmed">{x?.detail}</Text>
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td fw={600}>Score</Table.Td>
          {reviews.map((r) => (
            <Table.Td key={r.id}>
              <Group gap={6}>
                <Badge color={scoreColor(r.score)} size="lg">{r.score === null ? 'Not measured' : r.score.toFixed(1)}</Badge>
                {onShare && (r.shared ? <Text size="xs" c="dimmed">Shared with the vendor</Text> : <Button size="compact-xs" variant="light" onClick={() => onShare(r)}>Share with vendor</Button>)}
              </Group>
            </Table.Td>
          ))}
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/** The engagement's scorecards: score a quarter from the measured data, see the trend, share one with the vendor. */
export function ReviewsSection({ engagementId, canWrite }: { engagementId: string; canWrite: boolean }) {
  const list = useReviews(engagementId);
  const create = useCreateReview();
  const shareIt = useShareReview();
  const form = useFormErrors(['period', 'engagementId']);
  const scored = new Set(list.items.map((r) => r.period));
  const options = recentQuarters().filter((q) => !scored.has(q));
  const [period, setPeriod] = useState<string | null>(null);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="gov-reviews">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={2} size="h4" id="gov-reviews">Performance reviews</Title>
            <Text size="sm" c="dimmed">Measured per quarter: SLA attainment, deliverables on time, the vendor's actions done in time, status reports on time, findings closed in time, invoice accuracy. A criterion with nothing to measure carries no weight.</Text>
          </div>
          {canWrite && options.length > 0 && (
            <Group gap="xs" align="flex-end">
              <Select aria-label="Quarter to score" w={130} data={options.map((q) => ({ value: q, label: label(q) }))} value={period ?? options[0]} onChange={setPeriod} allowDeselect={false} error={form.errors.period} />
              <Button
                loading={create.isPending}
                onClick={() => create.mutate({ engagementId, period: period ?? options[0] }, { onSuccess: (r) => notifications.show({ color: 'teal', title: 'Review scored', message: `${label(r.period)}: ${r.score === null ? 'nothing measured' : r.score.toFixed(1)}` }), onError: form.fromError })}
              >
                Score quarter
              </Button>
            </Group>
          )}
        </Group>
        <FormErrorAlert error={form.general} title="The review was not scored" />
        {list.isPending ? (
          <Skeleton h={120} />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={list.refetch} what="the reviews" />
        ) : list.items.length === 0 ? (
          <Text size="sm" c="dimmed">No quarter scored yet.</Text>
        ) : (
          <Trend reviews={list.items} onShare={canWrite ? (r) => shareIt.mutate(r.id, { onSuccess: () => notifications.show({ color: 'teal', title: 'Shared', message: `The vendor can read the ${label(r.period)} review in its portal.` }) }) : undefined} />
        )}
        {list.items.length > 0 && <ClientSidePanel engagementId={engagementId} period={list.items[list.items.length - 1].period} />}
        {list.items.length > 0 && <SurveyPanel reviews={list.items} canWrite={canWrite} />}
      </Stack>
    </Paper>
  );
}

/** The scorecards the client shared, in the vendor's portal. */
export function PortalReviewsSection() {
  const q = usePortalReviews();
  if (q.isPending || q.isError || q.data.items.length === 0) return null;
  const byEngagement = new Map<string, ReviewT[]>();
  for (const r of q.data.items) byEngagement.set(r.engagementName, [...(byEngagement.get(r.engagementName) ?? []), r]);
  return (
    <Stack gap="sm" component="section" aria-labelledby="portal-reviews">
      <Title order={2} size="h4" id="portal-reviews">Performance reviews</Title>
      {[...byEngagement].map(([name, reviews]) => (
        <Paper key={name} withBorder radius="md" p="md">
          <Stack gap="xs">
            <Text fw={600}>{name}</Text>
            <Trend reviews={reviews} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
