import { z } from 'zod';
import { IsoDate, requiredText, text } from './common.ts';

export const TemplateSummary = z.object({
  id: z.string(),
  name: z.string(),
  origin: z.string(),
  latestVersion: z.number(),
  questionCount: z.number(),
  updatedAt: z.string(),
});

/** The definition is the questionnaire itself (src/domain/questionnaire/template.ts); checked by the domain schema. */
export const TemplateInput = z.object({ name: requiredText(200), definition: z.unknown() }).strict();
export const TemplateDetail = TemplateSummary.extend({
  version: z.number(),
  versionId: z.string(),
  definition: z.unknown(),
  versions: z.array(z.object({ id: z.string(), version: z.number(), questionCount: z.number(), createdAt: z.string() })),
});
export const TemplateImportResult = z.object({
  templateId: z.string(),
  version: z.number(),
  questions: z.number(),
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
  /** valid, expiring (within 60 days), expired, undated. */
  validity: z.enum(['valid', 'expiring', 'expired', 'undated']),
});
export type Evidence = z.infer<typeof Evidence>;
