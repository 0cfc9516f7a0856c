import { Box, Group, Text, useMantineTheme } from '@mantine/core';
import { useId, useMemo } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatShare, monthLabel } from './format.ts';
import type { SlaReportT } from './types.ts';

const SERIES = ['blue', 'teal', 'violet', 'orange', 'cyan', 'grape', 'lime', 'pink'] as const;

/** Priorities in the order the policy lists them, then any the report adds. */
export function reportPriorities(report: SlaReportT, policyOrder: string[]): string[] {
  const seen = new Set(policyOrder);
  const extra = report.months.flatMap((m) => m.priorities.map((p) => p.priority)).filter((p) => !seen.has(p) && (seen.add(p), true));
  return [...policyOrder, ...extra];
}

/**
 * Attainment % per priority per month (lines), the target (dashed), and the number of
 * breached tickets per month (bars on the right axis) so a bad month stands out.
 */
export function AttainmentChart({ report, priorities }: { report: SlaReportT; priorities: string[] }) {
  const theme = useMantineTheme();
  const titleId = useId();
  const color = (i: number) => theme.colors[SERIES[i % SERIES.length]][6];

  const { data, targets } = useMemo(() => {
    const targets = new Map<string, number>();
    const data = report.months.map((m) => {
      const row: Record<string, string | number | null> = { month: monthLabel(m.month), breached: 0 };
      for (const p of m.priorities) {
        row[p.priority] = p.attainment === null ? null : Math.round(p.attainment * 1000) / 10;
        row.breached = (row.breached as number) + p.breached;
        if (p.target !== null) targets.set(p.priority, p.target * 100);
      }
      return row;
    });
    return { data, targets };
  }, [report]);

  // One dashed line per distinct target, naming the priorities it applies to when they differ.
  const byTarget = new Map<number, string[]>();
  for (const p of priorities) {
    const t = targets.get(p);
    if (t !== undefined) byTarget.set(t, [...(byTarget.get(t) ?? []), p]);
  }
  const targetLines = [...byTarget.entries()].sort((a, b) => b[0] - a[0]);
  const summary = summarise(report, priorities);

  return (
    <Box component="figure" m={0} aria-labelledby={titleId}>
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Text component="figcaption" fw={600} id={titleId}>
          Monthly attainment
        </Text>
        <Text size="xs" c="dimmed">
          Share of tickets with no breach, per priority. Bars: breached tickets.
        </Text>
      </Group>
      <p className="visually-hidden">{summary}</p>
      <ComposedChart responsive style={{ width: '100%', height: 300 }} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" vertical={false} />
        <XAxis dataKey="month" tick={{ fontSize: 12, fill: 'var(--mantine-color-dimmed)' }} tickMargin={6} minTickGap={8} />
        <YAxis
          yAxisId="pct"
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          unit=" %"
          width={56}
          tick={{ fontSize: 12, fill: 'var(--mantine-color-dimmed)' }}
        />
        <YAxis yAxisId="count" orientation="right" allowDecimals={false} width={44} tick={{ fontSize: 12, fill: 'var(--mantine-color-dimmed)' }} />
        <Tooltip
          formatter={(value, name) => (name === 'Breached tickets' ? [Number(value).toLocaleString(), name] : [value === null ? 'no tickets' : `${value} %`, name])}
          contentStyle={{ background: 'var(--mantine-color-body)', borderColor: 'var(--mantine-color-default-border)', borderRadius: 8, fontSize: 13 }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar yAxisId="count" dataKey="breached" name="Breached tickets" fill={theme.colors.red[5]} fillOpacity={0.28} maxBarSize={28} isAnimationActive={false} />
        {targetLines.map(([value, ps]) => (
          <ReferenceLine
            key={value}
            yAxisId="pct"
            y={value}
            stroke={theme.colors.red[7]}
            strokeDasharray="6 4"
            label={{
              value: targetLines.length === 1 ? `Target ${formatShare(value / 100)}` : `${formatShare(value / 100)} ${ps.join(', ')}`,
              position: 'insideBottomLeft',
              fontSize: 11,
              fill: theme.colors.red[7],
            }}
          />
        ))}
        {priorities.map((p, i) => (
          <Line
            key={p}
            yAxisId="pct"
            type="linear"
            dataKey={p}
            name={p}
            stroke={color(i)}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </ComposedChart>
    </Box>
  );
}

/** What the chart shows, for screen readers (the table below has every number). */
function summarise(report: SlaReportT, priorities: string[]): string {
  const missed = report.months.flatMap((m) => m.priorities.filter((p) => p.met === false).map((p) => `${p.priority} in ${monthLabel(m.month, true)}`));
  const first = report.months[0]?.month;
  const last = report.months[report.months.length - 1]?.month;
  if (!first || !last) return 'No months to show.';
  const range = `${monthLabel(first, true)} to ${monthLabel(last, true)}`;
  if (missed.length === 0) return `Attainment of ${priorities.join(', ')} from ${range}: every target was met.`;
  return `Attainment of ${priorities.join(', ')} from ${range}. Targets missed ${missed.length} times: ${missed.slice(0, 12).join('; ')}${missed.length > 12 ? '; …' : ''}.`;
}
