import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs, users } from './orgs.ts';

export const vendors = pgTable(
  'vendors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    legalName: text('legal_name'),
    website: text('website'),
    country: text('country'),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    tier: integer('tier').notNull(),
    tierReason: text('tier_reason'),
    dataAccess: text('data_access').notNull(),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    contactTimeZone: text('contact_time_zone'),
    contactWorkingHours: jsonb('contact_working_hours').$type<{ days: number[]; start: string; end: string }>(),
    internalOwnerId: uuid('internal_owner_id').references(() => users.id),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Names identify a vendor within an organisation (CSV import matches on it).
    uniqueIndex('vendors_org_name_key').on(t.orgId, sql`lower(${t.name})`),
    index('vendors_org_updated_idx').on(t.orgId, t.updatedAt, t.id),
    index('vendors_tags_idx').using('gin', t.tags),
  ],
);

export const engagements = pgTable(
  'engagements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    name: text('name').notNull(),
    description: text('description'),
    serviceType: text('service_type').notNull(),
    criticality: text('criticality').notNull(),
    /** What data of the client this engagement touches (DATA_ACCESS); set from the vendor's when not given. Drives contract requirements (a DPA for personal data). */
    dataAccess: text('data_access').notNull().default('none'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    status: text('status').notNull(),
    internalOwnerId: uuid('internal_owner_id').references(() => users.id),
    businessServices: text('business_services').array().notNull().default(sql`'{}'::text[]`),
    /** Where the service is delivered from (ISO 3166 code), when it differs from where the vendor sits; concentration by country reads it. */
    deliveryCountry: text('delivery_country'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('engagements_org_vendor_name_key').on(t.orgId, t.vendorId, sql`lower(${t.name})`),
    index('engagements_org_vendor_idx').on(t.orgId, t.vendorId),
    // What a same-organisation foreign key (org_id, engagement_id) points at: tickets use it.
    unique('engagements_org_id_key').on(t.orgId, t.id),
  ],
);
