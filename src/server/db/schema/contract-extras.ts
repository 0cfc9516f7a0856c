import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contracts } from './contracts.ts';
import { orgs, users } from './orgs.ts';
import { calendars } from './sla.ts';

/**
 * The organisation's settings for contract key dates: the internal lead time before a
 * notice deadline, the reminder offsets (days before the decide-by date) and the calendar
 * whose business days the decide-by date falls on (none: Monday to Friday).
 */
export const contractSettings = pgTable('contract_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  leadDays: integer('lead_days').notNull().default(14),
  reminderOffsets: integer('reminder_offsets').array().notNull().default(sql`'{90,60,30,7}'::integer[]`),
  calendarId: uuid('calendar_id').references(() => calendars.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The record that notice (of non-renewal or termination) was given: one per contract. */
export const contractNotices = pgTable(
  'contract_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    contractId: uuid('contract_id').notNull(),
    /** non_renewal (the contract ends at the end of its term) | termination (for convenience, after its own notice) */
    kind: text('kind').notNull().default('non_renewal'),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    /** letter | email | portal */
    method: text('method').notNull(),
    /** Who gave it, in words (a person, possibly outside Outsight). */
    givenBy: text('given_by').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contract_notices_contract_key').on(t.contractId),
    foreignKey({ columns: [t.orgId, t.contractId], foreignColumns: [contracts.orgId, contracts.id], name: 'contract_notices_contract_fk' }).onDelete('cascade'),
  ],
);

/** A date a user adds to a contract (a price review, a benchmark window). */
export const contractKeyDates = pgTable(
  'contract_key_dates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    contractId: uuid('contract_id').notNull(),
    title: text('title').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.orgId, t.contractId], foreignColumns: [contracts.orgId, contracts.id], name: 'contract_key_dates_contract_fk' }).onDelete('cascade'),
    index('contract_key_dates_org_date_idx').on(t.orgId, t.date),
  ],
);

/** The signed documents of a contract, versioned; the file lives in the file store like evidence. */
export const contractDocuments = pgTable(
  'contract_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    contractId: uuid('contract_id').notNull(),
    version: integer('version').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contract_documents_version_key').on(t.contractId, t.version),
    foreignKey({ columns: [t.orgId, t.contractId], foreignColumns: [contracts.orgId, contracts.id], name: 'contract_documents_contract_fk' }).onDelete('cascade'),
  ],
);
