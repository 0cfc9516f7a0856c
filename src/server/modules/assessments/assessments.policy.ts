import { definePolicy } from '../../policy.ts';
import type { AssessmentRow, FindingRow } from './assessments.repo.ts';

const answering = ['sent', 'in_progress', 'submitted'];
const isOpen = (a: AssessmentRow) => a.status === 'sent' || a.status === 'in_progress';

/**
 * Who may do what to an assessment. The client's users follow the permission table; a
 * vendor contact sees its own vendor's assessments, never a cancelled one, and answers,
 * confirms, submits and replies there. State rules answer 409 with their words; which
 * single answers reopen after submission is the domain's reopen rule
 * (src/domain/questionnaire/reopen.ts).
 */
export const assessmentPolicy = definePolicy<
  AssessmentRow,
  'list' | 'read' | 'listAsVendor' | 'readAsVendor' | 'send' | 'answer' | 'confirm' | 'submit' | 'review' | 'complete' | 'cancel' | 'comment' | 'reply' | 'resendLink' | 'raiseFinding' | 'reference' | 'attachEvidence'
>({
  label: 'The assessment',
  vendorOf: (a) => a.vendorId,
  visible: (a, actor) => actor.role !== 'vendor_contact' || a.status !== 'cancelled',
  actions: {
    list: { permission: 'assessment.read' },
    read: { permission: 'assessment.read' },
    // The vendor's view (the portal): its own vendor's requests, not cancelled ones, without the review.
    listAsVendor: { permission: 'portal.use' },
    readAsVendor: { permission: 'portal.use' },
    send: { permission: 'assessment.write' },
    answer: { permission: 'portal.use', when: (a) => answering.includes(a.status) || 'This questionnaire was submitted; answers can no longer change.' },
    confirm: { permission: 'portal.use', when: (a) => isOpen(a) || 'This questionnaire was submitted.' },
    submit: { permission: 'portal.use', when: (a) => answering.includes(a.status) || 'This questionnaire was already submitted.' },
    review: { permission: 'assessment.write', when: (a) => a.status === 'submitted' || 'Answers are reviewed after the vendor submits.' },
    complete: { permission: 'assessment.write', when: (a) => a.status === 'submitted' || 'Only a submitted assessment can be completed.' },
    cancel: { permission: 'assessment.write', when: (a) => (a.status !== 'completed' && a.status !== 'cancelled') || `The assessment is already ${a.status}.` },
    comment: { permission: 'assessment.write' },
    reply: { permission: 'portal.use' },
    resendLink: { permission: 'assessment.write', when: (a) => (answering.includes(a.status) && a.contactUserId !== null) || 'This assessment no longer takes answers.' },
    raiseFinding: { permission: 'assessment.write' },
    // Named by an evidence upload: the uploader must be able to see it.
    reference: { permission: ['evidence.write', 'portal.use'] },
    // The vendor's documents go to requests it can still answer; the client files evidence on any.
    attachEvidence: {
      permission: ['evidence.write', 'portal.use'],
      when: (a, actor) => actor.role !== 'vendor_contact' || answering.includes(a.status) || 'This questionnaire no longer takes documents.',
    },
  },
});

/** Findings are the client's own: vendor contacts never see them. */
export const findingPolicy = definePolicy<FindingRow, 'list' | 'read' | 'update'>({
  label: 'The finding',
  actions: {
    list: { permission: 'assessment.read' },
    read: { permission: 'assessment.read' },
    update: { permission: 'assessment.write' },
  },
});
