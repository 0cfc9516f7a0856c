import { z } from 'zod';
import { ConditionSchema, IdString } from '../../domain/questionnaire/condition.ts';
import { QUESTION_TYPES } from '../../domain/questionnaire/template.ts';
import { ASSESSMENT_STATUSES, AnswerValue, Evidence } from './due-diligence.ts';

/**
 * The vendor portal's contracts: only what a vendor contact may see. No weights,
 * severities or per-choice scores (a vendor could pick the best-scoring answers), no
 * review verdict but "sent back for clarification", no internal notes, no reviewer's
 * score. Objects here strip any field they do not name, so a presenter that hands over
 * too much still answers only these fields.
 */

/** A questionnaire as the vendor answers it (src/domain/questionnaire/form.ts). */
export const PortalQuestion = z.object({
  id: IdString,
  type: z.enum(QUESTION_TYPES),
  text: z.string(),
  help: z.string().optional(),
  required: z.boolean(),
  choices: z.array(z.object({ id: IdString, label: z.string() })).optional(),
  condition: ConditionSchema.optional(),
});
export const PortalForm = z.object({
  name: z.string(),
  description: z.string().optional(),
  sections: z.array(
    z.object({
      id: IdString,
      title: z.string(),
      description: z.string().optional(),
      condition: ConditionSchema.optional(),
      questions: z.array(PortalQuestion),
    }),
  ),
});

export const PortalRequest = z.object({
  id: z.string(),
  templateName: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  dueDate: z.string(),
  overdue: z.boolean(),
  sentAt: z.string(),
  submittedAt: z.string().nullable(),
});

export const PortalHome = z.object({
  vendor: z.object({ id: z.string(), name: z.string() }),
  org: z.object({ name: z.string() }),
  requests: z.array(PortalRequest),
});

/**
 * An answer as the vendor sees it. `reviewStatus` is "clarification" when the reviewer sent
 * it back, "updated" once the vendor changed it since, and null otherwise: whether the
 * reviewer accepted it or raised a finding is the client's business.
 */
export const PortalAnswer = z.object({
  questionId: z.string(),
  value: AnswerValue,
  reviewStatus: z.enum(['clarification', 'updated']).nullable(),
  carriedOver: z.boolean(),
  updatedAt: z.string(),
});

/** A comment of the thread with the vendor; internal notes never come here. */
export const PortalComment = z.object({
  id: z.string(),
  questionId: z.string().nullable(),
  visibility: z.literal('vendor'),
  body: z.string(),
  authorName: z.string(),
  fromVendor: z.boolean(),
  createdAt: z.string(),
});

/** Evidence in the portal: the vendor's own uploads and what was attached to its requests. */
export const PortalEvidence = Evidence;

export const PortalAssessment = z.object({
  id: z.string(),
  templateName: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  dueDate: z.string(),
  overdue: z.boolean(),
  definition: PortalForm,
  /** The questions shown for the current answers, in order. */
  visible: z.array(z.string()),
  answers: z.array(PortalAnswer),
  comments: z.array(PortalComment),
  evidence: z.array(PortalEvidence),
});

/** A returning vendor asks for a new portal link to its registered address. */
export const FreshLinkRequest = z.object({ email: z.email().max(320) }).strict();
/** The same answer whether or not the address is known (no account enumeration). */
export const FreshLinkAnswer = z.object({ ok: z.literal(true), message: z.string() });
