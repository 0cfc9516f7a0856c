import { and, asc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { copyBinaryRows, copyRows, csvText, csvValue } from '../../db/copy.ts';
import { invoiceChecks, invoiceLines, invoices, rateCardItems } from '../../db/schema.ts';
import type { InvoiceRow, RateCardItemRow } from './costs.repo.ts';

// ---------------------------------------------------------------- bulk import

/** The rate cards of several contracts in one read (an import names many). */
export async function rateCardsOf(db: Db, orgId: string, contractIds: readonly string[]): Promise<RateCardItemRow[]> {
  if (!contractIds.length) return [];
  return db
    .select()
    .from(rateCardItems)
    .where(and(eq(rateCardItems.orgId, orgId), inArray(rateCardItems.contractId, [...contractIds])))
    .orderBy(asc(rateCardItems.name), asc(rateCardItems.id));
}

/**
 * The stored invoices of these vendors a check of an imported file could name: the same
 * number, a date the file has, or a period overlapping the file's span (a superset: the pure
 * checks compare exactly).
 */
export async function duplicateCandidatesOf(db: Db, orgId: string, vendorIds: readonly string[], f: { numbers: string[]; dates: string[]; from: string | null; to: string | null }): Promise<InvoiceRow[]> {
  if (!vendorIds.length) return [];
  const match: SQL[] = [sql`lower(btrim(${invoices.number})) = ANY(${sql.param(f.numbers.map((n) => n.trim().toLowerCase()))}::text[])`, sql`${invoices.invoiceDate} = ANY(${sql.param(f.dates)}::date[])`];
  if (f.from && f.to) match.push(and(lte(invoices.periodFrom, f.to), gte(invoices.periodTo, f.from))!);
  return db
    .select()
    .from(invoices)
    .where(and(eq(invoices.orgId, orgId), inArray(invoices.vendorId, [...vendorIds]), or(...match)))
    .orderBy(asc(invoices.createdAt), asc(invoices.id));
}

type ImportedRows = {
  invoices: Array<typeof invoices.$inferInsert & { id: string; createdAt: Date; updatedAt: Date }>;
  lines: Array<Pick<typeof invoiceLines.$inferInsert, 'orgId' | 'invoiceId' | 'position' | 'description' | 'quantityMilli' | 'unit' | 'unitPriceMinor' | 'amountMinor' | 'taxMinor' | 'serviceCreditMonth'>>;
  checks: Array<Pick<typeof invoiceChecks.$inferInsert, 'orgId' | 'invoiceId' | 'key' | 'code' | 'linePosition' | 'words' | 'relatedInvoiceIds'>>;
};
const INVOICE_COLUMNS = ['id', 'org_id', 'vendor_id', 'engagement_id', 'contract_id', 'number', 'invoice_date', 'period_from', 'period_to', 'currency', 'subtotal_minor', 'tax_minor', 'total_minor', 'status', 'note', 'entered_by', 'created_at', 'updated_at'] as const;

/**
 * An import's invoices (ids given by the caller), in one COPY in the import's transaction,
 * in PostgreSQL's binary format: it takes uuids, dates and integers as they are instead of
 * parsing them back from text (an invoice is six uuids, three dates and three integers).
 */
export async function insertImportedInvoices(db: Db, invoices: ImportedRows['invoices']): Promise<void> {
  await copyBinaryRows(db, 'invoices', INVOICE_COLUMNS, invoices, (out, r) => {
    out.uuid(r.id);
    out.uuid(r.orgId);
    out.uuid(r.vendorId);
    out.uuid(r.engagementId ?? null);
    out.uuid(r.contractId ?? null);
    out.text(r.number);
    out.date(r.invoiceDate);
    out.date(r.periodFrom ?? null);
    out.date(r.periodTo ?? null);
    out.text(r.currency);
    out.int8(r.subtotalMinor);
    out.int8(r.taxMinor);
    out.int8(r.totalMinor);
    out.text(r.status ?? 'received');
    out.text(r.note ?? null);
    out.uuid(r.enteredBy ?? null);
    out.instant(r.createdAt.getTime());
    out.instant(r.updatedAt.getTime());
  });
}

const LINE_COLUMNS = ['org_id', 'invoice_id', 'position', 'description', 'quantity_milli', 'unit', 'unit_price_minor', 'amount_minor', 'tax_minor', 'service_credit_month'] as const;

async function copyLines(db: Db, lines: ImportedRows['lines']): Promise<void> {
  await copyBinaryRows(db, 'invoice_lines', LINE_COLUMNS, lines, (out, l) => {
    out.uuid(l.orgId);
    out.uuid(l.invoiceId);
    out.int4(l.position);
    out.text(l.description);
    out.int8(l.quantityMilli);
    out.text(l.unit);
    out.int8(l.unitPriceMinor);
    out.int8(l.amountMinor);
    out.int8(l.taxMinor ?? 0);
    out.text(l.serviceCreditMonth ?? null);
  });
}

/** The lines (binary too: two uuids and five integers a line) and checks of invoices inserted before. */
export async function insertImportedLines(db: Db, rows: Omit<ImportedRows, 'invoices'>): Promise<void> {
  const t = (v: string | null | undefined) => csvText(v ?? null);
  const v = (x: number | Date | null | undefined) => csvValue(x ?? null);
  await copyLines(db, rows.lines);
  // uuids need no quoting inside an array literal: {a,b}
  const ids = (list: string[] | null | undefined) => (list?.length ? t(`{${list.join(',')}}`) : '');
  await copyRows(db, 'invoice_checks', ['org_id', 'invoice_id', 'key', 'code', 'line_position', 'words', 'related_invoice_ids'], rows.checks, (r) => [r.orgId, r.invoiceId, t(r.key), t(r.code), v(r.linePosition), t(r.words), ids(r.relatedInvoiceIds)]);
}
