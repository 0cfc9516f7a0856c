import { visibleQuestionIds, type AnswerValue } from '../../domain/questionnaire/answers.ts';
import { BUILT_IN_TEMPLATE } from '../../domain/questionnaire/builtin-template.ts';
import type { Question, Template } from '../../domain/questionnaire/template.ts';
import type { Ctx } from '../context.ts';
import type { Mailer } from '../mail/mailer.ts';
import { completeAssessment, sendAssessment } from '../modules/assessments/assessments.service.ts';
import { raiseFinding } from '../modules/assessments/findings.service.ts';
import { updateAssessment, upsertAnswer } from '../modules/assessments/assessments.repo.ts';
import { createTemplate } from '../modules/questionnaires/questionnaires.service.ts';

/** The answer a careful vendor gives (`good`) or a sloppy one; scored questions only matter. */
function answerFor(q: Question, good: boolean): AnswerValue | undefined {
  const pick = <T extends { score: number }>(xs: T[]) => [...xs].sort((a, b) => (good ? b.score - a.score : a.score - b.score))[0];
  switch (q.type) {
    case 'yes_no':
      return good ? (q.yesScore ?? 1) >= (q.noScore ?? 0) : (q.yesScore ?? 1) < (q.noScore ?? 0);
    case 'single_choice':
      return q.choices ? pick(q.choices).id : undefined;
    case 'multiple_choice':
      return q.choices ? [pick(q.choices).id] : undefined;
    case 'short_text':
    case 'long_text':
      return good ? 'Described in our information security policy, section 4.' : 'Ask our account manager.';
    case 'number':
      return good ? 24 : 168;
    case 'date':
      return '2026-03-31';
    default:
      return undefined; // files: no documents in the demo
  }
}

/** Answers every question that becomes visible, the way a vendor works down the form. */
function answerAll(t: Template, good: (q: Question, i: number) => boolean): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  const byId = new Map(t.sections.flatMap((s) => s.questions).map((q, i) => [q.id, { q, i }]));
  for (let round = 0; round < 10; round++) {
    let added = 0;
    for (const id of visibleQuestionIds(t, answers)) {
      if (id in answers) continue;
      const { q, i } = byId.get(id)!;
      const v = answerFor(q, good(q, i));
      if (v !== undefined) {
        answers[id] = v;
        added++;
      }
    }
    if (!added) break;
  }
  return answers;
}

/**
 * The built-in questionnaire, a completed assessment with a score and a finding, and an
 * open request waiting in the demo vendor contact's portal.
 */
export async function seedDemoDueDiligence(ctx: Ctx, vendors: Map<string, string>, mailer: Mailer) {
  const mail = { mailer, baseUrl: ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}` };
  const { template } = await createTemplate(ctx.db, ctx.actor, { name: BUILT_IN_TEMPLATE.name, origin: 'builtin', definition: BUILT_IN_TEMPLATE }, ctx.requestId, ctx.now);
  const due = (days: number) => new Date(ctx.now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

  // Kestrel answered weakly on a few points; the review raised a finding.
  const kestrel = vendors.get('Kestrel Software Labs')!;
  const sent = await sendAssessment(ctx, { vendorId: kestrel, templateId: template.id, dueDate: due(14), contactEmail: 'security@kestrel-labs.example', reassess: false }, mail);
  const answers = answerAll(BUILT_IN_TEMPLATE, (_q, i) => i % 7 !== 3);
  for (const [questionId, value] of Object.entries(answers)) {
    await upsertAnswer(ctx.db, { assessmentId: sent.id, orgId: ctx.actor.orgId, questionId, value, reviewStatus: 'accepted', updatedAt: ctx.now });
  }
  // The vendor's side of the story is seeded, not acted out: the demo has no Kestrel session.
  await updateAssessment(ctx.db, ctx.actor.orgId, sent.id, { status: 'submitted', submittedAt: ctx.now, updatedAt: ctx.now });
  const weakest = BUILT_IN_TEMPLATE.sections.flatMap((s) => s.questions).find((q, i) => i % 7 === 3 && q.id in answers && q.weight > 0);
  if (weakest) {
    await raiseFinding(ctx, sent.id, { questionId: weakest.id, title: weakest.finding ?? `Weak answer: ${weakest.text.slice(0, 80)}`, severity: 'high', ownerId: ctx.actor.userId, dueDate: due(45) });
  }
  await completeAssessment(ctx, sent.id);

  // HelpPoint has a request open in the portal of the demo vendor contact.
  await sendAssessment(ctx, { vendorId: vendors.get('HelpPoint Service Desk')!, templateId: template.id, dueDate: due(10), contactEmail: 'contact@demo.outsight.test', reassess: false }, mail);
}
