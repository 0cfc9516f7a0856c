import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs, people, users } from './orgs.ts';

/**
 * Sign-in throttles, one row per key ("account:<e-mail>", "address:<ip>", "mfa:<user id>"):
 * a counter taken under the row's lock before a password is checked, so parallel attempts
 * cannot slip past the limit, on PGlite as on PostgreSQL.
 */
export const signInThrottles = pgTable('sign_in_throttles', {
  key: text('key').primaryKey(),
  /** Attempts counted in the current window (taken before checking, given back on success). */
  attempts: integer('attempts').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  /** How many times the key was locked recently: each lockout lasts twice the previous one. */
  lockouts: integer('lockouts').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
});

/**
 * A person's authenticator (TOTP, RFC 6238); the secret is encrypted (auth/secrets.ts).
 * It belongs to the person, not to one membership: sign-in comes before choosing an organisation.
 */
export const userMfa = pgTable('user_mfa', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id),
  secretEncrypted: text('secret_encrypted').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  /** Null while enrolment waits for the first code. */
  enabledAt: timestamp('enabled_at', { withTimezone: true }),
  /** The last 30-second step a code was accepted for: a code works once. */
  lastStep: bigint('last_step', { mode: 'number' }),
});

/** One-time recovery codes of a person's authenticator, stored as their SHA-256. */
export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('mfa_recovery_codes_person_idx').on(t.personId)],
);

/** A password that was right, waiting for the second step (a code, or enrolment when the organisation requires MFA). */
export const signInChallenges = pgTable('sign_in_challenges', {
  /** SHA-256 of the challenge token the browser holds. */
  id: text('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  /** 'code' (enter a code) or 'enrol' (set up an authenticator first). */
  step: text('step').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** Single-use, expiring password-reset links, stored as their SHA-256. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

/** An organisation's sign-in rules, set by its owner. */
export const orgSecurity = pgTable('org_security', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  requireMfa: boolean('require_mfa').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** The key that encrypts secrets at rest when OUTSIGHT_SECRET_KEY is not set (made once). */
export const serverKeys = pgTable('server_keys', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
});
