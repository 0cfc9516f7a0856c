import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBriefcase, IconPlus } from '@tabler/icons-react';
import type { VendorT } from '../../api/types.ts';
import { ListSection, ListView } from '../../components/list/ListView.tsx';
import { useEngagementList } from './api.ts';
import { EngagementFormModal } from './EngagementFormModal.tsx';
import { EngagementTable } from './EngagementTable.tsx';

/** The vendor page's list of the services this vendor delivers. */
export function VendorEngagements({ vendor, canWrite }: { vendor: VendorT; canWrite: boolean }) {
  const list = useEngagementList({ q: '', vendorId: vendor.id, status: null, serviceType: null, archived: 'all' }, 25);
  const [opened, dialog] = useDisclosure(false);

  return (
    <ListSection
      id="vendor-engagements"
      title="Engagements"
      hint="The services this vendor delivers. SLAs, contracts, costs and exit plans hang on them."
      actions={
        canWrite &&
        !vendor.archived && (
          <Button leftSection={<IconPlus size={16} />} variant="light" onClick={dialog.open}>
            Add engagement
          </Button>
        )
      }
    >
      <ListView
        list={list}
        variant="section"
        noun={{ one: 'engagement', many: 'engagements' }}
        empty={{
          icon: <IconBriefcase size={24} />,
          title: 'No engagements yet',
          description: `Record each service ${vendor.name} delivers, e.g. "24/7 service desk" or "ERP maintenance".`,
        }}
      >
        {(items) => <EngagementTable engagements={items} showVendor={false} />}
      </ListView>
      {canWrite && <EngagementFormModal opened={opened} onClose={dialog.close} vendorId={vendor.id} vendorName={vendor.name} />}
    </ListSection>
  );
}
