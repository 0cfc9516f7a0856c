import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingSkyscraper, IconDownload, IconPlus, IconUpload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { roleCan } from '../../../shared/permissions.ts';
import { ListView } from '../../components/list/ListView.tsx';
import { useUrlFilters } from '../../components/list/urlFilters.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { exportUrl, useVendorList } from './api.ts';
import { VENDOR_FILTERS } from './filters.ts';
import { ImportVendorsDialog } from './ImportVendorsDialog.tsx';
import { VendorFilterBar } from './VendorFilterBar.tsx';
import { VendorTable } from './VendorTable.tsx';

export function VendorListPage() {
  usePageTitle('Vendors');
  const me = useSession();
  const canWrite = roleCan(me.user.role, 'vendor.write');
  const filters = useUrlFilters(VENDOR_FILTERS);
  const list = useVendorList(filters.values);
  const [importOpen, importDialog] = useDisclosure(false);

  return (
    <>
      <PageHeader
        title="Vendors"
        description="The outside companies your IT depends on: prospects, pilots, active providers and the ones you are leaving."
        actions={
          <>
            {canWrite && (
              <Button variant="default" leftSection={<IconUpload size={16} />} onClick={importDialog.open}>
                Import
              </Button>
            )}
            <Button variant="default" component="a" href={exportUrl(filters.values)} download leftSection={<IconDownload size={16} />}>
              Export CSV
            </Button>
            {canWrite && (
              <Button component={Link} to="/vendors/new" leftSection={<IconPlus size={16} />}>
                New vendor
              </Button>
            )}
          </>
        }
      />
      <VendorFilterBar filters={filters} />
      <ListView
        list={list}
        noun={{ one: 'vendor', many: 'vendors' }}
        filters={filters}
        filteredHint="Try another search, or clear the filters to see every vendor."
        skeletonRows={6}
        empty={{
          icon: <IconBuildingSkyscraper size={28} />,
          title: 'No vendors yet',
          description:
            'Add the companies you outsource IT to (managed service providers, development shops, help desks, cloud operators), or import them from a spreadsheet.',
          actions: canWrite && (
            <>
              <Button component={Link} to="/vendors/new" leftSection={<IconPlus size={16} />}>
                Add your first vendor
              </Button>
              <Button variant="default" onClick={importDialog.open} leftSection={<IconUpload size={16} />}>
                Import CSV
              </Button>
            </>
          ),
        }}
      >
        {(vendors) => <VendorTable vendors={vendors} />}
      </ListView>
      {canWrite && <ImportVendorsDialog opened={importOpen} onClose={importDialog.close} />}
    </>
  );
}
