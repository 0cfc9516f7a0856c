import { addDays, daysBetween, type CivilDate } from '../civil-date.ts';

/**
 * Deliverables, milestones and the payments tied to them. A deliverable is late when it
 * is not accepted by its due date plus the grace days the contract allows; a payment
 * tied to a milestone is blocked until every deliverable of that milestone is accepted.
 */
export const DELIVERABLE_STATUSES = ['planned', 'in_progress', 'submitted', 'accepted', 'rejected'] as const;
export type DeliverableStatus = (typeof DELIVERABLE_STATUSES)[number];

export interface DeliverableFacts {
  id: string;
  title: string;
  status: DeliverableStatus;
  dueDate: CivilDate;
  graceDays: number;
  /** The day it was accepted, when it was. */
  acceptedOn: CivilDate | null;
}

export interface Lateness {
  /** The last day it may be accepted without being late: due date + grace. */
  deadline: CivilDate;
  late: boolean;
  /** Days past the deadline (on acceptance, or today while still open); 0 when on time. */
  daysLate: number;
}

export function lateness(d: DeliverableFacts, today: CivilDate): Lateness {
  const deadline = addDays(d.dueDate, d.graceDays);
  const settled = d.status === 'accepted' && d.acceptedOn ? d.acceptedOn : today;
  const daysLate = Math.max(0, daysBetween(deadline, settled));
  return { deadline, late: daysLate > 0, daysLate };
}

/**
 * The on-time rate over the deliverables that can be judged: accepted ones, and open ones
 * whose deadline has passed (those are late already). Open ones still in time are not
 * counted; no judged deliverable at all is "not measured" (null), never 100 %.
 */
export function onTimeRate(ds: readonly DeliverableFacts[], today: CivilDate): { onTime: number; late: number; rate: number | null } {
  let onTime = 0;
  let late = 0;
  for (const d of ds) {
    const l = lateness(d, today);
    if (l.late) late++;
    else if (d.status === 'accepted') onTime++;
  }
  const judged = onTime + late;
  return { onTime, late, rate: judged ? onTime / judged : null };
}

export interface PaymentHold {
  blocked: boolean;
  /** The deliverables that keep it blocked, in words a person reads. */
  waitingFor: Array<{ id: string; title: string; status: DeliverableStatus }>;
}

/** A payment tied to a milestone waits until every deliverable of the milestone is accepted. */
export function paymentHold(milestoneDeliverables: readonly DeliverableFacts[] | null): PaymentHold {
  if (!milestoneDeliverables) return { blocked: false, waitingFor: [] };
  const waitingFor = milestoneDeliverables.filter((d) => d.status !== 'accepted').map((d) => ({ id: d.id, title: d.title, status: d.status }));
  return { blocked: waitingFor.length > 0, waitingFor };
}

/** Which status changes a deliverable allows, and who makes them. */
export const DELIVERABLE_TRANSITIONS: Record<DeliverableStatus, { client: DeliverableStatus[]; vendor: DeliverableStatus[] }> = {
  planned: { client: ['in_progress'], vendor: ['in_progress', 'submitted'] },
  in_progress: { client: ['planned'], vendor: ['submitted'] },
  submitted: { client: ['accepted', 'rejected'], vendor: [] },
  rejected: { client: [], vendor: ['in_progress', 'submitted'] },
  accepted: { client: [], vendor: [] },
};
