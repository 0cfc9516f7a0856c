import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ActionItem, Agenda, Cadence, EngagementStatusReports, GovernanceSettings, Meeting, Overlap, PortalActionItem, Review, StatusReport } from '../../../shared/contracts/governance.ts';
import { api } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import { keys } from '../../api/keys.ts';
import { allPages, usePagedList } from '../../api/paging.ts';
import type { UserT } from '../../api/types.ts';

/** Response shapes, read from the contracts (src/shared/contracts/governance.ts). */
export type GovernanceT = GovernanceSettings;
export type OverlapT = Overlap;
export type CadenceT = Cadence;
export type MeetingT = Meeting;
export type ActionT = ActionItem;
export type PortalActionT = PortalActionItem;
export type AgendaT = z.infer<typeof Agenda>;
export type ReportsT = EngagementStatusReports;
export type StatusReportT = StatusReport;
export type ReviewT = Review;

const enc = encodeURIComponent;
export const govKeys = {
  all: ['governance'] as const,
  settings: (id: string) => ['governance', 'settings', id] as const,
  overlap: (id: string, week: string | null) => ['governance', 'overlap', id, week] as const,
  cadences: (id: string) => ['governance', 'cadences', id] as const,
  agenda: (id: string) => ['governance', 'agenda', id] as const,
  meetings: (id: string) => ['governance', 'meetings', id] as const,
  actions: (q: Record<string, string>) => ['governance', 'actions', q] as const,
  portalActions: ['governance', 'portal-actions'] as const,
  reports: (id: string) => ['governance', 'reports', id] as const,
  portalReports: ['governance', 'portal-reports'] as const,
};

function useChange<I, T>(fn: (input: I) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: govKeys.all }) });
}

export const useGovernance = (engagementId: string) => useQuery({ queryKey: govKeys.settings(engagementId), queryFn: () => api<GovernanceT>(`/engagements/${enc(engagementId)}/governance`) });
export const useOverlap = (engagementId: string, week: string | null) =>
  useQuery({ queryKey: govKeys.overlap(engagementId, week), queryFn: () => api<OverlapT>(`/engagements/${enc(engagementId)}/overlap`, { query: week ? { week } : {} }) });
export const useCadences = (engagementId: string) => useQuery({ queryKey: govKeys.cadences(engagementId), queryFn: () => api<{ items: CadenceT[]; vendorZone: string | null }>(`/engagements/${enc(engagementId)}/cadences`) });
export const useAgenda = (engagementId: string, enabled: boolean) =>
  useQuery({ queryKey: govKeys.agenda(engagementId), queryFn: () => api<AgendaT>(`/engagements/${enc(engagementId)}/agenda`), enabled, staleTime: 0 });
export const useMeetings = (engagementId: string) => usePagedList<MeetingT>({ queryKey: govKeys.meetings(engagementId), path: '/meetings', query: { engagementId }, limit: 20 });
export const useActions = (query: Record<string, string>) => usePagedList<ActionT>({ queryKey: govKeys.actions(query), path: '/action-items', query, limit: 50 });
export const usePortalActions = () => usePagedList<PortalActionT>({ queryKey: govKeys.portalActions, path: '/portal/action-items', query: { status: 'open,done' }, limit: 50 });

export const useUpdateGovernance = (engagementId: string) => useChange((body: Record<string, unknown>) => api<GovernanceT>(`/engagements/${enc(engagementId)}/governance`, { method: 'PUT', body }));
export const useCreateCadence = () => useChange((body: Record<string, unknown>) => api<CadenceT>('/meeting-cadences', { method: 'POST', body }));
export const useDeleteCadence = () => useChange((id: string) => api<{ ok: true }>(`/meeting-cadences/${enc(id)}`, { method: 'DELETE' }));
export const useRecordMeeting = () => useChange((body: Record<string, unknown>) => api<MeetingT>('/meetings', { method: 'POST', body }));
export const useCreateAction = () => useChange((body: Record<string, unknown>) => api<ActionT>('/action-items', { method: 'POST', body }));
export const useUpdateAction = () => useChange(({ id, ...body }: { id: string } & Record<string, unknown>) => api<ActionT>(`/action-items/${enc(id)}`, { method: 'PATCH', body }));
export const useVendorUpdateAction = () =>
  useChange(({ id, ...body }: { id: string; status: 'open' | 'done'; vendorNote?: string | null }) => api<PortalActionT>(`/portal/action-items/${enc(id)}`, { method: 'PATCH', body }));

/** Everyone in the organisation (for the contact pickers): staff, and the contacts of one vendor. */
export function usePeople(vendorId: string, enabled = true) {
  return useQuery({
    queryKey: [...keys.users, 'everyone'],
    queryFn: allPages<UserT>('/users'),
    select: (page) => ({
      staff: page.items.filter((u) => u.role !== 'vendor_contact' && !u.disabled).map((u) => ({ value: u.id, label: u.name })),
      contacts: page.items.filter((u) => u.role === 'vendor_contact' && u.vendorId === vendorId && !u.disabled).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
    }),
    enabled,
    staleTime: 60_000,
  });
}

export const useStatusReports = (engagementId: string) => useQuery({ queryKey: govKeys.reports(engagementId), queryFn: () => api<ReportsT>(`/engagements/${enc(engagementId)}/status-reports`) });
export const usePortalReports = () => useQuery({ queryKey: govKeys.portalReports, queryFn: () => api<{ items: ReportsT[] }>('/portal/status-reports') });
/** Hands a report in, then attaches its file (when one is chosen). */
export const useSubmitReport = () =>
  useChange(async ({ file, ...body }: { engagementId: string; dueOn: string; text: string; file: File | null }) => {
    const r = await api<StatusReportT>('/portal/status-reports', { method: 'POST', body });
    return file ? uploadFile<StatusReportT>(`/portal/status-reports/${enc(r.id)}/file`, file, { query: { fileName: file.name } }) : r;
  });

export const useReviews = (engagementId: string) => usePagedList<ReviewT>({ queryKey: ['governance', 'reviews', engagementId], path: '/performance-reviews', query: { engagementId }, limit: 50 });
export const usePortalReviews = () => useQuery({ queryKey: ['governance', 'portal-reviews'], queryFn: () => api<{ items: ReviewT[] }>('/portal/performance-reviews') });
export const useCreateReview = () => useChange((body: { engagementId: string; period: string }) => api<ReviewT>('/performance-reviews', { method: 'POST', body }));
export const useShareReview = () => useChange((id: string) => api<ReviewT>(`/performance-reviews/${enc(id)}/share`, { method: 'POST' }));
