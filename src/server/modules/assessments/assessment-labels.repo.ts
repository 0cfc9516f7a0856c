import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assessments, questionnaireTemplates, questionnaireVersions, vendors } from '../../db/schema.ts';

/** "Security review for Acme": how an assessment is named in the audit trail (read-only joins for the labels). */
export async function assessmentLabel(db: Db, orgId: string, id: string): Promise<string | null> {
  const rows = await db
    .select({ questionnaire: questionnaireTemplates.name, vendor: vendors.name })
    .from(assessments)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, assessments.templateVersionId))
    .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, questionnaireVersions.templateId))
    .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
    .where(and(eq(assessments.orgId, orgId), eq(assessments.id, id)))
    .limit(1);
  return rows[0] ? `${rows[0].questionnaire} for ${rows[0].vendor}` : null;
}
