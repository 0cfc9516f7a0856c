import { Button, EmptyState, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBriefcase, IconPlus } from '@tabler/icons-react';
import type { VendorT } from '../../api/types.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useEngagementList } from './api.ts';
import { EngagementFormModal } from './EngagementFormModal.tsx';
import { EngagementTable } from './EngagementTable.tsx';

/** The vendor page's list of the services this vendor delivers. */
export function VendorEngagements({ vendor, canWrite }: { vendor: VendorT; canWrite: boolean }) {
  const list = useEngagementList({ q: '', vendorId: vendor.id, status: null, serviceType: null, archived: 'all' }, 25);
  const [opened, dialog] = useDisclosure(false);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="sm" component="section" aria-labelledby="vendor-engagements">
      <Group justify="space-between">
        <div>
          <Title order={2} size="h4" id="vendor-engagements">
            Engagements
          </Title>
          <Text size="sm" c="dimmed">
            The services this vendor delivers. SLAs, contracts, costs and exit plans hang on them.
          </Text>
        </div>
        {canWrite && !vendor.archived && (
          <Button leftSection={<IconPlus size={16} />} variant="light" onClick={dialog.open}>
            Add engagement
          </Button>
        )}
      </Group>
      {list.isPending ? (
        <Skeleton h={80} radius="md" />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} what="engagements" />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <EmptyState
            size="sm"
            icon={<IconBriefcase size={24} />}
            title="No engagements yet"
            description={`Record each service ${vendor.name} delivers, e.g. "24/7 service desk" or "ERP maintenance".`}
          />
        </Paper>
      ) : (
        <>
          <EngagementTable engagements={items} showVendor={false} />
          <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => list.fetchNextPage()} shown={items.length} noun="engagements" pages={list.data?.pages.length} />
        </>
      )}
      {canWrite && (
        <EngagementFormModal opened={opened} onClose={dialog.close} vendorId={vendor.id} vendorName={vendor.name} />
      )}
    </Stack>
  );
}
