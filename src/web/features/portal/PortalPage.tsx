import { Badge, Box, Button, Center, EmptyState, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChevronRight, IconInbox } from '@tabler/icons-react';
import { Link, Navigate } from 'react-router';
import { ListSection, ListView } from '../../components/list/ListView.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { EvidenceList } from '../due-diligence/EvidenceList.tsx';
import { daysUntil } from '../due-diligence/labels.ts';
import { portalDownloadUrl, usePortalHome, type PortalRequestT } from './api.ts';
import { usePortalEvidenceList } from './lists.ts';
import { PortalChangeRequestsSection } from '../costs/PortalChangeRequests.tsx';
import { PortalDeliverablesSection } from '../deliverables/PortalDeliverables.tsx';
import { PortalExitStepsSection } from '../exit/PortalExitSteps.tsx';
import { PortalActionsSection } from '../governance/PortalActions.tsx';
import { PortalReportsSection } from '../governance/StatusReports.tsx';
import { PortalReviewsSection } from '../governance/Reviews.tsx';
import { PortalFrame } from './PortalFrame.tsx';
import { VENDOR_STATUS } from './portalLabels.ts';

function dueText(r: PortalRequestT): string {
  const days = daysUntil(r.dueDate);
  if (r.status === 'submitted' || r.status === 'completed') return `Submitted ${formatDate(r.submittedAt)}`;
  if (days < 0) return `Was due ${formatDate(r.dueDate)}`;
  if (days === 0) return 'Due today';
  return `Due ${formatDate(r.dueDate)} · in ${days === 1 ? '1 day' : `${days} days`}`;
}

function RequestCard({ r }: { r: PortalRequestT }) {
  const s = VENDOR_STATUS[r.status];
  const open = r.status === 'sent' || r.status === 'in_progress';
  return (
    <Paper withBorder radius="md" p="md" component="li">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 220px' }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {r.templateName}
          </Text>
          <Group gap={6}>
            <Badge variant="light" color={s.color}>
              {s.label}
            </Badge>
            {r.overdue && (
              <Badge variant="filled" color="red">
                Overdue
              </Badge>
            )}
          </Group>
          <Text size="sm" c={r.overdue ? 'red' : 'dimmed'}>
            {dueText(r)}
          </Text>
        </Stack>
        <Button component={Link} to={`/portal/assessments/${r.id}`} variant={open ? 'filled' : 'default'} rightSection={<IconChevronRight size={16} />} aria-label={`${open ? (r.status === 'sent' ? 'Start' : 'Continue') : 'View'} ${r.templateName}`}>
          {open ? (r.status === 'sent' ? 'Start' : 'Continue') : 'View'}
        </Button>
      </Group>
    </Paper>
  );
}

/** Where a vendor contact lands: what the client organisation asks of their company. */
export function PortalPage() {
  const me = useSession();
  const isContact = me.user.role === 'vendor_contact';
  const portal = usePortalHome(isContact);
  const evidence = usePortalEvidenceList();
  usePageTitle(portal.data ? `${portal.data.vendor.name} portal` : 'Vendor portal');

  if (!isContact) return <Navigate to="/" replace />;

  return (
    <PortalFrame me={me}>
      {portal.isPending ? (
        <Center py="xl">
          <Loader aria-label="Loading portal" />
        </Center>
      ) : portal.isError ? (
        <QueryError error={portal.error} onRetry={() => portal.refetch()} what="the portal" />
      ) : (
        <Stack gap="xl">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              Vendor portal · {portal.data.org.name}
            </Text>
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              Welcome, {portal.data.vendor.name}.
            </Title>
            <Text c="dimmed">
              {portal.data.requests.length > 0
                ? `What ${portal.data.org.name} asks of you. Answers are saved as you type, so you can stop and come back.`
                : `Requests from ${portal.data.org.name} will appear here.`}
            </Text>
          </Stack>
          {portal.data.requests.length === 0 ? (
            <Paper withBorder radius="md" p="xl">
              <EmptyState
                icon={<IconInbox size={28} />}
                variant="light"
                title={<Title order={2} size="h4">Nothing to do yet</Title>}
                description={`When ${portal.data.org.name} sends you an assessment or asks for evidence such as an ISO 27001 certificate or a SOC 2 report, it will be listed here with its due date.`}
              />
            </Paper>
          ) : (
            <Stack gap="sm" component="section" aria-labelledby="portal-requests">
              <Title order={2} size="h4" id="portal-requests">
                Questionnaires
              </Title>
              <Box component="ul" className="bare-list">
                <Stack gap="sm">
                  {portal.data.requests.map((r) => (
                    <RequestCard key={r.id} r={r} />
                  ))}
                </Stack>
              </Box>
            </Stack>
          )}
          <PortalDeliverablesSection />
          <PortalChangeRequestsSection />
          <PortalExitStepsSection />
          <PortalActionsSection />
          <PortalReportsSection />
          <PortalReviewsSection />
          {evidence.items.length > 0 && (
            <ListSection id="portal-documents" title="Your documents" hint={`Shared with ${portal.data.org.name}. You get a reminder before a certificate or report expires.`}>
              <ListView list={evidence} variant="section" noun={{ one: 'document', many: 'documents' }} empty="No documents yet.">
                {(items) => <EvidenceList items={items} downloadUrl={portalDownloadUrl} label="Your documents" compact />}
              </ListView>
            </ListSection>
          )}
        </Stack>
      )}
    </PortalFrame>
  );
}
