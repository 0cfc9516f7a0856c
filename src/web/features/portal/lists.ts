import { usePagedList } from '../../api/paging.ts';
import type { EvidenceT } from '../due-diligence/types.ts';
import { portalKeys } from './api.ts';

/** The vendor's own evidence on the portal's home, page by page (under `portalKeys.evidence`, so uploads refresh it). */
export function usePortalEvidenceList() {
  return usePagedList<EvidenceT>({ queryKey: [...portalKeys.evidence, 'pages'], path: '/portal/evidence' });
}
