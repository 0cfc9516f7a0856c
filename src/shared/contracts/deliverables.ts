import { z } from 'zod';
import { isCurrency } from '../../domain/money.ts';
import { DELIVERABLE_STATUSES } from '../../domain/contracts/deliverables.ts';
import { IsoDate, PageQuery, requiredText, text, patchOf } from './common.ts';
import { MoneyAmount } from './dashboard.ts';

export { DELIVERABLE_STATUSES };
export const DeliverableStatus = z.enum(DELIVERABLE_STATUSES);
export type DeliverableStatusT = z.infer<typeof DeliverableStatus>;
export const DELIVERABLE_STATUS_LABELS: Record<DeliverableStatusT, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  submitted: 'Submitted, waiting for review',
  accepted: 'Accepted',
  rejected: 'Rejected',
};

export const PAYMENT_STATUSES = ['planned', 'paid'] as const;
export const PaymentStatus = z.enum(PAYMENT_STATUSES);

const uuidField = (what: string) => z.uuid({ message: `Expected ${what}` });
const KNOWN_CURRENCIES = new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : []);
/** An ISO 4217 code the platform knows ("EUR"), never a symbol; a well-formed code no one uses ("EUX") is refused. */
export const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => isCurrency(c) && (KNOWN_CURRENCIES.size === 0 || KNOWN_CURRENCIES.has(c)), { message: 'Expected a currency code such as EUR, USD or GBP' });
/** An amount in minor units (cents): a whole number, never a float. */
export const AmountMinor = z
  .number({ message: 'Expected a whole number of minor units (cents)' })
  .int({ message: 'Expected a whole number of minor units (cents), not a decimal' })
  .min(0, 'Must not be negative')
  .max(Number.MAX_SAFE_INTEGER);

// ---------- milestones ----------
export const MilestoneInput = z
  .object({
    engagementId: uuidField('an engagement id'),
    contractId: uuidField('a contract id').nullable().optional(),
    name: requiredText(200),
    dueDate: IsoDate.nullable().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();
export const MilestoneUpdate = MilestoneInput.omit({ engagementId: true }).partial().strict();

export const Milestone = z.object({
  id: z.string(),
  engagementId: z.string(),
  engagementName: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  contractId: z.string().nullable(),
  contractTitle: z.string().nullable(),
  name: z.string(),
  dueDate: z.string().nullable(),
  position: z.number().int(),
  deliverableCount: z.number().int(),
  acceptedCount: z.number().int(),
});
export type Milestone = z.infer<typeof Milestone>;
export const MilestoneListQuery = PageQuery.extend({
  engagementId: z.uuid().optional(),
  contractId: z.uuid().optional(),
});

// ---------- deliverables ----------
export const DeliverableInput = z
  .object({
    engagementId: uuidField('an engagement id'),
    milestoneId: uuidField('a milestone id').nullable().optional(),
    contractId: uuidField('a contract id').nullable().optional(),
    title: requiredText(200),
    description: text(5000).nullable().optional(),
    criteria: z.array(requiredText(500)).max(50).default([]),
    dueDate: IsoDate,
    graceDays: z.number().int('Expected whole days').min(0).max(365).default(0),
    internalNote: text(5000).nullable().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();
export const DeliverableUpdate = patchOf(DeliverableInput.omit({ engagementId: true }));
/** The client moves a deliverable between planned and in progress; deciding is accept/reject. */
export const DeliverableStatusInput = z.object({ status: z.enum(['planned', 'in_progress']) }).strict();
export const AcceptInput = z
  .object({
    /** One tick per acceptance criterion, in order: all must be met to accept. */
    criteriaMet: z.array(z.boolean()).max(50),
    note: text(2000).nullable().optional(),
  })
  .strict();
export const RejectInput = z
  .object({
    reason: requiredText(2000),
    /** Optional ticks: which criteria were met and which were not. */
    criteriaMet: z.array(z.boolean()).max(50).optional(),
  })
  .strict();

export const Criterion = z.object({ text: z.string(), met: z.boolean().nullable() });
export const DeliverableLateness = z.object({
  deadline: z.string(),
  late: z.boolean(),
  daysLate: z.number().int(),
  /** "Due 12 March 2026, 5 grace days: 3 days late", in words. */
  words: z.string(),
});
export const DeliverableFile = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  /** Handed in with a submission; false while it waits to be submitted. */
  submitted: z.boolean(),
});
export const Submission = z.object({
  id: z.string(),
  round: z.number().int(),
  note: z.string().nullable(),
  submittedByName: z.string().nullable(),
  submittedAt: z.string(),
  decision: z.enum(['accepted', 'rejected']).nullable(),
  decisionReason: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  files: z.array(DeliverableFile),
});

const deliverableShared = {
  id: z.string(),
  engagementId: z.string(),
  engagementName: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  milestoneId: z.string().nullable(),
  milestoneName: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  criteria: z.array(Criterion),
  dueDate: z.string(),
  graceDays: z.number().int(),
  status: DeliverableStatus,
  lateness: DeliverableLateness,
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  submissionCount: z.number().int(),
};
/** A deliverable as the client's users see it. */
export const Deliverable = z.object({
  ...deliverableShared,
  contractId: z.string().nullable(),
  contractTitle: z.string().nullable(),
  internalNote: z.string().nullable(),
  position: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Deliverable = z.infer<typeof Deliverable>;
export const DeliverableDetail = Deliverable.extend({ submissions: z.array(Submission), pendingFiles: z.array(DeliverableFile) });
export type DeliverableDetail = z.infer<typeof DeliverableDetail>;

/** A deliverable as the vendor's contact sees it: no internal note, no contract, nothing of payments. */
export const PortalDeliverable = z.object({
  ...deliverableShared,
  /** What the contact may do now: submit (or resubmit after a rejection). */
  canSubmit: z.boolean(),
});
export type PortalDeliverable = z.infer<typeof PortalDeliverable>;
export const PortalDeliverableDetail = PortalDeliverable.extend({ submissions: z.array(Submission), pendingFiles: z.array(DeliverableFile) });

const csv = <T extends z.ZodType>(item: T) => z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(10));
export const DeliverableListQuery = PageQuery.extend({
  engagementId: z.uuid().optional(),
  contractId: z.uuid().optional(),
  vendorId: z.uuid().optional(),
  milestoneId: z.uuid().optional(),
  status: csv(DeliverableStatus).optional(),
  late: z.enum(['true', 'false']).optional(),
});
export const PortalDeliverableListQuery = PageQuery.extend({ status: csv(DeliverableStatus).optional() });

export const SubmitInput = z
  .object({
    note: text(5000).nullable().optional(),
    /** Files uploaded for this deliverable and not yet handed in. */
    fileIds: z.array(z.uuid({ message: 'Expected a file id' })).max(20).default([]),
  })
  .strict();
export const DeliverableFileUploadQuery = z.object({ fileName: requiredText(255) });

// ---------- on-time rate ----------
export const OnTimeQuery = z.object({ by: z.enum(['quarter', 'month']).default('quarter') });
const RateFigure = z.object({ onTime: z.number().int(), late: z.number().int(), rate: z.number().nullable() });
export const OnTimeRate = z.object({
  vendorId: z.string(),
  by: z.enum(['quarter', 'month']),
  overall: RateFigure,
  /** Oldest first; a period is that of the deliverable's deadline (due date + grace). */
  periods: z.array(RateFigure.extend({ period: z.string(), label: z.string() })),
  /** Deliverables still in time, not yet judged. */
  open: z.number().int(),
});
export type OnTimeRate = z.infer<typeof OnTimeRate>;

// ---------- payments ----------
export const PaymentInput = z
  .object({
    engagementId: uuidField('an engagement id'),
    contractId: uuidField('a contract id').nullable().optional(),
    milestoneId: uuidField('a milestone id').nullable().optional(),
    label: requiredText(200),
    amountMinor: AmountMinor,
    currency: Currency,
    dueDate: IsoDate,
    note: text(5000).nullable().optional(),
  })
  .strict();
export const PaymentUpdate = PaymentInput.omit({ engagementId: true }).partial().strict();
export const MarkPaidInput = z
  .object({
    paidOn: IsoDate,
    /** Required when the payment's milestone is not accepted yet; needs the payment override permission. */
    overrideReason: requiredText(2000).optional(),
  })
  .strict();

export const PaymentHold = z.object({
  blocked: z.boolean(),
  waitingFor: z.array(z.object({ id: z.string(), title: z.string(), status: DeliverableStatus })),
  /** Why the payment waits (or why it was allowed), in words. */
  words: z.string().nullable(),
});
export const Payment = z.object({
  id: z.string(),
  engagementId: z.string(),
  engagementName: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  contractId: z.string().nullable(),
  contractTitle: z.string().nullable(),
  milestoneId: z.string().nullable(),
  milestoneName: z.string().nullable(),
  label: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  dueDate: z.string(),
  status: PaymentStatus,
  overdue: z.boolean(),
  hold: PaymentHold,
  paidOn: z.string().nullable(),
  paidByName: z.string().nullable(),
  overridden: z.boolean(),
  overrideReason: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Payment = z.infer<typeof Payment>;
export const PaymentListQuery = PageQuery.extend({
  engagementId: z.uuid().optional(),
  contractId: z.uuid().optional(),
  vendorId: z.uuid().optional(),
  milestoneId: z.uuid().optional(),
  status: PaymentStatus.optional(),
});
export const PaymentTotalsQuery = z.object({ engagementId: z.uuid().optional(), contractId: z.uuid().optional(), vendorId: z.uuid().optional() });
export const PaymentTotals = z.object({
  /** Per month of the due date, one amount per currency (never summed across currencies). */
  months: z.array(z.object({ month: z.string(), label: z.string(), planned: z.array(MoneyAmount), paid: z.array(MoneyAmount) })),
  total: z.object({ planned: z.array(MoneyAmount), paid: z.array(MoneyAmount) }),
});
export type PaymentTotals = z.infer<typeof PaymentTotals>;
