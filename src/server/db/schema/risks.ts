import { date, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contracts } from './contracts.ts';
import { findings } from './due-diligence.ts';
import { orgs, users } from './orgs.ts';
import { engagements, vendors } from './vendors.ts';

/** The organisation's risk matrix (src/domain/risk/matrix.ts) and its signal rules' on/off and thresholds. */
export const riskSettings = pgTable('risk_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  matrix: jsonb('matrix').notNull(),
  rules: jsonb('rules').notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A risk of the register: what could go wrong, what it is linked to, its inherent and
 * residual likelihood and impact on the organisation's matrix, and its treatment. An
 * acceptance keeps the residual cell it accepted, so a later change flags it out of date.
 */
export const risks = pgTable(
  'risks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    description: text('description'),
    category: text('category').notNull(),
    vendorId: uuid('vendor_id').references(() => vendors.id),
    engagementId: uuid('engagement_id').references(() => engagements.id),
    contractId: uuid('contract_id').references(() => contracts.id),
    findingId: uuid('finding_id').references(() => findings.id),
    ownerId: uuid('owner_id').references(() => users.id),
    inherentLikelihood: integer('inherent_likelihood').notNull(),
    inherentImpact: integer('inherent_impact').notNull(),
    residualLikelihood: integer('residual_likelihood').notNull(),
    residualImpact: integer('residual_impact').notNull(),
    /** The residual level from the matrix when last scored (for sorting and filtering). */
    residualLevel: integer('residual_level').notNull().default(0),
    /** mitigate | accept | transfer | avoid, or null until decided */
    treatment: text('treatment'),
    /** open | closed */
    status: text('status').notNull().default('open'),
    reviewOn: date('review_on', { mode: 'string' }),
    acceptedById: uuid('accepted_by_id').references(() => users.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptanceExpiresOn: date('acceptance_expires_on', { mode: 'string' }),
    acceptanceNote: text('acceptance_note'),
    acceptedLikelihood: integer('accepted_likelihood'),
    acceptedImpact: integer('accepted_impact'),
    /** manual | signal */
    source: text('source').notNull().default('manual'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('risks_org_id_key').on(t.orgId, t.id), index('risks_org_updated_idx').on(t.orgId, t.updatedAt, t.id), index('risks_org_vendor_idx').on(t.orgId, t.vendorId)],
);

/** An action of a risk's treatment: who does what by when. */
export const riskActions = pgTable(
  'risk_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    riskId: uuid('risk_id')
      .notNull()
      .references(() => risks.id),
    title: text('title').notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    dueOn: date('due_on', { mode: 'string' }),
    /** open | in_progress | done | cancelled */
    status: text('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('risk_actions_org_risk_idx').on(t.orgId, t.riskId)],
);

/** Every scoring of a risk, oldest first: the score's history over time. */
export const riskScores = pgTable(
  'risk_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    riskId: uuid('risk_id')
      .notNull()
      .references(() => risks.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    inherentLikelihood: integer('inherent_likelihood').notNull(),
    inherentImpact: integer('inherent_impact').notNull(),
    residualLikelihood: integer('residual_likelihood').notNull(),
    residualImpact: integer('residual_impact').notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
    note: text('note'),
  },
  (t) => [index('risk_scores_org_risk_idx').on(t.orgId, t.riskId, t.at)],
);

/**
 * A signal: one per rule and subject, ever (the unique key holds across servers evaluating
 * at once). It keeps the risk it opened; when the fact clears the signal says so and the
 * risk stays for a person to close.
 */
export const riskSignals = pgTable(
  'risk_signals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    rule: text('rule').notNull(),
    subjectKey: text('subject_key').notNull(),
    riskId: uuid('risk_id').references(() => risks.id),
    /** active | cleared */
    status: text('status').notNull(),
    title: text('title').notNull(),
    detail: text('detail').notNull(),
    fingerprint: text('fingerprint').notNull(),
    evidence: jsonb('evidence').$type<Array<{ label: string; href: string }>>().notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('risk_signals_org_rule_subject_key').on(t.orgId, t.rule, t.subjectKey), index('risk_signals_org_risk_idx').on(t.orgId, t.riskId)],
);

/** A subcontractor or sub-processor a vendor relies on; matched across vendors by its normalised name. */
export const fourthParties = pgTable(
  'fourth_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    name: text('name').notNull(),
    normalisedName: text('normalised_name').notNull(),
    service: text('service').notNull(),
    country: text('country'),
    dataAccess: text('data_access').notNull().default('none'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('fourth_parties_vendor_name_key').on(t.orgId, t.vendorId, t.normalisedName), index('fourth_parties_org_name_idx').on(t.orgId, t.normalisedName)],
);
