import { z } from 'zod';
import { CLAUSE_STATUSES } from '../../domain/contracts/requirements.ts';
import { PageQuery, requiredText, text, patchOf } from './common.ts';
import { CRITICALITIES, SERVICE_TYPES } from './engagements.ts';
import { DATA_ACCESS } from './vendors.ts';

/** The clause checklist, requirements and gaps (issue 11 §3). */
export { CLAUSE_STATUSES };
export type ClauseStatus = (typeof CLAUSE_STATUSES)[number];
export const CLAUSE_STATUS_LABELS: Record<ClauseStatus, string> = {
  present: 'Present',
  weak: 'Weak',
  missing: 'Missing',
  not_applicable: 'Not applicable',
};
export const GAP_KINDS = ['missing', 'weak', 'unreviewed'] as const;
export const GAP_KIND_LABELS: Record<(typeof GAP_KINDS)[number], string> = {
  missing: 'Missing',
  weak: 'Only weak',
  unreviewed: 'Not reviewed yet',
};
export const GAP_SEVERITIES = ['high', 'medium', 'low'] as const;
export const GAP_SEVERITY_LABELS: Record<(typeof GAP_SEVERITIES)[number], string> = { high: 'High', medium: 'Medium', low: 'Low' };

// --- The clause library ---------------------------------------------------------------

export const Clause = z.object({
  id: z.string(),
  /** The built-in clause's stable key (e.g. "exit_assistance"); null for the organisation's own clauses. */
  key: z.string().nullable(),
  title: z.string(),
  guidance: z.string(),
  weakWhen: z.string().nullable(),
  /** One of Outsight's built-in clauses (its wording may still be the organisation's own). */
  builtIn: z.boolean(),
  retired: z.boolean(),
  /** Reviews recorded against it (a clause with reviews is retired, never removed). */
  reviewCount: z.number().int(),
  updatedAt: z.string(),
});
export type Clause = z.infer<typeof Clause>;
export const ClauseList = z.object({ items: z.array(Clause), truncated: z.boolean() });
export const ClauseListQuery = z.object({ retired: z.enum(['true', 'false', 'all']).default('false') });

export const ClauseInput = z
  .object({
    title: requiredText(200),
    guidance: text(4000).default(''),
    weakWhen: text(2000).nullable().optional(),
  })
  .strict();
export const ClauseUpdate = z
  .object({
    title: requiredText(200),
    guidance: text(4000),
    weakWhen: text(2000).nullable(),
  })
  .partial()
  .strict();

// --- Clause reviews --------------------------------------------------------------------

export const ClauseReviewInput = z
  .object({
    status: z.enum(CLAUSE_STATUSES, { message: 'Choose present, weak, missing or not applicable' }),
    /** Required when weak: why, in the reviewer's words. */
    weakReason: text(2000).nullable().optional(),
    section: text(100).nullable().optional(),
    page: z.number().int().min(1, 'Pages start at 1').max(100_000).nullable().optional(),
    quote: text(10_000).nullable().optional(),
    note: text(4000).nullable().optional(),
  })
  .strict();
export type ClauseReviewInput = z.input<typeof ClauseReviewInput>;

export const ClauseReview = z.object({
  status: z.enum(CLAUSE_STATUSES),
  weakReason: z.string().nullable(),
  section: z.string().nullable(),
  page: z.number().int().nullable(),
  quote: z.string().nullable(),
  note: z.string().nullable(),
  reviewedById: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string(),
});
export type ClauseReview = z.infer<typeof ClauseReview>;

const ContractRef = z.object({ id: z.string(), title: z.string() });

/** A field of a review that an amendment changed against what it amends. */
export const ClauseChange = z.object({
  field: z.enum(['status', 'weakReason', 'section', 'page', 'quote']),
  /** The field in words ("status", "quoted wording"). */
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export const ChecklistItem = z.object({
  clause: Clause,
  /** What counts for this contract: its own review, or (an amendment) the one it carries over. */
  review: ClauseReview.nullable(),
  /** Set when `review` is carried over from the contract this one amends, not reviewed here yet. */
  inheritedFrom: ContractRef.nullable(),
  /** An amendment's: the amended contract's review of the same clause. */
  parentReview: ClauseReview.nullable(),
  /** An amendment's own review against the amended contract's: what changed. Empty: nothing. */
  changes: z.array(ClauseChange),
  /** Required for an engagement this contract covers (the reasons, in the organisation's words). */
  requiredBecause: z.array(z.string()),
});

/** One required clause a contract leaves open for one engagement it covers. */
export const ContractGap = z.object({
  engagement: z.object({ id: z.string(), name: z.string() }),
  clause: z.object({ id: z.string(), title: z.string() }),
  kind: z.enum(GAP_KINDS),
  reasons: z.array(z.string()),
  /** Another contract in force for the engagement that has the clause (then it is no gap of the engagement). */
  coveredBy: ContractRef.nullable(),
});

export const ContractChecklist = z.object({
  contract: z.object({ id: z.string(), title: z.string(), type: z.string(), isAmendment: z.boolean() }),
  /** The amended contract (amendments only). */
  amends: ContractRef.nullable(),
  items: z.array(ChecklistItem),
  progress: z.object({ reviewed: z.number().int(), total: z.number().int(), required: z.number().int(), requiredReviewed: z.number().int() }),
  gaps: z.array(ContractGap),
});
export type ContractChecklist = z.infer<typeof ContractChecklist>;

// --- Requirements ----------------------------------------------------------------------

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((a) => new Set(a).size === a.length, 'Each value once');

export const RequirementWhen = z
  .object({
    criticality: uniqueList(z.enum(CRITICALITIES), CRITICALITIES.length).default([]),
    dataAccess: uniqueList(z.enum(DATA_ACCESS), DATA_ACCESS.length).default([]),
    serviceType: uniqueList(z.enum(SERVICE_TYPES), SERVICE_TYPES.length).default([]),
  })
  .strict();

export const RequirementInput = z
  .object({
    clauseId: z.uuid({ message: 'Choose a clause' }),
    when: RequirementWhen.default({ criticality: [], dataAccess: [], serviceType: [] }),
    reason: requiredText(1000),
  })
  .strict();
export const RequirementUpdate = patchOf(RequirementInput);

export const Requirement = z.object({
  /** Null for a built-in set's rules (the DORA set), which are switched on or off as a whole. */
  id: z.string().nullable(),
  clause: z.object({ id: z.string(), title: z.string(), retired: z.boolean() }),
  when: z.object({ criticality: z.array(z.enum(CRITICALITIES)), dataAccess: z.array(z.enum(DATA_ACCESS)), serviceType: z.array(z.enum(SERVICE_TYPES)) }),
  /** "Every engagement", "Engagements of high or critical criticality that touch personal data". */
  appliesTo: z.string(),
  reason: z.string(),
  source: z.enum(['own', 'dora']),
});
export type Requirement = z.infer<typeof Requirement>;

export const RequirementList = z.object({
  /** The organisation's own requirements. */
  items: z.array(Requirement),
  /** The DORA set's rules, applied only while `doraEnabled`. */
  dora: z.array(Requirement),
  /** The DORA Article 30 set for EU financial entities: on or off. */
  doraEnabled: z.boolean(),
  truncated: z.boolean(),
});
export const DoraSwitch = z.object({ enabled: z.boolean() }).strict();

// --- Gaps ------------------------------------------------------------------------------

export const Gap = z.object({
  /** Engagement and clause: stable across reads. */
  key: z.string(),
  vendor: z.object({ id: z.string(), name: z.string() }),
  engagement: z.object({ id: z.string(), name: z.string(), criticality: z.enum(CRITICALITIES), dataAccess: z.enum(DATA_ACCESS) }),
  clause: z.object({ id: z.string(), title: z.string() }),
  kind: z.enum(GAP_KINDS),
  severity: z.enum(GAP_SEVERITIES),
  reasons: z.array(z.string()),
  /** The contracts in force covering the engagement and what each says of the clause. */
  contracts: z.array(z.object({ id: z.string(), title: z.string(), status: z.enum(CLAUSE_STATUSES).nullable(), weakReason: z.string().nullable() })),
});
export type Gap = z.infer<typeof Gap>;

export const GapListQuery = PageQuery.extend({
  vendorId: z.uuid().optional(),
  engagementId: z.uuid().optional(),
  clauseId: z.uuid().optional(),
  severity: z.enum(GAP_SEVERITIES).optional(),
});
export const GapPage = z.object({ items: z.array(Gap), nextCursor: z.string().nullable(), total: z.number().int() });
