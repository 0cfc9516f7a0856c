import { bigint, date, doublePrecision, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs, users } from './orgs.ts';
import { engagements, vendors } from './vendors.ts';

export interface CheckAnswers {
  answers: Record<string, { answer: boolean; note: string | null }>;
  decision: 'outsource' | 'do_not_outsource';
  rationale: string;
  doneBy: string | null;
  doneByName: string | null;
  doneAt: string;
}
export interface WeightChangeRecord {
  at: string;
  byName: string | null;
  reason: string;
  changes: Array<{ criterion: string; from: number | null; to: number | null }>;
}
export interface NeedHoursValue {
  timeZone: string;
  days: number[];
  start: string;
  end: string;
}

/**
 * A sourcing project: the need in the user's words, the should-we-outsource check with its
 * answers, and the state (draft → checked → evaluating → pilot → decided). Weight changes
 * after the weights were locked are kept here with their reasons.
 */
export const sourcingProjects = pgTable(
  'sourcing_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    status: text('status').notNull().default('draft'),
    scope: text('scope').notNull(),
    goals: text('goals'),
    deliverables: text('deliverables'),
    successMeasures: text('success_measures'),
    budgetMinor: bigint('budget_minor', { mode: 'number' }),
    currency: text('currency').notNull(),
    startOn: date('start_on', { mode: 'string' }),
    decideBy: date('decide_by', { mode: 'string' }),
    hoursNeeded: jsonb('hours_needed').$type<NeedHoursValue>(),
    check: jsonb('check').$type<CheckAnswers>(),
    weightsLockedAt: timestamp('weights_locked_at', { withTimezone: true }),
    weightChanges: jsonb('weight_changes').$type<WeightChangeRecord[]>().notNull().default([]),
    /** The candidate chosen by a "go". */
    chosenCandidateId: uuid('chosen_candidate_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('sourcing_projects_org_id_key').on(t.orgId, t.id), index('sourcing_projects_org_created_idx').on(t.orgId, t.createdAt)],
);

/** A criterion of a project's comparison, with its weight in points and where its score comes from. */
export const sourcingCriteria = pgTable(
  'sourcing_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id').notNull(),
    name: text('name').notNull(),
    weight: integer('weight').notNull(),
    /** evaluators | proposal_price | due_diligence | hours_overlap | references | interviews */
    source: text('source').notNull().default('evaluators'),
    position: integer('position').notNull(),
  },
  (t) => [
    unique('sourcing_criteria_org_id_key').on(t.orgId, t.id),
    foreignKey({ columns: [t.orgId, t.projectId], foreignColumns: [sourcingProjects.orgId, sourcingProjects.id], name: 'sourcing_criteria_project_fk' }).onDelete('cascade'),
    index('sourcing_criteria_project_idx').on(t.orgId, t.projectId, t.position),
  ],
);

/** A vendor (a prospect when attached) considered for a project, with its proposal and request for information. */
export const sourcingCandidates = pgTable(
  'sourcing_candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id').notNull(),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    proposalPriceMinor: bigint('proposal_price_minor', { mode: 'number' }),
    proposalCurrency: text('proposal_currency'),
    proposalTeam: text('proposal_team'),
    proposalApproach: text('proposal_approach'),
    proposalReceivedOn: date('proposal_received_on', { mode: 'string' }),
    proposalOpenedAt: timestamp('proposal_opened_at', { withTimezone: true }),
    /** The request for information sent through the questionnaire portal. */
    rfiAssessmentId: uuid('rfi_assessment_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('sourcing_candidates_org_id_key').on(t.orgId, t.id),
    unique('sourcing_candidates_project_vendor_key').on(t.projectId, t.vendorId),
    foreignKey({ columns: [t.orgId, t.projectId], foreignColumns: [sourcingProjects.orgId, sourcingProjects.id], name: 'sourcing_candidates_project_fk' }),
    index('sourcing_candidates_project_idx').on(t.orgId, t.projectId),
  ],
);

/** One evaluator's score of one candidate on one criterion (0–5), kept apart from the others'. */
export const sourcingScores = pgTable(
  'sourcing_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    candidateId: uuid('candidate_id').notNull(),
    criterionId: uuid('criterion_id').notNull(),
    evaluatorId: uuid('evaluator_id')
      .notNull()
      .references(() => users.id),
    score: integer('score').notNull(),
    note: text('note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('sourcing_scores_cell_key').on(t.candidateId, t.criterionId, t.evaluatorId),
    foreignKey({ columns: [t.orgId, t.candidateId], foreignColumns: [sourcingCandidates.orgId, sourcingCandidates.id], name: 'sourcing_scores_candidate_fk' }),
    foreignKey({ columns: [t.orgId, t.criterionId], foreignColumns: [sourcingCriteria.orgId, sourcingCriteria.id], name: 'sourcing_scores_criterion_fk' }).onDelete('cascade'),
  ],
);

/** A reference check: who was called at which client, the questions and answers, a rating 1–5. */
export const sourcingReferences = pgTable(
  'sourcing_references',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    candidateId: uuid('candidate_id').notNull(),
    client: text('client').notNull(),
    contactName: text('contact_name').notNull(),
    calledOn: date('called_on', { mode: 'string' }).notNull(),
    calledBy: uuid('called_by').references(() => users.id),
    questions: jsonb('questions').$type<Array<{ question: string; answer: string }>>().notNull().default([]),
    rating: integer('rating').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [foreignKey({ columns: [t.orgId, t.candidateId], foreignColumns: [sourcingCandidates.orgId, sourcingCandidates.id], name: 'sourcing_references_candidate_fk' }), index('sourcing_references_candidate_idx').on(t.orgId, t.candidateId)],
);

/** An interview scorecard (article 001 #3): four aspects rated 1–5 by the interviewer. */
export const sourcingInterviews = pgTable(
  'sourcing_interviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    candidateId: uuid('candidate_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    interviewerId: uuid('interviewer_id').references(() => users.id),
    communication: integer('communication').notNull(),
    clientFeedback: integer('client_feedback').notNull(),
    hoursFit: integer('hours_fit').notNull(),
    costEffective: integer('cost_effective').notNull(),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [foreignKey({ columns: [t.orgId, t.candidateId], foreignColumns: [sourcingCandidates.orgId, sourcingCandidates.id], name: 'sourcing_interviews_candidate_fk' }), index('sourcing_interviews_candidate_idx').on(t.orgId, t.candidateId)],
);

/** A file that came with a proposal (the offer itself, a price sheet, CVs): stored like evidence, sealed with the proposal until it is opened. */
export const sourcingProposalFiles = pgTable(
  'sourcing_proposal_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    candidateId: uuid('candidate_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.orgId, t.candidateId], foreignColumns: [sourcingCandidates.orgId, sourcingCandidates.id], name: 'sourcing_proposal_files_candidate_fk' }),
    index('sourcing_proposal_files_candidate_idx').on(t.orgId, t.candidateId),
  ],
);

/** A time-boxed pilot with a candidate on a pilot engagement, its success criteria, and the go/no-go decision. */
export const sourcingPilots = pgTable(
  'sourcing_pilots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    projectId: uuid('project_id').notNull(),
    candidateId: uuid('candidate_id').notNull(),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    engagementId: uuid('engagement_id').references(() => engagements.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** running | go | no_go */
    status: text('status').notNull().default('running'),
    slaTargetPct: doublePrecision('sla_target_pct'),
    deliverablesDueBy: date('deliverables_due_by', { mode: 'string' }),
    budgetCeilingMinor: bigint('budget_ceiling_minor', { mode: 'number' }),
    currency: text('currency').notNull(),
    scorecardThreshold: doublePrecision('scorecard_threshold'),
    rationale: text('rationale'),
    approverId: uuid('approver_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The draft contract a "go" opened. */
    contractId: uuid('contract_id'),
    /** The criteria as measured when decided, kept with the decision. */
    measured: jsonb('measured').$type<Array<{ key: string; label: string; target: string; measured: string; met: boolean | null; by: string }>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('sourcing_pilots_org_id_key').on(t.orgId, t.id),
    foreignKey({ columns: [t.orgId, t.projectId], foreignColumns: [sourcingProjects.orgId, sourcingProjects.id], name: 'sourcing_pilots_project_fk' }),
    foreignKey({ columns: [t.orgId, t.candidateId], foreignColumns: [sourcingCandidates.orgId, sourcingCandidates.id], name: 'sourcing_pilots_candidate_fk' }),
    index('sourcing_pilots_org_status_idx').on(t.orgId, t.status, t.endsOn),
  ],
);
