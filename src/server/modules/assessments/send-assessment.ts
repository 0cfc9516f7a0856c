import type { z } from 'zod';
import type { Template } from '../../../domain/questionnaire/template.ts';
import type { AssessmentCreate } from '../../../shared/contracts/due-diligence.ts';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import type { MailContext } from '../../mail/mailer.ts';
import { change } from '../audit/audit.public.ts';
import { createPortalLink } from '../auth/auth.public.ts';
import { orgName } from '../org/org.public.ts';
import { referenceQuestionnaire } from '../questionnaires/questionnaires.public.ts';
import { referenceInternalUser, vendorContactFor } from '../users/users.public.ts';
import { referenceVendor } from '../vendors/vendors.public.ts';
import { assessmentMail, type AssessmentMailKind } from './assessment-mails.ts';
import { assessmentPolicy } from './assessments.policy.ts';
import * as repo from './assessments.repo.ts';
import { getAssessment } from './assessments.service.ts';

/**
 * Sends a questionnaire to a vendor: creates the assessment (and the contact if needed),
 * carries the previous answers over for a re-assessment, and e-mails a single-use link.
 */
export async function sendAssessment(ctx: Ctx, input: z.output<typeof AssessmentCreate>, mail: MailContext) {
  assessmentPolicy.check(ctx.actor, 'send');
  const vendor = await referenceVendor(ctx, input.vendorId);
  const { questionnaire, version } = await referenceQuestionnaire(ctx, input.templateId, 'templateId');
  if (input.reviewerId) await referenceInternalUser(ctx, input.reviewerId, 'reviewerId');
  if (input.dueDate < ctx.now.toISOString().slice(0, 10)) throw AppError.invalid('dueDate', 'The due date is in the past.');
  const email = input.contactEmail ?? vendor.contactEmail;
  if (!email) throw AppError.invalid('contactEmail', 'The vendor has no contact e-mail; give one.');
  const orgId = ctx.actor.orgId;

  const { assessment, contact } = await change(ctx, async (tx) => {
    const contact = await vendorContactFor(tx, vendor.id, email);
    const previous = input.reassess ? await repo.findPreviousAssessment(tx.db, orgId, vendor.id, questionnaire.id) : null;
    const a = await repo.insertAssessment(tx.db, {
      orgId,
      vendorId: vendor.id,
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
      for (const old of await repo.listAnswers(tx.db, orgId, previous.id)) {
        if (!ids.has(old.questionId)) continue;
        await repo.upsertAnswer(tx.db, { assessmentId: a.id, orgId, questionId: old.questionId, value: old.value, reviewStatus: 'pending', carriedOver: 1, updatedBy: old.updatedBy, updatedAt: ctx.now });
      }
    }
    await tx.audit({ action: 'assessment.send', objectType: 'assessment', objectId: a.id, after: { ...a, contactEmail: email } });
    return { assessment: a, contact };
  });
  await mailLink(ctx.db, mail, { orgId, assessmentId: assessment.id, contactId: contact.id, email: contact.email, kind: 'invitation', vendorName: vendor.name, dueDate: assessment.dueDate, now: ctx.now });
  return getAssessment(ctx, assessment.id);
}

export interface LinkMail {
  orgId: string;
  assessmentId: string;
  contactId: string;
  email: string;
  kind: AssessmentMailKind;
  vendorName: string;
  dueDate: string;
  now: Date;
  daysLeft?: number;
}

/** E-mails a fresh portal link, signed by the reviewer and the organisation; a failing mail server does not undo the assessment. */
export async function mailLink(db: Db, mail: MailContext, p: LinkMail) {
  const link = await createPortalLink(db, { orgId: p.orgId, userId: p.contactId, assessmentId: p.assessmentId, now: p.now, baseUrl: mail.baseUrl });
  const people = await repo.findAssessmentPeople(db, p.orgId, p.assessmentId);
  const personName = people?.reviewer && !people.reviewer.disabledAt ? people.reviewer.name : null;
  await mail.mailer.send({ to: p.email, ...assessmentMail(p.kind, { vendorName: p.vendorName, dueDate: p.dueDate, url: link.url, daysLeft: p.daysLeft, orgName: await orgName(db, p.orgId), personName }) });
  return link;
}

/**
 * Sends the contact a new link (the old ones stay valid until they expire or are used).
 * Without SMTP the mail only reaches the log, so the link comes back for the reviewer to
 * hand over; with SMTP it never does (the vendor's inbox is the only place it goes).
 */
export async function resendLink(ctx: Ctx, id: string, mail: MailContext): Promise<{ sentTo: string; url: string | null }> {
  assessmentPolicy.check(ctx.actor, 'resendLink');
  const found = await repo.findAssessment(ctx.db, ctx.actor.orgId, id);
  const a = assessmentPolicy.authorize(ctx.actor, 'resendLink', found?.assessment);
  const people = await repo.findAssessmentPeople(ctx.db, ctx.actor.orgId, id);
  const contact = people?.contact;
  if (!contact || contact.disabledAt) throw new AppError('conflict', 'The vendor contact is disabled.');
  const link = await mailLink(ctx.db, mail, { orgId: ctx.actor.orgId, assessmentId: id, contactId: contact.id, email: contact.email, kind: 'invitation', vendorName: found!.vendorName, dueDate: a.dueDate, now: ctx.now });
  await change(ctx, (tx) => tx.audit({ action: 'assessment.link', objectType: 'assessment', objectId: id, after: { to: contact.email, delivered: mail.mailer.delivers } }));
  return { sentTo: contact.email, url: mail.mailer.delivers ? null : link.url };
}

/**
 * A returning vendor contact asked for a new link: it goes to the contact's registered
 * address, for its open request due soonest (the portal then shows all its requests).
 * Nothing happens when the contact has no open request; the caller answers the same.
 */
export async function mailReturnLink(db: Db, mail: MailContext, contact: { orgId: string; userId: string; email: string }, now: Date): Promise<void> {
  const open = await repo.nextOpenAssessmentOfContact(db, contact.orgId, contact.userId);
  if (!open) return;
  const a = open.assessment;
  await mailLink(db, mail, { orgId: contact.orgId, assessmentId: a.id, contactId: contact.userId, email: contact.email, kind: 'return', vendorName: open.vendorName, dueDate: a.dueDate, now });
}

/**
 * For the reminder job, which sweeps every organisation: open assessments due by
 * `dueBy` (or overdue) whose contact can still sign in.
 */
export function openAssessmentsAcrossOrgs(ctx: Pick<Ctx, 'db'>, dueBy: string) {
  return repo.openAssessmentsAcrossOrgs(ctx.db, dueBy);
}
