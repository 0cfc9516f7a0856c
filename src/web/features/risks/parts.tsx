import { Badge, Box, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { QueryError } from '../../components/QueryError.tsx';
import { useHeatMap, type HeatMapT, type RiskT } from './api.ts';

/** A level as a coloured badge ("High · 16"). */
export function LevelBadge({ cell, withScore = true }: { cell: RiskT['residual']; withScore?: boolean }) {
  return (
    <Badge color={cell.color} variant={cell.aboveAppetite ? 'filled' : 'light'} title={cell.aboveAppetite ? 'Above appetite' : 'Within appetite'} styles={{ root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } }}>
      {cell.levelLabel}
      {withScore ? ` · ${cell.score}` : ''}
    </Badge>
  );
}

export type CellPick = { score: 'inherent' | 'residual'; likelihood: number; impact: number };

/** One grid: likelihood rows (highest on top) × impact columns; cells above appetite carry a heavy border (the appetite line). */
function Grid({ map, which, onPick, selected }: { map: HeatMapT; which: 'inherent' | 'residual'; onPick?: (c: CellPick) => void; selected?: CellPick | null }) {
  const size = map.likelihoodLabels.length;
  const rows = Array.from({ length: size }, (_, k) => size - 1 - k);
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {which === 'inherent' ? 'Inherent (before treatment)' : 'Residual (after treatment)'}
      </Title>
      <Box style={{ display: 'grid', gridTemplateColumns: `minmax(70px, auto) repeat(${size}, minmax(44px, 1fr))`, gap: 3 }} role="table" aria-label={`${which === 'inherent' ? 'Inherent' : 'Residual'} heat map`}>
        {rows.map((l) => [
          <Text key={`l${l}`} size="xs" c="dimmed" ta="right" pr={4} style={{ alignSelf: 'center' }} role="rowheader">
            {map.likelihoodLabels[l]}
          </Text>,
          ...map.cells[l].map((cell, i) => {
            const n = cell[which];
            const isSel = selected && selected.score === which && selected.likelihood === l + 1 && selected.impact === i + 1;
            const label = `${n} ${n === 1 ? 'risk' : 'risks'}: likelihood ${map.likelihoodLabels[l]}, impact ${map.impactLabels[i]} (${cell.levelLabel}${cell.aboveAppetite ? ', above appetite' : ''})`;
            return (
              <Tooltip key={`${l}-${i}`} label={label} withinPortal>
                <UnstyledButton
                  aria-label={label}
                  disabled={!onPick || n === 0}
                  onClick={() => onPick?.({ score: which, likelihood: l + 1, impact: i + 1 })}
                  style={{
                    background: `var(--mantine-color-${cell.color}-${n ? 4 : 1})`,
                    border: cell.aboveAppetite ? '2px solid var(--mantine-color-dark-6)' : '2px solid transparent',
                    outline: isSel ? '3px solid var(--mantine-color-blue-6)' : undefined,
                    borderRadius: 4,
                    minHeight: 40,
                    textAlign: 'center',
                    fontWeight: 700,
                    cursor: onPick && n ? 'pointer' : 'default',
                  }}
                >
                  {n || ''}
                </UnstyledButton>
              </Tooltip>
            );
          }),
        ])}
        <span />
        {map.impactLabels.map((label) => (
          <Text key={label} fz={11} lh={1.2} c="dimmed" ta="center" style={{ overflowWrap: 'anywhere' }}>
            {label}
          </Text>
        ))}
      </Box>
    </Stack>
  );
}

/** Inherent and residual side by side; a cell opens the risks in it. */
export function HeatMapPanel({ vendorId = null, onPick, selected }: { vendorId?: string | null; onPick?: (c: CellPick) => void; selected?: CellPick | null }) {
  const map = useHeatMap(vendorId);
  if (map.isPending) return <Skeleton h={260} radius="md" />;
  if (map.isError) return <QueryError error={map.error} onRetry={() => map.refetch()} what="the heat map" />;
  return (
    <Paper withBorder radius="md" p="md" mb="lg">
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          {map.data.openRisks} open {map.data.openRisks === 1 ? 'risk' : 'risks'}. Cells with a dark border are above the appetite (worse than "{map.data.appetiteLabel}").{onPick ? ' Choose a cell to list its risks.' : ''}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Grid map={map.data} which="inherent" onPick={onPick} selected={selected} />
        <Grid map={map.data} which="residual" onPick={onPick} selected={selected} />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="xs">
        Rows: likelihood, highest on top. Columns: impact.
      </Text>
    </Paper>
  );
}
