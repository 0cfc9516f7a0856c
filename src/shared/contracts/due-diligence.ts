import { z } from 'zod';
import { RISK_LEVELS } from '../../domain/questionnaire/risk.ts';
import { TemplateShape } from '../../domain/questionnaire/template.ts';
import { IsoDate, PageQuery, requiredText, text } from './common.ts';

/**
 * Contracts of due diligence as the organisation's own users see it: questionnaires,
 * assessments, findings, evidence and the overview. The vendor's side (the portal) has
 * its own, smaller contracts in portal.ts.
 */

export const QuestionnaireSummary = z.object({
  id: z.string(),
  name: z.string(),
  origin: z.string(),
  latestVersion: z.number(),
  questionCount: z.number(),
  updatedAt: z.string(),
});
export const QuestionnaireListQuery = PageQuery;

/** A stored questionnaire definition (src/domain/questionnaire/template.ts); it was checked in full when saved. */
export const QuestionnaireDefinition = TemplateShape;

/** The definition is checked by the domain schema, whose issues become field errors. */
export const QuestionnaireInput = z.object({ name: requiredText(200), definition: z.unknown() }).strict();
export const QuestionnaireDetail = QuestionnaireSummary.extend({
  version: z.number(),
  versionId: z.string(),
  definition: QuestionnaireDefinition,
  versions: z.array(z.object({ id: z.string(), version: z.number(), questionCount: z.number(), createdAt: z.string() })),
});
export const QuestionnaireImportResult = z.object({
  /** The new questionnaire's id (the field keeps the API's first name). */
  templateId: z.string(),
  version: z.number(),
  /** Every question of the new questionnaire: `fromQuestions` + `fromTips`. */
  questions: z.number(),
  /** Questions from the file's own questions. */
  fromQuestions: z.number(),
  /** Optional answer boxes made from VSAQ tips that ask the vendor to explain ("why"). */
  fromTips: z.number(),
  conditions: z.number(),
  skipped: z.array(z.object({ id: z.string().optional(), type: z.string().optional(), reason: z.string() })),
});

export const ASSESSMENT_STATUSES = ['sent', 'in_progress', 'submitted', 'completed', 'cancelled'] as const;
/** 'updated': the vendor changed an answer the reviewer had sent back for clarification. */
export const REVIEW_STATUSES = ['pending', 'accepted', 'clarification', 'updated', 'finding'] as const;
export const FINDING_STATUSES = ['open', 'in_progress', 'resolved', 'accepted_risk'] as const;
export const FINDING_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

export const AssessmentCreate = z
  .object({
    vendorId: z.uuid(),
    templateId: z.uuid(),
    dueDate: IsoDate,
    reviewerId: z.uuid().nullable().optional(),
    /** Who answers: an existing vendor contact of the vendor, or an e-mail to create one for. */
    contactEmail: z.string().trim().toLowerCase().max(254).pipe(z.email()).optional(),
    /** Start from the vendor's previous answers to the same questionnaire. */
    reassess: z.boolean().default(false),
  })
  .strict();

export const AnswerInput = z.object({ value: z.unknown() }).strict();
/** What a reviewer may set; 'updated' is the vendor's doing. */
/** A new portal link: `url` only when no mail server is configured, for the reviewer to hand over. */
export const LinkSent = z.object({ ok: z.literal(true), sentTo: z.string(), url: z.string().nullable() });
export const CompleteInput = z.object({ confirmUnreviewed: z.boolean().optional() }).strict();
export const AcceptedAnswers = z.object({ accepted: z.number().int() });
export const ReviewInput = z.object({ status: z.enum(['pending', 'accepted', 'clarification', 'finding']) }).strict();
export const CommentInput = z.object({ questionId: z.string().max(128).nullable().optional(), body: requiredText(10_000), visibility: z.enum(['vendor', 'internal']).default('vendor') }).strict();
export const PortalCommentInput = z.object({ questionId: z.string().max(128).nullable().optional(), body: requiredText(10_000) }).strict();

export const FindingInput = z
  .object({
    questionId: z.string().max(128).nullable().optional(),
    title: requiredText(300),
    description: text(10_000).nullable().optional(),
    severity: z.enum(FINDING_SEVERITIES),
    ownerId: z.uuid().nullable().optional(),
    dueDate: IsoDate.nullable().optional(),
  })
  .strict();
export const FindingUpdate = z
  .object({ status: z.enum(FINDING_STATUSES), title: requiredText(300), description: text(10_000).nullable(), severity: z.enum(FINDING_SEVERITIES), ownerId: z.uuid().nullable(), dueDate: IsoDate.nullable() })
  .partial()
  .strict();

export const EVIDENCE_TYPES = ['iso27001_certificate', 'soc2_type2_report', 'penetration_test', 'insurance_certificate', 'nda', 'dpa', 'policy', 'other'] as const;
export const EVIDENCE_TYPE_LABELS: Record<(typeof EVIDENCE_TYPES)[number], string> = {
  iso27001_certificate: 'ISO 27001 certificate',
  soc2_type2_report: 'SOC 2 Type II report',
  penetration_test: 'Penetration test',
  insurance_certificate: 'Insurance certificate',
  nda: 'NDA',
  dpa: 'DPA',
  policy: 'Policy',
  other: 'Other',
};
export const EvidenceMetaFields = z
  .object({
    type: z.enum(EVIDENCE_TYPES),
    title: requiredText(300),
    issuer: text(300).nullable().optional(),
    scope: text(2000).nullable().optional(),
    validFrom: IsoDate.nullable().optional(),
    validUntil: IsoDate.nullable().optional(),
  })
  .strict();
export const EvidenceMeta = EvidenceMetaFields.refine((e) => !e.validFrom || !e.validUntil || e.validFrom <= e.validUntil, { message: 'Must not end before it starts', path: ['validUntil'] });
export const Evidence = z.object({
  id: z.string(),
  vendorId: z.string(),
  assessmentId: z.string().nullable(),
  questionId: z.string().nullable(),
  type: z.string(),
  title: z.string(),
  issuer: z.string().nullable(),
  scope: z.string().nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
  /** Listed in the vendor's portal (its own uploads always; what the client files only when shared). */
  sharedWithVendor: z.boolean(),
  /** Uploaded by one of the vendor's own contacts in its portal: it always stays visible to the vendor. */
  fromVendor: z.boolean(),
  /** valid, expiring (within 60 days), expired, undated. */
  validity: z.enum(['valid', 'expiring', 'expired', 'undated']),
});
export type Evidence = z.infer<typeof Evidence>;

/** An answer as stored: yes/no, a choice id, choice ids, text, a number, a date, evidence ids, or null. */
export const AnswerValue = z.union([z.boolean(), z.string(), z.array(z.string()), z.number(), z.null()]);

export const AssessmentListQuery = PageQuery.extend({ vendorId: z.uuid().optional(), status: z.enum(ASSESSMENT_STATUSES).optional() });
export const FindingListQuery = PageQuery.extend({ vendorId: z.uuid().optional(), status: z.enum(FINDING_STATUSES).optional() });
export const EvidenceListQuery = PageQuery;

export const AssessmentSummary = z.object({
  id: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  /** The questionnaire sent (the fields keep the API's first names). */
  templateId: z.string(),
  templateName: z.string(),
  templateVersion: z.number(),
  status: z.enum(ASSESSMENT_STATUSES),
  dueDate: z.string(),
  overdue: z.boolean(),
  reviewerId: z.string().nullable(),
  overallScore: z.number().nullable(),
  sentAt: z.string(),
  submittedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummary>;

export const Answer = z.object({
  questionId: z.string(),
  value: AnswerValue,
  reviewStatus: z.enum(REVIEW_STATUSES),
  carriedOver: z.boolean(),
  updatedAt: z.string(),
});

export const Comment = z.object({
  id: z.string(),
  questionId: z.string().nullable(),
  visibility: z.enum(['vendor', 'internal']),
  body: z.string(),
  authorName: z.string(),
  fromVendor: z.boolean(),
  createdAt: z.string(),
});

export const Finding = z.object({
  id: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  assessmentId: z.string().nullable(),
  questionId: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  severity: z.enum(FINDING_SEVERITIES),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(FINDING_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Finding = z.infer<typeof Finding>;

/** The score with its arithmetic (src/domain/questionnaire/score.ts). */
export const Score = z.object({
  overall: z.number().nullable(),
  topics: z.array(
    z.object({
      topic: z.string(),
      label: z.string(),
      score: z.number().nullable(),
      earned: z.number(),
      possible: z.number(),
      questions: z.array(z.object({ id: z.string(), weight: z.number(), answerScore: z.number().nullable(), contribution: z.number(), status: z.enum(['answered', 'unanswered_required', 'finding']) })),
    }),
  ),
  computation: z.array(z.string()),
});

export const AssessmentDetail = AssessmentSummary.extend({
  contactEmail: z.string().nullable(),
  definition: QuestionnaireDefinition,
  answers: z.array(Answer),
  comments: z.array(Comment),
  findings: z.array(Finding),
  evidence: z.array(Evidence),
  missingRequired: z.array(z.string()),
  score: Score,
});

export const ReviewRow = z.object({
  vendorId: z.string(),
  vendorName: z.string(),
  tier: z.number(),
  dataAccess: z.string(),
  riskLevel: z.enum(RISK_LEVELS),
  reviewEveryMonths: z.number(),
  lastScore: z.number().nullable(),
  lastCompletedAt: z.string().nullable(),
  nextReviewDate: z.string(),
  reviewDue: z.boolean(),
});

export const DueDiligenceOverview = z.object({
  overdue: z.array(AssessmentSummary),
  open: z.array(AssessmentSummary),
  reviews: z.array(ReviewRow),
  expiringEvidence: z.array(Evidence.extend({ vendorName: z.string() })),
  openFindings: z.array(Finding),
  /** True when a list stopped at its cap (the overview is a summary, not an export). */
  truncated: z.boolean(),
});

/** What an autosave answers: the value stored and the answers its change hid (and removed). */
export const SavedAnswer = z.object({ questionId: z.string(), value: AnswerValue, removedHidden: z.array(z.string()) });

/** An evidence upload's query: the file is the body. */
export const EvidenceUploadQuery = z.intersection(
  EvidenceMeta,
  z.object({ fileName: z.string().max(2000), assessmentId: z.uuid().optional(), questionId: z.string().max(128).optional() }),
);
/**
 * The client's upload also says whether the vendor sees the document in its portal
 * (default: no — an internal audit report stays internal).
 */
export const ClientEvidenceUploadQuery = z.intersection(
  EvidenceUploadQuery,
  z.object({ sharedWithVendor: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') }),
);
/** Correcting a document's metadata, and sharing it with the vendor or not. */
export const EvidenceUpdate = EvidenceMetaFields.extend({ sharedWithVendor: z.boolean() }).partial().strict();
