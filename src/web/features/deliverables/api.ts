import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Deliverable,
  DeliverableDetail,
  DeliverableFile,
  Milestone,
  OnTimeRate,
  Payment,
  PaymentTotals,
  PortalDeliverable,
  PortalDeliverableDetail,
} from '../../../shared/contracts/deliverables.ts';
import type { ContractT } from '../../api/types.ts';
import { API_BASE, api } from '../../api/client.ts';
import { allPages } from '../../api/paging.ts';
import { uploadFile } from '../../api/upload.ts';

/** Response shapes, read from the contracts (src/shared/contracts/deliverables.ts). */
export type MilestoneT = z.infer<typeof Milestone>;
export type DeliverableT = z.infer<typeof DeliverableDetail>;
/** A deliverable as lists answer it: no submissions (the card loads them when there are some). */
export type DeliverableListItemT = z.infer<typeof Deliverable>;
export type PaymentT = z.infer<typeof Payment>;
export type PaymentTotalsT = z.infer<typeof PaymentTotals>;
export type OnTimeRateT = z.infer<typeof OnTimeRate>;
export type PortalDeliverableT = z.infer<typeof PortalDeliverable>;
export type PortalDeliverableDetailT = z.infer<typeof PortalDeliverableDetail>;
export type DeliverableFileT = z.infer<typeof DeliverableFile>;

/** What a schedule is of: an engagement or a contract. */
export type Scope = { engagementId: string } | { contractId: string };

const enc = encodeURIComponent;
export const deliverableKeys = {
  all: ['deliverables'] as const,
  scope: (s: Scope) => ['deliverables', s] as const,
  onTime: (vendorId: string, by: string) => ['deliverables', 'on-time', vendorId, by] as const,
  portal: ['portal', 'deliverables'] as const,
  portalOne: (id: string) => ['portal', 'deliverables', id] as const,
};

export const fileUrl = (id: string) => `${API_BASE}/deliverable-files/${enc(id)}/download`;
export const portalFileUrl = (id: string) => `${API_BASE}/portal/deliverable-files/${enc(id)}/download`;

/** Milestones, deliverables and payments of one engagement or contract, every page of each (a plan has tens of rows). */
export function usePlan(scope: Scope) {
  const q = scope as Record<string, string>;
  return useQuery({
    queryKey: deliverableKeys.scope(scope),
    queryFn: async ({ signal }) => {
      const [milestones, deliverables, payments, totals] = await Promise.all([
        allPages<MilestoneT>('/milestones', q)({ signal }),
        allPages<DeliverableListItemT>('/deliverables', q)({ signal }),
        allPages<PaymentT>('/payments', q)({ signal }),
        api<PaymentTotalsT>('/payments/totals', { query: q, signal }),
      ]);
      return { milestones: milestones.items, deliverables: deliverables.items, payments: payments.items, totals };
    },
  });
}

function useChange<I, T>(fn: (input: I) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: deliverableKeys.all }) });
}

export const useAccept = () => useChange(({ id, criteriaMet }: { id: string; criteriaMet: boolean[] }) => api<DeliverableT>(`/deliverables/${enc(id)}/accept`, { method: 'POST', body: { criteriaMet } }));
export const useReject = () =>
  useChange(({ id, reason, criteriaMet }: { id: string; reason: string; criteriaMet?: boolean[] }) => api<DeliverableT>(`/deliverables/${enc(id)}/reject`, { method: 'POST', body: { reason, criteriaMet } }));
export const useMarkPaid = () =>
  useChange(({ id, paidOn, overrideReason }: { id: string; paidOn: string; overrideReason?: string }) => api<PaymentT>(`/payments/${enc(id)}/paid`, { method: 'POST', body: { paidOn, overrideReason } }));
export const useCreateDeliverable = () => useChange((body: Record<string, unknown>) => api<DeliverableT>('/deliverables', { method: 'POST', body }));
export const useCreateMilestone = () => useChange((body: Record<string, unknown>) => api<MilestoneT>('/milestones', { method: 'POST', body }));
export const useCreatePayment = () => useChange((body: Record<string, unknown>) => api<PaymentT>('/payments', { method: 'POST', body }));

/** The submissions and files of one deliverable (only asked for when it has some). */
export function useDeliverableDetail(id: string, enabled: boolean) {
  return useQuery({ queryKey: [...deliverableKeys.all, 'one', id], queryFn: () => api<DeliverableT>(`/deliverables/${enc(id)}`), enabled });
}

export function useOnTimeRate(vendorId: string, by: 'quarter' | 'month') {
  return useQuery({ queryKey: deliverableKeys.onTime(vendorId, by), queryFn: () => api<OnTimeRateT>(`/vendors/${enc(vendorId)}/on-time-rate`, { query: { by } }) });
}

// ---- the vendor's side (portal)
export function usePortalDeliverables() {
  return useQuery({ queryKey: deliverableKeys.portal, queryFn: allPages<PortalDeliverableT>('/portal/deliverables'), select: (p) => p.items });
}
export function usePortalDeliverable(id: string) {
  return useQuery({ queryKey: deliverableKeys.portalOne(id), queryFn: () => api<PortalDeliverableDetailT>(`/portal/deliverables/${enc(id)}`) });
}
export function usePortalUploadFile(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile<DeliverableFileT>(`/portal/deliverables/${enc(id)}/files`, file, { query: { fileName: file.name } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: deliverableKeys.portalOne(id) }),
  });
}
export function usePortalSubmit(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { note: string | null; fileIds: string[] }) => api<PortalDeliverableDetailT>(`/portal/deliverables/${enc(id)}/submit`, { method: 'POST', body }),
    onSuccess: (d) => {
      qc.setQueryData(deliverableKeys.portalOne(id), d);
      void qc.invalidateQueries({ queryKey: deliverableKeys.portal });
    },
  });
}

// ---- the client's forms: edit and status
export const useUpdateMilestone = () => useChange(({ id, body }: { id: string; body: Record<string, unknown> }) => api<MilestoneT>(`/milestones/${enc(id)}`, { method: 'PATCH', body }));
export const useUpdateDeliverable = () => useChange(({ id, body }: { id: string; body: Record<string, unknown> }) => api<DeliverableT>(`/deliverables/${enc(id)}`, { method: 'PATCH', body }));
export const useUpdatePayment = () => useChange(({ id, body }: { id: string; body: Record<string, unknown> }) => api<PaymentT>(`/payments/${enc(id)}`, { method: 'PATCH', body }));
export const useDeliverableStatus = () =>
  useChange(({ id, status }: { id: string; status: 'planned' | 'in_progress' }) => api<DeliverableT>(`/deliverables/${enc(id)}/status`, { method: 'POST', body: { status } }));

/** The contracts covering an engagement, by title (for the statement-of-work and contract pickers). */
export function useEngagementContracts(engagementId: string | undefined) {
  return useQuery({
    queryKey: ['contracts', 'of-engagement', engagementId],
    enabled: !!engagementId,
    queryFn: async ({ signal }) => (await allPages<ContractT>('/contracts', { engagementId: engagementId ?? '' })({ signal })).items,
  });
}
