import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs, users } from './orgs.ts';
import { engagements } from './vendors.ts';

/** Working hours, time zone and holidays for business-time SLAs (src/domain/sla/calendar.ts). */
export const calendars = pgTable(
  'calendars',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    /** { "1": [{ "from": "09:00", "to": "17:00" }], … } per ISO weekday. */
    week: jsonb('week').notNull().$type<Record<string, Array<{ from: string; to: string }>>>(),
    holidays: text('holidays').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('calendars_org_name_key').on(t.orgId, sql`lower(${t.name})`)],
);

/**
 * SLA policies are versioned: an edit inserts the next version and never rewrites an old
 * one, so a report can be reproduced under the policy that was in force.
 */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id),
    version: integer('version').notNull(),
    calendarId: uuid('calendar_id')
      .notNull()
      .references(() => calendars.id),
    /** The policy without its calendar id: targets, pause/resolved statuses, credits. */
    definition: jsonb('definition').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sla_policies_engagement_version_key').on(t.engagementId, t.version), index('sla_policies_org_idx').on(t.orgId)],
);

/**
 * Imported tickets. `history` holds the status changes as [atMs, status, seq, priority]
 * arrays: compact, one row per ticket, and what the SLA engine reads.
 */
export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    engagementId: uuid('engagement_id').notNull(),
    externalId: text('external_id').notNull(),
    priority: text('priority'),
    status: text('status'),
    title: text('title'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    /**
     * The rule an event log's first response was inferred by (src/domain/sla/first-response.ts:
     * working-status, assignment, not-measured); null when the export recorded it (or has none).
     */
    firstResponseSource: text('first_response_source'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    history: jsonb('history').notNull().$type<Array<[number, string, number, string | null]>>(),
    importId: uuid('import_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tickets_engagement_external_key').on(t.engagementId, t.externalId),
    // The engagement, of the ticket's own organisation, is checked by triggers (migration
    // 0035), once per statement over all the rows it wrote: a foreign key checks every row
    // (an index probe and a row lock each), a quarter of a bulk load's time.
    index('tickets_org_engagement_opened_idx').on(t.orgId, t.engagementId, t.openedAt),
  ],
);

/** One import run: what it read, what it changed, and every row it rejected. */
export const ticketImports = pgTable(
  'ticket_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id),
    format: text('format').notNull(),
    fileName: text('file_name'),
    status: text('status').notNull(),
    rowsRead: integer('rows_read').notNull().default(0),
    ticketsCreated: integer('tickets_created').notNull().default(0),
    ticketsUpdated: integer('tickets_updated').notNull().default(0),
    ticketsUnchanged: integer('tickets_unchanged').notNull().default(0),
    rejectedCount: integer('rejected_count').notNull().default(0),
    rejected: jsonb('rejected').notNull().default(sql`'[]'::jsonb`),
    createdBy: uuid('created_by').references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('ticket_imports_org_engagement_idx').on(t.orgId, t.engagementId, t.startedAt)],
);

/** Outages and (planned = true) maintenance windows, for availability. */
export const outages = pgTable(
  'outages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    planned: boolean('planned').notNull().default(false),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outages_org_engagement_idx').on(t.orgId, t.engagementId, t.startAt)],
);


/** Generic import mappings saved by name, so a vendor's monthly export imports in one click. */
export const ticketMappings = pgTable(
  'ticket_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    mapping: jsonb('mapping').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ticket_mappings_org_name_key').on(t.orgId, sql`lower(${t.name})`)],
);

/**
 * Each ticket's SLA verdict under its engagement's policy in force, so the SLA ticket list
 * filters, counts and pages in the database instead of measuring every ticket per page.
 * Derived data: the SLA module rewrites an engagement's rows whenever what they were
 * measured from changes (sla_verdict_sets.inputs), and the rows of tickets whose verdict
 * still depends on the time of reading (`volatile`) once per minute they are read in.
 */
export const slaTicketVerdicts = pgTable(
  'sla_ticket_verdicts',
  {
    // Each verdict's ticket is of its engagement and organisation, and goes with its ticket:
    // kept by triggers, one check per statement (migration 0036), not by three foreign keys
    // checked and locked row by row (about half the time a million verdicts took to store).
    ticketId: uuid('ticket_id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    engagementId: uuid('engagement_id').notNull(),
    /** The ticket's opening, copied here because the list sorts by it. */
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    /** 'YYYY-MM' (UTC) of the resolve, or of the opening while unresolved: the list's month filter. */
    month: text('month').notNull(),
    priority: text('priority'),
    /** open, paused or resolved; null when the ticket could not be measured (see problem). */
    state: text('state'),
    problem: text('problem'),
    breached: boolean('breached').notNull(),
    responseBreached: boolean('response_breached').notNull(),
    /** False when the data cannot say when the first response was: neither met nor breached. */
    responseMeasured: boolean('response_measured').notNull().default(true),
    resolutionBreached: boolean('resolution_breached').notNull(),
    atRisk: boolean('at_risk').notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    responseMs: doublePrecision('response_ms'),
    resolutionMs: doublePrecision('resolution_ms'),
    pausedMs: doublePrecision('paused_ms'),
    responseTargetMs: doublePrecision('response_target_ms'),
    resolutionTargetMs: doublePrecision('resolution_target_ms'),
    leftMs: doublePrecision('left_ms'),
    reopenCount: integer('reopen_count').notNull(),
    /** The instant that puts the ticket into a report month (the engine's reportAt); null = not reported yet. */
    reportAt: timestamp('report_at', { withTimezone: true }),
    /** The verdict depends on when it is read: the ticket is open, or has data after the measuring instant. */
    volatile: boolean('volatile').notNull(),
  },
  (t) => [
    index('sla_ticket_verdicts_list_idx').on(t.orgId, t.engagementId, t.openedAt, t.ticketId),
    // One per list filter, in the list's order: a page of breached tickets among 200,000
    // where few breach reads the page, not every verdict (each holds only its matches, so
    // storing verdicts pays for matches only). The month tallies replaced the report index.
    index('sla_ticket_verdicts_breached_idx').on(t.orgId, t.engagementId, t.openedAt, t.ticketId).where(sql`${t.breached}`),
    index('sla_ticket_verdicts_at_risk_idx').on(t.orgId, t.engagementId, t.openedAt, t.ticketId).where(sql`${t.atRisk}`),
    index('sla_ticket_verdicts_open_idx').on(t.orgId, t.engagementId, t.openedAt, t.ticketId).where(sql`${t.state} IN ('open', 'paused')`),
    index('sla_ticket_verdicts_problem_idx').on(t.orgId, t.engagementId, t.openedAt, t.ticketId).where(sql`${t.problem} IS NOT NULL`),
    index('sla_ticket_verdicts_volatile_idx').on(t.engagementId).where(sql`${t.volatile}`),
  ],
);

/** Per engagement: what its stored verdicts were measured from, and when. */
export const slaVerdictSets = pgTable('sla_verdict_sets', {
  engagementId: uuid('engagement_id')
    .primaryKey()
    .references(() => engagements.id),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  /** Policy version, calendar revision and ticket data version the verdicts were measured under. */
  inputs: text('inputs').notNull(),
  /** The instant the volatile verdicts were measured at. */
  measuredAt: timestamp('measured_at', { withTimezone: true }).notNull(),
  volatileCount: integer('volatile_count').notNull().default(0),
  /**
   * How many verdicts each filter of the ticket list matches (all, breached, at-risk, open,
   * problems), counted when the verdicts are stored: an unfiltered page's total is a
   * lookup, not a count over every verdict. Empty for sets stored before it existed.
   */
  counts: jsonb('counts').notNull().default({}).$type<Partial<Record<VerdictCountKey, number>>>(),
  /**
   * The verdicts counted per report month (in the policy calendar's zone) and priority,
   * also when stored: the portfolio overview adds up these rows instead of counting every
   * verdict of the year across every engagement on each read.
   */
  tallies: jsonb('tallies').notNull().default({}).$type<VerdictTallies>(),
});

export type VerdictCountKey = 'all' | 'breached' | 'at-risk' | 'open' | 'problems';
export interface VerdictTally {
  tickets: number;
  breached: number;
  responseBreaches: number;
  resolutionBreaches: number;
  responseNotMeasured: number;
}
/** month ('YYYY-MM') → priority → counts. */
export type VerdictTallies = Record<string, Record<string, VerdictTally>>;
