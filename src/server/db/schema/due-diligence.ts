
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs, users } from './orgs.ts';
import { vendors } from './vendors.ts';

/** A questionnaire; its content lives in versions, so a sent assessment never changes under the vendor. */
export const questionnaireTemplates = pgTable(
  'questionnaire_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    /** 'builtin', 'vsaq', 'outsight' (imported JSON) or 'custom'. */
    origin: text('origin').notNull(),
    latestVersion: integer('latest_version').notNull().default(1),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('questionnaire_templates_org_idx').on(t.orgId)],
);

export const questionnaireVersions = pgTable(
  'questionnaire_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => questionnaireTemplates.id),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    questionCount: integer('question_count').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('questionnaire_versions_template_version_key').on(t.templateId, t.version)],
);

export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    templateVersionId: uuid('template_version_id')
      .notNull()
      .references(() => questionnaireVersions.id),
    /** sent → in_progress → submitted → completed; cancelled at any point before completed. */
    status: text('status').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    contactUserId: uuid('contact_user_id').references(() => users.id),
    previousAssessmentId: uuid('previous_assessment_id'),
    score: jsonb('score'),
    overallScore: real('overall_score'),
    sentBy: uuid('sent_by').references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessments_org_vendor_idx').on(t.orgId, t.vendorId), index('assessments_org_status_due_idx').on(t.orgId, t.status, t.dueDate)],
);

export const assessmentAnswers = pgTable(
  'assessment_answers',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    questionId: text('question_id').notNull(),
    value: jsonb('value'),
    /** pending, accepted, clarification, finding. */
    reviewStatus: text('review_status').notNull().default('pending'),
    /** Carried over from the previous assessment and not yet confirmed by the vendor. */
    carriedOver: integer('carried_over').notNull().default(0),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.questionId] })],
);

/** Clarification threads with the vendor ('vendor') and internal notes it never sees ('internal'). */
export const assessmentComments = pgTable(
  'assessment_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    questionId: text('question_id'),
    visibility: text('visibility').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessment_comments_assessment_idx').on(t.assessmentId, t.createdAt)],
);

export const findings = pgTable(
  'findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    assessmentId: uuid('assessment_id').references(() => assessments.id),
    questionId: text('question_id'),
    title: text('title').notNull(),
    description: text('description'),
    severity: text('severity').notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    dueDate: date('due_date', { mode: 'string' }),
    /** open, in_progress, resolved, accepted_risk. */
    status: text('status').notNull().default('open'),
    /** When it was last resolved or accepted as a risk (null while open; older findings closed before this column: null, their updated_at stands in). */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('findings_org_vendor_idx').on(t.orgId, t.vendorId)],
);

/** A document with its own validity dates; the file is stored under a generated name. */
export const evidence = pgTable(
  'evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    assessmentId: uuid('assessment_id').references(() => assessments.id),
    questionId: text('question_id'),
    type: text('type').notNull(),
    title: text('title').notNull(),
    issuer: text('issuer'),
    scope: text('scope'),
    validFrom: date('valid_from', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    /** The uploader's file name, for display and the download's suggested name only. */
    fileName: text('file_name').notNull(),
    storageKey: text('storage_key').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    /**
     * Whether the vendor's contacts see it in their portal: always for what they upload
     * there; for what the client files, only when the client says so (default: internal).
     */
    sharedWithVendor: boolean('shared_with_vendor').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evidence_org_vendor_idx').on(t.orgId, t.vendorId), index('evidence_org_valid_until_idx').on(t.orgId, t.validUntil)],
);

/** Single-use, expiring portal links; the secret is stored hashed. */
export const portalLinks = pgTable('portal_links', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  assessmentId: uuid('assessment_id').references(() => assessments.id),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Notifications sent: the unique key makes every reminder go out once, even with
 * several app servers running the reminder job at the same time.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** e.g. 'assessment:<id>:reminder-7', 'evidence:<id>:expiry-30'. */
    key: text('key').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    status: text('status').notNull().default('sent'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('notifications_key_recipient_key').on(t.key, t.recipient)],
);

