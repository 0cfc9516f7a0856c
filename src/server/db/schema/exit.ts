import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs, users } from './orgs.ts';
import { engagements, vendors } from './vendors.ts';

export interface ExitTemplateStep {
  key: string;
  title: string;
  owner: 'us' | 'vendor';
  offsetDays: number;
  evidence: string;
}
export interface ExitSkill {
  name: string;
  /** none | basic | can_run */
  coverage: 'none' | 'basic' | 'can_run';
  coveredById: string | null;
}
export interface ExitRunbook {
  title: string;
  location: string;
  lastReviewedOn: string | null;
}
export interface ExitDrillStep {
  stepKey: string;
  title: string;
  /** done | problem | not_possible */
  result: 'done' | 'problem' | 'not_possible';
  minutesTaken: number | null;
  note: string | null;
}

/** The organisation's exit settings: its own plan template (null: the built-in one), readiness weights (null: the defaults), the threshold for "not ready". */
export const exitSettings = pgTable('exit_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  steps: jsonb('steps').$type<ExitTemplateStep[]>(),
  triggers: text('triggers').array(),
  weights: jsonb('weights').$type<Record<string, number>>(),
  threshold: integer('threshold').notNull().default(50),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Per engagement: recovery objectives and the in-house fallback (one row, made on first save). */
export const exitProfiles = pgTable(
  'exit_profiles',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    rtoHours: integer('rto_hours'),
    rpoHours: integer('rpo_hours'),
    substitutability: text('substitutability'),
    substitutabilityReason: text('substitutability_reason'),
    backupOwnerIds: uuid('backup_owner_ids').array().notNull().default(sql`'{}'::uuid[]`),
    skills: jsonb('skills').$type<ExitSkill[]>().notNull().default([]),
    runbooks: jsonb('runbooks').$type<ExitRunbook[]>().notNull().default([]),
    daysAlone: integer('days_alone'),
    lastPractisedOn: date('last_practised_on', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.engagementId] })],
);

/** Something the service depends on, and who controls it. */
export const exitAssets = pgTable(
  'exit_assets',
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
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** client | vendor | shared */
    holder: text('holder').notNull(),
    clientAdminAccess: boolean('client_admin_access').notNull().default(false),
    lastVerifiedOn: date('last_verified_on', { mode: 'string' }),
    location: text('location'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exit_assets_org_engagement_idx').on(t.orgId, t.engagementId, t.kind, t.name)],
);

/** An account of the vendor inside our systems, to revoke at exit. */
export const exitVendorAccounts = pgTable(
  'exit_vendor_accounts',
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
    system: text('system').notNull(),
    account: text('account').notNull(),
    mfaEnforced: boolean('mfa_enforced').notNull().default(false),
    revokedOn: date('revoked_on', { mode: 'string' }),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exit_vendor_accounts_org_engagement_idx').on(t.orgId, t.engagementId)],
);

/** The exit plan of an engagement (one per engagement): draft until started, then running, then done. */
export const exitPlans = pgTable(
  'exit_plans',
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
    triggers: text('triggers').array().notNull().default(sql`'{}'::text[]`),
    /** in_house | vendor */
    target: text('target').notNull().default('in_house'),
    alternativeName: text('alternative_name'),
    budgetMinor: bigint('budget_minor', { mode: 'number' }),
    currency: text('currency'),
    timelineDays: integer('timeline_days'),
    reviewedOn: date('reviewed_on', { mode: 'string' }),
    /** draft | running | done */
    status: text('status').notNull().default('draft'),
    startedOn: date('started_on', { mode: 'string' }),
    finishedOn: date('finished_on', { mode: 'string' }),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('exit_plans_org_engagement_key').on(t.orgId, t.engagementId)],
);

/** A step of an exit plan; dated when the exit starts. The vendor contact sees its own steps of a running exit (never the internal note). */
export const exitSteps = pgTable(
  'exit_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => exitPlans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    title: text('title').notNull(),
    /** us | vendor */
    owner: text('owner').notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    offsetDays: integer('offset_days').notNull(),
    evidence: text('evidence'),
    /** open | delivered | done */
    status: text('status').notNull().default('open'),
    dueOn: date('due_on', { mode: 'string' }),
    doneOn: date('done_on', { mode: 'string' }),
    vendorNote: text('vendor_note'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    internalNote: text('internal_note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exit_steps_org_plan_idx').on(t.orgId, t.planId, t.position), index('exit_steps_org_vendor_idx').on(t.orgId, t.vendorId)],
);

/** A file the vendor handed over with a step (source archive, export, deletion certificate), stored like evidence. */
export const exitStepFiles = pgTable(
  'exit_step_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    stepId: uuid('step_id')
      .notNull()
      .references(() => exitSteps.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    storageKey: text('storage_key').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exit_step_files_org_step_idx').on(t.orgId, t.stepId)],
);

/** A tabletop or live exercise of an exit plan: each step's result and time taken. */
export const exitDrills = pgTable(
  'exit_drills',
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
    scenario: text('scenario').notNull(),
    /** tabletop | live */
    kind: text('kind').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    participants: text('participants').array().notNull().default(sql`'{}'::text[]`),
    results: jsonb('results').$type<ExitDrillStep[]>().notNull(),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exit_drills_org_engagement_idx').on(t.orgId, t.engagementId, t.heldOn)],
);

/** Something to do so that an exit would work: a gap a drill found, or one added by hand. */
export const exitActions = pgTable(
  'exit_actions',
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
    drillId: uuid('drill_id').references(() => exitDrills.id),
    title: text('title').notNull(),
    detail: text('detail'),
    /** Who closes it; null: nobody named yet. */
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    /** open | done */
    status: text('status').notNull().default('open'),
    dueOn: date('due_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exit_actions_org_engagement_idx').on(t.orgId, t.engagementId, t.status)],
);

/** Readiness as it was after a change: the history behind the chart. */
export const exitReadinessSnapshots = pgTable(
  'exit_readiness_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id),
    score: integer('score').notNull(),
    /** What changed, in words ("drill recorded"). */
    reason: text('reason').notNull(),
    /** Each factor's points then, so a later change can say which factors moved (null on points taken before they were kept). */
    points: jsonb('points').$type<Record<string, number>>(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exit_snapshots_org_engagement_idx').on(t.orgId, t.engagementId, t.takenAt)],
);
