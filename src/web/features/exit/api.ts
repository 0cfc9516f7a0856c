import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EngagementExit, ExitSettings, PortalStep, ReadinessRow } from '../../../shared/contracts/exit.ts';
import { API_BASE, api } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import { usePagedList } from '../../api/paging.ts';

/** Response shapes, read from the contracts (src/shared/contracts/exit.ts). */
export type EngagementExitT = EngagementExit;
export type ExitSettingsT = ExitSettings;
export type ReadinessRowT = ReadinessRow;
export type PortalStepT = PortalStep;
export type AssetT = EngagementExit['assets'][number];
export type PlanT = NonNullable<EngagementExit['plan']>;
export type ExitActionT = EngagementExit['actions'][number];
export type VendorAccountT = EngagementExit['accounts'][number];

const enc = encodeURIComponent;
export const exitKeys = {
  all: ['exit'] as const,
  engagement: (id: string) => ['exit', 'engagement', id] as const,
  settings: ['exit', 'settings'] as const,
  readiness: (q: Record<string, string>) => ['exit', 'readiness', q] as const,
  portal: ['exit', 'portal'] as const,
};

/** Every write answers the engagement's exit page as it now reads; other views (readiness lists, the vendor's engagements) refresh. */
function useChange<I>(fn: (input: I) => Promise<EngagementExitT>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      qc.setQueryData(exitKeys.engagement(data.engagement.id), data);
      void qc.invalidateQueries({ queryKey: ['exit', 'readiness'] });
      void qc.invalidateQueries({ queryKey: ['engagements'] });
      void qc.invalidateQueries({ queryKey: ['vendors'] });
    },
  });
}

export const useEngagementExit = (id: string) => useQuery({ queryKey: exitKeys.engagement(id), queryFn: () => api<EngagementExitT>(`/engagements/${enc(id)}/exit`) });

export const useSaveProfile = (engagementId: string) => useChange((body: Record<string, unknown>) => api<EngagementExitT>(`/engagements/${enc(engagementId)}/exit/profile`, { method: 'PUT', body }));
export const useAddAsset = (engagementId: string) => useChange((body: Record<string, unknown>) => api<EngagementExitT>(`/engagements/${enc(engagementId)}/exit/assets`, { method: 'POST', body }));
export const useVerifyAsset = () => useChange((v: { id: string; clientAdminAccess: boolean }) => api<EngagementExitT>(`/exit-assets/${enc(v.id)}/verify`, { method: 'POST', body: { clientAdminAccess: v.clientAdminAccess } }));
export const useDeleteAsset = () => useChange((id: string) => api<EngagementExitT>(`/exit-assets/${enc(id)}`, { method: 'DELETE' }));
export const useUpdateAsset = () => useChange((v: { id: string; body: Record<string, unknown> }) => api<EngagementExitT>(`/exit-assets/${enc(v.id)}`, { method: 'PATCH', body: v.body }));
export const useUpdateAccount = () => useChange((v: { id: string; body: Record<string, unknown> }) => api<EngagementExitT>(`/exit-accounts/${enc(v.id)}`, { method: 'PATCH', body: v.body }));
export const useAddAccount = (engagementId: string) => useChange((body: Record<string, unknown>) => api<EngagementExitT>(`/engagements/${enc(engagementId)}/exit/accounts`, { method: 'POST', body }));
export const useRevokeAccount = () => useChange((id: string) => api<EngagementExitT>(`/exit-accounts/${enc(id)}/revoke`, { method: 'POST' }));
export const useBuildPlan = (engagementId: string) => useChange((body: Record<string, unknown>) => api<EngagementExitT>(`/engagements/${enc(engagementId)}/exit/plan`, { method: 'POST', body }));
export const useUpdatePlan = () => useChange((v: { id: string; body: Record<string, unknown> }) => api<EngagementExitT>(`/exit-plans/${enc(v.id)}`, { method: 'PATCH', body: v.body }));
export const useReviewPlan = () => useChange((id: string) => api<EngagementExitT>(`/exit-plans/${enc(id)}/review`, { method: 'POST' }));
export const useStartExit = () => useChange((id: string) => api<EngagementExitT>(`/exit-plans/${enc(id)}/start`, { method: 'POST' }));
export const useUpdateStep = () => useChange((v: { id: string; body: Record<string, unknown> }) => api<EngagementExitT>(`/exit-steps/${enc(v.id)}`, { method: 'PATCH', body: v.body }));
export const useRecordDrill = (engagementId: string) => useChange((body: Record<string, unknown>) => api<EngagementExitT>(`/engagements/${enc(engagementId)}/exit/drills`, { method: 'POST', body }));
export const useAddAction = (engagementId: string) => useChange((body: Record<string, unknown>) => api<EngagementExitT>(`/engagements/${enc(engagementId)}/exit/actions`, { method: 'POST', body }));
export const useUpdateAction = () => useChange((v: { id: string; body: Record<string, unknown> }) => api<EngagementExitT>(`/exit-actions/${enc(v.id)}`, { method: 'PATCH', body: v.body }));

export const useExitSettings = () => useQuery({ queryKey: exitKeys.settings, queryFn: () => api<ExitSettingsT>('/exit-settings') });
export function useUpdateExitSettings() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: Record<string, unknown>) => api<ExitSettingsT>('/exit-settings', { method: 'PUT', body }), onSuccess: () => void qc.invalidateQueries({ queryKey: exitKeys.all }) });
}

export function useReadinessList(query: Record<string, string>) {
  return usePagedList<ReadinessRowT>({ queryKey: exitKeys.readiness(query), path: '/exit/readiness', query, limit: 50 });
}

export const stepFileUrl = (id: string) => `${API_BASE}/exit-step-files/${enc(id)}/download`;
export const portalStepFileUrl = (id: string) => `${API_BASE}/portal/exit-step-files/${enc(id)}/download`;

export function useUploadStepFile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; file: File }) => uploadFile<{ id: string; fileName: string }>(`/portal/exit-steps/${enc(v.id)}/files`, v.file, { query: { fileName: v.file.name } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: exitKeys.portal }),
  });
}

export const usePortalExitSteps = () => useQuery({ queryKey: exitKeys.portal, queryFn: async () => (await api<{ items: PortalStepT[] }>('/portal/exit-steps')).items });
export function useDeliverStep() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: string; note: string }) => api<PortalStepT>(`/portal/exit-steps/${enc(v.id)}/deliver`, { method: 'POST', body: { note: v.note } }), onSuccess: () => void qc.invalidateQueries({ queryKey: exitKeys.portal }) });
}
