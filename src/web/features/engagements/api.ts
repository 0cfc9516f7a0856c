import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useAllItems, usePagedList } from '../../api/paging.ts';
import type { EngagementT } from '../../api/types.ts';
import type { Archived } from '../../components/list/urlFilters.ts';

export interface EngagementFilters {
  q: string;
  vendorId: string | null;
  status: string | null;
  serviceType: string | null;
  archived: Archived;
}

const query = (f: EngagementFilters) => ({ ...f, q: f.q.trim() });

export function useEngagementList(filters: EngagementFilters, limit = 50) {
  return usePagedList<EngagementT>({ queryKey: keys.engagementList, path: '/engagements', query: query(filters), limit });
}

/** Every current engagement of one vendor, for a picker (the vendor's SLA tab, an invoice corrected); none asked for while not `enabled`. */
export function useVendorEngagementOptions(vendorId: string, enabled = true) {
  return useAllItems<EngagementT>([...keys.engagements, 'of-vendor', vendorId], '/engagements', { query: { vendorId, archived: 'false' }, enabled });
}

export function useEngagement(id: string) {
  return useQuery({ queryKey: keys.engagement(id), queryFn: () => api<EngagementT>(`/engagements/${encodeURIComponent(id)}`) });
}

function useInvalidate() {
  const qc = useQueryClient();
  return (engagement: EngagementT) => {
    qc.setQueryData(keys.engagement(engagement.id), engagement);
    void qc.invalidateQueries({ queryKey: keys.engagements });
    // The vendor's engagement count and the dashboard change with it.
    void qc.invalidateQueries({ queryKey: keys.vendors });
    void qc.invalidateQueries({ queryKey: keys.dashboard });
    void qc.invalidateQueries({ queryKey: keys.audit });
  };
}

export function useCreateEngagement() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => api<EngagementT>('/engagements', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateEngagement(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      api<EngagementT>(`/engagements/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: invalidate,
  });
}

export function useArchiveEngagement(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (archive: boolean) =>
      api<EngagementT>(`/engagements/${encodeURIComponent(id)}/${archive ? 'archive' : 'restore'}`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}
