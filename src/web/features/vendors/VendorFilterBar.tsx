import { CloseButton, Group, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { FilterPanel } from '../../components/FilterPanel.tsx';
import { useIsWide } from '../../lib/useIsWide.ts';
import { VENDOR_KINDS, VENDOR_KIND_LABELS, VENDOR_STATUSES } from '../../../shared/contracts/vendors.ts';
import { TIER_LABELS, VENDOR_STATUS_LABELS, options } from '../../lib/labels.ts';
import type { VendorFilters } from './api.ts';
import { SORT_OPTIONS } from './filters.ts';
import { useVendorTags } from './api.ts';

const STATUS_OPTIONS = options(VENDOR_STATUSES, VENDOR_STATUS_LABELS);
const KIND_OPTIONS = options(VENDOR_KINDS, VENDOR_KIND_LABELS);
const TIER_OPTIONS = [1, 2, 3, 4].map((t) => ({ value: String(t), label: TIER_LABELS[t] }));

export function VendorFilterBar({ filters, onChange }: { filters: VendorFilters; onChange: (patch: Partial<VendorFilters>) => void }) {
  const [q, setQ] = useState(filters.q);
  const [debounced] = useDebouncedValue(q, 300);
  const tags = useVendorTags();
  const wide = useIsWide();

  // Typing updates the address after a pause; an outside change (clear filters) updates the box.
  useEffect(() => {
    if (debounced !== filters.q) onChange({ q: debounced });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  useEffect(() => {
    if (filters.q !== debounced) setQ(filters.q);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filters.q]);

  const sortSelect = (
    <Select
      label="Sort by"
      data={SORT_OPTIONS}
      value={filters.sort}
      onChange={(v) => onChange({ sort: v ?? 'name' })}
      allowDeselect={false}
      w={{ base: '100%', sm: 210 }}
    />
  );
  const which = (
    <fieldset className="bare-fieldset">
      <VisuallyHidden component="legend">Which vendors</VisuallyHidden>
      <SegmentedControl
        data={[
          { value: 'false', label: 'Current' },
          { value: 'true', label: 'Archived' },
          { value: 'all', label: 'All' },
        ]}
        value={filters.archived}
        onChange={(v) => onChange({ archived: v as VendorFilters['archived'] })}
      />
    </fieldset>
  );
  const activeCount =
    filters.status.length + filters.tier.length + filters.kind.length + filters.tag.length + (filters.archived !== 'false' ? 1 : 0);

  return (
    <Stack gap="sm" mb="md" role="search" aria-label="Filter vendors">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="Search vendors"
          placeholder="Name, legal name, contact or tag"
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onChange({ q });
          }}
          rightSection={q ? <CloseButton aria-label="Clear search" size="sm" onClick={() => setQ('')} /> : null}
          style={{ flex: '1 1 260px' }}
          type="search"
        />
        {wide && sortSelect}
        {wide && which}
      </Group>
      <FilterPanel activeCount={activeCount}>
        {!wide && sortSelect}
        {!wide && which}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <MultiSelect label="Status" placeholder={filters.status.length ? undefined : 'Any status'} data={STATUS_OPTIONS} value={filters.status} onChange={(v) => onChange({ status: v })} clearable />
          <MultiSelect label="Tier" placeholder={filters.tier.length ? undefined : 'Any tier'} data={TIER_OPTIONS} value={filters.tier} onChange={(v) => onChange({ tier: v })} clearable />
          <MultiSelect label="Kind" placeholder={filters.kind.length ? undefined : 'Any kind'} data={KIND_OPTIONS} value={filters.kind} onChange={(v) => onChange({ kind: v })} clearable searchable />
          <MultiSelect
            label="Tags"
            placeholder={filters.tag.length ? undefined : 'Any tag'}
            data={Array.from(new Set([...(tags.data?.items ?? []), ...filters.tag]))}
            value={filters.tag}
            onChange={(v) => onChange({ tag: v })}
            clearable
            searchable
            nothingFoundMessage="No tags yet"
          />
        </SimpleGrid>
      </FilterPanel>
    </Stack>
  );
}
