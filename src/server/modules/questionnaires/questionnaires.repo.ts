import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
// The tables keep their first name; in code a questionnaire is a questionnaire.
import { questionnaireTemplates as questionnaires, questionnaireVersions as versions } from '../../db/schema.ts';

export type QuestionnaireRow = typeof questionnaires.$inferSelect;
export type VersionRow = typeof versions.$inferSelect;
export type QuestionnaireListRow = { questionnaire: QuestionnaireRow; questionCount: number };

const SORT: KeysetSort = { cols: [key(sql`lower(${questionnaires.name})`, 'text'), key(sql`${questionnaires.id}`, 'uuid')], desc: false };
export const QUESTIONNAIRE_SORT = { arity: SORT.cols.length, key: (r: QuestionnaireListRow) => [r.questionnaire.name.toLowerCase(), r.questionnaire.id] };

/** Questionnaires in use (not archived), by name, with their latest version's question count. */
export async function listQuestionnaires(db: Db, orgId: string, after: unknown[] | null, limit: number): Promise<QuestionnaireListRow[]> {
  return db
    .select({ questionnaire: questionnaires, questionCount: versions.questionCount })
    .from(questionnaires)
    .innerJoin(versions, and(eq(versions.templateId, questionnaires.id), eq(versions.version, questionnaires.latestVersion)))
    .where(and(eq(questionnaires.orgId, orgId), isNull(questionnaires.archivedAt), afterCursor(SORT, after)))
    .orderBy(...keysetOrder(SORT))
    .limit(limit);
}

export async function findQuestionnaire(db: Db, orgId: string, id: string): Promise<QuestionnaireRow | null> {
  const rows = await db.select().from(questionnaires).where(and(eq(questionnaires.orgId, orgId), eq(questionnaires.id, id))).limit(1);
  return rows[0] ?? null;
}

/** Row lock for read-modify-write: two editors saving at once get versions n+1 and n+2, not two n+1. */
export async function lockQuestionnaire(db: Db, orgId: string, id: string): Promise<QuestionnaireRow | null> {
  const rows = await db.select().from(questionnaires).where(and(eq(questionnaires.orgId, orgId), eq(questionnaires.id, id))).for('update').limit(1);
  return rows[0] ?? null;
}

export async function findVersion(db: Db, orgId: string, questionnaireId: string, version: number): Promise<VersionRow | null> {
  const rows = await db
    .select()
    .from(versions)
    .where(and(eq(versions.orgId, orgId), eq(versions.templateId, questionnaireId), eq(versions.version, version)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findVersionById(db: Db, orgId: string, id: string): Promise<VersionRow | null> {
  const rows = await db.select().from(versions).where(and(eq(versions.orgId, orgId), eq(versions.id, id))).limit(1);
  return rows[0] ?? null;
}

/** Every version of one questionnaire, newest first (an editor saves a few dozen at most). */
export async function listVersions(db: Db, orgId: string, questionnaireId: string) {
  return db
    .select({ id: versions.id, version: versions.version, questionCount: versions.questionCount, createdAt: versions.createdAt })
    .from(versions)
    .where(and(eq(versions.orgId, orgId), eq(versions.templateId, questionnaireId)))
    .orderBy(desc(versions.version));
}

export async function insertQuestionnaire(db: Db, row: typeof questionnaires.$inferInsert): Promise<QuestionnaireRow> {
  const [r] = await db.insert(questionnaires).values(row).returning();
  return r;
}

export async function updateQuestionnaire(db: Db, orgId: string, id: string, patch: Partial<typeof questionnaires.$inferInsert>): Promise<QuestionnaireRow> {
  const [r] = await db.update(questionnaires).set(patch).where(and(eq(questionnaires.orgId, orgId), eq(questionnaires.id, id))).returning();
  return r;
}

export async function insertVersion(db: Db, row: typeof versions.$inferInsert): Promise<VersionRow> {
  const [r] = await db.insert(versions).values(row).returning();
  return r;
}
