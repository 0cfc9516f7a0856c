import { Badge, Group, Paper, Progress, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { formatDate } from '../../lib/format.ts';
import type { EngagementExitT } from './api.ts';

const BAND_COLOR = { good: 'teal', fair: 'yellow', poor: 'red' } as const;
const BAND_WORDS = { good: 'Ready to exit', fair: 'Partly ready', poor: 'Not ready' } as const;

export function ReadinessBadge({ score, band }: { score: number; band: keyof typeof BAND_COLOR }) {
  return (
    <Badge color={BAND_COLOR[band]} variant="light" size="lg" aria-label={`Exit readiness ${score} out of 100: ${BAND_WORDS[band]}`}>
      {score} / 100
    </Badge>
  );
}

/** The score with its computation, factor by factor, and how it moved over time. */
export function ReadinessCard({ data }: { data: EngagementExitT }) {
  const r = data.readiness;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="exit-readiness">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={2} size="h4" id="exit-readiness">
              Exit readiness
            </Title>
            <Text size="sm" c="dimmed">
              Could we leave {data.engagement.vendorName} for this service tomorrow? Each factor earns part of its weight.
            </Text>
          </div>
          <Group gap="xs">
            <ReadinessBadge score={r.score} band={r.band} />
            <Text size="sm" c={r.belowThreshold ? 'red' : 'dimmed'}>
              {BAND_WORDS[r.band]}
              {r.belowThreshold ? ` — below the threshold of ${r.threshold}` : ''}
            </Text>
          </Group>
        </Group>
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="How readiness is computed" verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Factor</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th ta="right">Weight</Table.Th>
                <Table.Th ta="right">Points</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.factors.map((f) => (
                <Table.Tr key={f.key}>
                  <Table.Td>
                    <Stack gap={4}>
                      <Text size="sm">{f.label}</Text>
                      <Progress value={f.credit * 100} size="xs" color={f.credit >= 1 ? 'teal' : f.credit > 0 ? 'yellow' : 'red'} aria-hidden />
                    </Stack>
                  </Table.Td>
                  <Table.Td>{f.explanation}</Table.Td>
                  <Table.Td ta="right">{f.weight}</Table.Td>
                  <Table.Td ta="right">{f.points.toLocaleString('en-GB', { maximumFractionDigits: 1 })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={3}>Score (points added up, rounded)</Table.Th>
                <Table.Th ta="right">{r.score}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
        <History points={data.history} />
      </Stack>
    </Paper>
  );
}

function History({ points }: { points: EngagementExitT['history'] }) {
  if (points.length === 0) return <Text size="sm" c="dimmed">No history yet: readiness is kept each time something of the exit changes.</Text>;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Readiness over time
      </Title>
      <Group gap={4} align="flex-end" h={72} role="img" aria-label={`Readiness over time: ${points.map((p) => `${formatDate(p.takenAt)} ${p.score}`).join(', ')}`}>
        {points.map((p, i) => (
          <Tooltip key={`${p.takenAt}-${i}`} label={`${formatDate(p.takenAt)}: ${p.score} — ${p.reason}`}>
            <div style={{ width: 14, height: Math.max(3, (p.score / 100) * 72), background: 'var(--mantine-color-blue-5)', borderRadius: 2 }} />
          </Tooltip>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        Last change: {points[points.length - 1].reason} ({formatDate(points[points.length - 1].takenAt)}, {points[points.length - 1].score}).
      </Text>
    </Stack>
  );
}
