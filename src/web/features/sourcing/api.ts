import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Pilot, Project, ProjectSummary, SourcingMatrix } from '../../../shared/contracts/sourcing.ts';
import type { VendorT } from '../../api/types.ts';
import { api } from '../../api/client.ts';
import { allPages, usePagedList } from '../../api/paging.ts';

/** Response shapes, read from the contracts (src/shared/contracts/sourcing.ts). */
export type ProjectT = Project;
export type ProjectSummaryT = z.infer<typeof ProjectSummary>;
export type MatrixT = SourcingMatrix;
export type PilotT = Pilot;
export type CandidateT = Project['candidates'][number];

const enc = encodeURIComponent;
export const sourcingKeys = {
  all: ['sourcing'] as const,
  list: ['sourcing', 'list'] as const,
  project: (id: string) => ['sourcing', 'project', id] as const,
  matrix: (id: string) => ['sourcing', 'matrix', id] as const,
  prospects: ['sourcing', 'prospects'] as const,
};

export const useProjectList = (query: Record<string, string>) => usePagedList<ProjectSummaryT>({ queryKey: sourcingKeys.list, path: '/sourcing-projects', query, limit: 50 });
export const useProject = (id: string) => useQuery({ queryKey: sourcingKeys.project(id), queryFn: () => api<ProjectT>(`/sourcing-projects/${enc(id)}`) });
export const useMatrix = (id: string, enabled = true) => useQuery({ queryKey: sourcingKeys.matrix(id), queryFn: () => api<MatrixT>(`/sourcing-projects/${enc(id)}/matrix`), enabled });

/** Vendors in prospect status: the ones that may become candidates. */
export function useProspectOptions(enabled = true) {
  return useQuery({
    queryKey: sourcingKeys.prospects,
    queryFn: allPages<VendorT>('/vendors', { sort: 'name', archived: 'false', status: 'prospect' }),
    select: (page) => page.items.map((v) => ({ value: v.id, label: v.name })),
    enabled,
  });
}

/** Every change refreshes the whole project (the matrix follows from every one of them), and vendors change status on a pilot. */
function useChange<I, T>(fn: (input: I) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: sourcingKeys.all });
      void qc.invalidateQueries({ queryKey: ['vendors'] });
    },
  });
}

type Body = Record<string, unknown>;
export const useCreateProject = () => useChange((body: Body) => api<ProjectT>('/sourcing-projects', { method: 'POST', body }));
export const useUpdateProject = (id: string) => useChange((body: Body) => api<ProjectT>(`/sourcing-projects/${enc(id)}`, { method: 'PATCH', body }));
export const useAnswerCheck = (id: string) => useChange((body: Body) => api<ProjectT>(`/sourcing-projects/${enc(id)}/check`, { method: 'PUT', body }));
export const useSetCriteria = (id: string) => useChange((body: Body) => api<ProjectT>(`/sourcing-projects/${enc(id)}/criteria`, { method: 'PUT', body }));
export const useAddCandidate = (id: string) => useChange((body: Body) => api<ProjectT>(`/sourcing-projects/${enc(id)}/candidates`, { method: 'POST', body }));
export const useStartPilot = (id: string) => useChange((body: Body) => api<PilotT>(`/sourcing-projects/${enc(id)}/pilots`, { method: 'POST', body }));

const cand = (id: string, path: string) => `/sourcing-candidates/${enc(id)}/${path}`;
export const useRecordProposal = () => useChange(({ id, ...body }: Body & { id: string }) => api<ProjectT>(cand(id, 'proposal'), { method: 'PUT', body }));
export const useOpenProposal = () => useChange((id: string) => api<ProjectT>(cand(id, 'proposal/open'), { method: 'POST' }));
export const useSendRfi = () => useChange(({ id, ...body }: Body & { id: string }) => api<ProjectT>(cand(id, 'rfi'), { method: 'POST', body }));
export const useSaveScores = () => useChange(({ id, ...body }: Body & { id: string }) => api<ProjectT>(cand(id, 'scores'), { method: 'PUT', body }));
export const useAddReference = () => useChange(({ id, ...body }: Body & { id: string }) => api<ProjectT>(cand(id, 'references'), { method: 'POST', body }));
export const useAddInterview = () => useChange(({ id, ...body }: Body & { id: string }) => api<ProjectT>(cand(id, 'interviews'), { method: 'POST', body }));
export const useDecidePilot = () => useChange(({ id, ...body }: Body & { id: string }) => api<PilotT>(`/sourcing-pilots/${enc(id)}/decision`, { method: 'POST', body }));
