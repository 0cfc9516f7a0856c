import { z } from 'zod';
import { DRILL_RESULT_LABELS, DRILL_RESULTS, FACTOR_LABELS, FACTORS } from '../../domain/exit/readiness.ts';
import {
  ASSET_KIND_LABELS,
  ASSET_KINDS,
  COVERAGE,
  COVERAGE_LABELS,
  HOLDER_LABELS,
  HOLDERS,
  STEP_OWNER_LABELS,
  STEP_OWNERS,
  SUBSTITUTABILITY,
  SUBSTITUTABILITY_LABELS,
  TRIGGER_LABELS,
  TRIGGERS,
} from '../../domain/exit/template.ts';
import { IsoDate, PageQuery, patchOf, requiredText, text } from './common.ts';
import { AmountMinor, Currency } from './deliverables.ts';

export { ASSET_KIND_LABELS, ASSET_KINDS, COVERAGE, COVERAGE_LABELS, DRILL_RESULT_LABELS, DRILL_RESULTS, FACTOR_LABELS, FACTORS, HOLDER_LABELS, HOLDERS, STEP_OWNER_LABELS, STEP_OWNERS, SUBSTITUTABILITY, SUBSTITUTABILITY_LABELS, TRIGGER_LABELS, TRIGGERS };

const uuidField = (what: string) => z.uuid({ message: `Expected ${what}` });
const hours = z.number().int('Expected a whole number of hours').min(0, 'Must not be negative').max(24 * 365, 'At most a year (8760 hours)');
const choose = <T extends readonly [string, ...string[]]>(values: T, labels: Record<T[number], string>) =>
  z.enum(values, { message: `Choose one of: ${values.map((v) => labels[v as T[number]].toLowerCase()).join(', ')}` });

export const PLAN_STATUSES = ['draft', 'running', 'done'] as const;
export const PLAN_STATUS_LABELS: Record<(typeof PLAN_STATUSES)[number], string> = { draft: 'Ready, not started', running: 'Exit in progress', done: 'Exit completed' };
export const STEP_STATUSES = ['open', 'delivered', 'done'] as const;
export const STEP_STATUS_LABELS: Record<(typeof STEP_STATUSES)[number], string> = { open: 'Open', delivered: 'Handed in by the vendor', done: 'Done' };
export const TARGETS = ['in_house', 'vendor'] as const;
export const TARGET_LABELS: Record<(typeof TARGETS)[number], string> = { in_house: 'Take it in-house', vendor: 'Move to another vendor' };
export const DRILL_KINDS = ['tabletop', 'live'] as const;
export const DRILL_KIND_LABELS: Record<(typeof DRILL_KINDS)[number], string> = { tabletop: 'Tabletop exercise', live: 'Live exercise' };
export const ACTION_STATUSES = ['open', 'done'] as const;

// ---------- assets and vendor accounts ----------
export const AssetInput = z
  .object({
    kind: choose(ASSET_KINDS, ASSET_KIND_LABELS),
    name: requiredText(200),
    holder: choose(HOLDERS, HOLDER_LABELS),
    clientAdminAccess: z.boolean().default(false),
    lastVerifiedOn: IsoDate.nullable().optional(),
    location: text(500).nullable().optional(),
    notes: text(2000).nullable().optional(),
  })
  .strict();
export const AssetUpdate = patchOf(AssetInput);
export const VerifyAssetInput = z.object({ clientAdminAccess: z.boolean({ message: 'Say whether we have admin access (true or false)' }) }).strict();
export const Asset = z.object({
  id: z.string(),
  engagementId: z.string(),
  kind: z.enum(ASSET_KINDS),
  kindLabel: z.string(),
  name: z.string(),
  holder: z.enum(HOLDERS),
  holderLabel: z.string(),
  clientAdminAccess: z.boolean(),
  lastVerifiedOn: z.string().nullable(),
  /** Held by us or shared, admin access, verified within a year: counts for readiness. */
  controlled: z.boolean(),
  location: z.string().nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
});
export type Asset = z.infer<typeof Asset>;

export const VendorAccountInput = z
  .object({
    system: requiredText(200),
    account: requiredText(200),
    mfaEnforced: z.boolean().default(false),
    revokedOn: IsoDate.nullable().optional(),
    notes: text(2000).nullable().optional(),
  })
  .strict();
export const VendorAccountUpdate = patchOf(VendorAccountInput);
export const VendorAccount = z.object({
  id: z.string(),
  engagementId: z.string(),
  system: z.string(),
  account: z.string(),
  mfaEnforced: z.boolean(),
  revokedOn: z.string().nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
});
export type VendorAccount = z.infer<typeof VendorAccount>;

// ---------- recovery objectives and in-house fallback ----------
export const SkillInput = z.object({ name: requiredText(200), coverage: choose(COVERAGE, COVERAGE_LABELS), coveredById: uuidField('a user id').nullable().optional() }).strict();
export const RunbookInput = z.object({ title: requiredText(200), location: requiredText(500), lastReviewedOn: IsoDate.nullable().optional() }).strict();
export const ProfileInput = z
  .object({
    rtoHours: hours.nullable().optional(),
    rpoHours: hours.nullable().optional(),
    substitutability: choose(SUBSTITUTABILITY, SUBSTITUTABILITY_LABELS).nullable().optional(),
    substitutabilityReason: text(2000).nullable().optional(),
    backupOwnerIds: z.array(uuidField('a user id')).max(10, 'At most ten backup owners').optional(),
    skills: z.array(SkillInput).max(50, 'At most fifty skills').optional(),
    runbooks: z.array(RunbookInput).max(50, 'At most fifty runbooks').optional(),
    daysAlone: z.number().int('Expected a whole number of days').min(0, 'Must not be negative').max(3650, 'At most ten years').nullable().optional(),
    lastPractisedOn: IsoDate.nullable().optional(),
  })
  .strict();
const Person = z.object({ id: z.string(), name: z.string() });
export const Profile = z.object({
  rtoHours: z.number().int().nullable(),
  rpoHours: z.number().int().nullable(),
  substitutability: z.enum(SUBSTITUTABILITY).nullable(),
  substitutabilityLabel: z.string().nullable(),
  substitutabilityReason: z.string().nullable(),
  backupOwners: z.array(Person),
  skills: z.array(z.object({ name: z.string(), coverage: z.enum(COVERAGE), coverageLabel: z.string(), coveredBy: Person.nullable() })),
  runbooks: z.array(z.object({ title: z.string(), location: z.string(), lastReviewedOn: z.string().nullable(), current: z.boolean() })),
  daysAlone: z.number().int().nullable(),
  lastPractisedOn: z.string().nullable(),
});
export type Profile = z.infer<typeof Profile>;

// ---------- plans and the template ----------
export const TemplateStepInput = z
  .object({
    key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,49}$/, 'Expected a short key of lower-case letters, digits and underscores').optional(),
    title: requiredText(200),
    owner: choose(STEP_OWNERS, STEP_OWNER_LABELS),
    offsetDays: z.number().int('Expected a whole number of days').min(0, 'Must not be negative').max(3650, 'At most ten years'),
    evidence: text(1000).nullable().optional(),
  })
  .strict();
export const TemplateStep = z.object({ key: z.string(), title: z.string(), owner: z.enum(STEP_OWNERS), offsetDays: z.number().int(), evidence: z.string() });
export const Weights = z.object(Object.fromEntries(FACTORS.map((k) => [k, z.number().int('Expected a whole number').min(0, 'Must not be negative').max(100, 'At most 100')])) as Record<(typeof FACTORS)[number], z.ZodNumber>).strict();
export const ExitSettingsInput = z
  .object({
    steps: z.array(TemplateStepInput).min(1, 'A plan needs at least one step').max(40, 'At most forty steps').nullable().optional(),
    triggers: z.array(choose(TRIGGERS, TRIGGER_LABELS)).max(TRIGGERS.length).nullable().optional(),
    weights: Weights.nullable().optional(),
    threshold: z.number().int('Expected a whole number').min(0, 'Must not be negative').max(100, 'At most 100').optional(),
  })
  .strict();
export const ExitSettings = z.object({
  steps: z.array(TemplateStep),
  stepsAreBuiltin: z.boolean(),
  triggers: z.array(z.enum(TRIGGERS)),
  weights: Weights,
  weightsAreDefault: z.boolean(),
  threshold: z.number().int(),
});
export type ExitSettings = z.infer<typeof ExitSettings>;

const planFields = {
  triggers: z.array(choose(TRIGGERS, TRIGGER_LABELS)).max(TRIGGERS.length),
  target: choose(TARGETS, TARGET_LABELS),
  alternativeName: text(200).nullable(),
  budgetMinor: AmountMinor.nullable(),
  currency: Currency.nullable(),
  timelineDays: z.number().int('Expected a whole number of days').min(1, 'At least one day').max(3650, 'At most ten years').nullable(),
  notes: text(4000).nullable(),
};
export const PlanInput = z.object(planFields).partial().strict();
export const PlanUpdate = z
  .object({ ...planFields, steps: z.array(TemplateStepInput.extend({ ownerUserId: uuidField('a user id').nullable().optional() })).min(1, 'A plan needs at least one step').max(40, 'At most forty steps') })
  .partial()
  .strict();
export const StepUpdate = z
  .object({
    status: z.enum(STEP_STATUSES, { message: 'Choose open or done' }).optional(),
    internalNote: text(2000).nullable().optional(),
    ownerUserId: uuidField('a user id').nullable().optional(),
  })
  .strict();
export const StepFile = z.object({ id: z.string(), fileName: z.string(), sizeBytes: z.number().int(), contentType: z.string(), uploadedAt: z.string() });
export type StepFile = z.infer<typeof StepFile>;
export const StepFileUploadQuery = z.object({ fileName: requiredText(255) });
export const PlanStep = z.object({
  id: z.string(),
  key: z.string(),
  title: z.string(),
  owner: z.enum(STEP_OWNERS),
  ownerLabel: z.string(),
  ownerUser: Person.nullable(),
  offsetDays: z.number().int(),
  evidence: z.string().nullable(),
  status: z.enum(STEP_STATUSES),
  statusLabel: z.string(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  doneOn: z.string().nullable(),
  vendorNote: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  internalNote: z.string().nullable(),
  files: z.array(StepFile),
});
export const Plan = z.object({
  id: z.string(),
  engagementId: z.string(),
  triggers: z.array(z.enum(TRIGGERS)),
  triggerLabels: z.array(z.string()),
  target: z.enum(TARGETS),
  targetLabel: z.string(),
  alternativeName: z.string().nullable(),
  budgetMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  timelineDays: z.number().int().nullable(),
  reviewedOn: z.string().nullable(),
  reviewDue: z.boolean(),
  status: z.enum(PLAN_STATUSES),
  statusLabel: z.string(),
  startedOn: z.string().nullable(),
  finishedOn: z.string().nullable(),
  notes: z.string().nullable(),
  steps: z.array(PlanStep),
});
export type Plan = z.infer<typeof Plan>;

// ---------- drills and actions ----------
export const DrillStepInput = z
  .object({
    stepKey: z.string().trim().min(1, 'Required').max(50),
    title: requiredText(200),
    result: choose(DRILL_RESULTS, DRILL_RESULT_LABELS),
    minutesTaken: z.number().int('Expected whole minutes').min(0, 'Must not be negative').max(60 * 24 * 365).nullable().optional(),
    note: text(2000).nullable().optional(),
  })
  .strict();
export const DrillInput = z
  .object({
    scenario: requiredText(500),
    kind: z.enum(DRILL_KINDS, { message: 'Choose tabletop or live' }),
    heldOn: IsoDate,
    participants: z.array(requiredText(200)).max(50).default([]),
    results: z.array(DrillStepInput).min(1, 'Record the result of at least one step').max(40),
    notes: text(4000).nullable().optional(),
  })
  .strict();
export const Drill = z.object({
  id: z.string(),
  engagementId: z.string(),
  scenario: z.string(),
  kind: z.enum(DRILL_KINDS),
  kindLabel: z.string(),
  heldOn: z.string(),
  participants: z.array(z.string()),
  results: z.array(
    z.object({ stepKey: z.string(), title: z.string(), result: z.enum(DRILL_RESULTS), resultLabel: z.string(), minutesTaken: z.number().int().nullable(), overRto: z.boolean(), note: z.string().nullable() }),
  ),
  /** Share of the steps done (a problem counts half), 0–100. */
  outcome: z.number().int(),
  notes: z.string().nullable(),
});
export type Drill = z.infer<typeof Drill>;
/** An action added by hand: a gap found outside a drill (an audit, a review of the plan). */
export const ActionInput = z
  .object({
    title: requiredText(200),
    detail: text(2000).nullable().optional(),
    dueOn: IsoDate.nullable().optional(),
    ownerUserId: uuidField('a user id').nullable().optional(),
  })
  .strict();
export const ActionUpdate = z
  .object({
    status: z.enum(ACTION_STATUSES, { message: 'Choose open or done' }).optional(),
    title: requiredText(200).optional(),
    detail: text(2000).nullable().optional(),
    dueOn: IsoDate.nullable().optional(),
    ownerUserId: uuidField('a user id').nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });
export const ExitAction = z.object({
  id: z.string(),
  engagementId: z.string(),
  drillId: z.string().nullable(),
  title: z.string(),
  detail: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  dueOn: z.string().nullable(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type ExitAction = z.infer<typeof ExitAction>;

// ---------- readiness ----------
export const ReadinessFactor = z.object({ key: z.enum(FACTORS), label: z.string(), weight: z.number().int(), credit: z.number(), points: z.number(), explanation: z.string() });
export const Readiness = z.object({ score: z.number().int(), band: z.enum(['good', 'fair', 'poor']), belowThreshold: z.boolean(), threshold: z.number().int(), factors: z.array(ReadinessFactor) });
export type Readiness = z.infer<typeof Readiness>;
export const ReadinessPoint = z.object({ score: z.number().int(), reason: z.string(), takenAt: z.string() });

/** Everything of an engagement's exit on one page. */
export const EngagementExit = z.object({
  engagement: z.object({ id: z.string(), name: z.string(), criticality: z.string(), status: z.string(), vendorId: z.string(), vendorName: z.string() }),
  profile: Profile,
  assets: z.array(Asset),
  accounts: z.array(VendorAccount),
  plan: Plan.nullable(),
  readiness: Readiness,
  history: z.array(ReadinessPoint),
  drills: z.array(Drill),
  actions: z.array(ExitAction),
  /** More than the caps (200 assets or accounts, 50 drills, 200 actions, 100 history points) exist. */
  truncated: z.boolean(),
});
export type EngagementExit = z.infer<typeof EngagementExit>;

export const ReadinessListQuery = PageQuery.extend({
  vendorId: uuidField('a vendor id').optional(),
  /** Only critical and high engagements (the portfolio view). */
  critical: z.enum(['true', 'false']).optional(),
});
export const ReadinessRow = z.object({
  engagement: z.object({ id: z.string(), name: z.string(), criticality: z.string(), status: z.string() }),
  vendor: z.object({ id: z.string(), name: z.string() }),
  score: z.number().int(),
  band: z.enum(['good', 'fair', 'poor']),
  belowThreshold: z.boolean(),
  planStatus: z.enum(PLAN_STATUSES).nullable(),
  lastDrillOn: z.string().nullable(),
  weakest: z.array(z.string()),
});
export type ReadinessRow = z.infer<typeof ReadinessRow>;

// ---------- the vendor's side ----------
export const PortalStep = z.object({
  id: z.string(),
  engagementName: z.string(),
  title: z.string(),
  evidence: z.string().nullable(),
  status: z.enum(STEP_STATUSES),
  statusLabel: z.string(),
  dueOn: z.string().nullable(),
  vendorNote: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  files: z.array(StepFile),
  /** Whether the step can be handed in (or files added) now. */
  canHandIn: z.boolean(),
});
export type PortalStep = z.infer<typeof PortalStep>;
export const DeliverStepInput = z.object({ note: requiredText(4000) }).strict();
