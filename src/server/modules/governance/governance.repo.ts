import { and, asc, count, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { actionItems, calendars, engagements, governanceSettings, meetingCadences, meetings, performanceReviews, reviewSurveyInvites, statusReports, users, vendors } from '../../db/schema.ts';

export type SettingsRow = typeof governanceSettings.$inferSelect;
export type CadenceRow = typeof meetingCadences.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;
export type ActionRow = typeof actionItems.$inferSelect;

// ---------------------------------------------------------------- settings

const clientContact = alias(users, 'client_contact');
const vendorContact = alias(users, 'vendor_contact');
const clientCal = alias(calendars, 'client_calendar');
const vendorCal = alias(calendars, 'vendor_calendar');

export type SettingsWithNames = {
  settings: SettingsRow;
  clientContact: { id: string; name: string; email: string } | null;
  vendorContact: { id: string; name: string; email: string } | null;
  clientCalendar: { id: string; name: string; timeZone: string } | null;
  vendorCalendar: { id: string; name: string; timeZone: string } | null;
};

export async function findSettings(db: Db, orgId: string, engagementId: string): Promise<SettingsWithNames | null> {
  const rows = await db
    .select({
      settings: governanceSettings,
      clientContact: { id: clientContact.id, name: clientContact.name, email: clientContact.email },
      vendorContact: { id: vendorContact.id, name: vendorContact.name, email: vendorContact.email },
      clientCalendar: { id: clientCal.id, name: clientCal.name, timeZone: clientCal.timeZone },
      vendorCalendar: { id: vendorCal.id, name: vendorCal.name, timeZone: vendorCal.timeZone },
    })
    .from(governanceSettings)
    .leftJoin(clientContact, eq(clientContact.id, governanceSettings.clientContactId))
    .leftJoin(vendorContact, eq(vendorContact.id, governanceSettings.vendorContactId))
    .leftJoin(clientCal, eq(clientCal.id, governanceSettings.clientCalendarId))
    .leftJoin(vendorCal, eq(vendorCal.id, governanceSettings.vendorCalendarId))
    .where(and(eq(governanceSettings.orgId, orgId), eq(governanceSettings.engagementId, engagementId)))
    .limit(1);
  return (rows[0] as SettingsWithNames | undefined) ?? null;
}

export async function lockSettings(db: Db, orgId: string, engagementId: string): Promise<SettingsRow | null> {
  const rows = await db
    .select()
    .from(governanceSettings)
    .where(and(eq(governanceSettings.orgId, orgId), eq(governanceSettings.engagementId, engagementId)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

export async function upsertSettings(db: Db, row: typeof governanceSettings.$inferInsert): Promise<SettingsRow> {
  const { engagementId: _e, orgId: _o, ...set } = row;
  const [r] = await db.insert(governanceSettings).values(row).onConflictDoUpdate({ target: governanceSettings.engagementId, set }).returning();
  return r;
}

// ---------------------------------------------------------------- cadences

export async function cadencesOf(db: Db, orgId: string, engagementId: string): Promise<CadenceRow[]> {
  return db
    .select()
    .from(meetingCadences)
    .where(and(eq(meetingCadences.orgId, orgId), eq(meetingCadences.engagementId, engagementId)))
    .orderBy(asc(meetingCadences.createdAt), asc(meetingCadences.id));
}

/** Every cadence of the organisation with its engagement's name, for the feed (capped). */
export async function allCadences(db: Db, orgId: string, cap: number) {
  return db
    .select({ cadence: meetingCadences, engagementName: engagements.name, vendorName: vendors.name })
    .from(meetingCadences)
    .innerJoin(engagements, eq(engagements.id, meetingCadences.engagementId))
    .innerJoin(vendors, eq(vendors.id, meetingCadences.vendorId))
    .where(and(eq(meetingCadences.orgId, orgId), isNull(engagements.archivedAt)))
    .orderBy(asc(meetingCadences.id))
    .limit(cap);
}

export async function findCadence(db: Db, orgId: string, id: string, lock = false): Promise<CadenceRow | null> {
  const q = db.select().from(meetingCadences).where(and(eq(meetingCadences.orgId, orgId), eq(meetingCadences.id, id)));
  const rows = lock ? await q.for('update').limit(1) : await q.limit(1);
  return rows[0] ?? null;
}

export async function insertCadence(db: Db, row: typeof meetingCadences.$inferInsert): Promise<CadenceRow> {
  const [r] = await db.insert(meetingCadences).values(row).returning();
  return r;
}

export async function updateCadence(db: Db, orgId: string, id: string, patch: Partial<typeof meetingCadences.$inferInsert>): Promise<CadenceRow> {
  const [r] = await db.update(meetingCadences).set(patch).where(and(eq(meetingCadences.orgId, orgId), eq(meetingCadences.id, id))).returning();
  return r;
}

/** A cadence goes; the meetings held under it stay, no longer tied to it. */
export async function deleteCadence(db: Db, orgId: string, id: string): Promise<void> {
  await db.update(meetings).set({ cadenceId: null }).where(and(eq(meetings.orgId, orgId), eq(meetings.cadenceId, id)));
  await db.delete(meetingCadences).where(and(eq(meetingCadences.orgId, orgId), eq(meetingCadences.id, id)));
}

// ---------------------------------------------------------------- meetings

export type MeetingWithCount = { meeting: MeetingRow; actionCount: number };
const MEETING_SORT: KeysetSort = { cols: [key(sql`${meetings.occursOn}`, 'date'), key(sql`${meetings.id}`, 'uuid')], desc: true };
export const meetingSort = { arity: 2, key: (r: MeetingWithCount) => [r.meeting.occursOn, r.meeting.id] };
// Written out with the table names: inside a subquery drizzle would leave the columns unqualified.
const actionCount = sql<number>`(select count(*)::int from action_items ai where ai.meeting_id = "meetings"."id")`;

export async function listMeetings(db: Db, orgId: string, engagementId: string, after: unknown[] | null, limit: number): Promise<MeetingWithCount[]> {
  return db
    .select({ meeting: meetings, actionCount })
    .from(meetings)
    .where(and(eq(meetings.orgId, orgId), eq(meetings.engagementId, engagementId), afterCursor(MEETING_SORT, after)))
    .orderBy(...keysetOrder(MEETING_SORT))
    .limit(limit);
}

export async function findMeeting(db: Db, orgId: string, id: string): Promise<MeetingWithCount | null> {
  const rows = await db
    .select({ meeting: meetings, actionCount })
    .from(meetings)
    .where(and(eq(meetings.orgId, orgId), eq(meetings.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

/** Meetings of an engagement recorded since a date (for cadence health), oldest first. */
export async function meetingsSince(db: Db, orgId: string, engagementIds: readonly string[], since: string): Promise<MeetingRow[]> {
  if (engagementIds.length === 0) return [];
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.orgId, orgId), inArray(meetings.engagementId, [...engagementIds]), sql`${meetings.occursOn} >= ${since}`))
    .orderBy(asc(meetings.occursOn), asc(meetings.id));
}

export async function lastHeldMeeting(db: Db, orgId: string, engagementId: string): Promise<MeetingRow | null> {
  const rows = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.orgId, orgId), eq(meetings.engagementId, engagementId), eq(meetings.status, 'held')))
    .orderBy(sql`${meetings.occursOn} DESC`, sql`${meetings.createdAt} DESC`)
    .limit(1);
  return rows[0] ?? null;
}

export async function insertMeeting(db: Db, row: typeof meetings.$inferInsert): Promise<MeetingRow> {
  const [r] = await db.insert(meetings).values(row).returning();
  return r;
}

// ---------------------------------------------------------------- action items

const owner = alias(users, 'action_owner');
export type ActionWithNames = { action: ActionRow; engagementName: string; vendorName: string; ownerName: string | null };
const ACTION_SORT: KeysetSort = { cols: [key(sql`${actionItems.dueOn}`, 'date'), key(sql`${actionItems.id}`, 'uuid')], desc: false };
export const actionSort = { arity: 2, key: (r: ActionWithNames) => [r.action.dueOn, r.action.id] };
const actionQuery = (db: Db) =>
  db
    .select({ action: actionItems, engagementName: engagements.name, vendorName: vendors.name, ownerName: owner.name })
    .from(actionItems)
    .innerJoin(engagements, eq(engagements.id, actionItems.engagementId))
    .innerJoin(vendors, eq(vendors.id, actionItems.vendorId))
    .leftJoin(owner, eq(owner.id, actionItems.ownerId));

export interface ActionFilter {
  engagementId?: string;
  ownerId?: string;
  /** A vendor contact's view: its vendor's items owned by the vendor side. */
  vendorSideOf?: string;
  statuses?: readonly string[];
  dueBefore?: string;
}

function actionWhere(orgId: string, f: ActionFilter): SQL[] {
  const where: SQL[] = [eq(actionItems.orgId, orgId)];
  if (f.engagementId) where.push(eq(actionItems.engagementId, f.engagementId));
  if (f.ownerId) where.push(eq(actionItems.ownerId, f.ownerId));
  if (f.vendorSideOf) where.push(eq(actionItems.vendorId, f.vendorSideOf), eq(actionItems.ownerSide, 'vendor'));
  if (f.statuses?.length) where.push(inArray(actionItems.status, [...f.statuses]));
  if (f.dueBefore) where.push(lt(actionItems.dueOn, f.dueBefore));
  return where;
}

export async function listActions(db: Db, orgId: string, f: ActionFilter, after: unknown[] | null, limit: number): Promise<ActionWithNames[]> {
  return actionQuery(db)
    .where(and(...actionWhere(orgId, f), afterCursor(ACTION_SORT, after)))
    .orderBy(...keysetOrder(ACTION_SORT))
    .limit(limit);
}

export async function countActions(db: Db, orgId: string, f: ActionFilter): Promise<number> {
  const [r] = await db.select({ n: count() }).from(actionItems).where(and(...actionWhere(orgId, f)));
  return Number(r.n);
}

export async function findAction(db: Db, orgId: string, id: string): Promise<ActionWithNames | null> {
  const rows = await actionQuery(db)
    .where(and(eq(actionItems.orgId, orgId), eq(actionItems.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function lockAction(db: Db, orgId: string, id: string): Promise<ActionRow | null> {
  const rows = await db.select().from(actionItems).where(and(eq(actionItems.orgId, orgId), eq(actionItems.id, id))).for('update').limit(1);
  return rows[0] ?? null;
}

export async function insertAction(db: Db, row: typeof actionItems.$inferInsert): Promise<ActionRow> {
  const [r] = await db.insert(actionItems).values(row).returning();
  return r;
}

export async function updateAction(db: Db, orgId: string, id: string, patch: Partial<typeof actionItems.$inferInsert>): Promise<ActionRow> {
  const [r] = await db.update(actionItems).set(patch).where(and(eq(actionItems.orgId, orgId), eq(actionItems.id, id))).returning();
  return r;
}

// ---------------------------------------------------------------- status reports

export type StatusReportRow = typeof statusReports.$inferSelect;
export type ReportWithName = { report: StatusReportRow; submittedByName: string | null };
const submitter = alias(users, 'report_submitter');

export async function reportsOf(db: Db, orgId: string, engagementIds: readonly string[], since: string): Promise<ReportWithName[]> {
  if (engagementIds.length === 0) return [];
  return db
    .select({ report: statusReports, submittedByName: submitter.name })
    .from(statusReports)
    .leftJoin(submitter, eq(submitter.id, statusReports.submittedBy))
    .where(and(eq(statusReports.orgId, orgId), inArray(statusReports.engagementId, [...engagementIds]), sql`${statusReports.dueOn} >= ${since}`));
}

export async function findReport(db: Db, orgId: string, id: string, lock = false): Promise<StatusReportRow | null> {
  const q = db.select().from(statusReports).where(and(eq(statusReports.orgId, orgId), eq(statusReports.id, id)));
  const rows = lock ? await q.for('update').limit(1) : await q.limit(1);
  return rows[0] ?? null;
}

export async function findReportFor(db: Db, orgId: string, engagementId: string, dueOn: string): Promise<StatusReportRow | null> {
  const rows = await db
    .select()
    .from(statusReports)
    .where(and(eq(statusReports.orgId, orgId), eq(statusReports.engagementId, engagementId), eq(statusReports.dueOn, dueOn)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertReport(db: Db, row: typeof statusReports.$inferInsert): Promise<StatusReportRow> {
  const [r] = await db.insert(statusReports).values(row).returning();
  return r;
}

export async function updateReport(db: Db, orgId: string, id: string, patch: Partial<typeof statusReports.$inferInsert>): Promise<StatusReportRow> {
  const [r] = await db.update(statusReports).set(patch).where(and(eq(statusReports.orgId, orgId), eq(statusReports.id, id))).returning();
  return r;
}

/** Engagements that ask for status reports, with their names (a vendor's, or all of the organisation's for the feed). */
export async function reportingEngagements(db: Db, orgId: string, vendorId: string | null) {
  const where: SQL[] = [eq(governanceSettings.orgId, orgId), sql`${governanceSettings.statusReportRrule} is not null`, isNull(engagements.archivedAt)];
  if (vendorId) where.push(eq(governanceSettings.vendorId, vendorId));
  return db
    .select({ settings: governanceSettings, engagementName: engagements.name, vendorName: vendors.name })
    .from(governanceSettings)
    .innerJoin(engagements, eq(engagements.id, governanceSettings.engagementId))
    .innerJoin(vendors, eq(vendors.id, governanceSettings.vendorId))
    .where(and(...where))
    .orderBy(asc(engagements.name), asc(engagements.id))
    .limit(200);
}

// ---------------------------------------------------------------- performance reviews

export type ReviewRow = typeof performanceReviews.$inferSelect;
export type { ReviewCriterionRow } from '../../db/schema/governance.ts';
export type ReviewWithNames = { review: ReviewRow; engagementName: string; vendorName: string };
const REVIEW_SORT: KeysetSort = { cols: [key(sql`${performanceReviews.period}`, 'text'), key(sql`${performanceReviews.id}`, 'uuid')], desc: false };
export const reviewSort = { arity: 2, key: (r: ReviewWithNames) => [r.review.period, r.review.id] };
const reviewQuery = (db: Db) =>
  db
    .select({ review: performanceReviews, engagementName: engagements.name, vendorName: vendors.name })
    .from(performanceReviews)
    .innerJoin(engagements, eq(engagements.id, performanceReviews.engagementId))
    .innerJoin(vendors, eq(vendors.id, performanceReviews.vendorId));

export async function listReviews(db: Db, orgId: string, f: { engagementId?: string; sharedOfVendor?: string }, after: unknown[] | null, limit: number): Promise<ReviewWithNames[]> {
  const where: SQL[] = [eq(performanceReviews.orgId, orgId)];
  if (f.engagementId) where.push(eq(performanceReviews.engagementId, f.engagementId));
  if (f.sharedOfVendor) where.push(eq(performanceReviews.vendorId, f.sharedOfVendor), sql`${performanceReviews.sharedAt} is not null`);
  return reviewQuery(db)
    .where(and(...where, afterCursor(REVIEW_SORT, after)))
    .orderBy(...keysetOrder(REVIEW_SORT))
    .limit(limit);
}

export async function findReview(db: Db, orgId: string, id: string): Promise<ReviewWithNames | null> {
  const rows = await reviewQuery(db)
    .where(and(eq(performanceReviews.orgId, orgId), eq(performanceReviews.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findReviewFor(db: Db, orgId: string, engagementId: string, period: string): Promise<ReviewRow | null> {
  const rows = await db
    .select()
    .from(performanceReviews)
    .where(and(eq(performanceReviews.orgId, orgId), eq(performanceReviews.engagementId, engagementId), eq(performanceReviews.period, period)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertReview(db: Db, row: typeof performanceReviews.$inferInsert): Promise<ReviewRow> {
  const [r] = await db.insert(performanceReviews).values(row).returning();
  return r;
}

export async function updateReview(db: Db, orgId: string, id: string, patch: Partial<typeof performanceReviews.$inferInsert>): Promise<ReviewRow> {
  const [r] = await db.update(performanceReviews).set(patch).where(and(eq(performanceReviews.orgId, orgId), eq(performanceReviews.id, id))).returning();
  return r;
}

// ---------- survey invites (the rated criteria of a review) ----------
export type SurveyInviteRow = typeof reviewSurveyInvites.$inferSelect;
export type InviteWithName = { invite: SurveyInviteRow; name: string; email: string };

export async function insertInvites(db: Db, rows: (typeof reviewSurveyInvites.$inferInsert)[]): Promise<void> {
  await db.insert(reviewSurveyInvites).values(rows);
}

export async function invitesOf(db: Db, orgId: string, reviewId: string): Promise<InviteWithName[]> {
  return db
    .select({ invite: reviewSurveyInvites, name: users.name, email: users.email })
    .from(reviewSurveyInvites)
    .innerJoin(users, eq(users.id, reviewSurveyInvites.userId))
    .where(and(eq(reviewSurveyInvites.orgId, orgId), eq(reviewSurveyInvites.reviewId, reviewId)))
    .orderBy(asc(reviewSurveyInvites.sentAt), asc(users.name));
}

/** Before anyone is signed in: the link's token is the only key, across organisations. */
export async function findInviteByTokenForLink(db: Db, tokenHash: string): Promise<(InviteWithName & { review: ReviewWithNames }) | null> {
  const [row] = await db
    .select({ invite: reviewSurveyInvites, name: users.name, email: users.email })
    .from(reviewSurveyInvites)
    .innerJoin(users, eq(users.id, reviewSurveyInvites.userId))
    .where(eq(reviewSurveyInvites.tokenHash, tokenHash))
    .limit(1);
  if (!row) return null;
  const review = await findReview(db, row.invite.orgId, row.invite.reviewId);
  return review ? { ...row, review } : null;
}

/** Stores the answers once: a second use of the link (or a race of two) gets nothing back. */
export async function claimInvite(db: Db, orgId: string, id: string, answers: SurveyInviteRow['answers'], now: Date): Promise<SurveyInviteRow | null> {
  const [r] = await db
    .update(reviewSurveyInvites)
    .set({ answers, answeredAt: now })
    .where(and(eq(reviewSurveyInvites.orgId, orgId), eq(reviewSurveyInvites.id, id), isNull(reviewSurveyInvites.answeredAt)))
    .returning();
  return r ?? null;
}

/** Locks a review while its rated criteria are recomputed, so two answers arriving together both count. */
export async function lockReview(db: Db, orgId: string, id: string): Promise<ReviewRow | null> {
  const rows = await db.select().from(performanceReviews).where(and(eq(performanceReviews.orgId, orgId), eq(performanceReviews.id, id))).for('update').limit(1);
  return rows[0] ?? null;
}
