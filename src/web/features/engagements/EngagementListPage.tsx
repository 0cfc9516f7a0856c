import { Button, Select, SimpleGrid } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBriefcase, IconPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { ENGAGEMENT_STATUSES, SERVICE_TYPES, SERVICE_TYPE_LABELS } from '../../../shared/contracts/engagements.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { ARCHIVED_CHOICES, ListFilters, WhichControl } from '../../components/list/ListFilters.tsx';
import { ListView } from '../../components/list/ListView.tsx';
import { SearchInput } from '../../components/list/SearchInput.tsx';
import { ARCHIVED_VALUES, urlFilter, useUrlFilters } from '../../components/list/urlFilters.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ENGAGEMENT_STATUS_LABELS, options } from '../../lib/labels.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useVendorOptions } from '../vendors/api.ts';
import { useEngagementList } from './api.ts';
import { EngagementFormModal } from './EngagementFormModal.tsx';
import { EngagementTable } from './EngagementTable.tsx';

const FILTERS = {
  q: urlFilter.text(),
  vendorId: urlFilter.one(),
  status: urlFilter.one(),
  serviceType: urlFilter.one(),
  archived: urlFilter.choice(ARCHIVED_VALUES, 'false'),
};
const STATUS_OPTIONS = options(ENGAGEMENT_STATUSES, ENGAGEMENT_STATUS_LABELS);
const SERVICE_OPTIONS = options(SERVICE_TYPES, SERVICE_TYPE_LABELS);

export function EngagementListPage() {
  usePageTitle('Engagements');
  const me = useSession();
  const canWrite = roleCan(me.user.role, 'engagement.write');
  const navigate = useNavigate();
  const [opened, dialog] = useDisclosure(false);
  const vendors = useVendorOptions();
  const filters = useUrlFilters(FILTERS);
  const { values: f, set } = filters;
  const list = useEngagementList(f);

  return (
    <>
      <PageHeader
        title="Engagements"
        description="Each outsourced service a vendor delivers. SLAs, contracts, costs and exit plans hang on engagements."
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={dialog.open}>
              New engagement
            </Button>
          )
        }
      />
      <ListFilters
        label="Filter engagements"
        panelCount={filters.panelCount}
        search={<SearchInput label="Search engagements" placeholder="Name or description" value={f.q} onChange={(q) => set({ q })} style={{ flex: '1 1 260px' }} />}
        inline={<WhichControl legend="Which engagements" data={ARCHIVED_CHOICES} value={f.archived} onChange={(archived) => set({ archived })} />}
      >
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Select label="Vendor" placeholder="Any vendor" data={vendors.data ?? []} searchable clearable value={f.vendorId} onChange={(vendorId) => set({ vendorId })} />
          <Select label="Status" placeholder="Any status" data={STATUS_OPTIONS} clearable value={f.status} onChange={(status) => set({ status })} />
          <Select label="Service type" placeholder="Any service type" data={SERVICE_OPTIONS} clearable value={f.serviceType} onChange={(serviceType) => set({ serviceType })} />
        </SimpleGrid>
      </ListFilters>
      <ListView
        list={list}
        noun={{ one: 'engagement', many: 'engagements' }}
        filters={filters}
        empty={{
          icon: <IconBriefcase size={28} />,
          title: 'No engagements yet',
          description:
            'An engagement is one service a vendor delivers, such as "24/7 service desk" or "ERP maintenance". Add one to start tracking SLAs, contracts and costs against it.',
          actions: canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={dialog.open}>
              Add your first engagement
            </Button>
          ),
        }}
      >
        {(items) => <EngagementTable engagements={items} />}
      </ListView>
      {canWrite && (
        <EngagementFormModal
          opened={opened}
          onClose={dialog.close}
          vendorId={f.vendorId ?? undefined}
          vendorName={vendors.data?.find((v) => v.value === f.vendorId)?.label}
          onSaved={(e) => navigate(`/engagements/${e.id}`)}
        />
      )}
    </>
  );
}
