import { z } from 'zod';
import { CHANGE_STATUS_LABELS, CHANGE_STATUSES } from '../../domain/costs/change-requests.ts';
import { IsoDate, PageQuery, patchOf, requiredText, text } from './common.ts';
import { Currency } from './deliverables.ts';

export { CHANGE_STATUSES, CHANGE_STATUS_LABELS };
export const ChangeStatus = z.enum(CHANGE_STATUSES);
export type ChangeStatus = z.infer<typeof ChangeStatus>;
export const RAISED_BY = ['client', 'vendor'] as const;
export const RAISED_BY_LABELS: Record<(typeof RAISED_BY)[number], string> = { client: 'Client', vendor: 'Vendor' };
const uuidField = (what: string) => z.uuid({ message: `Expected ${what}` });
const csv = <T extends z.ZodType>(item: T) => z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(10));
const Months = z.number().int('Expected a whole number of months').min(0, 'Must not be negative').max(240, 'At most 240 months');
/** Signed: a change that removes scope (descoping) saves money, so its costs are negative. */
const SignedMinor = z
  .number({ message: 'Expected a whole number of minor units (cents)' })
  .int({ message: 'Expected a whole number of minor units (cents), not a decimal' })
  .min(-1e15, 'Too large a saving')
  .max(1e15, 'Too large an amount');
const Days = z.number().int('Expected a whole number of days').min(-3650, 'At most 3650 days earlier').max(3650, 'At most 3650 days later');

/** What both sides may say when raising a change: the scope, why, and what it costs. */
const raiseShape = {
  engagementId: uuidField('an engagement id'),
  title: requiredText(200),
  reason: requiredText(5000),
  scope: requiredText(10_000),
  currency: Currency,
  /** Negative for a saving: scope removed (descoping). */
  oneOffMinor: SignedMinor.default(0),
  /** Per month, for `recurringMonths` months; negative for a saving. */
  recurringMinor: SignedMinor.default(0),
  recurringMonths: Months.default(0),
  /** Days the schedule moves (later is positive). */
  scheduleDays: Days.default(0),
  deliverableIds: z.array(uuidField('a deliverable id')).max(50).default([]),
};
/** A change request the client raises (it may name the contract it amends and the milestones it touches). */
export const ChangeRequestInput = z
  .object({
    ...raiseShape,
    contractId: uuidField('a contract id').nullable().optional(),
    milestoneIds: z.array(uuidField('a milestone id')).max(50).default([]),
    internalNote: text(5000).nullable().optional(),
  })
  .strict();
export const ChangeRequestUpdate = patchOf(ChangeRequestInput.omit({ engagementId: true }));
/** A change request a vendor contact raises in the portal: its own vendor's engagement, its own deliverables. */
export const PortalChangeRequestInput = z.object(raiseShape).strict();
/** The vendor corrects its own proposed change (not the engagement it is on). */
export const PortalChangeRequestUpdate = patchOf(PortalChangeRequestInput.omit({ engagementId: true }));
export const WithdrawChangeInput = z.object({ reason: text(2000).nullable().optional() }).strict();

export const ReviewChangeInput = z.object({ note: text(2000).nullable().optional() }).strict();
export const ApproveChangeInput = z.object({ note: text(2000).nullable().optional() }).strict();
export const RejectChangeInput = z.object({ reason: requiredText(2000) }).strict();
export const ImplementChangeInput = z.object({ implementedOn: IsoDate }).strict();

const Named = z.object({ id: z.string(), name: z.string() });
/** What the vendor sees of a change request: no internal note, contract or budget. */
export const PortalChangeRequest = z.object({
  id: z.string(),
  engagementId: z.string(),
  engagementName: z.string(),
  title: z.string(),
  reason: z.string(),
  scope: z.string(),
  raisedBy: z.enum(RAISED_BY),
  raisedByName: z.string().nullable(),
  currency: z.string(),
  oneOffMinor: z.number().int(),
  recurringMinor: z.number().int(),
  recurringMonths: z.number().int(),
  /** One-off plus recurring × months. */
  totalMinor: z.number().int(),
  scheduleDays: z.number().int(),
  deliverables: z.array(Named),
  status: ChangeStatus,
  decidedOn: z.string().nullable(),
  decisionNote: z.string().nullable(),
  implementedOn: z.string().nullable(),
  createdAt: z.string(),
});
export type PortalChangeRequest = z.infer<typeof PortalChangeRequest>;
export const ChangeRequest = PortalChangeRequest.extend({
  vendorId: z.string(),
  vendorName: z.string(),
  contractId: z.string().nullable(),
  contractTitle: z.string().nullable(),
  milestones: z.array(Named),
  decidedByName: z.string().nullable(),
  /** What approving amended, in words ("Added €1,000.00 to the budget FY 2026 …"). */
  amendments: z.array(z.string()),
  internalNote: z.string().nullable(),
  updatedAt: z.string(),
});
export type ChangeRequest = z.infer<typeof ChangeRequest>;
export const ChangeRequestListQuery = PageQuery.extend({
  engagementId: z.uuid().optional(),
  vendorId: z.uuid().optional(),
  status: csv(ChangeStatus).optional(),
});
export const PortalChangeRequestListQuery = PageQuery.extend({ status: csv(ChangeStatus).optional() });

/** Scope creep of an engagement, per currency: approved changes against the original contract value, month by month. */
export const ScopeCreep = z.object({
  engagementId: z.string(),
  currencies: z.array(
    z.object({
      currency: z.string(),
      /** The contracts' value before any approved change; null when no contract of the engagement has a value in this currency. */
      originalMinor: z.number().int().nullable(),
      approvedMinor: z.number().int(),
      shareBasisPoints: z.number().int().nullable(),
      shareWords: z.string(),
      months: z.array(z.object({ month: z.string(), label: z.string(), approvedMinor: z.number().int(), cumulativeMinor: z.number().int(), shareBasisPoints: z.number().int().nullable(), shareWords: z.string() })),
    }),
  ),
  notes: z.array(z.string()),
});
export type ScopeCreep = z.infer<typeof ScopeCreep>;
