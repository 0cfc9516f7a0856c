import { keys } from '../../api/keys.ts';
import { usePagedList } from '../../api/paging.ts';
import type { AuditEventT } from '../../api/types.ts';

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
  return usePagedList<AuditEventT>({ queryKey: keys.auditList, path: '/audit-events', query: { ...filters }, limit, enabled });
}
