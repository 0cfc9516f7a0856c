import { Box, Code, Group, Paper, Progress, RingProgress, Stack, Text, Title } from '@mantine/core';
import type { ScoreResult } from '../../../domain/questionnaire/score.ts';

function color(score: number | null): string {
  if (score === null) return 'gray';
  return score < 50 ? 'red' : score < 75 ? 'orange' : 'teal';
}

const pts = (n: number) => String(Math.round(n * 100) / 100);

/** Overall 0–100 and per topic, with the arithmetic spelled out ("evidence over opinion"). */
export function ScorePanel({ score, frozen }: { score: ScoreResult; frozen: boolean }) {
  const topics = score.topics.filter((t) => t.possible > 0);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="score-title">
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap" align="center">
          <div>
            <Title order={2} size="h4" id="score-title">
              Score
            </Title>
            <Text size="xs" c="dimmed">
              {frozen ? 'Frozen when the review was completed.' : 'Live: it follows the answers until you complete the review.'}
            </Text>
          </div>
          <RingProgress
            size={92}
            thickness={9}
            roundCaps
            sections={[{ value: score.overall ?? 0, color: color(score.overall) }]}
            label={
              <Text ta="center" fw={700} size="lg" aria-label={score.overall === null ? 'No score yet' : `Overall score ${score.overall} of 100`}>
                {score.overall ?? '—'}
              </Text>
            }
          />
        </Group>
        {topics.length > 0 && (
          <Stack gap="xs" component="ul" className="bare-list" aria-label="Score per topic">
            {topics.map((t) => (
              <li key={t.topic}>
                <Group justify="space-between" gap="xs" mb={2} wrap="nowrap">
                  <Text size="sm">{t.label}</Text>
                  <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {t.score}{' '}
                    <Text span size="xs" c="dimmed" fw={400}>
                      ({pts(t.earned)}/{pts(t.possible)} pts)
                    </Text>
                  </Text>
                </Group>
                <Progress value={t.score ?? 0} color={color(t.score)} size="sm" aria-label={`${t.label}: ${t.score} of 100`} />
              </li>
            ))}
          </Stack>
        )}
        <Box>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" lts={0.3} mb={4}>
            How it is computed
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 12 }} aria-label="Score computation">
            {score.computation.join('\n')}
          </Code>
          <Text size="xs" c="dimmed" mt={4}>
            Each visible question earns weight × answer score (0–1). Unanswered required questions count as 0; hidden questions never count.
          </Text>
        </Box>
      </Stack>
    </Paper>
  );
}
