import { Button, CloseButton, EmptyState, Group, Paper, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconBriefcase, IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ENGAGEMENT_STATUSES, SERVICE_TYPES, SERVICE_TYPE_LABELS } from '../../../shared/contracts/engagements.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { FilterPanel } from '../../components/FilterPanel.tsx';
import { useIsWide } from '../../lib/useIsWide.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ENGAGEMENT_STATUS_LABELS, options } from '../../lib/labels.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useVendorOptions } from '../vendors/api.ts';
import { useEngagementList, type EngagementFilters } from './api.ts';
import { EngagementFormModal } from './EngagementFormModal.tsx';
import { EngagementTable } from './EngagementTable.tsx';

export function EngagementListPage() {
  usePageTitle('Engagements');
  const me = useSession();
  const canWrite = roleCan(me.user.role, 'engagement.write');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [opened, dialog] = useDisclosure(false);
  const vendors = useVendorOptions();
  const wide = useIsWide();

  const filters: EngagementFilters = useMemo(() => {
    const archived = params.get('archived');
    return {
      q: debouncedQ,
      vendorId: params.get('vendorId'),
      status: params.get('status'),
      serviceType: params.get('serviceType'),
      archived: archived === 'true' || archived === 'all' ? archived : 'false',
    };
  }, [params, debouncedQ]);

  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (!value || (key === 'archived' && value === 'false')) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const active = !!(filters.q || filters.vendorId || filters.status || filters.serviceType || filters.archived !== 'false');
  const clear = () => {
    setQ('');
    setParams(new URLSearchParams(), { replace: true });
  };

  const list = useEngagementList(filters);
  const which = (
    <fieldset className="bare-fieldset">
      <VisuallyHidden component="legend">Which engagements</VisuallyHidden>
      <SegmentedControl
        data={[
          { value: 'false', label: 'Current' },
          { value: 'true', label: 'Archived' },
          { value: 'all', label: 'All' },
        ]}
        value={filters.archived}
        onChange={(v) => setParam('archived', v)}
      />
    </fieldset>
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

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
      <Stack gap="sm" mb="md" role="search" aria-label="Filter engagements">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="Search engagements"
            placeholder="Name or description"
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            rightSection={q ? <CloseButton aria-label="Clear search" size="sm" onClick={() => setQ('')} /> : null}
            style={{ flex: '1 1 260px' }}
            type="search"
          />
          {wide && which}
        </Group>
        <FilterPanel activeCount={[filters.vendorId, filters.status, filters.serviceType].filter(Boolean).length + (filters.archived !== 'false' ? 1 : 0)}>
          {!wide && which}
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <Select label="Vendor" placeholder="Any vendor" data={vendors.data ?? []} searchable clearable value={filters.vendorId} onChange={(v) => setParam('vendorId', v)} />
            <Select label="Status" placeholder="Any status" data={options(ENGAGEMENT_STATUSES, ENGAGEMENT_STATUS_LABELS)} clearable value={filters.status} onChange={(v) => setParam('status', v)} />
            <Select label="Service type" placeholder="Any service type" data={options(SERVICE_TYPES, SERVICE_TYPE_LABELS)} clearable value={filters.serviceType} onChange={(v) => setParam('serviceType', v)} />
          </SimpleGrid>
        </FilterPanel>
      </Stack>

      {list.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label="Loading engagements">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} h={44} radius="sm" />
          ))}
        </Stack>
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} what="engagements" />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          {active ? (
            <EmptyState icon={<IconFilterOff size={28} />} title="No engagements match these filters" description="Try another search or clear the filters.">
              <EmptyState.Actions>
                <Button variant="default" onClick={clear}>
                  Clear filters
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState
              icon={<IconBriefcase size={28} />}
              variant="light"
              title="No engagements yet"
              description='An engagement is one service a vendor delivers, such as "24/7 service desk" or "ERP maintenance". Add one to start tracking SLAs, contracts and costs against it.'
            >
              {canWrite && (
                <EmptyState.Actions>
                  <Button leftSection={<IconPlus size={16} />} onClick={dialog.open}>
                    Add your first engagement
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
              {list.hasNextPage ? `Showing the first ${items.length} engagements` : `${items.length} ${items.length === 1 ? 'engagement' : 'engagements'}`}
            </Text>
            {active && (
              <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={14} />} onClick={clear}>
                Clear filters
              </Button>
            )}
          </Group>
          <EngagementTable engagements={items} />
          <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => list.fetchNextPage()} shown={items.length} noun="engagements" pages={list.data?.pages.length} />
        </Stack>
      )}
      {canWrite && (
        <EngagementFormModal
          opened={opened}
          onClose={dialog.close}
          vendorId={filters.vendorId ?? undefined}
          vendorName={vendors.data?.find((v) => v.value === filters.vendorId)?.label}
          onSaved={(e) => navigate(`/engagements/${e.id}`)}
        />
      )}
    </>
  );
}
