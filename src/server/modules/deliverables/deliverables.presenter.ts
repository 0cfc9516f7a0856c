import { dayInWords } from '../../../domain/civil-date.ts';
import { lateness, paymentHold, type DeliverableFacts, type DeliverableStatus } from '../../../domain/contracts/deliverables.ts';
import { formatMoney } from '../../../domain/money.ts';
import type { z } from 'zod';
import type {
  Deliverable,
  DeliverableFile,
  Milestone,
  Payment,
  PaymentHold,
  PortalDeliverable,
  Submission,
} from '../../../shared/contracts/deliverables.ts';
import { DELIVERABLE_STATUS_LABELS } from '../../../shared/contracts/deliverables.ts';
import type { DeliverableFileRow, DeliverableRow, DeliverableWithExtras, MilestoneWithExtras, SubmissionWithNames } from './deliverables.repo.ts';
import type { PaymentWithExtras } from './payments.repo.ts';

export { dayInWords };
const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

export function factsOf(d: DeliverableRow): DeliverableFacts {
  return { id: d.id, title: d.title, status: d.status as DeliverableStatus, dueDate: d.dueDate, graceDays: d.graceDays, acceptedOn: d.acceptedOn };
}

/** The lateness of a deliverable with a sentence a person reads. */
export function latenessOf(d: DeliverableRow, today: string): z.infer<typeof Deliverable>['lateness'] {
  const l = lateness(factsOf(d), today);
  const grace = d.graceDays ? ` with ${days(d.graceDays)} of grace (until ${dayInWords(l.deadline)})` : '';
  let words: string;
  if (d.status === 'accepted' && d.acceptedOn) {
    words = l.late ? `Accepted ${days(l.daysLate)} late, on ${dayInWords(d.acceptedOn)}: due ${dayInWords(d.dueDate)}${grace}.` : `Accepted on time, on ${dayInWords(d.acceptedOn)}.`;
  } else if (l.late) {
    words = `${days(l.daysLate)} late: due ${dayInWords(d.dueDate)}${grace}, not accepted yet.`;
  } else if (today > d.dueDate) {
    words = `Past its due date (${dayInWords(d.dueDate)}), within the grace the contract allows until ${dayInWords(l.deadline)}.`;
  } else {
    words = `Due ${dayInWords(d.dueDate)}${grace}.`;
  }
  return { ...l, words };
}

const criteriaOf = (d: DeliverableRow) => d.criteria.map((c) => ({ text: c.text, met: c.met ?? null }));

function shared(r: DeliverableWithExtras, today: string) {
  const d = r.deliverable;
  return {
    id: d.id,
    engagementId: d.engagementId,
    engagementName: r.engagementName,
    vendorId: d.vendorId,
    vendorName: r.vendorName,
    milestoneId: d.milestoneId,
    milestoneName: r.milestoneName,
    title: d.title,
    description: d.description,
    criteria: criteriaOf(d),
    dueDate: d.dueDate,
    graceDays: d.graceDays,
    status: d.status as DeliverableStatus,
    lateness: latenessOf(d, today),
    decidedByName: r.decidedByName,
    decidedAt: d.decidedAt?.toISOString() ?? null,
    acceptedOn: d.acceptedOn,
    rejectionReason: d.status === 'rejected' ? d.rejectionReason : null,
    submissionCount: Number(r.submissionCount),
  };
}

export function presentDeliverable(r: DeliverableWithExtras, today: string): Deliverable {
  const d = r.deliverable;
  return {
    ...shared(r, today),
    contractId: d.contractId,
    contractTitle: r.contractTitle,
    internalNote: d.internalNote,
    position: d.position,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

/** What the vendor's contact sees: no internal note, no contract, nothing about payments. */
export function presentPortalDeliverable(r: DeliverableWithExtras, today: string, canSubmit: boolean): PortalDeliverable {
  return { ...shared(r, today), canSubmit };
}

export function presentFile(f: DeliverableFileRow): z.infer<typeof DeliverableFile> {
  return { id: f.id, fileName: f.fileName, contentType: f.contentType, sizeBytes: f.sizeBytes, uploadedAt: f.createdAt.toISOString(), submitted: f.submissionId !== null };
}

export function presentSubmissions(subs: SubmissionWithNames[], files: DeliverableFileRow[]): Array<z.infer<typeof Submission>> {
  return subs.map(({ submission: s, submittedByName, decidedByName }) => ({
    id: s.id,
    round: s.round,
    note: s.note,
    submittedByName,
    submittedAt: s.submittedAt.toISOString(),
    decision: (s.decision as 'accepted' | 'rejected' | null) ?? null,
    decisionReason: s.decisionReason,
    decidedByName,
    decidedAt: s.decidedAt?.toISOString() ?? null,
    files: files.filter((f) => f.submissionId === s.id).map(presentFile),
  }));
}

export function presentMilestone(r: MilestoneWithExtras): Milestone {
  const m = r.milestone;
  return {
    id: m.id,
    engagementId: m.engagementId,
    engagementName: r.engagementName,
    vendorId: m.vendorId,
    vendorName: r.vendorName,
    contractId: m.contractId,
    contractTitle: r.contractTitle,
    name: m.name,
    dueDate: m.dueDate,
    position: m.position,
    deliverableCount: Number(r.deliverableCount),
    acceptedCount: Number(r.acceptedCount),
  };
}

const STATUS_WORDS = (s: string) => DELIVERABLE_STATUS_LABELS[s as DeliverableStatus]?.toLowerCase() ?? s;

/** A payment's hold in words: what it waits for, or why it was paid anyway. */
export function holdOf(p: PaymentWithExtras, milestoneDeliverables: DeliverableRow[] | null): z.infer<typeof PaymentHold> {
  const hold = paymentHold(milestoneDeliverables ? milestoneDeliverables.map(factsOf) : null);
  const pay = p.payment;
  let words: string | null = null;
  if (pay.status === 'paid' && pay.overridden) {
    words = `Paid although milestone "${p.milestoneName}" was not accepted, by override: ${pay.overrideReason}`;
  } else if (pay.status === 'paid') {
    words = null;
  } else if (milestoneDeliverables && milestoneDeliverables.length === 0) {
    words = `Tied to milestone "${p.milestoneName}", which has no deliverables yet: it can be paid.`;
  } else if (hold.blocked) {
    const list = hold.waitingFor.map((d) => `"${d.title}" (${STATUS_WORDS(d.status)})`).join(', ');
    words = `Blocked until every deliverable of milestone "${p.milestoneName}" is accepted; waiting for ${list}.`;
  } else if (milestoneDeliverables) {
    words = `Every deliverable of milestone "${p.milestoneName}" is accepted: it can be paid.`;
  }
  return { ...hold, words };
}

export function presentPayment(p: PaymentWithExtras, milestoneDeliverables: DeliverableRow[] | null, today: string): Payment {
  const pay = p.payment;
  return {
    id: pay.id,
    engagementId: pay.engagementId,
    engagementName: p.engagementName,
    vendorId: pay.vendorId,
    vendorName: p.vendorName,
    contractId: pay.contractId,
    contractTitle: p.contractTitle,
    milestoneId: pay.milestoneId,
    milestoneName: p.milestoneName,
    label: pay.label,
    amountMinor: pay.amountMinor,
    currency: pay.currency,
    dueDate: pay.dueDate,
    status: pay.status as Payment['status'],
    overdue: pay.status !== 'paid' && pay.dueDate < today,
    hold: holdOf(p, milestoneDeliverables),
    paidOn: pay.paidOn,
    paidByName: p.paidByName,
    overridden: pay.overridden,
    overrideReason: pay.overrideReason,
    note: pay.note,
    createdAt: pay.createdAt.toISOString(),
    updatedAt: pay.updatedAt.toISOString(),
  };
}

/** "€12,500.00 due 31 March 2026": a payment named in the audit trail and the dashboard. */
export function paymentInWords(p: { label: string; amountMinor: number; currency: string }): string {
  return `${p.label} (${formatMoney({ amountMinor: p.amountMinor, currency: p.currency })})`;
}
