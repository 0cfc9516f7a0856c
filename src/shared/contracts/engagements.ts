import { z } from 'zod';
import { IsoDate, PageQuery, requiredText, text, queryText, patchOf } from './common.ts';
import { Country, DataAccess } from './vendors.ts';

export const SERVICE_TYPES = [
  'service_desk',
  'infrastructure_operations',
  'application_development',
  'application_maintenance',
  'security_operations',
  'cloud_hosting',
  'other',
] as const;
export const SERVICE_TYPE_LABELS: Record<(typeof SERVICE_TYPES)[number], string> = {
  service_desk: 'Service desk',
  infrastructure_operations: 'Infrastructure operations',
  application_development: 'Application development',
  application_maintenance: 'Application maintenance',
  security_operations: 'Security operations',
  cloud_hosting: 'Cloud hosting',
  other: 'Other',
};
export const CRITICALITIES = ['low', 'medium', 'high', 'critical'] as const;
export const ENGAGEMENT_STATUSES = ['planned', 'active', 'ending', 'ended'] as const;

export const ServiceType = z.enum(SERVICE_TYPES);
export const Criticality = z.enum(CRITICALITIES);
export const EngagementStatus = z.enum(ENGAGEMENT_STATUSES);

const engagementFields = z
  .object({
    vendorId: z.uuid({ message: 'Expected a vendor id' }),
    name: requiredText(200),
    description: text(5000).nullable().optional(),
    serviceType: ServiceType,
    criticality: Criticality.default('medium'),
    /** What data of ours the engagement touches; on create, the vendor's data access when not given. */
    dataAccess: DataAccess.optional(),
    startDate: IsoDate.nullable().optional(),
    endDate: IsoDate.nullable().optional(),
    status: EngagementStatus.default('planned'),
    internalOwnerId: z.uuid().nullable().optional(),
    businessServices: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    /** Where the service is delivered from, when not from the vendor's own country. */
    deliveryCountry: Country.nullable().optional(),
  })
  .strict();

const datesInOrder = (v: { startDate?: string | null; endDate?: string | null }) =>
  !v.startDate || !v.endDate || v.startDate <= v.endDate;

export const EngagementInput = engagementFields.refine(datesInOrder, {
  message: 'End date must not be before start date',
  path: ['endDate'],
});
export type EngagementInput = z.input<typeof EngagementInput>;
/** The vendor of an engagement is fixed once created. */
export const EngagementUpdate = patchOf(engagementFields.omit({ vendorId: true })).refine(datesInOrder, { message: 'End date must not be before start date', path: ['endDate'] });

export const Engagement = z.object({
  id: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  serviceType: ServiceType,
  criticality: Criticality,
  dataAccess: DataAccess,
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  status: EngagementStatus,
  internalOwnerId: z.string().nullable(),
  internalOwnerName: z.string().nullable(),
  businessServices: z.array(z.string()),
  deliveryCountry: z.string().nullable(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Engagement = z.infer<typeof Engagement>;

export const EngagementListQuery = PageQuery.extend({
  q: queryText(200).transform((s) => s.trim()).optional(),
  vendorId: z.uuid().optional(),
  status: EngagementStatus.optional(),
  serviceType: ServiceType.optional(),
  archived: z.enum(['true', 'false', 'all']).default('false'),
});
