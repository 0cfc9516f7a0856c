import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangeRequest, PortalChangeRequest, ScopeCreep } from '../../../shared/contracts/change-requests.ts';
import { api } from '../../api/client.ts';
import { allPages, usePagedList } from '../../api/paging.ts';
import { costKeys } from './api.ts';

/** Response shapes, read from the contracts (src/shared/contracts/change-requests.ts). */
export type ChangeRequestT = ChangeRequest;
export type PortalChangeRequestT = PortalChangeRequest;
export type ScopeCreepT = ScopeCreep;

const enc = encodeURIComponent;
export const changeKeys = {
  list: (q: Record<string, string>) => [...costKeys.all, 'changes', q] as const,
  one: (id: string) => [...costKeys.all, 'change', id] as const,
  scopeCreep: (engagementId: string) => [...costKeys.all, 'scope-creep', engagementId] as const,
  ofEngagement: (engagementId: string) => [...costKeys.all, 'changes-of', engagementId] as const,
  portal: ['portal', 'change-requests'] as const,
  portalEngagements: ['portal', 'engagements'] as const,
};

/** Every change touches budgets, contract values and invoice checks: all cost views are read again. */
function useChange<I, T>(fn: (input: I) => Promise<T>, also: readonly unknown[] = []) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: costKeys.all });
      void qc.invalidateQueries({ queryKey: ['contracts'] });
      if (also.length) void qc.invalidateQueries({ queryKey: also });
    },
  });
}

export function useChangeRequestList(query: Record<string, string>) {
  return usePagedList<ChangeRequestT>({ queryKey: changeKeys.list(query), path: '/change-requests', query, limit: 50 });
}
/** Every change request of an engagement (a picker on invoice lines: tens at most). */
/** An engagement's change requests (none asked for without an engagement). */
export function useEngagementChanges(engagementId: string | null) {
  return useQuery({ queryKey: changeKeys.ofEngagement(engagementId ?? ''), enabled: !!engagementId, queryFn: async ({ signal }) => (await allPages<ChangeRequestT>('/change-requests', { engagementId: engagementId ?? '' })({ signal })).items });
}
export const useChangeRequest = (id: string) => useQuery({ queryKey: changeKeys.one(id), queryFn: () => api<ChangeRequestT>(`/change-requests/${enc(id)}`) });
export const useScopeCreep = (engagementId: string) => useQuery({ queryKey: changeKeys.scopeCreep(engagementId), queryFn: () => api<ScopeCreepT>(`/engagements/${enc(engagementId)}/scope-creep`) });
export const useUpdateChangeRequest = (id: string) => useChange((body: Record<string, unknown>) => api<ChangeRequestT>(`/change-requests/${enc(id)}`, { method: 'PATCH', body }));
export const useCreateChangeRequest = () => useChange((body: Record<string, unknown>) => api<ChangeRequestT>('/change-requests', { method: 'POST', body }));

type Step = 'review' | 'approve' | 'reject' | 'implemented';
/** One step of a change request: take under review, approve, reject, mark implemented. */
export const useChangeStep = (id: string) => useChange(({ step, body }: { step: Step; body: Record<string, unknown> }) => api<ChangeRequestT>(`/change-requests/${enc(id)}/${step}`, { method: 'POST', body }));

// ---- the vendor's side (portal)
export function usePortalChangeRequests() {
  return useQuery({ queryKey: changeKeys.portal, queryFn: allPages<PortalChangeRequestT>('/portal/change-requests'), select: (p) => p.items });
}
export function usePortalEngagements() {
  return useQuery({ queryKey: changeKeys.portalEngagements, queryFn: async () => (await api<{ items: Array<{ id: string; name: string }> }>('/portal/engagements')).items });
}
export const useRaiseChangeRequest = () => useChange((body: Record<string, unknown>) => api<PortalChangeRequestT>('/portal/change-requests', { method: 'POST', body }), changeKeys.portal);
/** The vendor corrects its own proposed change, or withdraws one not yet decided. */
export const useAmendOwnChangeRequest = (id: string) => useChange((body: Record<string, unknown>) => api<PortalChangeRequestT>(`/portal/change-requests/${enc(id)}`, { method: 'PATCH', body }), changeKeys.portal);
export const useWithdrawChangeRequest = (id: string) => useChange((body: { reason: string | null }) => api<PortalChangeRequestT>(`/portal/change-requests/${enc(id)}/withdraw`, { method: 'POST', body }), changeKeys.portal);
