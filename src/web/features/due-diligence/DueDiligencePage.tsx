import { Button, EmptyState, Group, Paper, SimpleGrid, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCalendarDue, IconClipboardList, IconClockExclamation, IconFileCertificate, IconHourglass } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { roleCan } from '../../../shared/permissions.ts';
import { ListSection } from '../../components/list/ListView.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useDdOverview } from './api.ts';
import { AssessmentTable } from './AssessmentTable.tsx';
import { ExpiringEvidence } from './ExpiringEvidence.tsx';
import { FindingList } from './FindingList.tsx';
import { ReviewsTable } from './ReviewsTable.tsx';

function Stat({ label, value, icon, href, alert }: { label: string; value: number; icon: ReactNode; href: string; alert?: boolean }) {
  const color = alert && value > 0 ? 'red' : 'blue';
  return (
    <Paper withBorder radius="md" p="md" component="a" href={href} className="stat-card" aria-label={`${label}: ${value}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.4}>
            {label}
          </Text>
          <Text fz={28} fw={700} lh={1.2} c={alert && value > 0 ? 'red' : undefined}>
            {value}
          </Text>
        </Stack>
        <ThemeIcon variant="light" color={color} size={38} radius="md">
          {icon}
        </ThemeIcon>
      </Group>
    </Paper>
  );
}

/** One list of the overview: its rows, or one sentence when there are none. */
function Section({ id, title, hint, children, empty }: { id: string; title: string; hint: string; children: ReactNode; empty: string | null }) {
  return (
    <ListSection id={id} anchor={`${id}-section`} title={title} hint={hint}>
      {empty ? (
        <Paper withBorder radius="md" p="md">
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        </Paper>
      ) : (
        children
      )}
    </ListSection>
  );
}

/** Who is overdue, what awaits review, which reviews are due by risk, evidence about to expire, open findings. */
export function DueDiligencePage() {
  usePageTitle('Due diligence');
  const me = useSession();
  const overview = useDdOverview();
  const canWrite = roleCan(me.user.role, 'assessment.write');

  const header = (
    <PageHeader
      title="Due diligence"
      description="Questionnaires sent to vendors, their scores and findings, the evidence they provided and when each vendor must be reassessed."
      actions={
        <Button component={Link} to="/due-diligence/questionnaires" variant="default" leftSection={<IconClipboardList size={16} />}>
          Questionnaires
        </Button>
      }
    />
  );
  if (overview.isPending) {
    return (
      <>
        {header}
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
          {[0, 1, 2, 3, 4].map((i) => (
            <Skeleton key={i} h={84} radius="md" />
          ))}
        </SimpleGrid>
      </>
    );
  }
  if (overview.isError) {
    return (
      <>
        {header}
        <QueryError error={overview.error} onRetry={() => overview.refetch()} what="the overview" />
      </>
    );
  }
  const o = overview.data;
  // An overview that had to stop early says so; its lists then hold their first rows only.
  const truncated = o.truncated;
  const awaiting = o.open.filter((a) => a.status === 'submitted');
  const waiting = o.open.filter((a) => a.status !== 'submitted' && !a.overdue);
  const due = o.reviews.filter((r) => r.reviewDue);
  const nothingYet = o.open.length === 0 && o.reviews.every((r) => !r.lastCompletedAt) && o.openFindings.length === 0;

  return (
    <>
      {header}
      <Stack gap="xl">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
          <Stat label="Overdue" value={o.overdue.length} icon={<IconClockExclamation size={20} />} href="#dd-overdue-section" alert />
          <Stat label="Awaiting review" value={awaiting.length} icon={<IconHourglass size={20} />} href="#dd-awaiting-section" />
          <Stat label="Reviews due" value={due.length} icon={<IconCalendarDue size={20} />} href="#dd-reviews-section" alert />
          <Stat label="Evidence expiring" value={o.expiringEvidence.length} icon={<IconFileCertificate size={20} />} href="#dd-evidence-section" alert />
          <Stat label="Open findings" value={o.openFindings.length} icon={<IconAlertTriangle size={20} />} href="#dd-findings-section" />
        </SimpleGrid>
        {truncated && (
          <Text size="sm" c="dimmed" role="note">
            These lists are long: each shows its first entries. Open a vendor’s Assessments tab for all of its assessments, evidence and findings.
          </Text>
        )}
        {nothingYet && (
          <Paper withBorder radius="md" p="lg">
            <EmptyState
              size="sm"
              icon={<IconClipboardList size={24} />}
              title="No assessments yet"
              description={canWrite ? 'Add a questionnaire (the built-in one covers outsourced IT), then send it from a vendor’s Assessments tab.' : 'Assessments sent to vendors will appear here.'}
            >
              {canWrite && (
                <EmptyState.Actions>
                  <Button component={Link} to="/due-diligence/questionnaires">
                    Set up questionnaires
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          </Paper>
        )}
        <Section id="dd-overdue" title="Overdue requests" hint="Questionnaires past their due date that the vendor has not submitted." empty={o.overdue.length === 0 ? 'Nothing is overdue.' : null}>
          <AssessmentTable items={o.overdue} showVendor label="Overdue requests" />
        </Section>
        <Section id="dd-awaiting" title="Awaiting review" hint="Submitted by the vendor: accept answers, ask for clarification or raise findings, then complete the review." empty={awaiting.length === 0 ? 'No submitted questionnaire waits for review.' : null}>
          <AssessmentTable items={awaiting} showVendor label="Awaiting review" />
        </Section>
        {waiting.length > 0 && (
          <Section id="dd-waiting" title="With the vendor" hint="Sent and not yet submitted, still within the due date." empty={null}>
            <AssessmentTable items={waiting} showVendor label="With the vendor" />
          </Section>
        )}
        <Section id="dd-reviews" title="Reviews by risk" hint="Inherent risk (criticality tier × data access) sets how often a vendor is reassessed: critical every 6 months, high 12, medium 24, low 36." empty={o.reviews.length === 0 ? 'No active vendors.' : null}>
          <ReviewsTable rows={o.reviews} />
        </Section>
        <Section id="dd-evidence" title="Evidence expiring" hint="Certificates and reports that lapse within 60 days, or lapsed in the last 30; reminders go out at 60, 30 and 7 days." empty={o.expiringEvidence.length === 0 ? 'No document expires in the next 60 days.' : null}>
          <ExpiringEvidence items={o.expiringEvidence} />
        </Section>
        <Section id="dd-findings" title="Open findings" hint="Weaknesses found in assessments, with their owners and due dates." empty={o.openFindings.length === 0 ? 'No open findings.' : null}>
          <FindingList items={o.openFindings} canWrite={canWrite} showVendor label="Open findings" />
        </Section>
      </Stack>
    </>
  );
}
