import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { checkInvoice, type CheckResult } from '../../../domain/costs/checks.ts';
import { quantityToMilli } from '../../../domain/costs/fiscal.ts';
import { OthersIndex } from '../../../domain/costs/others-index.ts';
import type { InvoiceInput } from '../../../shared/contracts/costs.ts';
import type { TxCtx } from '../audit/audit.public.ts';
import type { ContractSummary } from '../contracts/contracts.public.ts';
import { invoiceInWords } from './costs.presenter.ts';
import * as repo from './invoice-import.repo.ts';

/** Invoices checked between two turns of the event loop (a file has thousands). */
const YIELD_EVERY = 250;

export interface ImportedInvoice {
  input: z.output<typeof InvoiceInput>;
  vendorName: string;
  contract: ContractSummary | null;
}

/**
 * Saves the invoices of an import set-based: the facts the checks need (rate cards, the
 * vendors' stored invoices a check could name) are read once for the whole file, every
 * invoice is checked by the same pure `checkInvoice` as one entered by hand — against the
 * stored invoices and the file's earlier ones, so the later of two duplicates carries the
 * check, as when saved one by one — and invoices, lines, checks and audit rows are written
 * in multi-row statements. Entered one invoice at a time, 10,000 invoices took minutes.
 * Imported lines name no rate card item, milestone or change request, so those facts are empty.
 */
export async function saveImportedInvoices(tx: TxCtx, items: readonly ImportedInvoice[]): Promise<Array<{ id: string; checks: CheckResult[] }>> {
  const orgId = tx.actor.orgId;
  const contractIds = [...new Set(items.flatMap((i) => (i.input.contractId ? [i.input.contractId] : [])))];
  const vendorIds = [...new Set(items.map((i) => i.input.vendorId))];
  const periods = items.flatMap((i) => (i.input.periodFrom && i.input.periodTo ? [[i.input.periodFrom, i.input.periodTo]] : []));
  const [card, stored] = await Promise.all([
    repo.rateCardsOf(tx.db, orgId, contractIds),
    repo.duplicateCandidatesOf(tx.db, orgId, vendorIds, {
      numbers: [...new Set(items.map((i) => i.input.number))],
      dates: [...new Set(items.map((i) => i.input.invoiceDate))],
      from: periods.length ? periods.map((p) => p[0]).reduce((a, b) => (a < b ? a : b)) : null,
      to: periods.length ? periods.map((p) => p[1]).reduce((a, b) => (a > b ? a : b)) : null,
    }),
  ]);
  const cardOf = new Map<string, typeof card>();
  for (const c of card) cardOf.set(c.contractId, [...(cardOf.get(c.contractId) ?? []), c]);
  const othersOf = new Map<string, OthersIndex>();
  const othersOfVendor = (vendorId: string) => {
    let index = othersOf.get(vendorId);
    if (!index) othersOf.set(vendorId, (index = new OthersIndex()));
    return index;
  };
  for (const o of stored) othersOfVendor(o.vendorId).add(o);

  const invoices = items.map(({ input }) => ({
    id: randomUUID(),
    orgId,
    vendorId: input.vendorId,
    engagementId: input.engagementId ?? null,
    contractId: input.contractId ?? null,
    number: input.number,
    invoiceDate: input.invoiceDate,
    periodFrom: input.periodFrom ?? null,
    periodTo: input.periodTo ?? null,
    currency: input.currency,
    subtotalMinor: input.subtotalMinor,
    taxMinor: input.taxMinor,
    totalMinor: input.totalMinor,
    status: 'received',
    disputeReason: null,
    note: input.note ?? null,
    enteredBy: tx.actor.userId,
    decidedBy: null,
    decidedAt: null,
    paidOn: null,
    createdAt: tx.now,
    updatedAt: tx.now,
  }));
  // The database stores the invoices while their lines are checked below: it is another
  // process, on the other core, and the lines' COPY has to wait for the invoices' anyway.
  const storing = repo.insertImportedInvoices(tx.db, invoices);
  storing.catch(() => {}); // awaited below; a failure meanwhile is no unhandled rejection

  const rows: Parameters<typeof repo.insertImportedLines>[1] = { lines: [], checks: [] };
  const audits: Parameters<TxCtx['auditMany']>[0] = [];
  const out: Array<{ id: string; checks: CheckResult[] }> = [];
  try {
    for (const [n, { input, vendorName, contract }] of items.entries()) {
      const invoice = invoices[n];
      const { id } = invoice;
      // One object per line, checked and then written as it is (a file has 100,000 of them).
      const lines = input.lines.map((l, i) => ({
        orgId,
        invoiceId: id,
        position: i + 1,
        description: l.description,
        quantityMilli: quantityToMilli(l.quantity),
        unit: l.unit,
        unitPriceMinor: l.unitPriceMinor,
        amountMinor: l.amountMinor,
        taxMinor: l.taxMinor,
        rateCardItemId: null,
        milestoneId: null,
        changeRequestId: null,
        serviceCreditMonth: l.serviceCreditMonth ?? null,
      }));
      const others = othersOfVendor(input.vendorId);
      const checks = checkInvoice({ ...invoice, contractTitle: contract?.title ?? null, lines }, { rateCard: invoice.contractId ? (cardOf.get(invoice.contractId) ?? []) : [], others: others.candidates(invoice), milestones: new Map() });
      // The next invoices of the file see this one as stored, as they would saved one by one.
      others.add(invoice);
      for (const l of lines) rows.lines.push(l);
      rows.checks.push(...checks.map((c) => ({ orgId, invoiceId: id, key: c.key, code: c.code, linePosition: c.linePosition, words: c.words, relatedInvoiceIds: c.relatedInvoiceIds ?? null })));
      // The invoice's fields and checks; its lines as received are the invoice's own until an
      // edit, whose history row keeps them as they were (updateInvoice). Ten lines in every
      // row doubled what the audit rows of a 100,000-line import cost.
      audits.push({ action: 'invoice.create', objectType: 'invoice', objectId: id, objectLabel: invoiceInWords(invoice, vendorName), after: { ...invoice, lineCount: lines.length, checks: checks.map((c) => c.words) } });
      out.push({ id, checks });
      // Now and then let the event loop send the invoices' COPY on to the database.
      if (n % YIELD_EVERY === YIELD_EVERY - 1) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } catch (err) {
    await storing.catch(() => {}); // the transaction rolls back once the COPY has ended
    throw err;
  }
  await storing;
  await repo.insertImportedLines(tx.db, rows);
  await tx.auditMany(audits);
  return out;
}
