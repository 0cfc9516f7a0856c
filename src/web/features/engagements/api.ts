import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { EngagementT, PageT } from '../../api/types.ts';

export interface EngagementFilters {
  q: string;
  vendorId: string | null;
  status: string | null;
  serviceType: string | null;
  archived: 'false' | 'true' | 'all';
}

export function useEngagementList(filters: EngagementFilters, limit = 50) {
  return useInfiniteQuery({
    queryKey: keys.engagementList({ ...filters, limit }),
    queryFn: ({ pageParam, signal }) =>
      api<PageT<EngagementT>>('/engagements', {
        query: { ...filters, q: filters.q.trim(), limit, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });
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
