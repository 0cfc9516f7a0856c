import { BUILT_IN_TEMPLATE } from '../../domain/questionnaire/builtin-template.ts';
import { listQuestions } from '../../domain/questionnaire/template.ts';
import type { Ctx } from '../context.ts';
import type { Mailer } from '../mail/mailer.ts';
import { addDays, addMonths, civilDateIn } from '../../domain/civil-date.ts';
import { quarterBounds, quarterOf } from '../../domain/governance/scorecard.ts';
import type { User } from '../../shared/contracts/users.ts';
import { addComment, addVendorReply, completeAssessment, updateFinding } from '../modules/assessments/assessments.public.ts';
import { allUsers } from '../modules/users/users.public.ts';
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

  await seedHelpPointReview(ctx, vendors.get('HelpPoint Service Desk')!, questionnaire.id, answers);

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

/**
 * HelpPoint's yearly review in the last quarter, with the clarification threads the client's
 * own side measures (issue 15 §6): four questions from HelpPoint answered in 1¼ days, 7 days,
 * 5 hours, and one answered only when the review was completed 7 days later — 4.1 days on
 * median — and two findings, one closed by its due date and one after. Every step at its own
 * time, as it happened.
 */
async function seedHelpPointReview(ctx: Ctx, vendorId: string, questionnaireId: string, answers: ReturnType<typeof answerAll>) {
  const contact = (await allUsers(ctx)).find((u) => u.email === 'contact@demo.outsight.test') as User | undefined;
  if (!contact) return;
  const today = civilDateIn(ctx.now, 'UTC');
  const { from } = quarterBounds(quarterOf(addMonths(`${today.slice(0, 7)}-01`, -3)));
  const owner = { id: ctx.actor.userId, email: ctx.actor.email, name: ctx.actor.name, role: 'owner', vendorId: null, disabled: false, createdAt: ctx.now.toISOString() } as User;
  const at = (day: number, hour: number) => ({ ...ctx, now: new Date(Date.parse(`${addDays(from, day)}T00:00:00Z`) + hour * 3_600_000) });
  const review = await anAssessment(handleOf(at(3, 9), owner), {
    state: 'submitted',
    vendorId,
    questionnaireId,
    contact,
    answers,
    reviews: Object.fromEntries(Object.keys(answers).map((id) => [id, 'accepted' as const])),
    dueDate: addDays(from, 30),
  });
  const them = (day: number, hour: number, questionId: string | null, body: string) => addVendorReply(handleOf(at(day, hour), owner).ctx(contact), review.id, { questionId, body });
  const us = (day: number, hour: number, questionId: string | null, body: string) => addComment(at(day, hour), review.id, { questionId, body, visibility: 'vendor' });
  await them(8, 10, 'restore_tests', 'Do you need the restore test reports for every site, or only for Dublin where your data is?');
  await us(9, 16, 'restore_tests', 'Dublin is enough, with the date of the last full restore.');
  await us(12, 9, 'access_reviews', 'Please attach evidence of the last access review.');
  await them(13, 11, 'access_reviews', 'Is a quarterly export from our identity tool acceptable, or do you need reviews signed by the managers?');
  await us(20, 11, 'access_reviews', 'The export is fine if it shows who approved each change.');
  await them(25, 10, null, 'Can the follow-up wait a week? Our auditor is on leave.');
  await us(25, 15, null, 'Yes, no problem.');
  await them(33, 14, 'disk_encryption', 'Should we name the product we use for laptop encryption, or is the policy enough?');
  // Two findings out of the review, for the scorecard's "findings closed in time": one fixed before its due date, one after.
  const raise = (title: string, questionId: string, severity: 'medium' | 'low', dueDay: number) => aFinding(handleOf(at(40, 12), owner), { assessmentId: review.id, questionId, title, severity, dueDate: addDays(from, dueDay), ownerId: ctx.actor.userId });
  const encryption = await raise('Laptop encryption product not named in the policy', 'disk_encryption', 'medium', 70);
  const access = await raise('Access reviews not signed off by the managers', 'access_reviews', 'low', 55);
  await completeAssessment(at(40, 14), review.id);
  await updateFinding(at(63, 10), encryption.id, { status: 'resolved' });
  await updateFinding(at(60, 16), access.id, { status: 'resolved' });
}
