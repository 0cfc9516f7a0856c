import { sql } from 'drizzle-orm';
import { bigint, boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs, users } from './orgs.ts';
import { engagements, vendors } from './vendors.ts';

/**
 * A contract with a vendor: a master agreement, a statement of work under it, an NDA, a data
 * processing agreement, an order form or an amendment of any of them. Its key dates (notice
 * deadline, decide-by) are computed from these columns by src/domain/contracts/key-dates.ts,
 * never stored.
 */
export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    /** master_agreement | statement_of_work | nda | data_processing_agreement | order_form | amendment */
    type: text('type').notNull(),
    /** A statement of work's master agreement; what an amendment amends. Same vendor (checked by the service). */
    parentId: uuid('parent_id'),
    title: text('title').notNull(),
    /** The contract's own number or reference, as printed on it. */
    reference: text('reference'),
    /** draft | in_negotiation | signed | active | expired | terminated */
    status: text('status').notNull(),
    signedOn: date('signed_on', { mode: 'string' }),
    effectiveOn: date('effective_on', { mode: 'string' }),
    initialTermEnd: date('initial_term_end', { mode: 'string' }),
    /** none | automatic | option */
    renewalKind: text('renewal_kind').notNull().default('none'),
    renewalMonths: integer('renewal_months'),
    /** The notice period against renewal (days | months); null when the contract sets none. */
    noticeUnit: text('notice_unit'),
    noticeCount: integer('notice_count'),
    /** Termination for convenience: allowed or not, and its own notice. */
    convenienceTermination: boolean('convenience_termination').notNull().default(false),
    convenienceNoticeUnit: text('convenience_notice_unit'),
    convenienceNoticeCount: integer('convenience_notice_count'),
    /** ISO 4217; both values in its minor units. */
    currency: text('currency'),
    totalValueMinor: bigint('total_value_minor', { mode: 'number' }),
    annualValueMinor: bigint('annual_value_minor', { mode: 'number' }),
    internalOwnerId: uuid('internal_owner_id').references(() => users.id),
    notes: text('notes'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The composite key lets other tables (and the parent link) pin a contract to its organisation.
    uniqueIndex('contracts_org_id_key').on(t.orgId, t.id),
    foreignKey({ columns: [t.orgId, t.parentId], foreignColumns: [t.orgId, t.id], name: 'contracts_parent_same_org_fk' }),
    uniqueIndex('contracts_org_reference_key').on(t.orgId, t.vendorId, sql`lower(${t.reference})`).where(sql`${t.reference} is not null`),
    index('contracts_org_vendor_idx').on(t.orgId, t.vendorId),
    index('contracts_org_updated_idx').on(t.orgId, t.updatedAt, t.id),
  ],
);

/** Which engagements a contract covers (a master agreement may cover several; a statement of work usually one). */
export const contractEngagements = pgTable(
  'contract_engagements',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    contractId: uuid('contract_id').notNull(),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.engagementId] }),
    foreignKey({ columns: [t.orgId, t.contractId], foreignColumns: [contracts.orgId, contracts.id], name: 'contract_engagements_contract_fk' }).onDelete('cascade'),
    index('contract_engagements_engagement_idx').on(t.orgId, t.engagementId),
  ],
);
