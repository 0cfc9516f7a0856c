import { Anchor, Select, SimpleGrid, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { GAP_SEVERITIES, GAP_SEVERITY_LABELS } from '../../../shared/contracts/clauses.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { ListFilters } from '../../components/list/ListFilters.tsx';
import { ListView } from '../../components/list/ListView.tsx';
import { urlFilter, useUrlFilters } from '../../components/list/urlFilters.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { options } from '../../lib/labels.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useVendorOptions } from '../vendors/api.ts';
import { useClauseLibrary, useGapList } from './api.ts';
import { GapTable } from './GapTable.tsx';

const FILTERS = {
  vendorId: urlFilter.one(),
  engagementId: urlFilter.one('scope'),
  clauseId: urlFilter.one(),
  severity: urlFilter.one(),
};
const SEVERITY_OPTIONS = options(GAP_SEVERITIES, GAP_SEVERITY_LABELS);

/** Every required clause the contracts of running engagements lack, across the portfolio. */
export function ContractGapsPage() {
  usePageTitle('Contract gaps');
  const me = useSession();
  const filters = useUrlFilters(FILTERS);
  const { values: f, set } = filters;
  const list = useGapList(f);
  const vendors = useVendorOptions();
  const library = useClauseLibrary('all');
  const clauseOptions = (library.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }));
  return (
    <>
      <PageHeader
        title="Contract gaps"
        description="For each running engagement, every clause your requirements demand that no contract in force has — or has only weakly, or nobody has reviewed yet."
        actions={
          roleCan(me.user.role, 'contract.read') && (
            <Anchor component={Link} to="/settings/clauses" size="sm">
              Requirements and clause library
            </Anchor>
          )
        }
      />
      <ListFilters label="Filter gaps" panelCount={filters.panelCount}>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Select label="Vendor" placeholder="Any vendor" data={vendors.data ?? []} searchable clearable value={f.vendorId} onChange={(vendorId) => set({ vendorId })} />
          <Select label="Clause" placeholder="Any clause" data={clauseOptions} searchable clearable value={f.clauseId} onChange={(clauseId) => set({ clauseId })} />
          <Select label="Severity" placeholder="Any severity" data={SEVERITY_OPTIONS} clearable value={f.severity} onChange={(severity) => set({ severity })} />
        </SimpleGrid>
      </ListFilters>
      {f.engagementId && (
        <Text size="sm" c="dimmed" mb="xs">
          Showing one engagement&apos;s gaps.
        </Text>
      )}
      <ListView
        list={list}
        noun={{ one: 'gap', many: 'gaps' }}
        filters={filters}
        empty={{
          icon: <IconShieldCheck size={28} />,
          title: 'No contract gaps',
          description: 'Every clause your requirements demand is present, or not applicable, in a contract in force for each running engagement.',
        }}
      >
        {(items) => <GapTable gaps={items} />}
      </ListView>
    </>
  );
}
