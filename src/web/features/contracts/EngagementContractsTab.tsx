import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileText, IconPlus } from '@tabler/icons-react';
import { roleCan } from '../../../shared/permissions.ts';
import { ListSection, ListView } from '../../components/list/ListView.tsx';
import type { EngagementTabProps } from '../engagements/tabs.tsx';
import { useContractList } from './api.ts';
import { ContractFormModal } from './ContractFormModal.tsx';
import { ContractTable } from './ContractTable.tsx';

/** The engagement page's Contracts tab: the contracts that cover this engagement. */
export function EngagementContractsTab({ engagement, me }: EngagementTabProps) {
  const list = useContractList({ q: '', vendorId: null, engagementId: engagement.id, type: null, status: null, archived: 'false' }, 50);
  const [opened, dialog] = useDisclosure(false);
  const canWrite = roleCan(me.user.role, 'contract.write') && !engagement.archived;
  return (
    <ListSection
      id="engagement-contracts"
      title="Contracts"
      hint={`The contracts that cover ${engagement.name}.`}
      actions={
        canWrite && (
          <Button leftSection={<IconPlus size={16} />} variant="light" onClick={dialog.open}>
            Add contract
          </Button>
        )
      }
    >
      <ListView list={list} variant="section" noun={{ one: 'contract', many: 'contracts' }} empty={{ icon: <IconFileText size={24} />, title: 'No contract covers this engagement', description: 'Add the contract under which this service is delivered.' }}>
        {(items) => <ContractTable contracts={items} showVendor={false} />}
      </ListView>
      {canWrite && <ContractFormModal opened={opened} onClose={dialog.close} vendorId={engagement.vendorId} vendorName={engagement.vendorName} engagementId={engagement.id} />}
    </ListSection>
  );
}
