import { Button, EmptyState, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingSkyscraper, IconDownload, IconFilterOff, IconPlus, IconUpload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { roleCan } from '../../../shared/permissions.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { exportUrl, useVendorList } from './api.ts';
import { useVendorFilters } from './filters.ts';
import { ImportVendorsDialog } from './ImportVendorsDialog.tsx';
import { VendorFilterBar } from './VendorFilterBar.tsx';
import { VendorTable } from './VendorTable.tsx';

export function VendorListPage() {
  usePageTitle('Vendors');
  const me = useSession();
  const canWrite = roleCan(me.user.role, 'vendor.write');
  const { filters, update, active, clear } = useVendorFilters();
  const list = useVendorList(filters);
  const [importOpen, importDialog] = useDisclosure(false);
  const vendors = list.data?.pages.flatMap((p) => p.items) ?? [];

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
            <Button variant="default" component="a" href={exportUrl(filters)} download leftSection={<IconDownload size={16} />}>
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
      <VendorFilterBar filters={filters} onChange={update} />

      {list.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label="Loading vendors">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} h={48} radius="sm" />
          ))}
        </Stack>
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} what="vendors" />
      ) : vendors.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          {active ? (
            <EmptyState
              icon={<IconFilterOff size={28} />}
              title="No vendors match these filters"
              description="Try another search, or clear the filters to see every vendor."
            >
              <EmptyState.Actions>
                <Button variant="default" onClick={clear}>
                  Clear filters
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState
              icon={<IconBuildingSkyscraper size={28} />}
              variant="light"
              title="No vendors yet"
              description="Add the companies you outsource IT to (managed service providers, development shops, help desks, cloud operators), or import them from a spreadsheet."
            >
              {canWrite && (
                <EmptyState.Actions>
                  <Button component={Link} to="/vendors/new" leftSection={<IconPlus size={16} />}>
                    Add your first vendor
                  </Button>
                  <Button variant="default" onClick={importDialog.open} leftSection={<IconUpload size={16} />}>
                    Import CSV
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          )}
        </Paper>
      ) : (
        <Stack gap="xs">
          <Group justify="space-between">
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {list.hasNextPage ? `Showing the first ${vendors.length} vendors` : `${vendors.length} ${vendors.length === 1 ? 'vendor' : 'vendors'}`}
              {list.isFetching && !list.isFetchingNextPage ? ' · updating…' : ''}
            </Text>
            {active && (
              <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={14} />} onClick={clear}>
                Clear filters
              </Button>
            )}
          </Group>
          <VendorTable vendors={vendors} />
          <LoadMore
            hasMore={!!list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoad={() => list.fetchNextPage()}
            shown={vendors.length}
            noun="vendors"
            pages={list.data?.pages.length}
          />
        </Stack>
      )}
      {canWrite && <ImportVendorsDialog opened={importOpen} onClose={importDialog.close} />}
    </>
  );
}
