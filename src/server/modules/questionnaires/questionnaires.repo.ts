import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { questionnaireTemplates, questionnaireVersions } from '../../db/schema.ts';

export type TemplateRow = typeof questionnaireTemplates.$inferSelect;
export type VersionRow = typeof questionnaireVersions.$inferSelect;

export async function listTemplates(db: Db, orgId: string) {
  return db
    .select({ template: questionnaireTemplates, questionCount: questionnaireVersions.questionCount })
    .from(questionnaireTemplates)
    .innerJoin(questionnaireVersions, and(eq(questionnaireVersions.templateId, questionnaireTemplates.id), eq(questionnaireVersions.version, questionnaireTemplates.latestVersion)))
    .where(and(eq(questionnaireTemplates.orgId, orgId), isNull(questionnaireTemplates.archivedAt)))
    .orderBy(asc(sql`lower(${questionnaireTemplates.name})`))
    .limit(500);
}

export async function findTemplate(db: Db, orgId: string, id: string, forUpdate = false): Promise<TemplateRow | null> {
  const q = db.select().from(questionnaireTemplates).where(and(eq(questionnaireTemplates.orgId, orgId), eq(questionnaireTemplates.id, id))).limit(1);
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export async function findVersion(db: Db, orgId: string, templateId: string, version: number): Promise<VersionRow | null> {
  const rows = await db
    .select()
    .from(questionnaireVersions)
    .where(and(eq(questionnaireVersions.orgId, orgId), eq(questionnaireVersions.templateId, templateId), eq(questionnaireVersions.version, version)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findVersionById(db: Db, orgId: string, id: string): Promise<VersionRow | null> {
  const rows = await db.select().from(questionnaireVersions).where(and(eq(questionnaireVersions.orgId, orgId), eq(questionnaireVersions.id, id))).limit(1);
  return rows[0] ?? null;
}

export async function listVersions(db: Db, orgId: string, templateId: string) {
  return db
    .select({ id: questionnaireVersions.id, version: questionnaireVersions.version, questionCount: questionnaireVersions.questionCount, createdAt: questionnaireVersions.createdAt })
    .from(questionnaireVersions)
    .where(and(eq(questionnaireVersions.orgId, orgId), eq(questionnaireVersions.templateId, templateId)))
    .orderBy(desc(questionnaireVersions.version))
    .limit(500);
}

export async function insertTemplate(db: Db, row: typeof questionnaireTemplates.$inferInsert): Promise<TemplateRow> {
  const [r] = await db.insert(questionnaireTemplates).values(row).returning();
  return r;
}

export async function updateTemplate(db: Db, orgId: string, id: string, patch: Partial<typeof questionnaireTemplates.$inferInsert>): Promise<TemplateRow> {
  const [r] = await db.update(questionnaireTemplates).set(patch).where(and(eq(questionnaireTemplates.orgId, orgId), eq(questionnaireTemplates.id, id))).returning();
  return r;
}

export async function insertVersion(db: Db, row: typeof questionnaireVersions.$inferInsert): Promise<VersionRow> {
  const [r] = await db.insert(questionnaireVersions).values(row).returning();
  return r;
}
