import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { z } from 'zod';
import { visibleQuestionIds, type AnswerValue } from '../../../domain/questionnaire/answers.ts';
import { listQuestions, type Question, type Template } from '../../../domain/questionnaire/template.ts';
import type { AssessmentDetail, Evidence, EvidenceMeta, Finding, FindingInput, QuestionnaireDetail } from '../../../shared/contracts/due-diligence.ts';
import type { User } from '../../../shared/contracts/users.ts';
import type { Ctx } from '../../context.ts';
import { createMailer, type MailContext } from '../../mail/mailer.ts';
import { cancelAssessment, completeAssessment, getAssessment, raiseFinding, reviewAnswer, saveAnswer, sendAssessment, submitAssessment } from '../../modules/assessments/assessments.public.ts';
import { uploadVendorEvidence } from '../../modules/due-diligence/due-diligence.public.ts';
import { uploadPortalEvidence } from '../../modules/portal/portal.public.ts';
import { createQuestionnaire } from '../../modules/questionnaires/questionnaires.public.ts';
import { actorOf, aUser, aVendor, orgOf, type OrgHandle, type World } from './core.ts';
import { silentLog } from './silent-log.ts';

/**
 * Builders of due diligence: `aQuestionnaire`, `anAssessment` (in the state a test needs:
 * sent, in progress, submitted, completed, cancelled), `aFinding`, `anEvidence` (a real
 * small PDF on disk). Each goes through the services — the vendor's answers through the
 * vendor contact's own session context — so every object passes the same policies and
 * leaves the same audit trail as through the API.
 */

const uniq = () => randomUUID().slice(0, 8);

/** A small questionnaire with a condition, a choice, a file question and free text. */
export const SMALL_QUESTIONNAIRE: Template = {
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

/** A minimal real PDF: the upload's content check recognises it by its %PDF header. */
export const SMALL_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Builders send mail nowhere unless told: a log-only mailer that logs nothing. */
const quietMail = (ctx: Ctx): MailContext => ({ mailer: createMailer({ smtpUrl: null, from: 'builder@outsight.test', log: silentLog }), baseUrl: ctx.config.publicUrl });

/** An organisation handle for a context that already acts in one (the demo seed builds with its owner). */
export function handleOf(ctx: Ctx, owner: User): OrgHandle {
  const world: World = { db: ctx.db, config: ctx.config, now: () => ctx.now };
  return { world, orgId: ctx.actor.orgId, name: '', owner, ctx: (user = owner) => ({ ...ctx, actor: actorOf(user, ctx.actor.orgId) }) };
}

/** A questionnaire (the small one above unless given a definition). */
export async function aQuestionnaire(on: World | OrgHandle, o: { name?: string; definition?: Template; origin?: 'builtin' | 'custom' } = {}): Promise<z.output<typeof QuestionnaireDetail>> {
  const org = await orgOf(on);
  const definition = o.definition ?? SMALL_QUESTIONNAIRE;
  return createQuestionnaire(org.ctx(), { name: o.name ?? `${definition.name} ${uniq()}`, origin: o.origin ?? 'custom', definition });
}

/** The answer a careful vendor gives (`good`) or a sloppy one; files are left out (they need uploads). */
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
      return undefined;
  }
}

/** Answers every question that becomes visible, the way a vendor works down the form; `good` per question decides how well. */
export function answerAll(t: Template, good: (q: Question, i: number) => boolean = () => true): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  const byId = new Map(listQuestions(t).map(({ question }, i) => [question.id, { q: question, i }]));
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

export type AssessmentState = 'sent' | 'in_progress' | 'submitted' | 'completed' | 'cancelled';
export type ReviewVerdict = 'pending' | 'accepted' | 'clarification' | 'finding';

export interface AssessmentOptions {
  /** Default: sent. */
  state?: AssessmentState;
  /** Default: a new vendor. */
  vendorId?: string;
  /** Default: a new small questionnaire. */
  questionnaireId?: string;
  /** Who answers: a vendor contact of the vendor, or an address to make one for. Default: a new contact. */
  contact?: User | { email: string; name?: string };
  /** What the vendor answers from `in_progress` on, in questionnaire order. Default: a careful vendor's answers. */
  answers?: Record<string, AnswerValue>;
  /** The reviewer's verdicts once submitted. */
  reviews?: Record<string, ReviewVerdict>;
  dueDate?: string;
  reviewerId?: string;
  reassess?: boolean;
  /** Where the invitation and notices go. Default: nowhere. */
  mail?: MailContext;
}

const isUser = (c: AssessmentOptions['contact']): c is User => !!c && 'role' in c;

/**
 * An assessment in the state asked for, reached the way it is in real life: the client
 * sends it, the vendor contact answers and submits, the reviewer reviews and completes
 * (or cancels). Returns the reviewer's view and the contact who answers (null when only
 * an address was given for a request that stays unanswered).
 */
export async function anAssessment(on: World | OrgHandle, o: AssessmentOptions = {}): Promise<z.output<typeof AssessmentDetail> & { contact: User | null }> {
  const org = await orgOf(on);
  const owner = org.ctx();
  const mail = o.mail ?? quietMail(owner);
  const vendorId = o.vendorId ?? (await aVendor(org)).id;
  const questionnaireId = o.questionnaireId ?? (await aQuestionnaire(org)).id;
  const state = o.state ?? 'sent';
  const answering = state !== 'sent' && state !== 'cancelled';
  // An address alone is enough to send (the service finds or makes the contact); to answer
  // as the contact, the builder needs the user, so it makes one (with a password nobody knows).
  const contact: User | { email: string } = isUser(o.contact)
    ? o.contact
    : o.contact && !answering
      ? o.contact
      : await aUser(org, { role: 'vendor_contact', vendorId, email: o.contact?.email, name: o.contact?.name, password: o.contact ? randomUUID() : undefined });
  const dueDate = o.dueDate ?? new Date(owner.now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  const sent = await sendAssessment(owner, { vendorId, templateId: questionnaireId, dueDate, reviewerId: o.reviewerId, contactEmail: contact.email, reassess: o.reassess ?? false }, mail);
  const id = sent.id;
  if (state === 'cancelled') await cancelAssessment(owner, id);
  if (!isUser(contact)) return { ...(await getAssessment(owner, id)), contact: null };
  if (!answering) return { ...(await getAssessment(owner, id)), contact };

  const vendor = org.ctx(contact);
  const answers = o.answers ?? answerAll(sent.definition);
  // In questionnaire order: a question shown by an earlier answer can only be answered after it.
  for (const { question } of listQuestions(sent.definition)) {
    if (Object.hasOwn(answers, question.id)) await saveAnswer(vendor, id, question.id, answers[question.id]);
  }
  if (state === 'in_progress') return { ...(await getAssessment(owner, id)), contact };

  // A required document is uploaded for real before submitting, as the vendor would.
  const given = { ...answers };
  const shown = new Set(visibleQuestionIds(sent.definition, given));
  for (const { question } of listQuestions(sent.definition)) {
    if (question.type !== 'file' || !question.required || !shown.has(question.id) || Object.hasOwn(given, question.id)) continue;
    const e = await anEvidence(org, { as: contact, assessmentId: id, questionId: question.id, type: 'other', title: question.text.slice(0, 300), fileName: `${question.id}.pdf` });
    await saveAnswer(vendor, id, question.id, [e.id]);
  }
  await submitAssessment(vendor, id, mail);
  for (const [questionId, verdict] of Object.entries(o.reviews ?? {})) await reviewAnswer(owner, id, questionId, verdict, mail);
  if (state === 'completed') await completeAssessment(owner, id);
  return { ...(await getAssessment(owner, id)), contact };
}

/** A finding raised in an assessment (a new submitted one unless given). */
export async function aFinding(on: World | OrgHandle, o: Partial<z.input<typeof FindingInput>> & { assessmentId?: string } = {}): Promise<Finding> {
  const org = await orgOf(on);
  const assessmentId = o.assessmentId ?? (await anAssessment(org, { state: 'submitted' })).id;
  const { assessmentId: _ignored, ...input } = o;
  return raiseFinding(org.ctx(), assessmentId, { title: `Finding ${uniq()}`, severity: 'medium', ...input });
}

export interface EvidenceOptions extends Partial<z.input<typeof EvidenceMeta>> {
  /** Default: a new vendor (or the uploading contact's). */
  vendorId?: string;
  assessmentId?: string;
  questionId?: string;
  fileName?: string;
  /** The file; default a small real PDF. */
  content?: Buffer;
  /** Who uploads: a vendor contact uploads through the portal, anyone else files it under the vendor. Default: the owner. */
  as?: User;
  /** A document the client files: listed in the vendor's portal (default: internal, not listed). */
  sharedWithVendor?: boolean;
}

/** A piece of evidence with a real file on disk (the world's config decides where). */
export async function anEvidence(on: World | OrgHandle, o: EvidenceOptions = {}): Promise<Evidence> {
  const org = await orgOf(on);
  const { vendorId: given, assessmentId, questionId, fileName = 'evidence.pdf', content = SMALL_PDF, as, sharedWithVendor, ...meta } = o;
  const m = { type: 'policy' as const, title: `Evidence ${uniq()}`, ...meta };
  const file = { name: fileName, stream: Readable.from([content]), declaredBytes: content.length };
  if (as?.role === 'vendor_contact') return uploadPortalEvidence(org.ctx(as), { assessmentId, questionId }, m, file);
  const vendorId = given ?? (await aVendor(org)).id;
  return uploadVendorEvidence(org.ctx(as), { vendorId, assessmentId, questionId, sharedWithVendor }, m, file);
}
