import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { usePagedList } from '../../api/paging.ts';
import type { ContractImportResultT, ContractSettingsT, ContractT, CustomKeyDateT, KeyDatesViewT } from '../../api/types.ts';
import { uploadFile } from '../../api/upload.ts';
import type { Archived } from '../../components/list/urlFilters.ts';

export interface ContractFilters {
  q: string;
  vendorId: string | null;
  engagementId?: string | null;
  type: string | null;
  status: string | null;
  archived: Archived;
}

export function useContractList(filters: ContractFilters, limit = 50) {
  return usePagedList<ContractT>({ queryKey: keys.contractList, path: '/contracts', query: { ...filters, q: filters.q.trim() }, limit });
}

export function useContract(id: string) {
  return useQuery({ queryKey: keys.contract(id), queryFn: () => api<ContractT>(`/contracts/${encodeURIComponent(id)}`) });
}

export function useKeyDates(from: string, to: string) {
  return useQuery({ queryKey: [...keys.contracts, 'key-dates', from, to], queryFn: () => api<KeyDatesViewT>('/contracts/key-dates', { query: { from, to } }) });
}

export function useCustomDates(id: string) {
  return useQuery({ queryKey: [...keys.contract(id), 'dates'], queryFn: () => api<{ items: CustomKeyDateT[] }>(`/contracts/${encodeURIComponent(id)}/key-dates`) });
}

export function useContractSettings() {
  return useQuery({ queryKey: [...keys.contracts, 'settings'], queryFn: () => api<ContractSettingsT>('/contracts/settings') });
}

/** Sets the lead time, reminder days and calendar of decide-by dates (owners and admins). */
export function useSaveContractSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { leadDays: number; reminderOffsets: number[]; calendarId: string | null }) => api<ContractSettingsT>('/contracts/settings', { method: 'PUT', body: input }),
    onSuccess: (saved) => {
      qc.setQueryData([...keys.contracts, 'settings'], saved);
      // Decide-by dates of every contract move with the settings.
      void qc.invalidateQueries({ queryKey: keys.contracts });
      void qc.invalidateQueries({ queryKey: keys.audit });
    },
  });
}

/** Imports a contracts spreadsheet (CSV or .xlsx); a dry run only checks it. */
export function useImportContracts() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      uploadFile<ContractImportResultT>('/contracts/import', file, {
        query: { dryRun, fileName: file.name },
        contentType: /\.xlsx$/i.test(file.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
      }),
    onSuccess: (_result, { dryRun }) => {
      if (!dryRun) invalidate();
    },
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return (contract?: ContractT) => {
    if (contract) qc.setQueryData(keys.contract(contract.id), contract);
    void qc.invalidateQueries({ queryKey: keys.contracts });
    void qc.invalidateQueries({ queryKey: keys.dashboard });
    void qc.invalidateQueries({ queryKey: keys.audit });
  };
}

export function useCreateContract() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: Record<string, unknown>) => api<ContractT>('/contracts', { method: 'POST', body: input }), onSuccess: invalidate });
}

export function useUpdateContract(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: Record<string, unknown>) => api<ContractT>(`/contracts/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }), onSuccess: invalidate });
}

export function useArchiveContract(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (archive: boolean) => api<ContractT>(`/contracts/${encodeURIComponent(id)}/${archive ? 'archive' : 'restore'}`, { method: 'POST' }), onSuccess: invalidate });
}

export function useRecordNotice(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: Record<string, unknown>) => api<ContractT>(`/contracts/${encodeURIComponent(id)}/notice`, { method: 'POST', body: input }), onSuccess: invalidate });
}

export function useAddCustomDate(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: Record<string, unknown>) => api<CustomKeyDateT>(`/contracts/${encodeURIComponent(id)}/key-dates`, { method: 'POST', body: input }), onSuccess: () => invalidate() });
}

export function useRemoveCustomDate(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (dateId: string) => api<{ ok: true }>(`/contracts/${encodeURIComponent(id)}/key-dates/${encodeURIComponent(dateId)}`, { method: 'DELETE' }), onSuccess: () => invalidate() });
}

/** The address of a notice letter (a Markdown download). */
export const letterUrl = (id: string, kind: 'non_renewal' | 'termination') => `/api/v1/contracts/${encodeURIComponent(id)}/notice-letter?kind=${kind}`;
