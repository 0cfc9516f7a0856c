import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { VendorFilters } from './api.ts';

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

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);

/** Vendor list filters live in the address, so a filtered list can be bookmarked and shared. */
export function useVendorFilters() {
  const [params, setParams] = useSearchParams();
  const filters: VendorFilters = useMemo(() => {
    const archived = params.get('archived');
    return {
      q: params.get('q') ?? '',
      status: list(params.get('status')),
      tier: list(params.get('tier')),
      kind: list(params.get('kind')),
      tag: list(params.get('tag')),
      archived: archived === 'true' || archived === 'all' ? archived : 'false',
      sort: params.get('sort') ?? 'name',
    };
  }, [params]);

  const update = useCallback(
    (patch: Partial<VendorFilters>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            const s = Array.isArray(value) ? value.join(',') : String(value ?? '');
            const isDefault = s === '' || (key === 'archived' && s === 'false') || (key === 'sort' && s === 'name');
            if (isDefault) next.delete(key);
            else next.set(key, s);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const active =
    filters.q.trim() !== '' ||
    filters.status.length + filters.tier.length + filters.kind.length + filters.tag.length > 0 ||
    filters.archived !== 'false';

  const clear = useCallback(() => update({ q: '', status: [], tier: [], kind: [], tag: [], archived: 'false' }), [update]);

  return { filters, update, active, clear };
}
