import { BUILT_IN_TEMPLATE } from '../../domain/questionnaire/builtin-template.ts';
import { listQuestions } from '../../domain/questionnaire/template.ts';
import type { Ctx } from '../context.ts';
import type { Mailer } from '../mail/mailer.ts';
import { completeAssessment } from '../modules/assessments/assessments.public.ts';
import { aFinding, anAssessment, anEvidence, answerAll, aQuestionnaire, handleOf } from './builders/due-diligence.ts';

/**
 * The built-in questionnaire, a completed assessment with a score and a finding, and an
 * open request waiting in the demo vendor contact's portal. Built like any test object:
 * sent by the owner, answered by the vendor's contact, reviewed and completed.
 */
export async function seedDemoDueDiligence(ctx: Ctx, vendors: Map<string, string>, mailer: Mailer) {
  const mail = { mailer, baseUrl: ctx.config.publicUrl };
  const org = handleOf(ctx, { id: ctx.actor.userId, email: ctx.actor.email, name: ctx.actor.name, role: 'owner', vendorId: null, disabled: false, createdAt: ctx.now.toISOString() });
  const questionnaire = await aQuestionnaire(org, { name: BUILT_IN_TEMPLATE.name, definition: BUILT_IN_TEMPLATE, origin: 'builtin' });
  const due = (days: number) => new Date(ctx.now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

  // Kestrel answered weakly on a few points; the review accepted the rest and raised a finding.
  const answers = answerAll(BUILT_IN_TEMPLATE, (_q, i) => i % 7 !== 3);
  const kestrel = await anAssessment(org, {
    state: 'submitted',
    vendorId: vendors.get('Kestrel Software Labs')!,
    questionnaireId: questionnaire.id,
    contact: { email: 'security@kestrel-labs.example', name: 'Kestrel security team' },
    answers,
    reviews: Object.fromEntries(Object.keys(answers).map((id) => [id, 'accepted' as const])),
    dueDate: due(14),
    mail,
  });
  const weakest = listQuestions(BUILT_IN_TEMPLATE).find(({ question: q }, i) => i % 7 === 3 && q.id in answers && q.weight > 0)?.question;
  if (weakest) {
    await aFinding(org, { assessmentId: kestrel.id, questionId: weakest.id, title: weakest.finding ?? `Weak answer: ${weakest.text.slice(0, 80)}`, severity: 'high', ownerId: ctx.actor.userId, dueDate: due(45) });
  }
  await completeAssessment(ctx, kestrel.id);

  // HelpPoint has a request open in the portal of the demo vendor contact.
  await anAssessment(org, { vendorId: vendors.get('HelpPoint Service Desk')!, questionnaireId: questionnaire.id, contact: { email: 'contact@demo.outsight.test' }, dueDate: due(10), mail });

  // Evidence on file: valid, about to expire and expired certificates; some shared with the
  // vendor's portal, the client's own review notes kept internal.
  const kestrelId = vendors.get('Kestrel Software Labs')!;
  const helppointId = vendors.get('HelpPoint Service Desk')!;
  await anEvidence(org, { vendorId: kestrelId, type: 'iso27001_certificate', title: 'ISO/IEC 27001:2022 certificate', issuer: 'BSI', scope: 'Software development and hosting, Galway and Kraków', validFrom: due(-300), validUntil: due(795), fileName: 'kestrel-iso27001.pdf', sharedWithVendor: true });
  await anEvidence(org, { vendorId: kestrelId, type: 'soc2_type2_report', title: 'SOC 2 Type II report 2025–2026', issuer: 'Grant & Rowe LLP', validFrom: due(-345), validUntil: due(20), fileName: 'kestrel-soc2-type2.pdf', sharedWithVendor: true });
  await anEvidence(org, { vendorId: kestrelId, type: 'penetration_test', title: 'Penetration test summary — our review notes', issuer: 'Internal security team', validFrom: due(-40), fileName: 'kestrel-pentest-review.pdf', sharedWithVendor: false });
  await anEvidence(org, { vendorId: helppointId, type: 'insurance_certificate', title: 'Cyber liability insurance certificate', issuer: 'Allianz', validFrom: due(-400), validUntil: due(-35), fileName: 'helppoint-cyber-insurance.pdf', sharedWithVendor: true });
  await anEvidence(org, { vendorId: helppointId, type: 'dpa', title: 'Data processing agreement (signed)', issuer: 'HelpPoint Service Desk', validFrom: due(-200), fileName: 'helppoint-dpa.pdf', sharedWithVendor: true });
}
