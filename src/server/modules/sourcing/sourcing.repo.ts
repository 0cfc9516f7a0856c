import { and, asc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { engagements, sourcingCandidates, sourcingCriteria, sourcingInterviews, sourcingPilots, sourcingProjects, sourcingProposalFiles, sourcingReferences, sourcingScores, users, vendors } from '../../db/schema.ts';

export type ProjectRow = typeof sourcingProjects.$inferSelect;
export type CriterionRow = typeof sourcingCriteria.$inferSelect;
export type CandidateRow = typeof sourcingCandidates.$inferSelect;
export type ScoreRow = typeof sourcingScores.$inferSelect;
export type ReferenceRow = typeof sourcingReferences.$inferSelect;
export type InterviewRow = typeof sourcingInterviews.$inferSelect;
export type PilotRow = typeof sourcingPilots.$inferSelect;
export type ProposalFileRow = typeof sourcingProposalFiles.$inferSelect;

// ---------------------------------------------------------------- projects

export type ProjectListRow = { project: ProjectRow; candidateCount: number; createdAtText: string };
const PROJECT_SORT: KeysetSort = { cols: [key(sql`${sourcingProjects.createdAt}`, 'timestamptz'), key(sql`${sourcingProjects.id}`, 'uuid')], desc: true };
export const projectSort = { arity: 2, key: (r: ProjectListRow) => [r.createdAtText, r.project.id] };
// Written out in full: inside a select list drizzle names the outer column without its table, which the subquery would read as its own.
const candidateCount = sql<number>`(select count(*)::int from sourcing_candidates c where c.project_id = sourcing_projects.id)`;

export async function listProjects(db: Db, orgId: string, f: { status?: string; vendorId?: string }, after: unknown[] | null, limit: number): Promise<ProjectListRow[]> {
  const where: SQL[] = [eq(sourcingProjects.orgId, orgId)];
  if (f.status) where.push(eq(sourcingProjects.status, f.status));
  if (f.vendorId) where.push(sql`exists (select 1 from sourcing_candidates c where c.project_id = sourcing_projects.id and c.vendor_id = ${f.vendorId})`);
  return db
    .select({ project: sourcingProjects, candidateCount, createdAtText: sql<string>`${sourcingProjects.createdAt}::text` })
    .from(sourcingProjects)
    .where(and(...where, afterCursor(PROJECT_SORT, after)))
    .orderBy(...keysetOrder(PROJECT_SORT))
    .limit(limit);
}

export async function findProject(db: Db, orgId: string, id: string): Promise<ProjectRow | null> {
  const rows = await db
    .select()
    .from(sourcingProjects)
    .where(and(eq(sourcingProjects.orgId, orgId), eq(sourcingProjects.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function lockProject(db: Db, orgId: string, id: string): Promise<ProjectRow | null> {
  const rows = await db
    .select()
    .from(sourcingProjects)
    .where(and(eq(sourcingProjects.orgId, orgId), eq(sourcingProjects.id, id)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

export async function insertProject(db: Db, row: typeof sourcingProjects.$inferInsert): Promise<ProjectRow> {
  const [r] = await db.insert(sourcingProjects).values(row).returning();
  return r;
}

export async function updateProject(db: Db, orgId: string, id: string, patch: Partial<typeof sourcingProjects.$inferInsert>): Promise<ProjectRow> {
  const [r] = await db
    .update(sourcingProjects)
    .set(patch)
    .where(and(eq(sourcingProjects.orgId, orgId), eq(sourcingProjects.id, id)))
    .returning();
  return r;
}

// ---------------------------------------------------------------- criteria

export async function criteriaOf(db: Db, orgId: string, projectId: string): Promise<CriterionRow[]> {
  return db
    .select()
    .from(sourcingCriteria)
    .where(and(eq(sourcingCriteria.orgId, orgId), eq(sourcingCriteria.projectId, projectId)))
    .orderBy(asc(sourcingCriteria.position), asc(sourcingCriteria.id));
}

export async function insertCriteria(db: Db, rows: Array<typeof sourcingCriteria.$inferInsert>): Promise<void> {
  if (rows.length) await db.insert(sourcingCriteria).values(rows);
}

export async function updateCriterion(db: Db, orgId: string, id: string, patch: Partial<typeof sourcingCriteria.$inferInsert>): Promise<void> {
  await db
    .update(sourcingCriteria)
    .set(patch)
    .where(and(eq(sourcingCriteria.orgId, orgId), eq(sourcingCriteria.id, id)));
}

export async function deleteCriteria(db: Db, orgId: string, ids: string[]): Promise<void> {
  if (ids.length) await db.delete(sourcingCriteria).where(and(eq(sourcingCriteria.orgId, orgId), inArray(sourcingCriteria.id, ids)));
}

// ---------------------------------------------------------------- candidates

export type CandidateWithVendor = { candidate: CandidateRow; vendorName: string; vendorStatus: string };
const candidateQuery = (db: Db) =>
  db
    .select({ candidate: sourcingCandidates, vendorName: vendors.name, vendorStatus: vendors.status })
    .from(sourcingCandidates)
    .innerJoin(vendors, eq(vendors.id, sourcingCandidates.vendorId));

export async function candidatesOf(db: Db, orgId: string, projectId: string): Promise<CandidateWithVendor[]> {
  return candidateQuery(db)
    .where(and(eq(sourcingCandidates.orgId, orgId), eq(sourcingCandidates.projectId, projectId)))
    .orderBy(asc(vendors.name), asc(sourcingCandidates.id));
}

/** A candidate with its project, for the policy (the project's state rules the candidate's actions). */
export type CandidateInProject = CandidateRow & { vendorName: string; vendorStatus: string; project: ProjectRow };
export async function findCandidate(db: Db, orgId: string, id: string, lock = false): Promise<CandidateInProject | null> {
  const q = db
    .select({ candidate: sourcingCandidates, vendorName: vendors.name, vendorStatus: vendors.status, project: sourcingProjects })
    .from(sourcingCandidates)
    .innerJoin(vendors, eq(vendors.id, sourcingCandidates.vendorId))
    .innerJoin(sourcingProjects, eq(sourcingProjects.id, sourcingCandidates.projectId))
    .where(and(eq(sourcingCandidates.orgId, orgId), eq(sourcingCandidates.id, id)))
    .limit(1);
  const rows = lock ? await q.for('update', { of: sourcingCandidates }) : await q;
  return rows[0] ? { ...rows[0].candidate, vendorName: rows[0].vendorName, vendorStatus: rows[0].vendorStatus, project: rows[0].project } : null;
}

export async function insertCandidate(db: Db, row: typeof sourcingCandidates.$inferInsert): Promise<CandidateRow> {
  const [r] = await db.insert(sourcingCandidates).values(row).returning();
  return r;
}

export async function updateCandidate(db: Db, orgId: string, id: string, patch: Partial<typeof sourcingCandidates.$inferInsert>): Promise<CandidateRow> {
  const [r] = await db
    .update(sourcingCandidates)
    .set(patch)
    .where(and(eq(sourcingCandidates.orgId, orgId), eq(sourcingCandidates.id, id)))
    .returning();
  return r;
}

/** Whether any proposal of the project is opened (the weights lock at the first). */
export async function openedProposals(db: Db, orgId: string, projectId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sourcingCandidates)
    .where(and(eq(sourcingCandidates.orgId, orgId), eq(sourcingCandidates.projectId, projectId), sql`${sourcingCandidates.proposalOpenedAt} is not null`));
  return r.n;
}

// ---------------------------------------------------------------- scores, references, interviews

export type ScoreWithName = ScoreRow & { evaluatorName: string };
export async function scoresOf(db: Db, orgId: string, projectId: string): Promise<ScoreWithName[]> {
  const rows = await db
    .select({ score: sourcingScores, evaluatorName: users.name })
    .from(sourcingScores)
    .innerJoin(sourcingCandidates, eq(sourcingCandidates.id, sourcingScores.candidateId))
    .innerJoin(users, eq(users.id, sourcingScores.evaluatorId))
    .where(and(eq(sourcingScores.orgId, orgId), eq(sourcingCandidates.projectId, projectId)));
  return rows.map((r) => ({ ...r.score, evaluatorName: r.evaluatorName }));
}

export async function upsertScore(db: Db, row: typeof sourcingScores.$inferInsert): Promise<ScoreRow> {
  const [r] = await db
    .insert(sourcingScores)
    .values(row)
    .onConflictDoUpdate({ target: [sourcingScores.candidateId, sourcingScores.criterionId, sourcingScores.evaluatorId], set: { score: row.score, note: row.note ?? null, updatedAt: row.updatedAt } })
    .returning();
  return r;
}

export type ReferenceWithName = ReferenceRow & { calledByName: string | null };
export async function referencesOf(db: Db, orgId: string, projectId: string): Promise<ReferenceWithName[]> {
  const rows = await db
    .select({ ref: sourcingReferences, name: users.name })
    .from(sourcingReferences)
    .innerJoin(sourcingCandidates, eq(sourcingCandidates.id, sourcingReferences.candidateId))
    .leftJoin(users, eq(users.id, sourcingReferences.calledBy))
    .where(and(eq(sourcingReferences.orgId, orgId), eq(sourcingCandidates.projectId, projectId)))
    .orderBy(asc(sourcingReferences.calledOn), asc(sourcingReferences.id));
  return rows.map((r) => ({ ...r.ref, calledByName: r.name }));
}

export async function insertReference(db: Db, row: typeof sourcingReferences.$inferInsert): Promise<ReferenceRow> {
  const [r] = await db.insert(sourcingReferences).values(row).returning();
  return r;
}

export type InterviewWithName = InterviewRow & { interviewerName: string | null };
export async function interviewsOf(db: Db, orgId: string, projectId: string): Promise<InterviewWithName[]> {
  const rows = await db
    .select({ iv: sourcingInterviews, name: users.name })
    .from(sourcingInterviews)
    .innerJoin(sourcingCandidates, eq(sourcingCandidates.id, sourcingInterviews.candidateId))
    .leftJoin(users, eq(users.id, sourcingInterviews.interviewerId))
    .where(and(eq(sourcingInterviews.orgId, orgId), eq(sourcingCandidates.projectId, projectId)))
    .orderBy(asc(sourcingInterviews.heldOn), asc(sourcingInterviews.id));
  return rows.map((r) => ({ ...r.iv, interviewerName: r.name }));
}

export async function insertInterview(db: Db, row: typeof sourcingInterviews.$inferInsert): Promise<InterviewRow> {
  const [r] = await db.insert(sourcingInterviews).values(row).returning();
  return r;
}

// ---------------------------------------------------------------- proposal files

export type ProposalFileWithName = ProposalFileRow & { uploadedByName: string | null };
export async function proposalFilesOf(db: Db, orgId: string, projectId: string): Promise<ProposalFileWithName[]> {
  const rows = await db
    .select({ file: sourcingProposalFiles, name: users.name })
    .from(sourcingProposalFiles)
    .innerJoin(sourcingCandidates, eq(sourcingCandidates.id, sourcingProposalFiles.candidateId))
    .leftJoin(users, eq(users.id, sourcingProposalFiles.uploadedBy))
    .where(and(eq(sourcingProposalFiles.orgId, orgId), eq(sourcingCandidates.projectId, projectId)))
    .orderBy(asc(sourcingProposalFiles.createdAt), asc(sourcingProposalFiles.fileName), asc(sourcingProposalFiles.id));
  return rows.map((r) => ({ ...r.file, uploadedByName: r.name }));
}

export async function findProposalFile(db: Db, orgId: string, candidateId: string, id: string): Promise<ProposalFileRow | null> {
  const rows = await db
    .select()
    .from(sourcingProposalFiles)
    .where(and(eq(sourcingProposalFiles.orgId, orgId), eq(sourcingProposalFiles.candidateId, candidateId), eq(sourcingProposalFiles.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertProposalFile(db: Db, row: typeof sourcingProposalFiles.$inferInsert): Promise<ProposalFileRow> {
  const [r] = await db.insert(sourcingProposalFiles).values(row).returning();
  return r;
}

// ---------------------------------------------------------------- pilots

export type PilotWithNames = PilotRow & { projectName: string; vendorName: string; engagementName: string | null; approverName: string | null; projectStatus: string };
const pilotQuery = (db: Db) =>
  db
    .select({ pilot: sourcingPilots, projectName: sourcingProjects.name, projectStatus: sourcingProjects.status, vendorName: vendors.name, engagementName: engagements.name, approverName: users.name })
    .from(sourcingPilots)
    .innerJoin(sourcingProjects, eq(sourcingProjects.id, sourcingPilots.projectId))
    .innerJoin(vendors, eq(vendors.id, sourcingPilots.vendorId))
    .leftJoin(engagements, eq(engagements.id, sourcingPilots.engagementId))
    .leftJoin(users, eq(users.id, sourcingPilots.approverId));
type PilotQueryRow = { pilot: PilotRow; projectName: string; projectStatus: string; vendorName: string; engagementName: string | null; approverName: string | null };
const flat = (r: PilotQueryRow): PilotWithNames => ({ ...r.pilot, projectName: r.projectName, projectStatus: r.projectStatus, vendorName: r.vendorName, engagementName: r.engagementName, approverName: r.approverName });

export async function pilotsOf(db: Db, orgId: string, projectId: string): Promise<PilotWithNames[]> {
  const rows = await pilotQuery(db)
    .where(and(eq(sourcingPilots.orgId, orgId), eq(sourcingPilots.projectId, projectId)))
    .orderBy(asc(sourcingPilots.createdAt), asc(sourcingPilots.id));
  return rows.map(flat);
}

export async function findPilot(db: Db, orgId: string, id: string): Promise<PilotWithNames | null> {
  const rows = await pilotQuery(db)
    .where(and(eq(sourcingPilots.orgId, orgId), eq(sourcingPilots.id, id)))
    .limit(1);
  return rows[0] ? flat(rows[0]) : null;
}

export async function lockPilot(db: Db, orgId: string, id: string): Promise<PilotRow | null> {
  const rows = await db
    .select()
    .from(sourcingPilots)
    .where(and(eq(sourcingPilots.orgId, orgId), eq(sourcingPilots.id, id)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

export async function insertPilot(db: Db, row: typeof sourcingPilots.$inferInsert): Promise<PilotRow> {
  const [r] = await db.insert(sourcingPilots).values(row).returning();
  return r;
}

export async function updatePilot(db: Db, orgId: string, id: string, patch: Partial<typeof sourcingPilots.$inferInsert>): Promise<PilotRow> {
  const [r] = await db
    .update(sourcingPilots)
    .set(patch)
    .where(and(eq(sourcingPilots.orgId, orgId), eq(sourcingPilots.id, id)))
    .returning();
  return r;
}

/** Running pilots ending by a date (the feed: a decision is due when a pilot ends). */
export async function runningPilotsEndingBy(db: Db, orgId: string, by: string, limit: number): Promise<PilotWithNames[]> {
  const rows = await pilotQuery(db)
    .where(and(eq(sourcingPilots.orgId, orgId), eq(sourcingPilots.status, 'running'), lte(sourcingPilots.endsOn, by)))
    .orderBy(asc(sourcingPilots.endsOn), asc(sourcingPilots.id))
    .limit(limit);
  return rows.map(flat);
}

/** Projects with a decide-by date, not yet decided (the feed). */
export async function projectsToDecide(db: Db, orgId: string, by: string, limit: number): Promise<ProjectRow[]> {
  return db
    .select()
    .from(sourcingProjects)
    .where(and(eq(sourcingProjects.orgId, orgId), sql`${sourcingProjects.status} <> 'decided'`, lte(sourcingProjects.decideBy, by)))
    .orderBy(asc(sourcingProjects.decideBy), asc(sourcingProjects.id))
    .limit(limit);
}
