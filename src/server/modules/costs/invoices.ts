import type { z } from 'zod';
import { quantityToMilli } from '../../../domain/costs/fiscal.ts';
import type { InvoiceDetail, InvoiceInput, InvoiceListQuery, InvoiceUpdate } from '../../../shared/contracts/costs.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { change } from '../audit/audit.public.ts';
import { referenceContract, type ContractSummary } from '../contracts/contracts.public.ts';
import { referenceMilestone } from '../deliverables/deliverables.public.ts';
import { referenceEngagement } from '../engagements/engagements.public.ts';
import { referenceVendor } from '../vendors/vendors.public.ts';
import { invoicePolicy } from './costs.policy.ts';
import { invoiceInWords, presentInvoice, presentInvoiceDetail } from './costs.presenter.ts';
import * as repo from './costs.repo.ts';
import { referenceChangeRequest } from './change-requests.ts';
import { recheck } from './invoice-checks.ts';
import { referenceRateCardItem } from './rate-cards.ts';

export async function listInvoices(ctx: Ctx, q: z.output<typeof InvoiceListQuery>) {
  invoicePolicy.check(ctx.actor, 'list');
  const [page, total] = await Promise.all([
    keysetPage(q, repo.invoiceSort, (after, limit) => repo.listInvoices(ctx.db, ctx.actor.orgId, q, after, limit), presentInvoice),
    repo.countInvoices(ctx.db, ctx.actor.orgId, q),
  ]);
  return { ...page, total };
}

export async function getInvoice(ctx: Ctx, id: string): Promise<InvoiceDetail> {
  const found = await repo.findInvoice(ctx.db, ctx.actor.orgId, id);
  invoicePolicy.authorize(ctx.actor, 'read', found?.invoice);
  const [lines, checks] = await Promise.all([repo.linesOf(ctx.db, ctx.actor.orgId, id), repo.checksOf(ctx.db, ctx.actor.orgId, id)]);
  return presentInvoiceDetail(found!, lines, checks);
}

type Where = { vendorId: string; engagementId: string | null; contract: ContractSummary | null };

/** The engagement and contract an invoice names: the vendor's, the contract covering the engagement. */
async function placement(ctx: Ctx, vendorId: string, engagementId: string | null | undefined, contractId: string | null | undefined): Promise<Where> {
  let engagement: string | null = null;
  if (engagementId) {
    const eng = await referenceEngagement(ctx, engagementId, 'engagementId');
    if (eng.vendorId !== vendorId) throw AppError.invalid('engagementId', 'This engagement is with another vendor than the invoice.');
    engagement = eng.id;
  }
  let contract: ContractSummary | null = null;
  if (contractId) {
    contract = await referenceContract(ctx, contractId, 'contractId');
    if (contract.vendorId !== vendorId) throw AppError.invalid('contractId', 'This contract is with another vendor than the invoice.');
    if (engagement && contract.engagementIds.length > 0 && !contract.engagementIds.includes(engagement)) throw AppError.invalid('contractId', 'This contract does not cover the engagement.');
  }
  return { vendorId, engagementId: engagement, contract };
}

function period(from: string | null | undefined, to: string | null | undefined) {
  if (!!from !== !!to) throw AppError.invalid(from ? 'periodTo' : 'periodFrom', 'Give both ends of the period the invoice bills, or neither.');
  if (from && to && to < from) throw AppError.invalid('periodTo', 'The period cannot end before it starts.');
}

type LineIn = Omit<z.output<typeof InvoiceInput>['lines'][number], 'quantity'> & { quantityMilli: number };
const fromInput = (lines: z.output<typeof InvoiceInput>['lines']): LineIn[] => lines.map(({ quantity, ...l }) => ({ ...l, quantityMilli: quantityToMilli(quantity) }));

/** The lines as stored, each rate card item and milestone checked against the invoice's contract and engagement. */
async function linesFor(ctx: Ctx, where: Where, lines: LineIn[]) {
  const out = [];
  for (const [i, l] of lines.entries()) {
    const rateCardItemId = l.rateCardItemId ? (await referenceRateCardItem(ctx, l.rateCardItemId, where.contract?.id ?? null, `lines.${i}.rateCardItemId`)).id : null;
    let milestoneId: string | null = null;
    if (l.milestoneId) {
      if (!where.engagementId) throw AppError.invalid(`lines.${i}.milestoneId`, 'Name the invoice’s engagement before billing one of its milestones.');
      milestoneId = (await referenceMilestone(ctx, l.milestoneId, where.engagementId, `lines.${i}.milestoneId`)).id;
    }
    const negative = l.unitPriceMinor < 0 || l.amountMinor < 0 || l.taxMinor < 0;
    if (l.serviceCreditMonth && (l.amountMinor > 0 || l.unitPriceMinor > 0)) throw AppError.invalid(`lines.${i}.amountMinor`, 'A service credit line deducts from the invoice: give its unit price and amount as negative numbers.');
    if (!l.serviceCreditMonth && negative) throw AppError.invalid(`lines.${i}.amountMinor`, 'Only a service credit line may be negative; name the SLA month it credits.');
    if (l.serviceCreditMonth && !where.engagementId) throw AppError.invalid(`lines.${i}.serviceCreditMonth`, 'Name the invoice’s engagement: a service credit is owed under an engagement’s SLA.');
    const changeRequestId = l.changeRequestId ? (await referenceChangeRequest(ctx, l.changeRequestId, where, `lines.${i}.changeRequestId`)).id : null;
    out.push({
      position: i + 1,
      description: l.description,
      quantityMilli: l.quantityMilli,
      unit: l.unit,
      unitPriceMinor: l.unitPriceMinor,
      amountMinor: l.amountMinor,
      taxMinor: l.taxMinor,
      rateCardItemId,
      milestoneId,
      changeRequestId,
      serviceCreditMonth: l.serviceCreditMonth ?? null,
    });
  }
  return out;
}

/** Enters an invoice by hand; every check runs as it is saved. */
export async function createInvoice(ctx: Ctx, input: z.output<typeof InvoiceInput>): Promise<InvoiceDetail> {
  invoicePolicy.check(ctx.actor, 'create');
  const vendor = await referenceVendor(ctx, input.vendorId, 'vendorId');
  const where = await placement(ctx, vendor.id, input.engagementId, input.contractId);
  period(input.periodFrom, input.periodTo);
  const lines = await linesFor(ctx, where, fromInput(input.lines));
  const id = await change(ctx, async (tx) => {
    const row = await repo.insertInvoice(tx.db, {
      orgId: ctx.actor.orgId,
      vendorId: vendor.id,
      engagementId: where.engagementId,
      contractId: where.contract?.id ?? null,
      number: input.number,
      invoiceDate: input.invoiceDate,
      periodFrom: input.periodFrom ?? null,
      periodTo: input.periodTo ?? null,
      currency: input.currency,
      subtotalMinor: input.subtotalMinor,
      taxMinor: input.taxMinor,
      totalMinor: input.totalMinor,
      status: 'received',
      note: input.note ?? null,
      enteredBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await repo.replaceLines(tx.db, ctx.actor.orgId, row.id, lines);
    const checks = await recheck(tx, row, where.contract?.title ?? null);
    await tx.audit({ action: 'invoice.create', objectType: 'invoice', objectId: row.id, objectLabel: invoiceInWords(row, vendor.name), after: { ...row, lines, checks: checks.map((c) => c.words) } });
    return row.id;
  });
  return getInvoice(ctx, id);
}

/** Edits an invoice not yet approved; it starts over as received and every check runs again. */
export async function updateInvoice(ctx: Ctx, id: string, input: z.output<typeof InvoiceUpdate>): Promise<InvoiceDetail> {
  invoicePolicy.check(ctx.actor, 'update');
  await change(ctx, async (tx) => {
    const before = invoicePolicy.authorize(ctx.actor, 'update', await repo.lockInvoice(tx.db, ctx.actor.orgId, id));
    const engagementId = input.engagementId !== undefined ? input.engagementId : before.engagementId;
    const contractId = input.contractId !== undefined ? input.contractId : before.contractId;
    const where = await placement(tx, before.vendorId, engagementId, contractId);
    const from = input.periodFrom !== undefined ? input.periodFrom : before.periodFrom;
    const to = input.periodTo !== undefined ? input.periodTo : before.periodTo;
    period(from, to);
    const simple = Object.fromEntries(
      Object.entries({ number: input.number, invoiceDate: input.invoiceDate, currency: input.currency, subtotalMinor: input.subtotalMinor, taxMinor: input.taxMinor, totalMinor: input.totalMinor, note: input.note }).filter(
        ([, v]) => v !== undefined,
      ),
    );
    let lines: Awaited<ReturnType<typeof linesFor>> | undefined;
    if (input.lines) lines = await linesFor(tx, where, fromInput(input.lines));
    else if (input.contractId !== undefined || input.engagementId !== undefined) {
      // The lines stay, but their rate card items and milestones must still fit the new contract and engagement.
      const kept = (await repo.linesOf(tx.db, ctx.actor.orgId, id)).map(({ line: l }) => ({ ...l, unit: l.unit as LineIn['unit'] }));
      lines = await linesFor(tx, where, kept);
    }
    const after = await repo.updateInvoice(tx.db, ctx.actor.orgId, id, {
      ...simple,
      engagementId: where.engagementId,
      contractId: where.contract?.id ?? null,
      periodFrom: from ?? null,
      periodTo: to ?? null,
      status: 'received',
      disputeReason: null,
      decidedBy: null,
      decidedAt: null,
      updatedAt: ctx.now,
    });
    // The lines an edit replaces stay in its history row: an imported invoice's create row
    // does not carry them (import-save.ts), so this is where they are kept.
    const linesBefore = lines ? (await repo.linesOf(tx.db, ctx.actor.orgId, id)).map(({ line: { orgId: _o, invoiceId: _i, ...l } }) => l) : null;
    if (lines) await repo.replaceLines(tx.db, ctx.actor.orgId, id, lines);
    const checks = await recheck(tx, after, where.contract?.title ?? null);
    await tx.audit({
      action: 'invoice.update',
      objectType: 'invoice',
      objectId: id,
      objectLabel: invoiceInWords(after),
      before: { ...before, ...(linesBefore ? { lines: linesBefore } : {}) },
      after: { ...after, ...(lines ? { lines } : {}), checks: checks.map((c) => c.words) },
    });
  });
  return getInvoice(ctx, id);
}
