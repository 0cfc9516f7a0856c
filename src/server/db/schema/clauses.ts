import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contracts } from './contracts.ts';
import { orgs, users } from './orgs.ts';

/**
 * The organisation's clause library: its own copy of the built-in clauses
 * (src/domain/contracts/clauses.ts, `key` = the built-in key) plus the clauses it adds
 * (`key` = null). Clauses are retired, never deleted, so every review keeps its clause.
 */
export const clauseLibrary = pgTable(
  'clause_library',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** The built-in clause this row copies; null for the organisation's own clauses. */
    builtinKey: text('builtin_key'),
    title: text('title').notNull(),
    guidance: text('guidance').notNull().default(''),
    weakWhen: text('weak_when'),
    /** Order in the checklist. */
    position: integer('position').notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('clause_library_org_id_key').on(t.orgId, t.id),
    uniqueIndex('clause_library_org_builtin_key').on(t.orgId, t.builtinKey).where(sql`${t.builtinKey} is not null`),
    uniqueIndex('clause_library_org_title_key').on(t.orgId, sql`lower(${t.title})`),
  ],
);

/** Per organisation: whether its clause library was seeded, and whether the DORA requirement set applies. */
export const clauseSettings = pgTable('clause_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  doraEnabled: boolean('dora_enabled').notNull().default(false),
  seededAt: timestamp('seeded_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** "Clause X is required for engagements where …": empty lists mean any. */
export const clauseRequirements = pgTable(
  'clause_requirements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    clauseId: uuid('clause_id').notNull(),
    criticality: text('criticality').array().notNull().default(sql`'{}'::text[]`),
    dataAccess: text('data_access').array().notNull().default(sql`'{}'::text[]`),
    serviceType: text('service_type').array().notNull().default(sql`'{}'::text[]`),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.orgId, t.clauseId], foreignColumns: [clauseLibrary.orgId, clauseLibrary.id], name: 'clause_requirements_clause_fk' }),
    index('clause_requirements_org_idx').on(t.orgId),
  ],
);

/** One clause of one contract as a reviewer read it. */
export const clauseReviews = pgTable(
  'clause_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    contractId: uuid('contract_id').notNull(),
    clauseId: uuid('clause_id').notNull(),
    /** present | weak | missing | not_applicable */
    status: text('status').notNull(),
    /** Why it is weak, in the reviewer's words (required when weak). */
    weakReason: text('weak_reason'),
    section: text('section'),
    page: integer('page'),
    quote: text('quote'),
    note: text('note'),
    reviewedById: uuid('reviewed_by_id').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('clause_reviews_contract_clause_key').on(t.orgId, t.contractId, t.clauseId),
    foreignKey({ columns: [t.orgId, t.contractId], foreignColumns: [contracts.orgId, contracts.id], name: 'clause_reviews_contract_fk' }),
    foreignKey({ columns: [t.orgId, t.clauseId], foreignColumns: [clauseLibrary.orgId, clauseLibrary.id], name: 'clause_reviews_clause_fk' }),
    index('clause_reviews_org_clause_idx').on(t.orgId, t.clauseId),
  ],
);
