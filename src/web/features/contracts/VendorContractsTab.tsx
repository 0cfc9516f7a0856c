import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileText, IconPlus } from '@tabler/icons-react';
import { roleCan } from '../../../shared/permissions.ts';
import { ListSection, ListView } from '../../components/list/ListView.tsx';
import type { VendorTabProps } from '../vendors/tabs.tsx';
import { useContractList } from './api.ts';
import { ContractFormModal } from './ContractFormModal.tsx';
import { ContractTable } from './ContractTable.tsx';

/** The vendor page's Contracts tab: every contract with this vendor. */
export function VendorContractsTab({ vendor, me }: VendorTabProps) {
  const list = useContractList({ q: '', vendorId: vendor.id, type: null, status: null, archived: 'all' }, 50);
  const [opened, dialog] = useDisclosure(false);
  const canWrite = roleCan(me.user.role, 'contract.write') && !vendor.archived;
  return (
    <ListSection
      id="vendor-contracts"
      title="Contracts"
      hint="Master agreements, statements of work, NDAs, data processing agreements, order forms and amendments with this vendor."
      actions={
        canWrite && (
          <Button leftSection={<IconPlus size={16} />} variant="light" onClick={dialog.open}>
            Add contract
          </Button>
        )
      }
    >
      <ListView list={list} variant="section" noun={{ one: 'contract', many: 'contracts' }} empty={{ icon: <IconFileText size={24} />, title: 'No contracts yet', description: `Record the contracts with ${vendor.name} and Outsight computes their notice deadlines.` }}>
        {(items) => <ContractTable contracts={items} showVendor={false} />}
      </ListView>
      {canWrite && <ContractFormModal opened={opened} onClose={dialog.close} vendorId={vendor.id} vendorName={vendor.name} />}
    </ListSection>
  );
}
