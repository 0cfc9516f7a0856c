import { Button, EmptyState, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconClipboardCheck, IconSend } from '@tabler/icons-react';
import { roleCan } from '../../../shared/permissions.ts';
import type { MeT, VendorT } from '../../api/types.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useAssessments, useFindings } from './api.ts';
import { AssessmentTable } from './AssessmentTable.tsx';
import { FindingList } from './FindingList.tsx';
import { InherentRiskCard } from './InherentRiskCard.tsx';
import { SendAssessmentModal } from './SendAssessmentModal.tsx';
import { VendorEvidence } from './VendorEvidence.tsx';

function VendorFindings({ vendor, canWrite }: { vendor: VendorT; canWrite: boolean }) {
  const findings = useFindings({ vendorId: vendor.id });
  const open = (findings.data ?? []).filter((f) => f.status === 'open' || f.status === 'in_progress');
  return (
    <Stack gap="sm" component="section" aria-labelledby="vendor-findings">
      <div>
        <Title order={2} size="h4" id="vendor-findings">
          Open findings
        </Title>
        <Text size="sm" c="dimmed">
          Weaknesses the assessments revealed, until they are resolved or the risk is accepted.
        </Text>
      </div>
      {findings.isPending ? (
        <Skeleton h={60} radius="md" />
      ) : findings.isError ? (
        <QueryError error={findings.error} onRetry={() => findings.refetch()} what="findings" />
      ) : open.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <EmptyState size="sm" icon={<IconAlertTriangle size={24} />} title="No open findings" description={(findings.data ?? []).length > 0 ? 'Every finding has been resolved or accepted.' : 'Findings raised while reviewing answers appear here.'} />
        </Paper>
      ) : (
        <FindingList items={open} canWrite={canWrite} label={`Open findings of ${vendor.name}`} />
      )}
    </Stack>
  );
}

/** The vendor page's Assessments tab: inherent risk, questionnaires sent, evidence and open findings. */
export function VendorAssessmentsTab({ vendor, me }: { vendor: VendorT; me: MeT }) {
  const canRead = roleCan(me.user.role, 'assessment.read');
  const canWrite = roleCan(me.user.role, 'assessment.write');
  const canUpload = roleCan(me.user.role, 'evidence.write');
  const assessments = useAssessments({ vendorId: vendor.id }, canRead);
  const [opened, dialog] = useDisclosure(false);
  if (!canRead) return <Text c="dimmed">Assessments are not available with your account.</Text>;
  const items = assessments.data ?? [];

  return (
    <Stack gap="xl">
      {assessments.isPending ? <Skeleton h={140} radius="md" /> : <InherentRiskCard vendor={vendor} assessments={items} />}
      <Stack gap="sm" component="section" aria-labelledby="vendor-assessments">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2} size="h4" id="vendor-assessments">
              Assessments
            </Title>
            <Text size="sm" c="dimmed">
              Questionnaires sent to {vendor.name} through the vendor portal.
            </Text>
          </div>
          {canWrite && !vendor.archived && (
            <Button leftSection={<IconSend size={16} />} onClick={dialog.open}>
              Send questionnaire
            </Button>
          )}
        </Group>
        {assessments.isPending ? (
          <Skeleton h={80} radius="md" />
        ) : assessments.isError ? (
          <QueryError error={assessments.error} onRetry={() => assessments.refetch()} what="assessments" />
        ) : items.length === 0 ? (
          <Paper withBorder radius="md" p="lg">
            <EmptyState
              size="sm"
              icon={<IconClipboardCheck size={24} />}
              title="No assessments yet"
              description={`Send ${vendor.name} a security and governance questionnaire. Its contact answers in the portal, uploads evidence, and you review, score and raise findings here.`}
            />
          </Paper>
        ) : (
          <AssessmentTable items={items} label={`Assessments of ${vendor.name}`} />
        )}
      </Stack>
      <VendorEvidence vendor={vendor} canWrite={canUpload} />
      <VendorFindings vendor={vendor} canWrite={canWrite} />
      {canWrite && <SendAssessmentModal opened={opened} onClose={dialog.close} vendor={vendor} me={me} previous={items} />}
    </Stack>
  );
}
