import { DELIVERABLE_TRANSITIONS } from '../../../domain/contracts/deliverables.ts';
import { definePolicy } from '../../policy.ts';
import type { DeliverableFileRow, DeliverableRow, MilestoneRow } from './deliverables.repo.ts';
import type { PaymentRow } from './payments.repo.ts';

/** Milestones are the client's plan: internal users only. */
export const milestonePolicy = definePolicy<MilestoneRow, 'list' | 'read' | 'create' | 'update' | 'reference'>({
  label: 'The milestone',
  actions: {
    list: { permission: 'contract.read' },
    read: { permission: 'contract.read' },
    create: { permission: 'contract.write' },
    update: { permission: 'contract.write' },
    reference: { permission: 'contract.read' },
  },
});

const vendorMay = (d: DeliverableRow, to: 'submitted' | 'in_progress') => DELIVERABLE_TRANSITIONS[d.status as keyof typeof DELIVERABLE_TRANSITIONS]?.vendor.includes(to) ?? false;

const STATE_WORDS: Record<string, string> = {
  planned: 'is still planned',
  in_progress: 'is in progress',
  submitted: 'is submitted and waits for review',
  accepted: 'is already accepted',
  rejected: 'was rejected',
};
const stateWords = (d: DeliverableRow) => STATE_WORDS[d.status] ?? 'is in another state';

/**
 * A deliverable belongs to its engagement's vendor: the client's users see all of them; a
 * vendor contact sees its own vendor's (through the portal), submits and resubmits them, and
 * decides nothing. State rules follow DELIVERABLE_TRANSITIONS.
 */
export const deliverablePolicy = definePolicy<DeliverableRow, 'list' | 'listOwn' | 'read' | 'create' | 'update' | 'setStatus' | 'accept' | 'reject' | 'upload' | 'submit'>({
  label: 'The deliverable',
  vendorOf: (d) => d.vendorId,
  actions: {
    list: { permission: 'contract.read' },
    listOwn: { permission: 'portal.use' },
    read: { permission: ['contract.read', 'portal.use'] },
    create: { permission: 'contract.write' },
    update: { permission: 'contract.write', when: (d) => d.status !== 'accepted' || 'An accepted deliverable is settled; it can no longer be edited.' },
    setStatus: {
      permission: 'contract.write',
      when: (d) => d.status === 'planned' || d.status === 'in_progress' || `The deliverable ${stateWords(d)}; only a planned or in-progress deliverable moves between those two.`,
    },
    accept: { permission: 'contract.write', when: (d) => d.status === 'submitted' || `The deliverable ${stateWords(d)}; only a submitted deliverable can be accepted.` },
    reject: { permission: 'contract.write', when: (d) => d.status === 'submitted' || `The deliverable ${stateWords(d)}; only a submitted deliverable can be rejected.` },
    upload: { permission: 'portal.use', when: (d) => vendorMay(d, 'submitted') || `The deliverable ${stateWords(d)}; files are added while preparing a submission.` },
    submit: { permission: 'portal.use', when: (d) => vendorMay(d, 'submitted') || `The deliverable ${stateWords(d)}; it cannot be submitted now.` },
  },
});

/** A file of a deliverable: seen by whoever may see the deliverable (a vendor contact: its own vendor's). */
export const deliverableFilePolicy = definePolicy<DeliverableFileRow, 'read'>({
  label: 'The file',
  vendorOf: (f) => f.vendorId,
  actions: { read: { permission: ['contract.read', 'portal.use'] } },
});

/** The payment plan is the client's alone; vendor contacts never see it. */
export const paymentPolicy = definePolicy<PaymentRow, 'list' | 'read' | 'create' | 'update' | 'pay' | 'override'>({
  label: 'The payment',
  actions: {
    list: { permission: 'contract.read' },
    read: { permission: 'contract.read' },
    create: { permission: 'contract.write' },
    update: { permission: 'contract.write', when: (p) => p.status !== 'paid' || 'A paid payment is settled; it can no longer be edited.' },
    pay: { permission: 'contract.write', when: (p) => p.status !== 'paid' || `This payment was already marked paid on ${p.paidOn}.` },
    override: { permission: 'payment.override' },
  },
});
