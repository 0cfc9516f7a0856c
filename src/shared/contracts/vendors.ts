import { z } from 'zod';
import { Email } from './auth.ts';
import { PageQuery, requiredText, text, queryText } from './common.ts';

export const VENDOR_KINDS = [
  'managed_service_provider',
  'offshore_development',
  'cloud_hosting',
  'help_desk',
  'security_operations',
  'saas',
  'consultancy',
  'other',
] as const;
export const VENDOR_KIND_LABELS: Record<(typeof VENDOR_KINDS)[number], string> = {
  managed_service_provider: 'Managed service provider',
  offshore_development: 'Offshore development shop',
  cloud_hosting: 'Cloud hosting',
  help_desk: 'Help desk',
  security_operations: 'Security operations',
  saas: 'SaaS',
  consultancy: 'Consultancy',
  other: 'Other',
};

export const VENDOR_STATUSES = ['prospect', 'pilot', 'active', 'exiting', 'former'] as const;
export const DATA_ACCESS = ['none', 'internal', 'confidential', 'personal_data', 'special_category_personal_data'] as const;
export const DATA_ACCESS_LABELS: Record<(typeof DATA_ACCESS)[number], string> = {
  none: 'None',
  internal: 'Internal',
  confidential: 'Confidential',
  personal_data: 'Personal data',
  special_category_personal_data: 'Special-category personal data',
};
/** Tier 1 is the most critical: its failure stops the business. */
export const TIERS = [1, 2, 3, 4] as const;

export const VendorKind = z.enum(VENDOR_KINDS);
export const VendorStatus = z.enum(VENDOR_STATUSES);
export const DataAccess = z.enum(DATA_ACCESS);

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected HH:MM');

/** IANA zone names known to this runtime's Intl, e.g. "Europe/Berlin". */
export const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.length <= 64;
  } catch {
    return false;
  }
}, 'Expected an IANA time zone such as Europe/Berlin');

export const WorkingHours = z
  .object({
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).max(7),
    start: timeOfDay,
    end: timeOfDay,
  })
  .refine((w) => w.start < w.end, { message: 'End must be after start', path: ['end'] });

export const Country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'Expected a two-letter ISO country code such as DE');

export const Tag = z.string().trim().toLowerCase().min(1).max(40);

const website = z
  .string()
  .trim()
  .max(300)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'Expected a web address starting with https://');

/** Editable fields of a vendor. Unknown keys (orgId, id, …) are refused by `.strict()`. */
export const VendorInput = z
  .object({
    name: requiredText(200),
    legalName: text(300).nullable().optional(),
    website: website.nullable().optional(),
    country: Country.nullable().optional(),
    kind: VendorKind,
    status: VendorStatus.default('prospect'),
    tier: z.number().int().min(1).max(4).default(3),
    tierReason: text(1000).nullable().optional(),
    dataAccess: DataAccess.default('none'),
    contactName: text(200).nullable().optional(),
    contactEmail: Email.nullable().optional(),
    contactPhone: text(50).nullable().optional(),
    contactTimeZone: TimeZone.nullable().optional(),
    contactWorkingHours: WorkingHours.nullable().optional(),
    internalOwnerId: z.uuid().nullable().optional(),
    tags: z.array(Tag).max(20).default([]),
    notes: text(20000).nullable().optional(),
  })
  .strict();
export type VendorInput = z.input<typeof VendorInput>;

export const VendorUpdate = VendorInput.partial().strict();

export const Vendor = z.object({
  id: z.string(),
  name: z.string(),
  legalName: z.string().nullable(),
  website: z.string().nullable(),
  country: z.string().nullable(),
  kind: VendorKind,
  status: VendorStatus,
  tier: z.number(),
  tierReason: z.string().nullable(),
  dataAccess: DataAccess,
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactTimeZone: z.string().nullable(),
  contactWorkingHours: z.object({ days: z.array(z.number()), start: z.string(), end: z.string() }).nullable(),
  internalOwnerId: z.string().nullable(),
  internalOwnerName: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  archived: z.boolean(),
  engagementCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Vendor = z.infer<typeof Vendor>;

export const VENDOR_SORTS = ['name', '-name', 'tier', '-tier', 'updatedAt', '-updatedAt', 'createdAt', '-createdAt'] as const;

const csvList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(20));

export const VendorListQuery = PageQuery.extend({
  q: queryText(200).transform((s) => s.trim()).optional(),
  status: csvList(VendorStatus).optional(),
  tier: csvList(z.coerce.number().int().min(1).max(4)).optional(),
  kind: csvList(VendorKind).optional(),
  tag: csvList(Tag).optional(),
  archived: z.enum(['true', 'false', 'all']).default('false'),
  sort: z.enum(VENDOR_SORTS).default('name'),
});
export type VendorListQuery = z.infer<typeof VendorListQuery>;

export const ImportRejection = z.object({ line: z.number(), field: z.string(), reason: z.string(), value: z.string().optional() });
export const VendorImportResult = z.object({
  created: z.number(),
  updated: z.number(),
  rejected: z.array(ImportRejection),
});
