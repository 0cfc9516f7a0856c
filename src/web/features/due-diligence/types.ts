import type { z } from 'zod';
import type { AnswerValue } from '../../../domain/questionnaire/answers.ts';
import type { RiskLevel } from '../../../domain/questionnaire/risk.ts';
import type { ScoreResult } from '../../../domain/questionnaire/score.ts';
import type { Template } from '../../../domain/questionnaire/template.ts';
import type {
  ASSESSMENT_STATUSES,
  Evidence,
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  REVIEW_STATUSES,
  TemplateDetail,
  TemplateImportResult,
  TemplateSummary,
} from '../../../shared/contracts/due-diligence.ts';

/** Response shapes of the due-diligence API (the definition is the domain's Template). */
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export type EvidenceT = Evidence;
export type TemplateSummaryT = z.infer<typeof TemplateSummary>;
export type TemplateDetailT = Omit<z.infer<typeof TemplateDetail>, 'definition'> & { definition: Template };
export type TemplateImportResultT = z.infer<typeof TemplateImportResult>;

export interface AssessmentSummaryT {
  id: string;
  vendorId: string;
  vendorName: string;
  templateId: string;
  templateName: string;
  templateVersion: number;
  status: AssessmentStatus;
  dueDate: string;
  overdue: boolean;
  reviewerId: string | null;
  overallScore: number | null;
  sentAt: string;
  submittedAt: string | null;
  completedAt: string | null;
}

export interface AnswerT {
  questionId: string;
  value: AnswerValue;
  reviewStatus: ReviewStatus;
  carriedOver: boolean;
  updatedAt: string;
}

export interface CommentT {
  id: string;
  questionId: string | null;
  visibility: 'vendor' | 'internal';
  body: string;
  authorName: string;
  fromVendor: boolean;
  createdAt: string;
}

export interface FindingT {
  id: string;
  vendorId: string;
  vendorName: string;
  assessmentId: string | null;
  questionId: string | null;
  title: string;
  description: string | null;
  severity: FindingSeverity;
  ownerId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  status: FindingStatus;
  createdAt: string;
  updatedAt: string;
}

export interface AssessmentDetailT extends AssessmentSummaryT {
  contactEmail: string | null;
  definition: Template;
  answers: AnswerT[];
  comments: CommentT[];
  findings: FindingT[];
  evidence: EvidenceT[];
  missingRequired: string[];
  score: ScoreResult;
}

export interface ReviewRowT {
  vendorId: string;
  vendorName: string;
  tier: number;
  dataAccess: string;
  riskLevel: RiskLevel;
  reviewEveryMonths: number;
  lastScore: number | null;
  lastCompletedAt: string | null;
  nextReviewDate: string;
  reviewDue: boolean;
}

export interface OverviewT {
  overdue: AssessmentSummaryT[];
  open: AssessmentSummaryT[];
  reviews: ReviewRowT[];
  expiringEvidence: (EvidenceT & { vendorName: string })[];
  openFindings: FindingT[];
}

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
}
