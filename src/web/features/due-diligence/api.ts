import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Template } from '../../../domain/questionnaire/template.ts';
import { API_BASE, api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useAllItems, usePagedList } from '../../api/paging.ts';
import type { PageT } from '../../api/types.ts';
import { uploadFile } from '../../api/upload.ts';
import type {
  AssessmentCreateInput,
  AssessmentDetailT,
  AssessmentSummaryT,
  CommentT,
  EvidenceMetaInput,
  EvidenceT,
  FindingSeverity,
  FindingT,
  OverviewT,
  ReviewStatus,
  TemplateDetailT,
  TemplateImportResultT,
  TemplateSummaryT,
} from './types.ts';

/** Query keys of due diligence; everything sits under 'dd' so one invalidation refreshes scores, lists and the overview. */
export const ddKeys = {
  all: ['dd'] as const,
  overview: ['dd', 'overview'] as const,
  templates: ['dd', 'templates'] as const,
  template: (id: string, version?: number) => ['dd', 'templates', id, version ?? 'latest'] as const,
  assessments: (filters: unknown) => ['dd', 'assessments', filters] as const,
  assessment: (id: string) => ['dd', 'assessment', id] as const,
  findings: (filters: unknown) => ['dd', 'findings', filters] as const,
  evidence: (vendorId: string) => ['dd', 'evidence', vendorId] as const,
};

const enc = encodeURIComponent;

function useInvalidateDd() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ddKeys.all });
    void qc.invalidateQueries({ queryKey: keys.audit });
  };
}

// ── Overview ────────────────────────────────────────────────────────────────

export function useDdOverview(enabled = true) {
  return useQuery({ queryKey: ddKeys.overview, queryFn: () => api<OverviewT>('/due-diligence/overview'), enabled });
}

// ── Questionnaires ──────────────────────────────────────────────────────────

/** The questionnaires page's list, page by page. */
export function useQuestionnaireList() {
  return usePagedList<TemplateSummaryT>({ queryKey: [...ddKeys.templates, 'pages'], path: '/questionnaires' });
}

/** Every questionnaire, for the picker of the send dialog. */
export function useQuestionnaireOptions(enabled = true) {
  return useAllItems<TemplateSummaryT>([...ddKeys.templates, 'all'], '/questionnaires', { enabled });
}

export function useTemplate(id: string, version?: number) {
  return useQuery({
    queryKey: ddKeys.template(id, version),
    queryFn: () => api<TemplateDetailT>(`/questionnaires/${enc(id)}`, { query: { version } }),
    enabled: !!id,
  });
}

export function exportTemplateUrl(id: string, version?: number): string {
  return `${API_BASE}/questionnaires/${enc(id)}/export${version ? `?version=${version}` : ''}`;
}

export function useAddBuiltinTemplate() {
  const invalidate = useInvalidateDd();
  return useMutation({ mutationFn: () => api<TemplateDetailT>('/questionnaires/builtin', { method: 'POST' }), onSuccess: invalidate });
}

export function useCreateTemplate() {
  const invalidate = useInvalidateDd();
  return useMutation({
    mutationFn: (input: { name: string; definition: Template }) => api<TemplateDetailT>('/questionnaires', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useSaveTemplate(id: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidateDd();
  return useMutation({
    mutationFn: (input: { name: string; definition: Template }) => api<TemplateDetailT>(`/questionnaires/${enc(id)}`, { method: 'PUT', body: input }),
    onSuccess: (saved) => {
      qc.setQueryData(ddKeys.template(id), saved);
      invalidate();
    },
  });
}

export function useImportTemplate() {
  const invalidate = useInvalidateDd();
  return useMutation({
    mutationFn: ({ text, format, name }: { text: string; format: 'vsaq' | 'outsight'; name?: string }) =>
      uploadFile<TemplateImportResultT>('/questionnaires/import', text, { query: { format, name }, contentType: 'text/plain' }),
    onSuccess: invalidate,
  });
}

export function useArchiveTemplate() {
  const invalidate = useInvalidateDd();
  return useMutation({ mutationFn: (id: string) => api<{ ok: true }>(`/questionnaires/${enc(id)}/archive`, { method: 'POST' }), onSuccess: invalidate });
}

// ── Assessments ─────────────────────────────────────────────────────────────

/** Assessments sent to one vendor, newest first, page by page. */
export function useVendorAssessmentList(vendorId: string, enabled = true) {
  return usePagedList<AssessmentSummaryT>({ queryKey: ddKeys.assessments({ vendorId }), path: '/assessments', query: { vendorId }, enabled });
}

/** The vendor's most recently sent completed assessment (its score dates the next review), or null. */
export function useLastCompletedAssessment(vendorId: string, enabled = true) {
  return useQuery({
    queryKey: ddKeys.assessments({ vendorId, status: 'completed', limit: 1 }),
    queryFn: () => api<PageT<AssessmentSummaryT>>('/assessments', { query: { vendorId, status: 'completed', limit: 1 } }),
    select: (p) => p.items[0] ?? null,
    enabled,
  });
}

/** Every assessment of a vendor (the send dialog asks whether a questionnaire was answered before). */
export function useAllVendorAssessments(vendorId: string, enabled = true) {
  return useAllItems<AssessmentSummaryT>(ddKeys.assessments({ vendorId, all: true }), '/assessments', { query: { vendorId }, enabled });
}

export function useAssessment(id: string) {
  return useQuery({ queryKey: ddKeys.assessment(id), queryFn: () => api<AssessmentDetailT>(`/assessments/${enc(id)}`), enabled: !!id });
}

export function useSendAssessment() {
  const invalidate = useInvalidateDd();
  return useMutation({
    mutationFn: (input: AssessmentCreateInput) => api<AssessmentDetailT>('/assessments', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

/** Changes to one assessment put the new detail in the cache when the API returns it, then refresh the rest. */
function useAssessmentMutation<I, R>(id: string, fn: (input: I) => Promise<R>) {
  const qc = useQueryClient();
  const invalidate = useInvalidateDd();
  return useMutation({
    mutationFn: fn,
    onSuccess: (result) => {
      if (result && typeof result === 'object' && 'definition' in result) qc.setQueryData(ddKeys.assessment(id), result);
      invalidate();
    },
  });
}

export function useReviewAnswer(id: string) {
  return useAssessmentMutation(id, ({ questionId, status }: { questionId: string; status: ReviewStatus }) =>
    api<{ ok: true }>(`/assessments/${enc(id)}/answers/${enc(questionId)}/review`, { method: 'PUT', body: { status } }),
  );
}

export function useAddComment(id: string) {
  return useAssessmentMutation(id, (input: { questionId: string | null; body: string; visibility: 'vendor' | 'internal' }) =>
    api<CommentT>(`/assessments/${enc(id)}/comments`, { method: 'POST', body: input }),
  );
}

export interface FindingInputT {
  questionId?: string | null;
  title: string;
  description?: string | null;
  severity: FindingSeverity;
  ownerId?: string | null;
  dueDate?: string | null;
}

export function useRaiseFinding(id: string) {
  return useAssessmentMutation(id, (input: FindingInputT) => api<FindingT>(`/assessments/${enc(id)}/findings`, { method: 'POST', body: input }));
}

/** Completing with unreviewed answers is refused (409) unless the reviewer confirmed it. */
export function useCompleteAssessment(id: string) {
  return useAssessmentMutation(id, (input: { confirmUnreviewed: boolean }) => api<AssessmentDetailT>(`/assessments/${enc(id)}/complete`, { method: 'POST', body: input }));
}

export function useAcceptUnflagged(id: string) {
  return useAssessmentMutation(id, () => api<{ accepted: number }>(`/assessments/${enc(id)}/answers/accept-unflagged`, { method: 'POST' }));
}

export function useCancelAssessment(id: string) {
  return useAssessmentMutation(id, () => api<AssessmentDetailT>(`/assessments/${enc(id)}/cancel`, { method: 'POST' }));
}

export function useResendLink(id: string) {
  // `url` comes back only when the server has no mail server: the reviewer hands the link over.
  return useMutation({ mutationFn: () => api<{ ok: true; sentTo: string; url: string | null }>(`/assessments/${enc(id)}/link`, { method: 'POST' }) });
}

// ── Findings ────────────────────────────────────────────────────────────────

/**
 * Every finding of a vendor: its tab shows the open and in-progress ones (two statuses the
 * API filters one at a time) and says whether any were ever raised.
 */
export function useAllVendorFindings(vendorId: string, enabled = true) {
  return useAllItems<FindingT>(ddKeys.findings({ vendorId }), '/findings', { query: { vendorId }, enabled });
}

export function useUpdateFinding() {
  const invalidate = useInvalidateDd();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Partial<Pick<FindingT, 'status' | 'title' | 'description' | 'severity' | 'ownerId' | 'dueDate'>> }) =>
      api<FindingT>(`/findings/${enc(id)}`, { method: 'PATCH', body: patch }),
    onSuccess: invalidate,
  });
}

// ── Evidence ────────────────────────────────────────────────────────────────

/** The vendor's evidence, newest first, page by page. */
export function useVendorEvidenceList(vendorId: string) {
  return usePagedList<EvidenceT>({ queryKey: [...ddKeys.evidence(vendorId), 'pages'], path: `/vendors/${enc(vendorId)}/evidence` });
}

/** Every piece of the vendor's evidence, to resolve the files attached to answers. */
export function useAllVendorEvidence(vendorId: string, enabled = true) {
  return useAllItems<EvidenceT>([...ddKeys.evidence(vendorId), 'all'], `/vendors/${enc(vendorId)}/evidence`, { enabled: enabled && !!vendorId });
}

export function evidenceDownloadUrl(id: string): string {
  return `${API_BASE}/evidence/${enc(id)}/download`;
}

/** Query parameters of an upload: the metadata, with blank fields left out. */
export function uploadQuery(meta: EvidenceMetaInput, fileName: string, extra: Record<string, string | undefined> = {}) {
  return {
    type: meta.type,
    title: meta.title,
    issuer: meta.issuer ?? undefined,
    scope: meta.scope ?? undefined,
    validFrom: meta.validFrom ?? undefined,
    validUntil: meta.validUntil ?? undefined,
    sharedWithVendor: meta.sharedWithVendor === undefined ? undefined : String(meta.sharedWithVendor),
    fileName,
    ...extra,
  };
}

export function useUploadEvidence(vendorId: string) {
  const invalidate = useInvalidateDd();
  return useMutation({
    mutationFn: ({ file, meta }: { file: File; meta: EvidenceMetaInput }) =>
      uploadFile<EvidenceT>(`/vendors/${enc(vendorId)}/evidence`, file, { query: uploadQuery(meta, file.name) }),
    onSuccess: invalidate,
  });
}

/** Shares a document with the vendor (its portal lists it) or takes it back. */
export function useShareEvidence() {
  const invalidate = useInvalidateDd();
  return useMutation({
    mutationFn: ({ id, sharedWithVendor }: { id: string; sharedWithVendor: boolean }) => api<EvidenceT>(`/evidence/${enc(id)}`, { method: 'PATCH', body: { sharedWithVendor } }),
    onSuccess: invalidate,
  });
}

export function useDeleteEvidence() {
  const invalidate = useInvalidateDd();
  return useMutation({ mutationFn: (id: string) => api<{ ok: true }>(`/evidence/${enc(id)}`, { method: 'DELETE' }), onSuccess: invalidate });
}
