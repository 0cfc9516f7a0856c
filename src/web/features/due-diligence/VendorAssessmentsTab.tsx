import { Button, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconClipboardCheck, IconSend } from '@tabler/icons-react';
import { roleCan } from '../../../shared/permissions.ts';
import { wholeList } from '../../api/paging.ts';
import type { MeT, VendorT } from '../../api/types.ts';
import { ListSection, ListView } from '../../components/list/ListView.tsx';
import { useAllVendorFindings, useVendorAssessmentList } from './api.ts';
import { AssessmentTable } from './AssessmentTable.tsx';
import { FindingList } from './FindingList.tsx';
import { InherentRiskCard } from './InherentRiskCard.tsx';
import { SendAssessmentModal } from './SendAssessmentModal.tsx';
import { VendorEvidence } from './VendorEvidence.tsx';
import type { FindingT } from './types.ts';

const isOpen = (f: FindingT) => f.status === 'open' || f.status === 'in_progress';

function VendorFindings({ vendor, canWrite }: { vendor: VendorT; canWrite: boolean }) {
  const findings = useAllVendorFindings(vendor.id);
  const all = findings.data ?? [];
  const open = wholeList(findings, all.filter(isOpen));
  return (
    <ListSection id="vendor-findings" title="Open findings" hint="Weaknesses the assessments revealed, until they are resolved or the risk is accepted.">
      <ListView
        list={open}
        variant="section"
        noun={{ one: 'finding', many: 'findings' }}
        empty={{
          icon: <IconAlertTriangle size={24} />,
          title: 'No open findings',
          description: all.length > 0 ? 'Every finding has been resolved or accepted.' : 'Findings raised while reviewing answers appear here.',
        }}
      >
        {(items) => <FindingList items={items} canWrite={canWrite} label={`Open findings of ${vendor.name}`} />}
      </ListView>
    </ListSection>
  );
}

/** The vendor page's Assessments tab: inherent risk, questionnaires sent, evidence and open findings. */
export function VendorAssessmentsTab({ vendor, me }: { vendor: VendorT; me: MeT }) {
  const canRead = roleCan(me.user.role, 'assessment.read');
  const canWrite = roleCan(me.user.role, 'assessment.write');
  const canUpload = roleCan(me.user.role, 'evidence.write');
  const assessments = useVendorAssessmentList(vendor.id, canRead);
  const [opened, dialog] = useDisclosure(false);
  if (!canRead) return <Text c="dimmed">Assessments are not available with your account.</Text>;

  return (
    <Stack gap="xl">
      <InherentRiskCard vendor={vendor} />
      <ListSection
        id="vendor-assessments"
        title="Assessments"
        hint={`Questionnaires sent to ${vendor.name} through the vendor portal.`}
        actions={
          canWrite &&
          !vendor.archived && (
            <Button leftSection={<IconSend size={16} />} onClick={dialog.open}>
              Send questionnaire
            </Button>
          )
        }
      >
        <ListView
          list={assessments}
          variant="section"
          noun={{ one: 'assessment', many: 'assessments' }}
          empty={{
            icon: <IconClipboardCheck size={24} />,
            title: 'No assessments yet',
            description: `Send ${vendor.name} a security and governance questionnaire. Its contact answers in the portal, uploads evidence, and you review, score and raise findings here.`,
          }}
        >
          {(items) => <AssessmentTable items={items} label={`Assessments of ${vendor.name}`} />}
        </ListView>
      </ListSection>
      <VendorEvidence vendor={vendor} canWrite={canUpload} />
      <VendorFindings vendor={vendor} canWrite={canWrite} />
      {canWrite && <SendAssessmentModal opened={opened} onClose={dialog.close} vendor={vendor} me={me} />}
    </Stack>
  );
}
