import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { AuditEventT, PageT } from '../../api/types.ts';

export interface AuditFilters {
  objectType?: string | null;
  objectId?: string | null;
  actorId?: string | null;
  action?: string | null;
  /** ISO timestamps with offset. */
  from?: string | null;
  to?: string | null;
}

/** Audit events, newest first, page by page. */
export function useAuditList(filters: AuditFilters, limit = 50, enabled = true) {
  return useInfiniteQuery({
    queryKey: keys.auditList({ ...filters, limit }),
    queryFn: ({ pageParam, signal }) =>
      api<PageT<AuditEventT>>('/audit-events', { query: { ...filters, limit, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
    enabled,
  });
}
