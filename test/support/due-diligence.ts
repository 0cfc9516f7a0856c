import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/server/db/client.ts';
import type { Template } from '../../src/domain/questionnaire/template.ts';
import type { TestOrg } from './factories.ts';

/** A small questionnaire with a condition, a choice, a file question and free text. */
export const MINI_TEMPLATE: Template = {
  name: 'Mini security review',
  sections: [
    {
      id: 's1',
      title: 'Security',
      questions: [
        { id: 'mfa', type: 'yes_no', text: 'Do you enforce MFA for all staff?', required: true, weight: 2, topic: 'access_control', severity: 'high' },
        {
          id: 'mfa_scope',
          type: 'single_choice',
          text: 'For whom is MFA enforced?',
          required: true,
          weight: 1,
          topic: 'access_control',
          severity: 'medium',
          choices: [
            { id: 'all', label: 'Everyone', score: 1 },
            { id: 'admins', label: 'Administrators only', score: 0.5 },
          ],
          condition: { op: 'equals', question: 'mfa', value: true },
        },
        { id: 'iso', type: 'file', text: 'Upload your ISO 27001 certificate', required: false, weight: 0, topic: 'compliance', severity: 'medium' },
        { id: 'notes', type: 'long_text', text: 'Anything else we should know?', required: false, weight: 0, topic: 'data_security', severity: 'info' },
      ],
    },
  ],
};

/** A minimal real PDF: file-type recognises it by its %PDF header. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export interface DdFixtures {
  templateId: string;
  assessmentId: string;
  findingId: string;
  evidenceId: string;
}

/** A questionnaire, an assessment of the org's vendor (answered, submitted), a finding and a stored document. */
export async function addDdFixtures(db: Db, org: TestOrg, filesDir: string): Promise<DdFixtures> {
  const { createTemplate } = await import('../../src/server/modules/questionnaires/questionnaires.service.ts');
  const { insertAssessment, upsertAnswer, insertFinding } = await import('../../src/server/modules/assessments/assessments.repo.ts');
  const { insertEvidence } = await import('../../src/server/modules/evidence/evidence.repo.ts');
  const { mkdir, writeFile } = await import('node:fs/promises');
  const path = await import('node:path');
  const owner = org.users.owner;
  const actor = { userId: owner.id, orgId: org.orgId, name: owner.name, email: owner.email, via: 'session' as const };
  const { template, version } = await createTemplate(db, actor, { name: `Mini ${randomUUID().slice(0, 6)}`, origin: 'custom', definition: MINI_TEMPLATE }, null);
  const a = await insertAssessment(db, {
    orgId: org.orgId,
    vendorId: org.vendor.id,
    templateVersionId: version.id,
    status: 'submitted',
    dueDate: '2030-01-01',
    reviewerId: owner.id,
    contactUserId: org.users.vendor_contact.id,
    sentBy: owner.id,
    submittedAt: new Date(),
  });
  await upsertAnswer(db, { assessmentId: a.id, orgId: org.orgId, questionId: 'mfa', value: false, updatedBy: org.users.vendor_contact.id });
  const f = await insertFinding(db, { orgId: org.orgId, vendorId: org.vendor.id, assessmentId: a.id, questionId: 'mfa', title: 'No MFA', severity: 'high' });
  const key = randomUUID();
  await mkdir(path.join(filesDir, org.orgId), { recursive: true });
  await writeFile(path.join(filesDir, org.orgId, key), PDF);
  const e = await insertEvidence(db, {
    orgId: org.orgId,
    vendorId: org.vendor.id,
    assessmentId: a.id,
    type: 'iso27001_certificate',
    title: 'ISO 27001',
    validUntil: '2030-01-01',
    fileName: 'iso.pdf',
    storageKey: key,
    contentType: 'application/pdf',
    sizeBytes: PDF.length,
    sha256: 'x',
  });
  return { templateId: template.id, assessmentId: a.id, findingId: f.id, evidenceId: e.id };
}
