import type { Config } from '../../src/server/config.ts';
import { archiveQuestionnaire } from '../../src/server/modules/questionnaires/questionnaires.public.ts';
import { aFinding, anAssessment, anEvidence, aQuestionnaire, SMALL_PDF, SMALL_QUESTIONNAIRE, type AssessmentState } from '../../src/server/seed/builders/due-diligence.ts';
import type { OrgHandle } from '../../src/server/seed/builders/core.ts';
import type { TestOrg } from './factories.ts';

/** A small questionnaire with a condition, a choice, a file question and free text. */
export const MINI_TEMPLATE = SMALL_QUESTIONNAIRE;
/** A minimal real PDF. */
export const PDF = SMALL_PDF;

/** The organisation's handle, building with the test app's configuration (so evidence files land where the app reads them). */
export function inApp(org: TestOrg, config: Config): OrgHandle {
  const h = org.handle;
  return { ...h, world: { ...h.world, config }, ctx: (user) => ({ ...h.ctx(user), config }) };
}

export interface DdFixtures {
  questionnaireId: string;
  /** Archived: no longer sent. */
  archivedQuestionnaireId: string;
  /** Submitted by the organisation's vendor contact, answer mfa = no. */
  assessmentId: string;
  findingId: string;
  /** Attached to `assessmentId`, so the vendor sees it too. */
  evidenceId: string;
  /** The same for the organisation's other vendor, whose contact is someone else. */
  otherVendorAssessmentId: string;
  otherVendorEvidenceId: string;
}

/**
 * An assessment of `vendor` in `state`, answered (from in progress on) "mfa: no" by the
 * organisation's vendor contact, or for the other vendor by a contact of its own.
 */
export function freshAssessment(h: OrgHandle, org: TestOrg, questionnaireId: string, state: AssessmentState, vendor: 'vendor' | 'otherVendor' = 'vendor') {
  return anAssessment(h, {
    state,
    vendorId: org[vendor].id,
    questionnaireId,
    contact: vendor === 'vendor' ? org.users.vendor_contact : undefined,
    answers: { mfa: false },
  });
}

/** A questionnaire (and an archived one), a submitted assessment with a finding and evidence, and the same for the other vendor. */
export async function addDdFixtures(org: TestOrg, config: Config): Promise<DdFixtures> {
  const h = inApp(org, config);
  const questionnaire = await aQuestionnaire(h);
  const archived = await aQuestionnaire(h);
  await archiveQuestionnaire(h.ctx(), archived.id);
  const a = await freshAssessment(h, org, questionnaire.id, 'submitted');
  const finding = await aFinding(h, { assessmentId: a.id, questionId: 'mfa', title: 'No MFA', severity: 'high' });
  const evidence = await anEvidence(h, { vendorId: org.vendor.id, assessmentId: a.id, type: 'iso27001_certificate', title: 'ISO 27001', validUntil: '2030-01-01', fileName: 'iso.pdf', sharedWithVendor: true });
  const other = await freshAssessment(h, org, questionnaire.id, 'submitted', 'otherVendor');
  const otherEvidence = await anEvidence(h, { vendorId: org.otherVendor.id, assessmentId: other.id, type: 'nda', title: 'NDA', fileName: 'nda.pdf', sharedWithVendor: true });
  return {
    questionnaireId: questionnaire.id,
    archivedQuestionnaireId: archived.id,
    assessmentId: a.id,
    findingId: finding.id,
    evidenceId: evidence.id,
    otherVendorAssessmentId: other.id,
    otherVendorEvidenceId: otherEvidence.id,
  };
}
