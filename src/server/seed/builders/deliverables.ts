import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { DeliverableStatus } from '../../../domain/contracts/deliverables.ts';
import { DeliverableInput, MilestoneInput, PaymentInput, type DeliverableDetail, type Milestone, type Payment } from '../../../shared/contracts/deliverables.ts';
import type { User } from '../../../shared/contracts/users.ts';
import {
  acceptDeliverable,
  createDeliverable,
  createMilestone,
  createPayment,
  getDeliverable,
  markPaymentPaid,
  rejectDeliverable,
  setDeliverableStatus,
  submitDeliverable,
  uploadDeliverableFile,
} from '../../modules/deliverables/deliverables.public.ts';
import { anEngagement, aUser, orgOf, type OrgHandle, type World } from './core.ts';
import { SMALL_PDF } from './due-diligence.ts';

/**
 * Builders of milestones, deliverables (in the state a test needs, the vendor's steps taken
 * as its own contact) and payments, all through the services.
 */
const uniq = () => randomUUID().slice(0, 8);
const in30 = (now: Date) => new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);

async function engagementOf(org: OrgHandle, engagementId?: string) {
  return engagementId ?? (await anEngagement(org)).id;
}

export async function aMilestone(on: World | OrgHandle, o: { engagementId?: string; name?: string; contractId?: string | null; dueDate?: string | null; position?: number } = {}): Promise<Milestone> {
  const org = await orgOf(on);
  const engagementId = await engagementOf(org, o.engagementId);
  return createMilestone(org.ctx(), MilestoneInput.parse({ name: `Milestone ${uniq()}`, ...o, engagementId }));
}

export interface DeliverableOptions {
  engagementId?: string;
  milestoneId?: string | null;
  contractId?: string | null;
  title?: string;
  description?: string | null;
  criteria?: string[];
  dueDate?: string;
  graceDays?: number;
  internalNote?: string | null;
  /** The state to leave it in; submitting steps are taken by `contact` (a vendor contact of the engagement's vendor, made when absent). */
  state?: DeliverableStatus;
  contact?: User;
  /** The reviewer (default: the owner). */
  reviewer?: User;
  rejectionReason?: string;
  /** Submit a small PDF with the submission. */
  withFile?: boolean;
  note?: string;
}

/** A deliverable in the state a test needs: planned, in progress, submitted, accepted or rejected. */
export async function aDeliverable(on: World | OrgHandle, o: DeliverableOptions = {}): Promise<DeliverableDetail & { contact: User | null }> {
  const org = await orgOf(on);
  const engagementId = await engagementOf(org, o.engagementId);
  const owner = org.ctx(o.reviewer);
  const d = await createDeliverable(
    owner,
    DeliverableInput.parse({
      engagementId,
      milestoneId: o.milestoneId ?? undefined,
      contractId: o.contractId ?? undefined,
      title: o.title ?? `Deliverable ${uniq()}`,
      description: o.description,
      criteria: o.criteria ?? ['Delivered in the agreed format', 'Reviewed by the service owner'],
      dueDate: o.dueDate ?? in30(owner.now),
      graceDays: o.graceDays ?? 0,
      internalNote: o.internalNote,
    }),
  );
  const state = o.state ?? 'planned';
  if (state === 'planned') return { ...d, contact: null };
  if (state === 'in_progress') return { ...(await setDeliverableStatus(owner, d.id, { status: 'in_progress' })), contact: null };
  const contact = o.contact ?? (await aUser(org, { role: 'vendor_contact', vendorId: d.vendorId }));
  await submitOnce(org, d.id, contact, o);
  if (state === 'submitted') return { ...(await getDeliverable(owner, d.id)), contact };
  if (state === 'accepted') return { ...(await acceptDeliverable(owner, d.id, { criteriaMet: d.criteria.map(() => true) })), contact };
  return { ...(await rejectDeliverable(owner, d.id, { reason: o.rejectionReason ?? 'The report misses the agreed sections.' })), contact };
}

/** The vendor hands a deliverable in (again): a note, and a small PDF when asked. */
export async function submitOnce(on: OrgHandle, deliverableId: string, contact: User, o: { withFile?: boolean; note?: string; fileName?: string } = {}) {
  const vendor = on.ctx(contact);
  const fileIds: string[] = [];
  if (o.withFile) {
    const f = await uploadDeliverableFile(vendor, deliverableId, { name: o.fileName ?? 'report.pdf', stream: Readable.from([SMALL_PDF]), declaredBytes: SMALL_PDF.length });
    fileIds.push(f.id);
  }
  return submitDeliverable(vendor, deliverableId, { note: o.note ?? 'Handed in as agreed.', fileIds });
}

export interface PaymentOptions {
  engagementId?: string;
  milestoneId?: string | null;
  contractId?: string | null;
  label?: string;
  amountMinor?: number;
  currency?: string;
  dueDate?: string;
  note?: string | null;
  /** Mark it paid on this day; `overrideReason` when its milestone is not accepted. */
  paidOn?: string;
  overrideReason?: string;
  payer?: User;
}

export async function aPayment(on: World | OrgHandle, o: PaymentOptions = {}): Promise<Payment> {
  const org = await orgOf(on);
  const engagementId = await engagementOf(org, o.engagementId);
  const ctx = org.ctx(o.payer);
  const p = await createPayment(
    ctx,
    PaymentInput.parse({
      engagementId,
      milestoneId: o.milestoneId ?? undefined,
      contractId: o.contractId ?? undefined,
      label: o.label ?? `Instalment ${uniq()}`,
      amountMinor: o.amountMinor ?? 1_250_000,
      currency: o.currency ?? 'EUR',
      dueDate: o.dueDate ?? in30(ctx.now),
      note: o.note,
    }),
  );
  if (!o.paidOn) return p;
  return markPaymentPaid(ctx, p.id, { paidOn: o.paidOn, overrideReason: o.overrideReason });
}
