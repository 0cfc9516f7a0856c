import type { z } from 'zod';
import { checkAnswers } from '../../../domain/questionnaire/answers.ts';
import { scoreAnswers } from '../../../domain/questionnaire/score.ts';
import type { Template } from '../../../domain/questionnaire/template.ts';
import type { AssessmentCreate } from '../../../shared/contracts/due-diligence.ts';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { recordAudit } from '../audit/record.ts';
import { findUserByEmail } from '../auth/auth.repo.ts';
import { createPortalLink } from '../auth/auth.public.ts';
import { findTemplate, findVersion, findVersionById } from '../questionnaires/questionnaires.repo.ts';
import { findUser, insertUser } from '../users/users.repo.ts';
import { findVendor } from '../vendors/vendors.repo.ts';
import { listEvidence } from '../evidence/evidence.repo.ts';
import { toEvidence } from '../evidence/evidence.view.ts';
import * as repo from './assessments.repo.ts';
import { answersOf, toAnswer, toAssessmentSummary, toComment, toFinding } from './assessments.view.ts';
import { assessmentMail } from './assessment-mails.ts';

export interface MailContext {
  mailer: Mailer;
  baseUrl: string;
}

/** The vendor contact who answers: an existing contact of this vendor, or a new one for the e-mail. */
async function contactFor(tx: Db, ctx: Ctx, vendorId: string, email: string) {
  const existing = await findUserByEmail(tx, email);
  if (existing) {
    if (existing.orgId !== ctx.actor.orgId || existing.role !== 'vendor_contact' || existing.vendorId !== vendorId) {
      throw AppError.invalid('contactEmail', 'This e-mail belongs to someone who is not a contact of this vendor.');
    }
    if (existing.disabledAt) throw AppError.invalid('contactEmail', 'This vendor contact is disabled.');
    return existing;
  }
  // A contact without a password signs in through the e-mailed link (or sets one later).
  return insertUser(tx, { orgId: ctx.actor.orgId, email, name: email.split('@')[0], role: 'vendor_contact', vendorId, passwordHash: null });
}

export async function loadDefinition(db: Db, orgId: string, versionId: string): Promise<Template> {
  const v = await findVersionById(db, orgId, versionId);
  if (!v) throw AppError.notFound('The questionnaire version');
  return v.definition as Template;
}

/**
 * Sends a questionnaire to a vendor: creates the assessment (and the contact if needed),
 * carries the previous answers over for a re-assessment, and e-mails a single-use link.
 */
export async function sendAssessment(ctx: Ctx, input: z.output<typeof AssessmentCreate>, mail: MailContext) {
  const vendor = await findVendor(ctx.db, ctx.actor.orgId, input.vendorId);
  if (!vendor) throw AppError.invalid('vendorId', 'Choose one of your vendors.');
  const template = await findTemplate(ctx.db, ctx.actor.orgId, input.templateId);
  if (!template || template.archivedAt) throw AppError.invalid('templateId', 'Choose one of your questionnaires.');
  if (input.reviewerId) {
    const reviewer = await findUser(ctx.db, ctx.actor.orgId, input.reviewerId);
    if (!reviewer || reviewer.role === 'vendor_contact' || reviewer.disabledAt) throw AppError.invalid('reviewerId', 'Choose an active user of your organisation.');
  }
  if (input.dueDate < ctx.now.toISOString().slice(0, 10)) throw AppError.invalid('dueDate', 'The due date is in the past.');
  const email = input.contactEmail ?? vendor.vendor.contactEmail;
  if (!email) throw AppError.invalid('contactEmail', 'The vendor has no contact e-mail; give one.');
  const version = await findVersion(ctx.db, ctx.actor.orgId, template.id, template.latestVersion);
  if (!version) throw AppError.notFound('The questionnaire version');

  const { assessment, contact } = await ctx.db.transaction(async (tx) => {
    const contact = await contactFor(tx, ctx, vendor.vendor.id, email);
    const previous = input.reassess ? await repo.findPreviousAssessment(tx, ctx.actor.orgId, vendor.vendor.id, template.id) : null;
    const a = await repo.insertAssessment(tx, {
      orgId: ctx.actor.orgId,
      vendorId: vendor.vendor.id,
      templateVersionId: version.id,
      status: 'sent',
      dueDate: input.dueDate,
      reviewerId: input.reviewerId ?? ctx.actor.userId,
      contactUserId: contact.id,
      previousAssessmentId: previous?.id ?? null,
      sentBy: ctx.actor.userId,
      sentAt: ctx.now,
    });
    if (previous) {
      // Carry over only answers to questions that still exist; the vendor confirms or changes each.
      const ids = new Set((version.definition as Template).sections.flatMap((s) => s.questions.map((q) => q.id)));
      for (const old of await repo.listAnswers(tx, previous.id)) {
        if (!ids.has(old.questionId)) continue;
        await repo.upsertAnswer(tx, { assessmentId: a.id, orgId: ctx.actor.orgId, questionId: old.questionId, value: old.value, reviewStatus: 'pending', carriedOver: 1, updatedBy: old.updatedBy, updatedAt: ctx.now });
      }
    }
    await recordAudit(tx, ctx, { action: 'assessment.send', objectType: 'assessment', objectId: a.id, after: { ...a, contactEmail: email } });
    return { assessment: a, contact };
  });
  await mailLink(ctx.db, mail, { orgId: ctx.actor.orgId, assessmentId: assessment.id, contactId: contact.id, email: contact.email, kind: 'invitation', vendorName: vendor.vendor.name, dueDate: assessment.dueDate, now: ctx.now });
  return getAssessment(ctx, assessment.id);
}

/** E-mails a fresh portal link; a failing mail server does not undo the assessment. */
export async function mailLink(
  db: Db,
  mail: MailContext,
  p: { orgId: string; assessmentId: string; contactId: string; email: string; kind: 'invitation' | 'reminder' | 'overdue' | 'clarification'; vendorName: string; dueDate: string; now: Date; daysLeft?: number },
) {
  const link = await createPortalLink(db, { orgId: p.orgId, userId: p.contactId, assessmentId: p.assessmentId, now: p.now, baseUrl: mail.baseUrl });
  await mail.mailer.send({ to: p.email, ...assessmentMail(p.kind, { vendorName: p.vendorName, dueDate: p.dueDate, url: link.url, daysLeft: p.daysLeft }) });
  return link;
}

export async function listAssessments(ctx: Ctx, f: { vendorId?: string; status?: string }) {
  return (await repo.listAssessments(ctx.db, ctx.actor.orgId, f)).map((r) => toAssessmentSummary(r, ctx.now));
}

/** Everything a reviewer sees: questions, answers, both comment threads, findings, evidence and the live score. */
export async function getAssessment(ctx: Ctx, id: string) {
  const row = await repo.findAssessmentWithNames(ctx.db, ctx.actor.orgId, id);
  if (!row) throw AppError.notFound('The assessment');
  const definition = await loadDefinition(ctx.db, ctx.actor.orgId, row.assessment.templateVersionId);
  const answerRows = await repo.listAnswers(ctx.db, id);
  const answers = answersOf(answerRows);
  const check = checkAnswers(definition, answers);
  const contact = row.assessment.contactUserId ? await findUser(ctx.db, ctx.actor.orgId, row.assessment.contactUserId) : null;
  return {
    ...toAssessmentSummary(row, ctx.now),
    contactEmail: contact?.email ?? null,
    definition,
    answers: answerRows.map(toAnswer),
    comments: (await repo.listComments(ctx.db, id, false)).map(toComment),
    findings: (await repo.listFindings(ctx.db, ctx.actor.orgId, { assessmentId: id })).map(toFinding),
    evidence: (await listEvidence(ctx.db, ctx.actor.orgId, { assessmentId: id })).map((e) => toEvidence(e, ctx.now)),
    missingRequired: check.missingRequired,
    score: row.assessment.score ?? scoreAnswers(definition, answers),
  };
}

/** Closes the review: freezes the score; the vendor's next review date follows from its inherent risk. */
export async function completeAssessment(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findAssessment(tx, ctx.actor.orgId, id, true);
    if (!before) throw AppError.notFound('The assessment');
    if (before.status !== 'submitted') throw new AppError('conflict', 'Only a submitted assessment can be completed.');
    const definition = await loadDefinition(tx, ctx.actor.orgId, before.templateVersionId);
    const score = scoreAnswers(definition, answersOf(await repo.listAnswers(tx, id)));
    const after = await repo.updateAssessment(tx, ctx.actor.orgId, id, { status: 'completed', completedAt: ctx.now, score, overallScore: score.overall, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'assessment.complete', objectType: 'assessment', objectId: id, before, after });
  });
  return getAssessment(ctx, id);
}

export async function cancelAssessment(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findAssessment(tx, ctx.actor.orgId, id, true);
    if (!before) throw AppError.notFound('The assessment');
    if (before.status === 'completed' || before.status === 'cancelled') throw new AppError('conflict', `The assessment is already ${before.status}.`);
    const after = await repo.updateAssessment(tx, ctx.actor.orgId, id, { status: 'cancelled', updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'assessment.cancel', objectType: 'assessment', objectId: id, before, after });
  });
  return getAssessment(ctx, id);
}

/** Sends the contact a new link (the old ones stay valid until they expire or are used). */
export async function resendLink(ctx: Ctx, id: string, mail: MailContext) {
  const row = await repo.findAssessmentWithNames(ctx.db, ctx.actor.orgId, id);
  if (!row) throw AppError.notFound('The assessment');
  const a = row.assessment;
  if (!['sent', 'in_progress', 'submitted'].includes(a.status) || !a.contactUserId) throw new AppError('conflict', 'This assessment no longer takes answers.');
  const contact = await findUser(ctx.db, ctx.actor.orgId, a.contactUserId);
  if (!contact || contact.disabledAt) throw new AppError('conflict', 'The vendor contact is disabled.');
  await mailLink(ctx.db, mail, { orgId: ctx.actor.orgId, assessmentId: id, contactId: contact.id, email: contact.email, kind: 'invitation', vendorName: row.vendorName, dueDate: a.dueDate, now: ctx.now });
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'assessment.link', objectType: 'assessment', objectId: id, after: { to: contact.email } }));
}
