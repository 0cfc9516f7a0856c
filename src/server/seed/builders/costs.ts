import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { z } from 'zod';
import { BudgetInput, InvoiceInput, RateCardItemInput, type Budget, type InvoiceDetail, type RateCardItem } from '../../../shared/contracts/costs.ts';
import type { User } from '../../../shared/contracts/users.ts';
import {
  approveChangeRequest,
  approveInvoice,
  attachInvoiceDocument,
  createBudget,
  createChangeRequest,
  getChangeRequest,
  implementChangeRequest,
  raiseChangeRequest,
  withdrawOwnChangeRequest,
  rejectChangeRequest,
  reviewChangeRequest,
  createInvoice,
  createRateCardItem,
  disputeInvoice,
  getInvoice,
  markInvoiceChecked,
  overrideInvoiceCheck,
  payInvoice,
} from '../../modules/costs/costs.public.ts';
import { ChangeRequestInput, PortalChangeRequestInput, type ChangeRequest, type ChangeStatus } from '../../../shared/contracts/change-requests.ts';
import { aUser, anEngagement, orgOf, type OrgHandle, type World } from './core.ts';
import { getEngagement } from '../../modules/engagements/engagements.public.ts';
import { aContract } from './contracts.ts';
import { SMALL_PDF } from './due-diligence.ts';

/** Builders of budgets, rate card items and invoices (in the state a test needs), through the services. */
const uniq = () => randomUUID().slice(0, 8);

export async function aBudget(on: World | OrgHandle, o: Partial<z.input<typeof BudgetInput>> = {}): Promise<Budget> {
  const org = await orgOf(on);
  const engagementId = o.engagementId ?? (await anEngagement(org)).id;
  return createBudget(org.ctx(), BudgetInput.parse({ fiscalYear: 2026, amountMinor: 12_000_000, currency: 'EUR', ...o, engagementId }));
}

export async function aRateCardItem(on: World | OrgHandle, o: Partial<z.input<typeof RateCardItemInput>> = {}): Promise<RateCardItem> {
  const org = await orgOf(on);
  const contractId = o.contractId ?? (await aContract(org)).id;
  return createRateCardItem(org.ctx(), RateCardItemInput.parse({ name: `Consultant ${uniq()}`, unit: 'day', unitPriceMinor: 80_000, currency: 'EUR', ...o, contractId }));
}

export type InvoiceState = 'received' | 'checked' | 'approved' | 'paid' | 'disputed';
export type InvoiceOptions = Partial<z.input<typeof InvoiceInput>> & {
  vendorId: string;
  /** The state to leave it in; approving first overrides every failing check (needs an owner or admin as `user`). */
  state?: InvoiceState;
  disputeReason?: string;
  paidOn?: string;
  overrideReason?: string;
  user?: User;
  /** Attach a (tiny) PDF under this file name, as the vendor's copy. */
  pdf?: string;
};

/**
 * An invoice of `vendorId`: one line of 1 × €1,000.00 unless given lines, with totals that
 * add up (net of the lines, tax of the lines) unless given.
 */
export async function anInvoice(on: World | OrgHandle, o: InvoiceOptions): Promise<InvoiceDetail> {
  const org = await orgOf(on);
  const ctx = org.ctx(o.user);
  const { state = 'received', disputeReason, paidOn, overrideReason, pdf, user: _user, ...fields } = o;
  const lines = fields.lines ?? [{ description: 'Services', quantity: '1', unit: 'fixed', unitPriceMinor: 100_000, amountMinor: 100_000, taxMinor: 0 }];
  const net = lines.reduce((s, l) => s + l.amountMinor, 0);
  const tax = lines.reduce((s, l) => s + (l.taxMinor ?? 0), 0);
  const input = InvoiceInput.parse({
    number: `INV-${uniq()}`,
    invoiceDate: '2026-03-31',
    currency: 'EUR',
    subtotalMinor: net,
    taxMinor: tax,
    totalMinor: net + tax,
    ...fields,
    lines,
  });
  let inv = await createInvoice(ctx, input);
  if (pdf) await attachInvoiceDocument(ctx, inv.id, { name: pdf, stream: Readable.from([SMALL_PDF]), declaredBytes: SMALL_PDF.length });
  if (state === 'received') return inv;
  if (state === 'disputed') return disputeInvoice(ctx, inv.id, { reason: disputeReason ?? 'The rates do not match the contract.' });
  inv = await markInvoiceChecked(ctx, inv.id, {});
  if (state === 'checked') return inv;
  for (const c of inv.checks.filter((x) => !x.overridden)) await overrideInvoiceCheck(ctx, inv.id, { key: c.key, reason: overrideReason ?? 'Agreed with the vendor by e-mail.' });
  inv = await approveInvoice(ctx, inv.id, {});
  if (state === 'approved') return inv;
  await payInvoice(ctx, inv.id, { paidOn: paidOn ?? inv.invoiceDate });
  return getInvoice(ctx, inv.id);
}

export type ChangeOptions = Partial<z.input<typeof ChangeRequestInput>> & {
  /** The state to leave it in (the owner, or `user`, decides). */
  state?: ChangeStatus;
  /** Raised in the portal by this vendor contact (one of the engagement's vendor is made when `raisedBy` is 'vendor' without one). */
  contact?: User;
  raisedBy?: 'client' | 'vendor';
  rejectReason?: string;
  implementedOn?: string;
  user?: User;
};

/** A change request on `engagementId` (a new engagement when absent): €5,000.00 one-off unless given, in the state asked for. */
export async function aChangeRequest(on: World | OrgHandle, o: ChangeOptions = {}): Promise<ChangeRequest> {
  const org = await orgOf(on);
  const ctx = org.ctx(o.user);
  const { state = 'proposed', contact, raisedBy = contact ? 'vendor' : 'client', rejectReason, implementedOn, user: _user, ...fields } = o;
  const engagement = fields.engagementId ? { id: fields.engagementId } : await anEngagement(org);
  const base = { title: `Change ${uniq()}`, reason: 'The business asked for it.', scope: 'Extra work beyond the agreed scope.', currency: 'EUR', oneOffMinor: 500_000, ...fields, engagementId: engagement.id };
  let id: string;
  let who: User | null = null;
  if (raisedBy === 'vendor') {
    const { contractId: _c, milestoneIds: _m, internalNote: _n, ...portal } = base;
    const vendorId = (await getEngagementVendor(org, engagement.id)) ?? '';
    who = contact ?? (await aUser(org, { role: 'vendor_contact', vendorId }));
    id = (await raiseChangeRequest(org.ctx(who), PortalChangeRequestInput.parse(portal))).id;
  } else id = (await createChangeRequest(ctx, ChangeRequestInput.parse(base))).id;
  if (state === 'proposed') return getChangeRequest(ctx, id);
  if (state === 'withdrawn') {
    if (!who) throw new Error('Only a change the vendor raised can be withdrawn: give a contact.');
    await withdrawOwnChangeRequest(org.ctx(who), id, { reason: 'Raised by mistake.' });
    return getChangeRequest(ctx, id);
  }
  if (state === 'under_review') return reviewChangeRequest(ctx, id, {});
  if (state === 'rejected') return rejectChangeRequest(ctx, id, { reason: rejectReason ?? 'Not needed this year.' });
  const approved = await approveChangeRequest(ctx, id, {});
  if (state === 'approved') return approved;
  return implementChangeRequest(ctx, id, { implementedOn: implementedOn ?? approved.decidedOn! });
}

async function getEngagementVendor(org: OrgHandle, engagementId: string) {
  return (await getEngagement(org.ctx(), engagementId)).vendorId;
}
