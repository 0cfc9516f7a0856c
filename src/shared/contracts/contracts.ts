import { z } from 'zod';
import { isCurrency } from '../../domain/money.ts';
import { IsoDate, PageQuery, requiredText, text } from './common.ts';

/** The kinds of contract a company signs with a vendor, and their words. */
export const CONTRACT_TYPES = ['master_agreement', 'statement_of_work', 'nda', 'data_processing_agreement', 'order_form', 'amendment'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];
export const CONTRACT_TYPE_LABELS: Record<ContractType, string> = {
  master_agreement: 'Master agreement',
  statement_of_work: 'Statement of work',
  nda: 'Non-disclosure agreement',
  data_processing_agreement: 'Data processing agreement',
  order_form: 'Order form',
  amendment: 'Amendment',
};

export const CONTRACT_STATUSES = ['draft', 'in_negotiation', 'signed', 'active', 'expired', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  draft: 'Draft',
  in_negotiation: 'In negotiation',
  signed: 'Signed',
  active: 'Active',
  expired: 'Expired',
  terminated: 'Terminated',
};

export const RENEWAL_KINDS = ['none', 'automatic', 'option'] as const;
export type RenewalKind = (typeof RENEWAL_KINDS)[number];
export const RENEWAL_KIND_LABELS: Record<RenewalKind, string> = {
  none: 'Does not renew',
  automatic: 'Renews automatically',
  option: 'Renews by option',
};

export const PERIOD_UNITS = ['days', 'months'] as const;
export const PERIOD_UNIT_LABELS: Record<(typeof PERIOD_UNITS)[number], string> = { days: 'days', months: 'months' };

/** How notice was given. */
export const NOTICE_METHODS = ['letter', 'email', 'portal'] as const;
export const NOTICE_METHOD_LABELS: Record<(typeof NOTICE_METHODS)[number], string> = {
  letter: 'Letter',
  email: 'E-mail',
  portal: "The vendor's portal",
};

export const NOTICE_KINDS = ['non_renewal', 'termination'] as const;
export const NOTICE_KIND_LABELS: Record<(typeof NOTICE_KINDS)[number], string> = {
  non_renewal: 'Non-renewal (ends at the end of the term)',
  termination: 'Termination for convenience',
};
export const NoticeKindEnum = z.enum(NOTICE_KINDS);

/** The states of a contract's key dates (src/domain/contracts/key-dates.ts) in words. */
export const KEY_DATE_STATES = ['open-ended', 'ends', 'renews-unless-notice', 'ends-unless-renewed', 'ending-by-notice', 'ended'] as const;
export const KEY_DATE_STATE_LABELS: Record<(typeof KEY_DATE_STATES)[number], string> = {
  'open-ended': 'No end of term',
  ends: 'Ends, does not renew',
  'renews-unless-notice': 'Renews unless notice is given',
  'ends-unless-renewed': 'Ends unless renewed',
  'ending-by-notice': 'Ending: notice given',
  ended: 'Ended',
};

export const ContractTypeEnum = z.enum(CONTRACT_TYPES);
export const ContractStatusEnum = z.enum(CONTRACT_STATUSES);
export const RenewalKindEnum = z.enum(RENEWAL_KINDS);
export const PeriodUnitEnum = z.enum(PERIOD_UNITS);
export const NoticeMethodEnum = z.enum(NOTICE_METHODS);

/** The platform's list of ISO 4217 codes in use (Intl.supportedValuesOf); where missing, well-formed codes pass. */
const KNOWN_CURRENCIES: Set<string> | null = (() => {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return typeof intl.supportedValuesOf === 'function' ? new Set(intl.supportedValuesOf('currency')) : null;
})();
const Currency = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine((c) => isCurrency(c) && (KNOWN_CURRENCIES === null || KNOWN_CURRENCIES.has(c)), { message: 'Expected an ISO 4217 currency code such as EUR or USD' });
const MinorUnits = z.number({ message: 'Expected a whole number of minor units (cents)' }).int('Expected a whole number of minor units (cents)').min(0).max(Number.MAX_SAFE_INTEGER);

const contractFields = z
  .object({
    vendorId: z.uuid({ message: 'Expected a vendor id' }),
    type: ContractTypeEnum,
    /** A statement of work's master agreement; what an amendment amends. */
    parentId: z.uuid({ message: 'Expected a contract id' }).nullable().optional(),
    title: requiredText(300),
    reference: text(100).nullable().optional(),
    status: ContractStatusEnum,
    signedOn: IsoDate.nullable().optional(),
    effectiveOn: IsoDate.nullable().optional(),
    initialTermEnd: IsoDate.nullable().optional(),
    renewalKind: RenewalKindEnum,
    renewalMonths: z.number().int().min(1).max(120).nullable().optional(),
    noticeUnit: PeriodUnitEnum.nullable().optional(),
    noticeCount: z.number().int().min(1).max(3650).nullable().optional(),
    convenienceTermination: z.boolean(),
    convenienceNoticeUnit: PeriodUnitEnum.nullable().optional(),
    convenienceNoticeCount: z.number().int().min(1).max(3650).nullable().optional(),
    currency: Currency.nullable().optional(),
    totalValueMinor: MinorUnits.nullable().optional(),
    annualValueMinor: MinorUnits.nullable().optional(),
    internalOwnerId: z.uuid({ message: 'Expected a user id' }).nullable().optional(),
    notes: text(5000).nullable().optional(),
    /** The engagements the contract covers; all of the contract's vendor. */
    engagementIds: z.array(z.uuid({ message: 'Expected an engagement id' })).max(100),
  })
  .strict();

type Fields = Partial<z.output<typeof contractFields>>;
/** Field rules across fields, each naming the field to fix (used by create, and by update on the merged result). */
export function contractFieldIssues(v: Fields): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  if (v.effectiveOn && v.initialTermEnd && v.initialTermEnd < v.effectiveOn) issues.push({ path: 'initialTermEnd', message: 'The initial term must not end before the contract takes effect' });
  if (v.renewalKind && v.renewalKind !== 'none' && !v.renewalMonths) issues.push({ path: 'renewalMonths', message: 'Say for how many months the contract renews' });
  if (v.renewalKind && v.renewalKind !== 'none' && !v.initialTermEnd) issues.push({ path: 'initialTermEnd', message: 'A contract that renews needs the end of its initial term' });
  if ((v.noticeUnit ?? null) !== null && !v.noticeCount) issues.push({ path: 'noticeCount', message: 'Say how long the notice period is' });
  if ((v.noticeCount ?? null) !== null && !v.noticeUnit) issues.push({ path: 'noticeUnit', message: 'Say whether the notice period is in days or months' });
  if (v.convenienceTermination && (!v.convenienceNoticeUnit || !v.convenienceNoticeCount)) issues.push({ path: 'convenienceNoticeCount', message: 'Say how much notice termination for convenience needs' });
  if (((v.totalValueMinor ?? null) !== null || (v.annualValueMinor ?? null) !== null) && !v.currency) issues.push({ path: 'currency', message: 'A value needs its currency' });
  return issues;
}
const crossFields = (v: Fields, ctx: z.RefinementCtx) => {
  for (const i of contractFieldIssues(v)) ctx.addIssue({ code: 'custom', path: [i.path], message: i.message });
};

export const ContractInput = contractFields
  .extend({
    status: ContractStatusEnum.default('draft'),
    renewalKind: RenewalKindEnum.default('none'),
    convenienceTermination: z.boolean().default(false),
    engagementIds: contractFields.shape.engagementIds.default([]),
  })
  .strict()
  .superRefine(crossFields);
export type ContractInput = z.input<typeof ContractInput>;
/** The vendor of a contract is fixed once created; cross-field rules are checked on the merged contract. */
export const ContractUpdate = contractFields.omit({ vendorId: true }).partial().strict();
export type ContractUpdate = z.input<typeof ContractUpdate>;

export const ContractKeyDates = z.object({
  state: z.enum(KEY_DATE_STATES),
  /** The end of the running term (or the last one). */
  termEnd: z.string().nullable(),
  renewsOn: z.string().nullable(),
  /** The last day to give notice for `termEnd`. */
  noticeDeadline: z.string().nullable(),
  /** The notice deadline that can still be met (this term's or the next one's). */
  nextNoticeDeadline: z.string().nullable(),
  /** The next notice deadline moved back to the last business day minus the organisation's lead time. */
  decideBy: z.string().nullable(),
  /** "Renews automatically on 1 April 2027 for 12 months unless notice is given by 31 December 2026." */
  words: z.string(),
});
export type ContractKeyDates = z.infer<typeof ContractKeyDates>;

export const ContractNotice = z.object({
  kind: NoticeKindEnum,
  /** The day the contract ends because of this notice. */
  endsOn: z.string().nullable(),
  givenOn: z.string(),
  method: NoticeMethodEnum,
  givenBy: z.string(),
  note: z.string().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
});

export const Contract = z.object({
  id: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  type: ContractTypeEnum,
  parentId: z.string().nullable(),
  parentTitle: z.string().nullable(),
  title: z.string(),
  reference: z.string().nullable(),
  status: ContractStatusEnum,
  signedOn: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  initialTermEnd: z.string().nullable(),
  renewalKind: RenewalKindEnum,
  renewalMonths: z.number().nullable(),
  noticeUnit: PeriodUnitEnum.nullable(),
  noticeCount: z.number().nullable(),
  convenienceTermination: z.boolean(),
  convenienceNoticeUnit: PeriodUnitEnum.nullable(),
  convenienceNoticeCount: z.number().nullable(),
  currency: z.string().nullable(),
  totalValueMinor: z.number().nullable(),
  annualValueMinor: z.number().nullable(),
  internalOwnerId: z.string().nullable(),
  internalOwnerName: z.string().nullable(),
  notes: z.string().nullable(),
  engagements: z.array(z.object({ id: z.string(), name: z.string() })),
  keyDates: ContractKeyDates,
  notice: ContractNotice.nullable(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contract = z.infer<typeof Contract>;

export const ContractListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  vendorId: z.uuid().optional(),
  engagementId: z.uuid().optional(),
  type: ContractTypeEnum.optional(),
  status: ContractStatusEnum.optional(),
  archived: z.enum(['true', 'false', 'all']).default('false'),
});
export type ContractListQuery = z.output<typeof ContractListQuery>;

export const ContractPage = z.object({ items: z.array(Contract), nextCursor: z.string().nullable(), total: z.number() });

/** Recording that notice (of non-renewal or termination) was given. */
export const NoticeInput = z
  .object({
    kind: NoticeKindEnum.default('non_renewal'),
    givenOn: IsoDate,
    method: NoticeMethodEnum,
    givenBy: requiredText(200),
    note: text(2000).nullable().optional(),
  })
  .strict();

/** A date the user adds to a contract (a price review, a benchmark window). */
export const CustomKeyDateInput = z
  .object({
    title: requiredText(200),
    date: IsoDate,
    note: text(2000).nullable().optional(),
  })
  .strict();
export const CustomKeyDate = z.object({ id: z.string(), contractId: z.string(), title: z.string(), date: z.string(), note: z.string().nullable() });

export const KEY_DATE_KINDS = ['decide_by', 'notice_deadline', 'term_end', 'renewal', 'custom'] as const;
export const KEY_DATE_KIND_LABELS: Record<(typeof KEY_DATE_KINDS)[number], string> = {
  decide_by: 'Decide by',
  notice_deadline: 'Notice deadline',
  term_end: 'Term ends',
  renewal: 'Renews',
  custom: 'Key date',
};
/** One dated entry of the key-dates view across all contracts. */
export const KeyDateEntry = z.object({
  date: z.string(),
  kind: z.enum(KEY_DATE_KINDS),
  /** "Notice deadline", or a custom date's own title. */
  title: z.string(),
  contractId: z.string(),
  contractTitle: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  /** The contract's key dates in words. */
  words: z.string(),
});
export const KeyDatesQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });
export const KeyDatesView = z.object({ from: z.string(), to: z.string(), items: z.array(KeyDateEntry), truncated: z.boolean() });

/** The organisation's settings for contract reminders. */
export const ContractSettings = z.object({
  leadDays: z.number().int(),
  reminderOffsets: z.array(z.number().int()),
  calendarId: z.string().nullable(),
  calendarName: z.string().nullable(),
});
export const ContractSettingsInput = z
  .object({
    leadDays: z.number().int().min(0).max(365).optional(),
    reminderOffsets: z
      .array(z.number().int().min(0).max(730))
      .min(1, 'Keep at least one reminder')
      .max(10)
      .refine((a) => new Set(a).size === a.length, 'Each offset only once')
      .optional(),
    calendarId: z.uuid({ message: 'Expected a calendar id' }).nullable().optional(),
  })
  .strict();

export const ContractDocument = z.object({
  id: z.string(),
  contractId: z.string(),
  version: z.number(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  uploadedByName: z.string().nullable(),
  uploadedAt: z.string(),
});

/**
 * The columns of a contracts spreadsheet, in the template's order, with what each holds.
 * Headers are matched case-insensitively; "_" and "-" count as spaces.
 */
export const CONTRACT_IMPORT_COLUMNS = [
  { name: 'Vendor', required: true, help: 'The name of one of your vendors' },
  { name: 'Title', required: true, help: 'Unique per vendor' },
  { name: 'Type', required: true, help: 'Master agreement, statement of work, NDA, data processing agreement, order form or amendment' },
  { name: 'Status', required: false, help: 'Draft (when empty), in negotiation, signed, active, expired or terminated' },
  { name: 'Parent', required: false, help: 'Title of the master agreement (or the amended contract) of the same vendor, stored or in the file' },
  { name: 'Reference', required: false, help: "The contract's own number" },
  { name: 'Signed date', required: false, help: 'YYYY-MM-DD' },
  { name: 'Effective date', required: false, help: 'YYYY-MM-DD' },
  { name: 'Initial term end', required: false, help: 'YYYY-MM-DD' },
  { name: 'Renewal', required: false, help: '"none" (when empty), "automatic 12 months" or "option 12 months"' },
  { name: 'Notice period', required: false, help: 'e.g. "90 days" or "3 months"' },
  { name: 'Termination for convenience notice', required: false, help: 'e.g. "30 days"; empty when the contract has no termination for convenience' },
  { name: 'Total value', required: false, help: 'An amount in the currency, e.g. 120000.00' },
  { name: 'Annual value', required: false, help: 'An amount in the currency, e.g. 40000.00' },
  { name: 'Currency', required: false, help: 'ISO 4217 code such as EUR or USD; needed with a value' },
  { name: 'Internal owner', required: false, help: 'Name or e-mail of an active user of your organisation' },
  { name: 'Engagements', required: false, help: "Names of the vendor's engagements, separated by ;" },
  { name: 'Notes', required: false, help: 'Free text' },
] as const;

/** The template offered for download: the header and one example row. */
export const CONTRACT_IMPORT_TEMPLATE =
  CONTRACT_IMPORT_COLUMNS.map((c) => c.name).join(',') +
  '\n' +
  'Example Vendor,Master services agreement,Master agreement,Active,,MSA-001,2025-01-15,2025-02-01,2027-01-31,automatic 12 months,3 months,,120000.00,60000.00,EUR,owner@example.com,Example engagement,\n';

export const ContractImportRejection = z.object({ line: z.number(), field: z.string(), reason: z.string(), value: z.string().optional() });
export const ContractImportResult = z.object({
  /** How many contracts were stored (or, on a dry run, would be). */
  created: z.number(),
  dryRun: z.boolean(),
  /** What was (or would be) created, in file order. */
  contracts: z.array(z.object({ line: z.number(), vendor: z.string(), title: z.string(), type: ContractTypeEnum, id: z.string().nullable() })),
  rejected: z.array(ContractImportRejection),
});
export type ContractImportResult = z.infer<typeof ContractImportResult>;
