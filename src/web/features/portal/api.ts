import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnswerValue } from '../../../domain/questionnaire/answers.ts';
import type { Template } from '../../../domain/questionnaire/template.ts';
import { API_BASE, api, setCsrfToken } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { MeT, PageT } from '../../api/types.ts';
import { uploadQuery } from '../due-diligence/api.ts';
import type { AnswerT, AssessmentStatus, CommentT, EvidenceMetaInput, EvidenceT } from '../due-diligence/types.ts';

export interface PortalRequestT {
  id: string;
  templateName: string;
  status: AssessmentStatus;
  dueDate: string;
  overdue: boolean;
  sentAt: string;
  submittedAt: string | null;
}

export interface PortalHomeT {
  vendor: { id: string; name: string };
  org: { name: string };
  requests: PortalRequestT[];
}

export interface PortalAssessmentT {
  id: string;
  templateName: string;
  status: AssessmentStatus;
  dueDate: string;
  overdue: boolean;
  definition: Template;
  visible: string[];
  answers: AnswerT[];
  comments: CommentT[];
  evidence: EvidenceT[];
}

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

export function usePortalEvidence() {
  return useQuery({ queryKey: portalKeys.evidence, queryFn: () => api<PageT<EvidenceT>>('/portal/evidence'), select: (p) => p.items, staleTime: 60_000 });
}

export interface SavedAnswerT {
  questionId: string;
  value: AnswerValue;
  removedHidden: string[];
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
    mutationFn: (input: { questionId: string | null; body: string }) => api<CommentT>(`/portal/assessments/${enc(id)}/comments`, { method: 'POST', body: input }),
    onSuccess: (c) =>
      qc.setQueryData<PortalAssessmentT>(portalKeys.assessment(id), (old) => (old ? { ...old, comments: [...old.comments, c] } : old)),
  });
}

export function usePortalUpload(assessmentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, meta, questionId }: { file: File; meta: EvidenceMetaInput; questionId: string }) =>
      api<EvidenceT>('/portal/evidence', { method: 'POST', query: uploadQuery(meta, file.name, { assessmentId, questionId }), rawBody: file, contentType: 'application/octet-stream' }),
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
    onSuccess: ({ me }) => {
      setCsrfToken(me.csrfToken);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'setup-status' });
      qc.setQueryData(keys.me, me);
    },
  });
}
