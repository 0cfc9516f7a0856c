import { Alert, Group, List, Loader, Paper, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Dispatch, SetStateAction } from 'react';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate } from '../../lib/format.ts';
import { useSlaReport, type ReportQuery } from './api.ts';
import { useAllPolicyVersions } from './lists.ts';
import { AttainmentChart, reportPriorities } from './AttainmentChart.tsx';
import { formatAmount, formatPct, formatShare, monthToPicker, pickerToMonth } from './format.ts';
import { MonthlyTable } from './MonthlyTable.tsx';
import type { SlaPolicyT, SlaReportT } from './types.ts';

function Stat({ label, value, hint, tone }: { label: string; value: string; hint?: string; tone?: 'bad' | 'good' }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.4}>
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.25} c={tone === 'bad' ? 'red.7' : tone === 'good' ? 'teal.7' : undefined}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

function Totals({ report, policy }: { report: SlaReportT; policy: SlaPolicyT }) {
  const rows = report.months.flatMap((m) => m.priorities);
  const tickets = rows.reduce((s, p) => s + p.tickets, 0);
  const breached = rows.reduce((s, p) => s + p.breached, 0);
  const missed = rows.filter((p) => p.met === false).length + report.months.filter((m) => m.availability?.met === false).length;
  const monthsMissed = report.months.filter((m) => m.priorities.some((p) => p.met === false) || m.availability?.met === false).length;
  const hasFee = policy.monthlyFeeMinor !== undefined;
  const creditMinor = report.months.reduce((s, m) => s + (m.creditMinor ?? 0), 0);
  const creditMonths = report.months.filter((m) => m.creditPct > 0).length;
  const cap = policy.creditCapPct !== undefined ? `capped at ${formatPct(policy.creditCapPct)} of the fee a month` : 'no cap';
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
      <Stat label="Tickets" value={tickets.toLocaleString()} hint={`${report.ticketCount.toLocaleString()} imported in all`} />
      <Stat label="Breached" value={breached.toLocaleString()} hint={tickets ? `${formatShare(breached / tickets)} of these tickets` : 'No tickets in these months'} tone={breached ? 'bad' : undefined} />
      <Stat
        label="Targets missed"
        value={missed.toLocaleString()}
        hint={`in ${monthsMissed} of ${report.months.length} months`}
        tone={missed ? 'bad' : tickets ? 'good' : undefined}
      />
      <Stat
        label="Credits owed"
        value={hasFee ? formatAmount({ amountMinor: creditMinor, currency: policy.currency }) : creditMonths ? `${creditMonths} mo.` : 'None'}
        hint={hasFee ? `${creditMonths} months · ${cap}` : 'Set a monthly fee in the policy to see amounts'}
        tone={creditMinor > 0 || (!hasFee && creditMonths > 0) ? 'bad' : undefined}
      />
    </SimpleGrid>
  );
}

/** Attainment, breaches and credits of one engagement over a range of months, against a policy version. */
export function SlaReportSection({
  engagementId,
  policy,
  query,
  setQuery,
}: {
  engagementId: string;
  policy: SlaPolicyT;
  query: ReportQuery;
  setQuery: Dispatch<SetStateAction<ReportQuery>>;
}) {
  const report = useSlaReport(engagementId, query);
  const versions = useAllPolicyVersions(engagementId);
  const r = report.data;
  const shownFrom = query.from ?? r?.months[0]?.month ?? null;
  const shownTo = query.to ?? r?.months[r.months.length - 1]?.month ?? null;
  const priorities = r ? reportPriorities(r, Object.keys(policy.priorities)) : [];

  const setRange = (key: 'from' | 'to', value: string | null) => {
    const month = pickerToMonth(value);
    if (!month) return;
    setQuery((q) => {
      const next = { ...q, from: q.from ?? shownFrom ?? undefined, to: q.to ?? shownTo ?? undefined, [key]: month };
      // Keep the range the right way round whichever end moved.
      if (next.from && next.to && next.from > next.to) {
        if (key === 'from') next.to = next.from;
        else next.from = next.to;
      }
      return next;
    });
  };

  const versionOptions = (versions.data ?? []).map((v) => ({
    value: String(v.version),
    label: v.version === policy.version ? `Version ${v.version} (in force)` : `Version ${v.version} · ${formatDate(v.createdAt)}`,
  }));

  return (
    <Stack gap="md" component="section" aria-labelledby="sla-report-title">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={2} size="h4" id="sla-report-title">
            Attainment and credits
          </Title>
          <Text size="sm" c="dimmed">
            Measured from the imported tickets in {r?.timeZone ?? 'the calendar’s time zone'}
            {r && r.policyVersion !== policy.version ? ` against version ${r.policyVersion} of the policy` : ''}.
          </Text>
        </div>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <MonthPickerInput label="From" value={monthToPicker(shownFrom)} onChange={(v) => setRange('from', v)} valueFormat="MMM YYYY" w={130} />
          <MonthPickerInput label="To" value={monthToPicker(shownTo)} onChange={(v) => setRange('to', v)} valueFormat="MMM YYYY" w={130} />
          <Select
            label="Policy"
            w={210}
            data={versionOptions.length ? versionOptions : [{ value: String(policy.version), label: `Version ${policy.version} (in force)` }]}
            value={String(query.version ?? policy.version)}
            onChange={(v) => setQuery((q) => ({ ...q, version: !v || Number(v) === policy.version ? undefined : Number(v) }))}
            allowDeselect={false}
          />
          {report.isFetching && !report.isPending && <Loader size="sm" aria-label="Updating the report" mb={8} />}
        </Group>
      </Group>

      {report.isPending ? (
        <Stack gap="sm" aria-busy="true" aria-label="Loading the SLA report">
          <Skeleton h={80} radius="md" />
          <Skeleton h={300} radius="md" />
        </Stack>
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => report.refetch()} what="the SLA report" />
      ) : r ? (
        <>
          <Totals report={r} policy={policy} />
          {r.problemCount > 0 && (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={`${r.problemCount.toLocaleString()} ${r.problemCount === 1 ? "ticket" : "tickets"} could not be measured`} role="note">
              <Text size="sm">They count in no month. The first reasons:</Text>
              <List size="sm" mt={4}>
                {r.problems.slice(0, 3).map((p) => (
                  <List.Item key={p.externalId}>
                    <Text span fw={500} size="sm">{p.externalId}</Text>: {p.problem}
                  </List.Item>
                ))}
              </List>
              <Text size="xs" c="dimmed" mt={4}>
                Choose “Data problems” in the ticket list below to see all of them.
              </Text>
            </Alert>
          )}
          <Paper withBorder radius="md" p="md">
            <AttainmentChart report={r} priorities={priorities} />
          </Paper>
          <MonthlyTable report={r} priorities={priorities} feeCurrency={policy.monthlyFeeMinor !== undefined ? policy.currency : null} />
          <Text size="xs" c="dimmed">
            {policy.monthlyFeeMinor !== undefined
              ? `Credits are a share of the monthly fee of ${formatAmount({ amountMinor: policy.monthlyFeeMinor, currency: policy.currency })}`
              : 'Credits are a share of the monthly fee'}
            {policy.creditCapPct !== undefined ? `, capped at ${formatPct(policy.creditCapPct)} a month.` : ', without a cap.'}
          </Text>
        </>
      ) : null}
    </Stack>
  );
}
