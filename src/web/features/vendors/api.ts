import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { VendorInput } from '../../../shared/contracts/vendors.ts';
import { API_BASE, api, toQueryString } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { allPages, usePagedList } from '../../api/paging.ts';
import type { VendorImportResultT, VendorT } from '../../api/types.ts';
import { uploadFile } from '../../api/upload.ts';
import type { VendorFilters } from './filters.ts';

function filterQuery(f: VendorFilters) {
  return { q: f.q.trim(), status: f.status, tier: f.tier, kind: f.kind, tag: f.tag, archived: f.archived, sort: f.sort };
}

export function useVendorList(filters: VendorFilters) {
  return usePagedList<VendorT>({ queryKey: keys.vendorList, path: '/vendors', query: filterQuery(filters) });
}

/** The CSV export of the list as filtered (a plain download link; the cookie authenticates it). */
export function exportUrl(filters: VendorFilters): string {
  return `${API_BASE}/vendors/export.csv${toQueryString(filterQuery(filters))}`;
}

export function useVendor(id: string) {
  return useQuery({ queryKey: keys.vendor(id), queryFn: () => api<VendorT>(`/vendors/${encodeURIComponent(id)}`) });
}

export function useVendorTags() {
  return useQuery({ queryKey: keys.vendorTags, queryFn: () => api<{ items: string[] }>('/vendors/tags'), staleTime: 60_000 });
}

/** Every current vendor by name, for pickers (engagement form, invitations) and name lookups. */
export function useVendorOptions(enabled = true) {
  return useQuery({
    queryKey: keys.vendorOptions,
    queryFn: allPages<VendorT>('/vendors', { sort: 'name', archived: 'false' }),
    select: (page) => page.items.map((v) => ({ value: v.id, label: v.name })),
    enabled,
    staleTime: 60_000,
  });
}

function useInvalidateVendors() {
  const qc = useQueryClient();
  return (vendor?: VendorT) => {
    if (vendor) qc.setQueryData(keys.vendor(vendor.id), vendor);
    void qc.invalidateQueries({ queryKey: keys.vendors });
    void qc.invalidateQueries({ queryKey: keys.dashboard });
    void qc.invalidateQueries({ queryKey: keys.audit });
  };
}

export function useCreateVendor() {
  const invalidate = useInvalidateVendors();
  return useMutation({
    mutationFn: (input: VendorInput) => api<VendorT>('/vendors', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateVendor(id: string) {
  const invalidate = useInvalidateVendors();
  return useMutation({
    mutationFn: (input: Partial<VendorInput>) => api<VendorT>(`/vendors/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: invalidate,
  });
}

export function useArchiveVendor(id: string) {
  const invalidate = useInvalidateVendors();
  return useMutation({
    mutationFn: (archive: boolean) =>
      api<VendorT>(`/vendors/${encodeURIComponent(id)}/${archive ? 'archive' : 'restore'}`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

export function useImportVendors() {
  const invalidate = useInvalidateVendors();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      uploadFile<VendorImportResultT>('/vendors/import', file, { query: { dryRun }, contentType: 'text/csv' }),
    onSuccess: (_result, { dryRun }) => {
      if (!dryRun) invalidate();
    },
  });
}
