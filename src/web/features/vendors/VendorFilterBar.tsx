import { MultiSelect, Select, SimpleGrid } from '@mantine/core';
import { VENDOR_KINDS, VENDOR_KIND_LABELS, VENDOR_STATUSES } from '../../../shared/contracts/vendors.ts';
import { ARCHIVED_CHOICES, ListFilters, WhichControl } from '../../components/list/ListFilters.tsx';
import { SearchInput } from '../../components/list/SearchInput.tsx';
import type { UrlFilters } from '../../components/list/urlFilters.ts';
import { TIER_LABELS, VENDOR_STATUS_LABELS, options } from '../../lib/labels.ts';
import { useVendorTags } from './api.ts';
import { SORT_OPTIONS, type VENDOR_FILTERS } from './filters.ts';

const STATUS_OPTIONS = options(VENDOR_STATUSES, VENDOR_STATUS_LABELS);
const KIND_OPTIONS = options(VENDOR_KINDS, VENDOR_KIND_LABELS);
const TIER_OPTIONS = [1, 2, 3, 4].map((t) => ({ value: String(t), label: TIER_LABELS[t] }));

export function VendorFilterBar({ filters }: { filters: UrlFilters<typeof VENDOR_FILTERS> }) {
  const { values: f, set } = filters;
  const tags = useVendorTags();
  return (
    <ListFilters
      label="Filter vendors"
      panelCount={filters.panelCount}
      search={
        <SearchInput label="Search vendors" placeholder="Name, legal name, contact or tag" value={f.q} onChange={(q) => set({ q })} style={{ flex: '1 1 260px' }} />
      }
      inline={
        <>
          <Select label="Sort by" data={SORT_OPTIONS} value={f.sort} onChange={(v) => set({ sort: v ?? 'name' })} allowDeselect={false} w={{ base: '100%', sm: 210 }} />
          <WhichControl legend="Which vendors" data={ARCHIVED_CHOICES} value={f.archived} onChange={(archived) => set({ archived })} />
        </>
      }
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <MultiSelect label="Status" placeholder={f.status.length ? undefined : 'Any status'} data={STATUS_OPTIONS} value={f.status} onChange={(status) => set({ status })} clearable />
        <MultiSelect label="Tier" placeholder={f.tier.length ? undefined : 'Any tier'} data={TIER_OPTIONS} value={f.tier} onChange={(tier) => set({ tier })} clearable />
        <MultiSelect label="Kind" placeholder={f.kind.length ? undefined : 'Any kind'} data={KIND_OPTIONS} value={f.kind} onChange={(kind) => set({ kind })} clearable searchable />
        <MultiSelect
          label="Tags"
          placeholder={f.tag.length ? undefined : 'Any tag'}
          data={Array.from(new Set([...(tags.data?.items ?? []), ...f.tag]))}
          value={f.tag}
          onChange={(tag) => set({ tag })}
          clearable
          searchable
          nothingFoundMessage="No tags yet"
        />
      </SimpleGrid>
    </ListFilters>
  );
}
