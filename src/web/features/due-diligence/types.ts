import type { z } from 'zod';
import type { ScoreResult } from '../../../domain/questionnaire/score.ts';
import type {
  ASSESSMENT_STATUSES,
  Answer,
  AssessmentDetail,
  AssessmentSummary,
  Comment,
  DueDiligenceOverview,
  Evidence,
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  Finding,
  QuestionnaireDetail,
  QuestionnaireImportResult,
  QuestionnaireSummary,
  REVIEW_STATUSES,
  ReviewRow,
} from '../../../shared/contracts/due-diligence.ts';

/** Response shapes of the due-diligence API, read from its contracts (src/shared/contracts/due-diligence.ts). */
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export type EvidenceT = Evidence;
export type TemplateSummaryT = z.infer<typeof QuestionnaireSummary>;
export type TemplateDetailT = z.infer<typeof QuestionnaireDetail>;
export type TemplateImportResultT = z.infer<typeof QuestionnaireImportResult>;
export type AssessmentSummaryT = z.infer<typeof AssessmentSummary>;
export type AnswerT = z.infer<typeof Answer>;
export type CommentT = z.infer<typeof Comment>;
export type FindingT = z.infer<typeof Finding>;
/** The score keeps the domain's type, whose topics are the domain's topic ids. */
export type AssessmentDetailT = Omit<z.infer<typeof AssessmentDetail>, 'score'> & { score: ScoreResult };
export type ReviewRowT = z.infer<typeof ReviewRow>;
export type OverviewT = z.infer<typeof DueDiligenceOverview>;

export interface AssessmentCreateInput {
  vendorId: string;
  templateId: string;
  dueDate: string;
  reviewerId?: string | null;
  contactEmail?: string;
  reassess: boolean;
}

export interface EvidenceMetaInput {
  type: string;
  title: string;
  issuer?: string | null;
  scope?: string | null;
  validFrom?: string | null;
  validUntil?: string | null;
  /** The client's upload only: listed in the vendor's portal. */
  sharedWithVendor?: boolean;
}
