import { bigint, date, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs, users } from './orgs.ts';
import { calendars } from './sla.ts';
import { engagements, vendors } from './vendors.ts';

/** One rung of an escalation ladder: who on each side, and after how many hours without an answer to move to the next. */
export interface EscalationLevelRow {
  clientPerson: string;
  vendorPerson: string;
  afterHours: number;
}

/**
 * How an engagement is governed: the single point of contact on each side, the escalation
 * ladder, the channels, the vendor team's size and locations, and the working hours of each
 * team (calendars of the calendars module) with the overlap the engagement requires.
 */
export const governanceSettings = pgTable(
  'governance_settings',
  {
    engagementId: uuid('engagement_id')
      .primaryKey()
      .references(() => engagements.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    clientContactId: uuid('client_contact_id').references(() => users.id),
    vendorContactId: uuid('vendor_contact_id').references(() => users.id),
    escalation: jsonb('escalation').$type<EscalationLevelRow[]>().notNull().default([]),
    chatChannel: text('chat_channel'),
    meetingLink: text('meeting_link'),
    vendorTeamSize: integer('vendor_team_size'),
    vendorLocations: jsonb('vendor_locations').$type<string[]>().notNull().default([]),
    clientCalendarId: uuid('client_calendar_id').references(() => calendars.id),
    vendorCalendarId: uuid('vendor_calendar_id').references(() => calendars.id),
    /** Shared working hours a week the engagement needs, in minutes (so half hours stay exact). */
    requiredOverlapMinutes: integer('required_overlap_minutes'),
    /** The status reports the contract asks for: an RRULE of due dates ("FREQ=WEEKLY;BYDAY=MO"), from a first date; none when null. */
    statusReportRrule: text('status_report_rrule'),
    statusReportFrom: date('status_report_from', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('governance_settings_org_engagement_key').on(t.orgId, t.engagementId)],
);

/**
 * A recurring meeting of an engagement: weekly operations, monthly service review, quarterly
 * business review. The rule is an RFC 5545 RRULE over local dates; the meeting starts at
 * `startTime` in the organiser's zone, so it stays at 10:00 there across a clock change.
 */
export const meetingCadences = pgTable(
  'meeting_cadences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id),
    /** weekly_operations | monthly_service_review | quarterly_business_review */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    rrule: text('rrule').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    timeZone: text('time_zone').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('meeting_cadences_org_id_key').on(t.orgId, t.id), index('meeting_cadences_org_engagement_idx').on(t.orgId, t.engagementId)],
);

export interface AgendaItemRow {
  /** sla | deliverable | finding | action | other */
  source: string;
  text: string;
}
export interface AttendeeRow {
  name: string;
  /** client | vendor */
  side: string;
}

/** A meeting that was held or skipped (with minutes when held). Planned dates come from the cadence, not from rows. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id),
    cadenceId: uuid('cadence_id'),
    title: text('title').notNull(),
    /** The day it was due (the cadence's local date), or held on when off-cadence. */
    occursOn: date('occurs_on', { mode: 'string' }).notNull(),
    /** held | skipped */
    status: text('status').notNull(),
    agenda: jsonb('agenda').$type<AgendaItemRow[]>().notNull().default([]),
    attendees: jsonb('attendees').$type<AttendeeRow[]>().notNull().default([]),
    /** The client's minutes: internal, never shown to a vendor contact. */
    notes: text('notes'),
    decisions: jsonb('decisions').$type<string[]>().notNull().default([]),
    skipReason: text('skip_reason'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('meetings_org_id_key').on(t.orgId, t.id),
    foreignKey({ columns: [t.orgId, t.cadenceId], foreignColumns: [meetingCadences.orgId, meetingCadences.id], name: 'meetings_cadence_fk' }),
    index('meetings_org_engagement_idx').on(t.orgId, t.engagementId, t.occursOn),
  ],
);

/** Something someone on either side has to do, usually out of a meeting. The vendor sees and updates those its side owns. */
export const actionItems = pgTable(
  'action_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id),
    meetingId: uuid('meeting_id'),
    title: text('title').notNull(),
    /** client | vendor */
    ownerSide: text('owner_side').notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** open | done | dropped */
    status: text('status').notNull().default('open'),
    doneOn: date('done_on', { mode: 'string' }),
    /** What the vendor wrote when it updated the item (shared with both sides). */
    vendorNote: text('vendor_note'),
    /** The client's own note; never shown to the vendor. */
    internalNote: text('internal_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('action_items_org_id_key').on(t.orgId, t.id),
    foreignKey({ columns: [t.orgId, t.meetingId], foreignColumns: [meetings.orgId, meetings.id], name: 'action_items_meeting_fk' }),
    index('action_items_org_engagement_idx').on(t.orgId, t.engagementId, t.dueOn),
    index('action_items_org_owner_idx').on(t.orgId, t.ownerId, t.status),
  ],
);

/** A status report the vendor handed in through the portal for one due date: its text and, optionally, one file. */
export const statusReports = pgTable(
  'status_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id),
    /** The due date the report answers. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    fileName: text('file_name'),
    storageKey: text('storage_key'),
    contentType: text('content_type'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    sha256: text('sha256'),
  },
  (t) => [unique('status_reports_org_id_key').on(t.orgId, t.id), unique('status_reports_engagement_due_key').on(t.engagementId, t.dueOn), index('status_reports_org_engagement_idx').on(t.orgId, t.engagementId, t.dueOn)],
);

export interface ReviewCriterionRow {
  key: string;
  label: string;
  /** Where the figure comes from, in words. */
  source: string;
  weight: number;
  value: number | null;
  detail: string;
}

/** A performance review (scorecard) of an engagement for one quarter: measured criteria, weights and the score, shareable with the vendor. */
export const performanceReviews = pgTable(
  'performance_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => engagements.id),
    /** YYYY-Qn */
    period: text('period').notNull(),
    criteria: jsonb('criteria').$type<ReviewCriterionRow[]>().notNull(),
    /** 0–100 in tenths (805 = 80.5), null when nothing could be measured. */
    scoreTenths: integer('score_tenths'),
    sharedAt: timestamp('shared_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('performance_reviews_org_id_key').on(t.orgId, t.id), unique('performance_reviews_engagement_period_key').on(t.engagementId, t.period), index('performance_reviews_org_period_idx').on(t.orgId, t.period)],
);

/** One person's ratings of one criterion of the survey: 1–5 and an optional comment. */
export interface SurveyAnswerRow {
  rating: number;
  comment: string | null;
}

/**
 * A survey of a performance review sent to one internal stakeholder: a single-use link
 * (only its hash is kept) that expires. The answers stay here, the client's alone; the
 * review carries only their average per criterion.
 */
export const reviewSurveyInvites = pgTable(
  'review_survey_invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    reviewId: uuid('review_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull().unique(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** Keyed by criterion (quality, communication, expertise, proactiveness). */
    answers: jsonb('answers').$type<Record<string, SurveyAnswerRow>>(),
  },
  (t) => [
    foreignKey({ columns: [t.orgId, t.reviewId], foreignColumns: [performanceReviews.orgId, performanceReviews.id], name: 'review_survey_invites_review_fk' }),
    index('review_survey_invites_review_idx').on(t.orgId, t.reviewId),
  ],
);
