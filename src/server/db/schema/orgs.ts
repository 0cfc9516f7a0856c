import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const orgs = pgTable('orgs', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A person: the login identity (e-mail, password), one per e-mail across the installation.
 * What they are in an organisation — role, vendor, disabled — is a `users` row (a membership);
 * a person may hold memberships in several organisations. Their authenticator (user_mfa)
 * and sessions belong to the person too. Owned by the auth module.
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    /** argon2id; null until the person sets one (an invited user, or a vendor contact who signs in by links). */
    passwordHash: text('password_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // An e-mail signs in as exactly one person, across all organisations.
    uniqueIndex('people_email_key').on(sql`lower(${t.email})`),
  ],
);

/**
 * A membership: a person's place in one organisation. Every module refers to users by id
 * within its organisation, so the row keeps its name; `email` is the person's, copied for display.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** The person this membership belongs to. */
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    /** Set only for vendor contacts: the one vendor whose portal they see. */
    vendorId: uuid('vendor_id'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /**
     * Whether the person's password opens this membership: true when the person joined with it
     * (accepted the invitation with their password) or the operator added them; false for a
     * vendor contact made from an address by the organisation, who comes in by its e-mailed links.
     */
    opensWithPassword: boolean('opens_with_password').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A person is a member of an organisation once; e-mails are unique within an organisation only.
    uniqueIndex('users_org_person_key').on(t.orgId, t.personId),
    uniqueIndex('users_org_email_key').on(t.orgId, sql`lower(${t.email})`),
    index('users_person_idx').on(t.personId),
    index('users_org_idx').on(t.orgId),
  ],
);
