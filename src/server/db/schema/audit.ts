import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';

/**
 * Append-only: a trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE, so not
 * even the application's own database role can rewrite history.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: uuid('object_id'),
    /** The object's name when it changed ("HelpPoint Service Desk"): history reads in names, even after a rename. */
    objectLabel: text('object_label'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_org_id_idx').on(t.orgId, t.id),
    index('audit_org_object_idx').on(t.orgId, t.objectId, t.id),
  ],
);
