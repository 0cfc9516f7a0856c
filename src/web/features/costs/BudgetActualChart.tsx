import { Box, Text, useMantineTheme } from '@mantine/core';
import { useId, useMemo } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney, minorDigits } from '../../../domain/money.ts';
import type { EngagementCostsT } from './api.ts';

type Forecast = EngagementCostsT['forecast'][number];

/** One month of the chart, in minor units of one currency; null where the series has no point. */
export interface BudgetChartPoint {
  month: string;
  label: string;
  monthBudget: number;
  /** Null for the months not begun. */
  monthActual: number | null;
  budgetSoFar: number;
  actualSoFar: number | null;
  /** The run rate carried from the last month begun to the year's end, as the forecast computes it. */
  forecast: number | null;
}

const inCurrency = (list: ReadonlyArray<{ amountMinor: number; currency: string }>, currency: string) => list.reduce((s, m) => (m.currency === currency ? s + m.amountMinor : s), 0);

/**
 * The chart's points for one budget currency: the month's budget and actual, both summed from
 * the year's start, and the forecast line. Integers throughout; the forecast's points use the
 * forecast's own rounding (`runRateForecast`), so its last point is the forecast shown in words.
 */
export function budgetChartPoints(data: Pick<EngagementCostsT, 'months'>, f: Forecast): BudgetChartPoint[] {
  const elapsed = f.monthsElapsed;
  let budgetSoFar = 0;
  let actualSoFar = 0;
  return data.months.map((m, i) => {
    const begun = i < elapsed;
    const monthBudget = inCurrency(m.budget, f.currency);
    const monthActual = begun ? inCurrency(m.actual, f.currency) : null;
    budgetSoFar += monthBudget;
    actualSoFar += monthActual ?? 0;
    // From the last month begun (where it meets the actual) to the year's end; none once the year is over.
    const ahead = i - (elapsed - 1);
    const forecast = elapsed > 0 && elapsed < 12 && ahead >= 0 ? f.actualMinor + Math.floor((f.actualMinor * ahead * 2 + elapsed) / (elapsed * 2)) : null;
    return { month: m.month, label: m.label, monthBudget, monthActual, budgetSoFar, actualSoFar: begun ? actualSoFar : null, forecast };
  });
}

/** "By November 2026, €18,000.00 spent of €187,940.00 budgeted so far; …" — the chart in one sentence. */
export function budgetChartSummary(points: BudgetChartPoint[], f: Forecast): string {
  const m = (v: number) => formatMoney({ amountMinor: v, currency: f.currency });
  const yearBudget = points.at(-1)?.budgetSoFar ?? 0;
  const last = points[f.monthsElapsed - 1];
  if (!last) return `The fiscal year has not begun: ${m(yearBudget)} budgeted for it.`;
  const spent = `By ${last.label}, ${m(last.actualSoFar ?? 0)} spent of ${m(last.budgetSoFar)} budgeted`;
  // The year's last month has begun: there is no month left to forecast.
  if (f.monthsElapsed >= 12) return `${spent} for the whole year.`;
  // The forecast line's last point: the same amount as the forecast in words, by the same arithmetic.
  return `${spent} so far; at this run rate the year ends at ${m(points.at(-1)?.forecast ?? f.forecastMinor)} against ${m(yearBudget)}.`;
}

/**
 * Budget against actual for one currency: each month's budget and actual (bars), both summed
 * from the year's start (lines), and the run-rate forecast to the year's end (dotted) — whether
 * the year will end over budget shows before it does. The table beside it has every number.
 */
export function BudgetActualChart({ data, forecast }: { data: Pick<EngagementCostsT, 'months'>; forecast: Forecast }) {
  const theme = useMantineTheme();
  const titleId = useId();
  const points = useMemo(() => budgetChartPoints(data, forecast), [data, forecast]);
  const { currency } = forecast;
  const axis = useMemo(() => {
    const format = new Intl.NumberFormat('en-GB', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
    const scale = 10 ** minorDigits(currency);
    return (v: number) => format.format(v / scale);
  }, [currency]);
  const money = (v: unknown) => (typeof v === 'number' ? formatMoney({ amountMinor: v, currency }) : '—');
  const tick = { fontSize: 12, fill: 'var(--mantine-color-dimmed)' };

  return (
    <Box component="figure" m={0} aria-labelledby={titleId}>
      <Text component="figcaption" fw={600} id={titleId}>
        Budget and actual in {currency}
      </Text>
      <Text size="sm" c="dimmed" mb="xs">
        {budgetChartSummary(points, forecast)}
      </Text>
      <ComposedChart responsive style={{ width: '100%', height: 300 }} data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} aria-hidden>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" vertical={false} />
        <XAxis dataKey="label" tickFormatter={(l: string) => `${l.slice(0, 3)} ${l.slice(-2)}`} tick={tick} tickMargin={6} minTickGap={8} />
        <YAxis tickFormatter={axis} width={64} tick={tick} />
        <Tooltip
          formatter={(value, name) => [money(value), name]}
          contentStyle={{ background: 'var(--mantine-color-body)', borderColor: 'var(--mantine-color-default-border)', borderRadius: 8, fontSize: 13 }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} formatter={(name) => <span style={{ color: 'var(--mantine-color-text)' }}>{name}</span>} />
        <Bar dataKey="monthBudget" name="Budget of the month" fill={theme.colors.gray[4]} maxBarSize={18} isAnimationActive={false} />
        <Bar dataKey="monthActual" name="Actual of the month" fill={theme.colors.teal[5]} maxBarSize={18} isAnimationActive={false} />
        <Line dataKey="budgetSoFar" name="Budget so far" stroke={theme.colors.gray[7]} strokeDasharray="6 4" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line dataKey="actualSoFar" name="Actual so far" stroke={theme.colors.teal[8]} strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
        <Line dataKey="forecast" name="Forecast at the run rate" stroke={theme.colors.orange[7]} strokeDasharray="2 4" strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
      </ComposedChart>
    </Box>
  );
}
