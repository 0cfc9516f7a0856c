import { bigint, boolean, date, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contracts } from './contracts.ts';
import { orgs, users } from './orgs.ts';
import { engagements, vendors } from './vendors.ts';

/** One acceptance criterion of a deliverable, and whether the reviewer found it met at the last decision. */
export interface CriterionState {
  text: string;
  met: boolean | null;
}

/**
 * A milestone of an engagement, optionally under a statement of work: it groups deliverables,
 * and a payment tied to it waits until every one of them is accepted.
 */
export const milestones = pgTable(
  'milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id),
    contractId: uuid('contract_id'),
    name: text('name').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('milestones_org_id_key').on(t.orgId, t.id),
    foreignKey({ columns: [t.orgId, t.contractId], foreignColumns: [contracts.orgId, contracts.id], name: 'milestones_contract_fk' }),
    index('milestones_org_engagement_idx').on(t.orgId, t.engagementId, t.position),
  ],
);

/**
 * What a vendor owes under an engagement: acceptance criteria, a due date and the grace days
 * the contract allows; planned → in progress → submitted → accepted | rejected (→ submitted again).
 * `vendorId` is the engagement's, kept here so a vendor contact's view filters on one column.
 */
export const deliverables = pgTable(
  'deliverables',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id),
    milestoneId: uuid('milestone_id'),
    contractId: uuid('contract_id'),
    title: text('title').notNull(),
    description: text('description'),
    criteria: jsonb('criteria').$type<CriterionState[]>().notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    graceDays: integer('grace_days').notNull().default(0),
    /** planned | in_progress | submitted | accepted | rejected */
    status: text('status').notNull().default('planned'),
    /** The client's own note; never shown to the vendor. */
    internalNote: text('internal_note'),
    /** The last decision: who, when, and for a rejection why. */
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    rejectionReason: text('rejection_reason'),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('deliverables_org_id_key').on(t.orgId, t.id),
    foreignKey({ columns: [t.orgId, t.milestoneId], foreignColumns: [milestones.orgId, milestones.id], name: 'deliverables_milestone_fk' }),
    foreignKey({ columns: [t.orgId, t.contractId], foreignColumns: [contracts.orgId, contracts.id], name: 'deliverables_contract_fk' }),
    index('deliverables_org_engagement_idx').on(t.orgId, t.engagementId),
    index('deliverables_org_vendor_due_idx').on(t.orgId, t.vendorId, t.dueDate),
    index('deliverables_org_milestone_idx').on(t.orgId, t.milestoneId),
  ],
);

/** Each time the vendor hands a deliverable in: its note, its files, and the decision on it. */
export const deliverableSubmissions = pgTable(
  'deliverable_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    deliverableId: uuid('deliverable_id').notNull(),
    round: integer('round').notNull(),
    note: text('note'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** accepted | rejected, once decided */
    decision: text('decision'),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    unique('deliverable_submissions_org_id_key').on(t.orgId, t.id),
    uniqueIndex('deliverable_submissions_round_key').on(t.deliverableId, t.round),
    foreignKey({ columns: [t.orgId, t.deliverableId], foreignColumns: [deliverables.orgId, deliverables.id], name: 'deliverable_submissions_deliverable_fk' }),
  ],
);

/**
 * A file of a submission, stored like evidence (<filesDir>/<org>/<uuid>, type sniffed from the
 * content). Uploaded first (no submission yet), then handed in with the submission.
 */
export const deliverableFiles = pgTable(
  'deliverable_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    deliverableId: uuid('deliverable_id').notNull(),
    submissionId: uuid('submission_id'),
    fileName: text('file_name').notNull(),
    storageKey: text('storage_key').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.orgId, t.deliverableId], foreignColumns: [deliverables.orgId, deliverables.id], name: 'deliverable_files_deliverable_fk' }),
    foreignKey({ columns: [t.orgId, t.submissionId], foreignColumns: [deliverableSubmissions.orgId, deliverableSubmissions.id], name: 'deliverable_files_submission_fk' }),
    index('deliverable_files_org_deliverable_idx').on(t.orgId, t.deliverableId),
  ],
);

/**
 * The payment plan: what the organisation pays, when, in which currency (minor units), and
 * optionally under a contract and tied to a milestone (then blocked until the milestone's
 * deliverables are all accepted). A payment marked paid despite the hold keeps the override and its reason.
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id),
    contractId: uuid('contract_id'),
    milestoneId: uuid('milestone_id'),
    label: text('label').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** planned | paid */
    status: text('status').notNull().default('planned'),
    paidOn: date('paid_on', { mode: 'string' }),
    paidBy: uuid('paid_by').references(() => users.id),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    overridden: boolean('overridden').notNull().default(false),
    overrideReason: text('override_reason'),
    /** The client's internal note. */
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.orgId, t.contractId], foreignColumns: [contracts.orgId, contracts.id], name: 'payments_contract_fk' }),
    foreignKey({ columns: [t.orgId, t.milestoneId], foreignColumns: [milestones.orgId, milestones.id], name: 'payments_milestone_fk' }),
    index('payments_org_engagement_due_idx').on(t.orgId, t.engagementId, t.dueDate),
    index('payments_org_contract_idx').on(t.orgId, t.contractId),
    index('payments_org_due_idx').on(t.orgId, t.dueDate),
  ],
);
