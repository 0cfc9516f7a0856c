import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { anyUuid, idScope } from '../../db/any.ts';
import type { Db } from '../../db/client.ts';
import { engagements, exitActions, exitDrills, exitPlans, exitProfiles, exitReadinessSnapshots, exitSettings, exitStepFiles, exitSteps, exitAssets, exitVendorAccounts, users, vendors } from '../../db/schema.ts';

export type SettingsRow = typeof exitSettings.$inferSelect;
export type ProfileRow = typeof exitProfiles.$inferSelect;
export type AssetRow = typeof exitAssets.$inferSelect;
export type VendorAccountRow = typeof exitVendorAccounts.$inferSelect;
export type PlanRow = typeof exitPlans.$inferSelect;
export type StepRow = typeof exitSteps.$inferSelect;
export type StepWithPlan = StepRow & { planStatus: string; engagementId: string; engagementName: string };
export type DrillRow = typeof exitDrills.$inferSelect;
export type StepFileRow = typeof exitStepFiles.$inferSelect;
export type ActionRow = typeof exitActions.$inferSelect;
export type SnapshotRow = typeof exitReadinessSnapshots.$inferSelect;

/** More than an engagement keeps of each; a view cut here says so (`truncated`). */
export const CAP = 200;
export const DRILL_CAP = 50;
export const HISTORY_CAP = 100;

// ---------------------------------------------------------------- settings

export async function findSettings(db: Db, orgId: string): Promise<SettingsRow | null> {
  const rows = await db.select().from(exitSettings).where(eq(exitSettings.orgId, orgId)).limit(1);
  return rows[0] ?? null;
}

export async function upsertSettings(db: Db, orgId: string, values: Omit<typeof exitSettings.$inferInsert, 'orgId'>): Promise<SettingsRow> {
  const [r] = await db
    .insert(exitSettings)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: exitSettings.orgId, set: values })
    .returning();
  return r;
}

// ---------------------------------------------------------------- profiles

export async function profilesOf(db: Db, orgId: string, engagementIds: readonly string[]): Promise<ProfileRow[]> {
  if (engagementIds.length === 0) return [];
  const scope = idScope(exitProfiles.engagementId, engagementIds);
  return scope.keep(await db.select().from(exitProfiles).where(and(eq(exitProfiles.orgId, orgId), scope.where)), (r) => r.engagementId);
}

export async function upsertProfile(db: Db, orgId: string, engagementId: string, vendorId: string, values: Partial<typeof exitProfiles.$inferInsert>): Promise<ProfileRow> {
  const [r] = await db
    .insert(exitProfiles)
    .values({ orgId, engagementId, vendorId, ...values })
    .onConflictDoUpdate({ target: [exitProfiles.orgId, exitProfiles.engagementId], set: values })
    .returning();
  return r;
}

/** Names of internal users, for backup owners and skill coverage. */
export async function userNames(db: Db, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---------------------------------------------------------------- assets and vendor accounts

export async function assetsOf(db: Db, orgId: string, engagementIds: readonly string[], limit = CAP + 1): Promise<AssetRow[]> {
  if (engagementIds.length === 0) return [];
  const scope = idScope(exitAssets.engagementId, engagementIds);
  const rows = await db
    .select()
    .from(exitAssets)
    .where(and(eq(exitAssets.orgId, orgId), scope.where))
    .orderBy(asc(exitAssets.kind), asc(exitAssets.name), asc(exitAssets.id))
    // A whole-organisation read is cut after the filter, so the limit counts only rows asked for.
    .limit(scope.where ? limit : Number.MAX_SAFE_INTEGER);
  return scope.keep(rows, (r) => r.engagementId).slice(0, limit);
}

export async function lockAsset(db: Db, orgId: string, id: string): Promise<AssetRow | null> {
  const rows = await db.select().from(exitAssets).where(and(eq(exitAssets.orgId, orgId), eq(exitAssets.id, id))).for('update').limit(1);
  return rows[0] ?? null;
}

export async function insertAsset(db: Db, row: typeof exitAssets.$inferInsert): Promise<AssetRow> {
  const [r] = await db.insert(exitAssets).values(row).returning();
  return r;
}

export async function updateAsset(db: Db, orgId: string, id: string, patch: Partial<typeof exitAssets.$inferInsert>): Promise<AssetRow> {
  const [r] = await db.update(exitAssets).set(patch).where(and(eq(exitAssets.orgId, orgId), eq(exitAssets.id, id))).returning();
  return r;
}

export async function deleteAsset(db: Db, orgId: string, id: string): Promise<void> {
  await db.delete(exitAssets).where(and(eq(exitAssets.orgId, orgId), eq(exitAssets.id, id)));
}

export async function accountsOf(db: Db, orgId: string, engagementId: string): Promise<VendorAccountRow[]> {
  return db
    .select()
    .from(exitVendorAccounts)
    .where(and(eq(exitVendorAccounts.orgId, orgId), eq(exitVendorAccounts.engagementId, engagementId)))
    .orderBy(asc(exitVendorAccounts.system), asc(exitVendorAccounts.account), asc(exitVendorAccounts.id))
    .limit(CAP + 1);
}

export async function lockAccount(db: Db, orgId: string, id: string): Promise<VendorAccountRow | null> {
  const rows = await db.select().from(exitVendorAccounts).where(and(eq(exitVendorAccounts.orgId, orgId), eq(exitVendorAccounts.id, id))).for('update').limit(1);
  return rows[0] ?? null;
}

export async function insertAccount(db: Db, row: typeof exitVendorAccounts.$inferInsert): Promise<VendorAccountRow> {
  const [r] = await db.insert(exitVendorAccounts).values(row).returning();
  return r;
}

export async function updateAccount(db: Db, orgId: string, id: string, patch: Partial<typeof exitVendorAccounts.$inferInsert>): Promise<VendorAccountRow> {
  const [r] = await db.update(exitVendorAccounts).set(patch).where(and(eq(exitVendorAccounts.orgId, orgId), eq(exitVendorAccounts.id, id))).returning();
  return r;
}

/** Accounts of an engagement not yet revoked (revoked together when the exit's revocation step is done). */
export async function revokeOpenAccounts(db: Db, orgId: string, engagementId: string, on: string, now: Date): Promise<VendorAccountRow[]> {
  return db
    .update(exitVendorAccounts)
    .set({ revokedOn: on, updatedAt: now })
    .where(and(eq(exitVendorAccounts.orgId, orgId), eq(exitVendorAccounts.engagementId, engagementId), isNull(exitVendorAccounts.revokedOn)))
    .returning();
}

// ---------------------------------------------------------------- plans and steps

export async function plansOf(db: Db, orgId: string, engagementIds: readonly string[]): Promise<PlanRow[]> {
  if (engagementIds.length === 0) return [];
  const scope = idScope(exitPlans.engagementId, engagementIds);
  return scope.keep(await db.select().from(exitPlans).where(and(eq(exitPlans.orgId, orgId), scope.where)), (r) => r.engagementId);
}

export async function lockPlan(db: Db, orgId: string, id: string): Promise<PlanRow | null> {
  const rows = await db.select().from(exitPlans).where(and(eq(exitPlans.orgId, orgId), eq(exitPlans.id, id))).for('update').limit(1);
  return rows[0] ?? null;
}

export async function insertPlan(db: Db, row: typeof exitPlans.$inferInsert): Promise<PlanRow> {
  const [r] = await db.insert(exitPlans).values(row).returning();
  return r;
}

export async function updatePlan(db: Db, orgId: string, id: string, patch: Partial<typeof exitPlans.$inferInsert>): Promise<PlanRow> {
  const [r] = await db.update(exitPlans).set(patch).where(and(eq(exitPlans.orgId, orgId), eq(exitPlans.id, id))).returning();
  return r;
}

export async function stepsOf(db: Db, orgId: string, planId: string): Promise<StepRow[]> {
  return db
    .select()
    .from(exitSteps)
    .where(and(eq(exitSteps.orgId, orgId), eq(exitSteps.planId, planId)))
    .orderBy(asc(exitSteps.position), asc(exitSteps.id));
}

export async function replaceSteps(db: Db, orgId: string, planId: string, rows: Array<typeof exitSteps.$inferInsert>): Promise<void> {
  await db.delete(exitSteps).where(and(eq(exitSteps.orgId, orgId), eq(exitSteps.planId, planId)));
  if (rows.length) await db.insert(exitSteps).values(rows);
}

export async function updateStep(db: Db, orgId: string, id: string, patch: Partial<typeof exitSteps.$inferInsert>): Promise<StepRow> {
  const [r] = await db.update(exitSteps).set(patch).where(and(eq(exitSteps.orgId, orgId), eq(exitSteps.id, id))).returning();
  return r;
}

const stepWithPlan = (db: Db) =>
  db
    .select({ step: exitSteps, planStatus: exitPlans.status, engagementId: exitPlans.engagementId, engagementName: engagements.name })
    .from(exitSteps)
    .innerJoin(exitPlans, eq(exitPlans.id, exitSteps.planId))
    .innerJoin(engagements, eq(engagements.id, exitPlans.engagementId));
const flat = (r: { step: StepRow; planStatus: string; engagementId: string; engagementName: string }): StepWithPlan => ({ ...r.step, planStatus: r.planStatus, engagementId: r.engagementId, engagementName: r.engagementName });

export async function findStep(db: Db, orgId: string, id: string, forUpdate = false): Promise<StepWithPlan | null> {
  const q = stepWithPlan(db).where(and(eq(exitSteps.orgId, orgId), eq(exitSteps.id, id)));
  const rows = await (forUpdate ? q.for('update', { of: exitSteps }) : q).limit(1);
  return rows[0] ? flat(rows[0]) : null;
}

/** The vendor's handover steps of exits that started, by due date. */
export async function vendorSteps(db: Db, orgId: string, vendorId: string): Promise<StepWithPlan[]> {
  const rows = await stepWithPlan(db)
    .where(and(eq(exitSteps.orgId, orgId), eq(exitSteps.vendorId, vendorId), eq(exitSteps.owner, 'vendor'), inArray(exitPlans.status, ['running', 'done'])))
    .orderBy(asc(exitSteps.dueOn), asc(exitSteps.position), asc(exitSteps.id))
    .limit(CAP);
  return rows.map(flat);
}

/** Open steps of running exits across the organisation (the feed), by due date. */
export async function openRunningSteps(db: Db, orgId: string, limit: number) {
  return db
    .select({ step: exitSteps, engagementId: exitPlans.engagementId, engagementName: engagements.name, vendorName: vendors.name })
    .from(exitSteps)
    .innerJoin(exitPlans, eq(exitPlans.id, exitSteps.planId))
    .innerJoin(engagements, eq(engagements.id, exitPlans.engagementId))
    .innerJoin(vendors, eq(vendors.id, exitSteps.vendorId))
    .where(and(eq(exitSteps.orgId, orgId), eq(exitPlans.status, 'running'), inArray(exitSteps.status, ['open', 'delivered'])))
    .orderBy(asc(exitSteps.dueOn), asc(exitSteps.id))
    .limit(limit);
}

/** Open exit actions due by `to`, soonest first, with the names the feed shows. */
export async function openActionsDue(db: Db, orgId: string, to: string, limit: number) {
  return db
    .select({ action: exitActions, engagementName: engagements.name, vendorName: vendors.name })
    .from(exitActions)
    .innerJoin(engagements, eq(engagements.id, exitActions.engagementId))
    .innerJoin(vendors, eq(vendors.id, exitActions.vendorId))
    .where(and(eq(exitActions.orgId, orgId), eq(exitActions.status, 'open'), lte(exitActions.dueOn, to)))
    .orderBy(asc(exitActions.dueOn), asc(exitActions.id))
    .limit(limit);
}

// ---------------------------------------------------------------- files handed over with steps

export async function filesOfSteps(db: Db, orgId: string, stepIds: readonly string[]): Promise<StepFileRow[]> {
  if (stepIds.length === 0) return [];
  return db
    .select()
    .from(exitStepFiles)
    .where(and(eq(exitStepFiles.orgId, orgId), inArray(exitStepFiles.stepId, [...stepIds])))
    .orderBy(asc(exitStepFiles.createdAt), asc(exitStepFiles.id));
}

export async function findStepFile(db: Db, orgId: string, id: string): Promise<StepFileRow | null> {
  const rows = await db
    .select()
    .from(exitStepFiles)
    .where(and(eq(exitStepFiles.orgId, orgId), eq(exitStepFiles.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertStepFile(db: Db, row: typeof exitStepFiles.$inferInsert): Promise<StepFileRow> {
  const [r] = await db.insert(exitStepFiles).values(row).returning();
  return r;
}

// ---------------------------------------------------------------- drills and actions

export async function drillsOf(db: Db, orgId: string, engagementId: string): Promise<DrillRow[]> {
  return db
    .select()
    .from(exitDrills)
    .where(and(eq(exitDrills.orgId, orgId), eq(exitDrills.engagementId, engagementId)))
    .orderBy(desc(exitDrills.heldOn), desc(exitDrills.createdAt), desc(exitDrills.id))
    .limit(DRILL_CAP + 1);
}

/** Per engagement: the last drill, and the last drill that tried the data export step. */
export async function lastDrills(db: Db, orgId: string, engagementIds: readonly string[], dataExportKey: string): Promise<{ last: DrillRow[]; lastExport: DrillRow[] }> {
  if (engagementIds.length === 0) return { last: [], lastExport: [] };
  const ids = idScope(exitDrills.engagementId, engagementIds);
  const scope = and(eq(exitDrills.orgId, orgId), ids.where);
  const order = [exitDrills.engagementId, desc(exitDrills.heldOn), desc(exitDrills.createdAt), desc(exitDrills.id)] as const;
  const last = await db.selectDistinctOn([exitDrills.engagementId]).from(exitDrills).where(scope).orderBy(...order);
  const lastExport = await db
    .selectDistinctOn([exitDrills.engagementId])
    .from(exitDrills)
    .where(and(scope, sql`${exitDrills.results} @> ${JSON.stringify([{ stepKey: dataExportKey }])}::jsonb`))
    .orderBy(...order);
  return { last: ids.keep(last, (r) => r.engagementId), lastExport: ids.keep(lastExport, (r) => r.engagementId) };
}

export async function insertDrill(db: Db, row: typeof exitDrills.$inferInsert): Promise<DrillRow> {
  const [r] = await db.insert(exitDrills).values(row).returning();
  return r;
}

export async function actionsOf(db: Db, orgId: string, engagementId: string): Promise<ActionRow[]> {
  return db
    .select()
    .from(exitActions)
    .where(and(eq(exitActions.orgId, orgId), eq(exitActions.engagementId, engagementId)))
    .orderBy(asc(exitActions.status), desc(exitActions.createdAt), asc(exitActions.id))
    .limit(CAP + 1);
}

export async function insertActions(db: Db, rows: Array<typeof exitActions.$inferInsert>): Promise<ActionRow[]> {
  if (rows.length === 0) return [];
  return db.insert(exitActions).values(rows).returning();
}

export async function lockAction(db: Db, orgId: string, id: string): Promise<ActionRow | null> {
  const rows = await db.select().from(exitActions).where(and(eq(exitActions.orgId, orgId), eq(exitActions.id, id))).for('update').limit(1);
  return rows[0] ?? null;
}

export async function updateAction(db: Db, orgId: string, id: string, patch: Partial<typeof exitActions.$inferInsert>): Promise<ActionRow> {
  const [r] = await db.update(exitActions).set(patch).where(and(eq(exitActions.orgId, orgId), eq(exitActions.id, id))).returning();
  return r;
}

// ---------------------------------------------------------------- readiness history

export async function lastSnapshot(db: Db, orgId: string, engagementId: string): Promise<SnapshotRow | null> {
  const rows = await db
    .select()
    .from(exitReadinessSnapshots)
    .where(and(eq(exitReadinessSnapshots.orgId, orgId), eq(exitReadinessSnapshots.engagementId, engagementId)))
    .orderBy(desc(exitReadinessSnapshots.takenAt), desc(exitReadinessSnapshots.id))
    .limit(1);
  return rows[0] ?? null;
}

export async function history(db: Db, orgId: string, engagementId: string): Promise<SnapshotRow[]> {
  return db
    .select()
    .from(exitReadinessSnapshots)
    .where(and(eq(exitReadinessSnapshots.orgId, orgId), eq(exitReadinessSnapshots.engagementId, engagementId)))
    .orderBy(desc(exitReadinessSnapshots.takenAt), desc(exitReadinessSnapshots.id))
    .limit(HISTORY_CAP + 1);
}

export async function insertSnapshot(db: Db, row: typeof exitReadinessSnapshots.$inferInsert): Promise<void> {
  await db.insert(exitReadinessSnapshots).values(row);
}

export async function insertSnapshots(db: Db, rows: Array<typeof exitReadinessSnapshots.$inferInsert>): Promise<void> {
  if (rows.length > 0) await db.insert(exitReadinessSnapshots).values(rows);
}

/** The newest point of history of each engagement. */
export async function lastSnapshots(db: Db, orgId: string, engagementIds: readonly string[]): Promise<SnapshotRow[]> {
  if (engagementIds.length === 0) return [];
  return db
    .selectDistinctOn([exitReadinessSnapshots.engagementId])
    .from(exitReadinessSnapshots)
    .where(and(eq(exitReadinessSnapshots.orgId, orgId), anyUuid(exitReadinessSnapshots.engagementId, engagementIds)))
    .orderBy(asc(exitReadinessSnapshots.engagementId), desc(exitReadinessSnapshots.takenAt), desc(exitReadinessSnapshots.id));
}

/** One daily check per organisation at a time, across servers: held until the transaction ends. */
export async function lockDailyCheck(db: Db, orgId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`exit_readiness_check:${orgId}`}, 0))`);
}
