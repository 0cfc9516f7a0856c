import { Button, Group, Select, SimpleGrid } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarEvent, IconShieldExclamation, IconFileText, IconPlus, IconUpload } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { CONTRACT_STATUSES, CONTRACT_STATUS_LABELS, CONTRACT_TYPES, CONTRACT_TYPE_LABELS } from '../../../shared/contracts/contracts.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { ARCHIVED_CHOICES, ListFilters, WhichControl } from '../../components/list/ListFilters.tsx';
import { ListView } from '../../components/list/ListView.tsx';
import { SearchInput } from '../../components/list/SearchInput.tsx';
import { ARCHIVED_VALUES, urlFilter, useUrlFilters } from '../../components/list/urlFilters.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { options } from '../../lib/labels.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useVendorOptions } from '../vendors/api.ts';
import { useContractList } from './api.ts';
import { ContractFormModal } from './ContractFormModal.tsx';
import { ContractTable } from './ContractTable.tsx';
import { ImportContractsDialog } from './ImportContractsDialog.tsx';

const FILTERS = {
  q: urlFilter.text(),
  vendorId: urlFilter.one(),
  type: urlFilter.one(),
  status: urlFilter.one(),
  archived: urlFilter.choice(ARCHIVED_VALUES, 'false'),
};

/** Every contract, with filters; the way to the key-dates view. */
export function ContractListPage() {
  usePageTitle('Contracts');
  const me = useSession();
  const canWrite = roleCan(me.user.role, 'contract.write');
  const navigate = useNavigate();
  const [opened, dialog] = useDisclosure(false);
  const [importOpen, importDialog] = useDisclosure(false);
  const vendors = useVendorOptions();
  const filters = useUrlFilters(FILTERS);
  const { values: f, set } = filters;
  const list = useContractList(f);
  return (
    <>
      <PageHeader
        title="Contracts"
        description="Every contract with a vendor, its key dates computed: when it renews, the last day to give notice and the date to decide by."
        actions={
          <Group gap="xs">
            <Button component={Link} to="/contracts/key-dates" variant="default" leftSection={<IconCalendarEvent size={16} />}>
              Key dates
            </Button>
            <Button component={Link} to="/contracts/gaps" variant="default" leftSection={<IconShieldExclamation size={16} />}>
              Clause gaps
            </Button>
            {canWrite && (
              <Button variant="default" leftSection={<IconUpload size={16} />} onClick={importDialog.open}>
                Import CSV
              </Button>
            )}
            {canWrite && (
              <Button leftSection={<IconPlus size={16} />} onClick={dialog.open}>
                New contract
              </Button>
            )}
          </Group>
        }
      />
      <ListFilters
        label="Filter contracts"
        panelCount={filters.panelCount}
        search={<SearchInput label="Search contracts" placeholder="Title, reference or vendor" value={f.q} onChange={(q) => set({ q })} style={{ flex: '1 1 260px' }} />}
        inline={<WhichControl legend="Which contracts" data={ARCHIVED_CHOICES} value={f.archived} onChange={(archived) => set({ archived })} />}
      >
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Select label="Vendor" placeholder="Any vendor" data={vendors.data ?? []} searchable clearable value={f.vendorId} onChange={(vendorId) => set({ vendorId })} />
          <Select label="Type" placeholder="Any type" data={options(CONTRACT_TYPES, CONTRACT_TYPE_LABELS)} clearable value={f.type} onChange={(type) => set({ type })} />
          <Select label="Status" placeholder="Any status" data={options(CONTRACT_STATUSES, CONTRACT_STATUS_LABELS)} clearable value={f.status} onChange={(status) => set({ status })} />
        </SimpleGrid>
      </ListFilters>
      <ListView
        list={list}
        noun={{ one: 'contract', many: 'contracts' }}
        filters={filters}
        empty={{
          icon: <IconFileText size={28} />,
          title: 'No contracts yet',
          description: 'Add a contract with its term end, renewal and notice period, and Outsight computes the notice deadline and reminds you before it.',
          actions: canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={dialog.open}>
              Add your first contract
            </Button>
          ),
        }}
      >
        {(items) => <ContractTable contracts={items} />}
      </ListView>
      {canWrite && <ImportContractsDialog opened={importOpen} onClose={importDialog.close} />}
      {canWrite && <ContractFormModal opened={opened} onClose={dialog.close} vendorId={f.vendorId ?? undefined} vendorName={vendors.data?.find((v) => v.value === f.vendorId)?.label} onSaved={(c) => navigate(`/contracts/${c.id}`)} />}
    </>
  );
}
