import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AnswerValue } from '../../../domain/questionnaire/answers.ts';
import type { SavedAnswer } from '../../../shared/contracts/due-diligence.ts';
import type { PortalAssessment, PortalComment, PortalHome, PortalRequest } from '../../../shared/contracts/portal.ts';
import { API_BASE, api, setCsrfToken } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { allPages } from '../../api/paging.ts';
import type { MeT } from '../../api/types.ts';
import { uploadFile } from '../../api/upload.ts';
import { uploadQuery } from '../due-diligence/api.ts';
import type { EvidenceMetaInput, EvidenceT } from '../due-diligence/types.ts';

/** Response shapes of the portal, read from its contracts (src/shared/contracts/portal.ts): only what the vendor may see. */
export type PortalRequestT = z.infer<typeof PortalRequest>;
export type PortalHomeT = z.infer<typeof PortalHome>;
export type PortalAssessmentT = z.infer<typeof PortalAssessment>;
export type PortalCommentT = z.infer<typeof PortalComment>;
export type SavedAnswerT = z.infer<typeof SavedAnswer>;

export const portalKeys = {
  home: keys.portal,
  assessment: (id: string) => [...keys.portal, 'assessment', id] as const,
  evidence: [...keys.portal, 'evidence'] as const,
};

const enc = encodeURIComponent;

export function portalDownloadUrl(id: string): string {
  return `${API_BASE}/portal/evidence/${enc(id)}/download`;
}

export function usePortalHome(enabled = true) {
  return useQuery({ queryKey: portalKeys.home, queryFn: () => api<PortalHomeT>('/portal'), enabled });
}

/** The questionnaire; answers live in the page while it is open, so focus does not refetch over typing. */
export function usePortalAssessment(id: string) {
  return useQuery({ queryKey: portalKeys.assessment(id), queryFn: () => api<PortalAssessmentT>(`/portal/assessments/${enc(id)}`), refetchOnWindowFocus: false, staleTime: 60_000 });
}

/** The vendor's evidence, every page of it: file answers show the names of what they attach. */

export function usePortalEvidence() {
  return useQuery({ queryKey: portalKeys.evidence, queryFn: allPages<EvidenceT>('/portal/evidence'), select: (page) => page.items, staleTime: 60_000 });
}

export function saveAnswer(assessmentId: string, questionId: string, value: AnswerValue): Promise<SavedAnswerT> {
  return api<SavedAnswerT>(`/portal/assessments/${enc(assessmentId)}/answers/${enc(questionId)}`, { method: 'PUT', body: { value } });
}

export function useConfirmCarriedOver(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ok: true }>(`/portal/assessments/${enc(id)}/confirm`, { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: portalKeys.assessment(id) }),
  });
}

export function useSubmitAssessment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ok: true }>(`/portal/assessments/${enc(id)}/submit`, { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.portal }),
  });
}

export function usePortalComment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { questionId: string | null; body: string }) => api<PortalCommentT>(`/portal/assessments/${enc(id)}/comments`, { method: 'POST', body: input }),
    onSuccess: (c) =>
      qc.setQueryData<PortalAssessmentT>(portalKeys.assessment(id), (old) => (old ? { ...old, comments: [...old.comments, c] } : old)),
  });
}

export function usePortalUpload(assessmentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, meta, questionId }: { file: File; meta: EvidenceMetaInput; questionId: string }) =>
      uploadFile<EvidenceT>('/portal/evidence', file, { query: uploadQuery(meta, file.name, { assessmentId, questionId }) }),
    onSuccess: (e) => {
      qc.setQueryData<PortalAssessmentT>(portalKeys.assessment(assessmentId), (old) => (old ? { ...old, evidence: [...old.evidence, e] } : old));
      void qc.invalidateQueries({ queryKey: portalKeys.evidence });
    },
  });
}

/** Opens a portal session from an e-mailed single-use link; the previous session's cached data is dropped. */
export function useOpenPortalLink() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api<{ me: MeT; assessmentId: string | null }>(`/portal/links/${enc(token)}/session`, { method: 'POST', allowUnauthenticated: true }),
    onSuccess: async ({ me }) => {
      setCsrfToken(me.csrfToken);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'setup-status' });
      // The page asked who is signed in as it opened; that answer ("nobody") may still be on its
      // way and would overwrite the session just opened, sending the vendor to sign in. Cancel it.
      await qc.cancelQueries({ queryKey: keys.me });
      qc.setQueryData(keys.me, me);
    },
  });
}

/** A returning vendor asks for a new link; the answer is the same whether or not the address is known. */
export function useRequestFreshLink() {
  return useMutation({
    mutationFn: (email: string) => api<{ ok: true; message: string }>('/portal/links/request', { method: 'POST', body: { email }, allowUnauthenticated: true }),
  });
}
