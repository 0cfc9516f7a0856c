import { ARCHIVED_VALUES, urlFilter, type FilterValues } from '../../components/list/urlFilters.ts';

export const SORT_OPTIONS = [
  { value: 'name', label: 'Name A–Z' },
  { value: '-name', label: 'Name Z–A' },
  { value: 'tier', label: 'Most critical first' },
  { value: '-tier', label: 'Least critical first' },
  { value: '-updatedAt', label: 'Recently updated' },
  { value: 'updatedAt', label: 'Least recently updated' },
  { value: '-createdAt', label: 'Newest' },
  { value: 'createdAt', label: 'Oldest' },
];

/** The vendor list's filters, as they sit in the address (`?q=…&status=active,pilot&sort=tier`). */
export const VENDOR_FILTERS = {
  q: urlFilter.text(),
  status: urlFilter.many(),
  tier: urlFilter.many(),
  kind: urlFilter.many(),
  tag: urlFilter.many(),
  archived: urlFilter.choice(ARCHIVED_VALUES, 'false'),
  sort: urlFilter.choice(
    SORT_OPTIONS.map((o) => o.value),
    'name',
    'view',
  ),
};

export type VendorFilters = FilterValues<typeof VENDOR_FILTERS>;
