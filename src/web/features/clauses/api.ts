import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Clause, ClauseList, ContractChecklist, Gap, RequirementList } from '../../../shared/contracts/clauses.ts';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { usePagedList } from '../../api/paging.ts';

export type ClauseT = z.infer<typeof Clause>;
export type ChecklistT = z.infer<typeof ContractChecklist>;
export type ChecklistItemT = ChecklistT['items'][number];
export type GapT = z.infer<typeof Gap>;
export type RequirementListT = z.infer<typeof RequirementList>;
export type RequirementT = RequirementListT['items'][number];

/** Query keys of the clause checklist; one prefix, so a review refreshes every gap view. */
export const clauseKeys = {
  all: ['clauses'] as const,
  library: (retired: string) => ['clauses', 'library', retired] as const,
  checklist: (contractId: string) => ['clauses', 'checklist', contractId] as const,
  gaps: ['clauses', 'gaps'] as const,
  requirements: ['clauses', 'requirements'] as const,
};

function useInvalidateClauses() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: clauseKeys.all });
    void qc.invalidateQueries({ queryKey: keys.dashboard });
    void qc.invalidateQueries({ queryKey: keys.audit });
  };
}

// --- checklist ---

export function useContractChecklist(contractId: string) {
  return useQuery({ queryKey: clauseKeys.checklist(contractId), queryFn: () => api<ChecklistT>(`/contracts/${encodeURIComponent(contractId)}/clauses`) });
}

export function useSaveReview(contractId: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidateClauses();
  return useMutation({
    mutationFn: ({ clauseId, body }: { clauseId: string; body: Record<string, unknown> }) =>
      api<ChecklistT>(`/contracts/${encodeURIComponent(contractId)}/clauses/${encodeURIComponent(clauseId)}`, { method: 'PUT', body }),
    onSuccess: (checklist) => {
      qc.setQueryData(clauseKeys.checklist(contractId), checklist);
      invalidate();
    },
  });
}

export function useCopyReviews(contractId: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidateClauses();
  return useMutation({
    mutationFn: (fromContractId: string) => api<ChecklistT>(`/contracts/${encodeURIComponent(contractId)}/clauses/copy`, { method: 'POST', body: { fromContractId } }),
    onSuccess: (checklist) => {
      qc.setQueryData(clauseKeys.checklist(contractId), checklist);
      invalidate();
    },
  });
}

// --- gaps ---

export interface GapFilters {
  vendorId?: string | null;
  engagementId?: string | null;
  clauseId?: string | null;
  severity?: string | null;
}

export function useGapList(filters: GapFilters, limit = 50) {
  return usePagedList<GapT>({ queryKey: clauseKeys.gaps, path: '/contract-gaps', query: { ...filters }, limit });
}

// --- library ---

export function useClauseLibrary(retired: 'true' | 'false' | 'all' = 'false') {
  return useQuery({ queryKey: clauseKeys.library(retired), queryFn: () => api<z.infer<typeof ClauseList>>('/clauses', { query: { retired } }) });
}

export function useSaveClause(id?: string) {
  const invalidate = useInvalidateClauses();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => (id ? api<ClauseT>(`/clauses/${encodeURIComponent(id)}`, { method: 'PATCH', body }) : api<ClauseT>('/clauses', { method: 'POST', body })),
    onSuccess: invalidate,
  });
}

export function useRetireClause() {
  const invalidate = useInvalidateClauses();
  return useMutation({
    mutationFn: ({ id, retired }: { id: string; retired: boolean }) => api<ClauseT>(`/clauses/${encodeURIComponent(id)}/${retired ? 'retire' : 'restore'}`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

// --- requirements ---

export function useRequirements() {
  return useQuery({ queryKey: clauseKeys.requirements, queryFn: () => api<RequirementListT>('/clause-requirements') });
}

export function useSaveRequirement(id?: string | null) {
  const invalidate = useInvalidateClauses();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      id ? api<RequirementListT>(`/clause-requirements/${encodeURIComponent(id)}`, { method: 'PATCH', body }) : api<RequirementListT>('/clause-requirements', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useDeleteRequirement() {
  const invalidate = useInvalidateClauses();
  return useMutation({
    mutationFn: (id: string) => api<RequirementListT>(`/clause-requirements/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useSetDora() {
  const invalidate = useInvalidateClauses();
  return useMutation({
    mutationFn: (enabled: boolean) => api<RequirementListT>('/clause-requirements/dora', { method: 'PUT', body: { enabled } }),
    onSuccess: invalidate,
  });
}
