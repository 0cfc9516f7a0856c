import { Alert, Anchor, Button, Divider, EmptyState, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconCalendarTime, IconGauge, IconPencil, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { roleCan } from '../../../shared/permissions.ts';
import type { EngagementT, MeT } from '../../api/types.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate } from '../../lib/format.ts';
import { useSlaPolicy, useSlaReport, type ReportQuery } from './api.ts';
import { useAllCalendars, useEngagementTicketCount } from './lists.ts';
import { calendarLabel } from './calendarForm.ts';
import { BreachList } from './BreachList.tsx';
import { CalendarManagerModal } from './CalendarManagerModal.tsx';
import { ImportTicketsModal } from './ImportTicketsModal.tsx';
import { OutagesSection } from './OutagesSection.tsx';
import { PolicyEditorModal } from './PolicyEditorModal.tsx';
import { RecentImports } from './RecentImports.tsx';
import { SlaReportSection } from './SlaReportSection.tsx';
import type { SlaPolicyT } from './types.ts';

function PolicyLine({ policy }: { policy: SlaPolicyT }) {
  const calendars = useAllCalendars();
  const calendar = calendars.data?.find((c) => c.id === policy.calendarId);
  return (
    <Text size="sm" c="dimmed">
      SLA policy version {policy.version}, saved {formatDate(policy.createdAt)}
      {policy.createdByName ? ` by ${policy.createdByName}` : ''}
      {calendar ? ` · calendar ${calendarLabel(calendar)}` : ''}
    </Text>
  );
}

function Measured({ engagementId, policy, canWrite }: { engagementId: string; policy: SlaPolicyT; canWrite: boolean }) {
  const [query, setQuery] = useState<ReportQuery>({});
  const report = useSlaReport(engagementId, query);
  const months = report.data?.months.map((m) => m.month) ?? [];
  return (
    <Stack gap="xl">
      <SlaReportSection engagementId={engagementId} policy={policy} query={query} setQuery={setQuery} />
      <Divider />
      <BreachList engagementId={engagementId} policy={policy} timeZone={report.data?.timeZone ?? 'UTC'} months={months} />
      <Divider />
      <OutagesSection engagementId={engagementId} canWrite={canWrite} hasTarget={!!policy.availability} />
      <Divider />
      <RecentImports engagementId={engagementId} />
    </Stack>
  );
}

/** Tickets imported before any policy: how many wait to be measured, and where they came from. */
function WaitingTickets({ engagementId }: { engagementId: string }) {
  const count = useEngagementTicketCount(engagementId);
  const n = count.data ?? 0;
  return (
    <Stack gap="lg">
      {n > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={`${n.toLocaleString()} ${n === 1 ? 'ticket' : 'tickets'} imported, not measured yet`} role="status">
          Tickets are measured against the SLA policy&apos;s targets. Set up the policy and the report, breaches and credits appear for every imported ticket — nothing needs importing again.
        </Alert>
      )}
      <RecentImports engagementId={engagementId} />
    </Stack>
  );
}

/** One engagement's SLAs: its policy, the measured report, breaches, outages and imports. */
export function EngagementSla({ engagement, me }: { engagement: EngagementT; me: MeT }) {
  const policy = useSlaPolicy(engagement.id);
  const canWrite = roleCan(me.user.role, 'sla.write');
  const canImport = roleCan(me.user.role, 'ticket.import');
  const [policyOpen, policyDialog] = useDisclosure(false);
  const [importOpen, importDialog] = useDisclosure(false);
  const [calendarsOpen, calendarsDialog] = useDisclosure(false);

  if (policy.isPending) return <Skeleton h={240} radius="md" aria-label="Loading the SLA policy" />;
  if (policy.isError) return <QueryError error={policy.error} onRetry={() => policy.refetch()} what="the SLA policy" />;
  const p = policy.data;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        {p ? (
          <PolicyLine policy={p} />
        ) : (
          <Text size="sm" c="dimmed">
            No SLA policy yet.
          </Text>
        )}
        <Group gap="xs" wrap="wrap">
          <Button variant="default" leftSection={<IconCalendarTime size={16} />} onClick={calendarsDialog.open}>
            Calendars
          </Button>
          {canWrite && p && (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={policyDialog.open}>
              Edit SLA policy
            </Button>
          )}
          {canImport && (
            <Button leftSection={<IconUpload size={16} />} onClick={importDialog.open} variant={p ? 'filled' : 'default'}>
              Import tickets
            </Button>
          )}
        </Group>
      </Group>
      {p ? (
        <Measured engagementId={engagement.id} policy={p} canWrite={canWrite} />
      ) : (
        <Paper withBorder radius="md" p={{ base: 'lg', sm: 48 }}>
          <EmptyState
            icon={<IconGauge size={28} />}
            variant="light"
            title={<h2 className="empty-title">{`No SLA policy for ${engagement.name}`}</h2>}
            description="An SLA policy holds the targets from the contract: how fast the vendor must respond to and resolve tickets of each priority (in business hours of a calendar, or round the clock), the share of tickets that must meet them each month, and the service credits owed when a month misses. Outsight then measures every imported ticket against it."
            maw={640}
            mx="auto"
          >
            <EmptyState.Actions>
              {canWrite ? (
                <Button leftSection={<IconGauge size={16} />} onClick={policyDialog.open}>
                  Set up SLA policy
                </Button>
              ) : (
                <Text size="sm" c="dimmed">
                  Ask a manager or an administrator to set one up.
                </Text>
              )}
            </EmptyState.Actions>
          </EmptyState>
        </Paper>
      )}
      {!p && <WaitingTickets engagementId={engagement.id} />}
      <Text size="xs" c="dimmed">
        See all engagements’ SLAs on the{' '}
        <Anchor component={Link} to="/sla" size="xs">
          SLA overview
        </Anchor>
        .
      </Text>
      {canWrite && <PolicyEditorModal opened={policyOpen} onClose={policyDialog.close} engagementId={engagement.id} engagementName={engagement.name} policy={p} />}
      {canImport && <ImportTicketsModal opened={importOpen} onClose={importDialog.close} engagementId={engagement.id} engagementName={engagement.name} policy={p} />}
      <CalendarManagerModal opened={calendarsOpen} onClose={calendarsDialog.close} canWrite={canWrite} />
    </Stack>
  );
}
