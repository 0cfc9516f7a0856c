import { and, asc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
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
  checks: Array<Pick<typeof invoiceChecks.$inferInsert, 'orgId' | 'invoiceId' | 'key' | 'code' | 'linePosition' | 'words'>>;
};
/**
 * Invoices (ids given by the caller), their lines and their checks, each table in one
 * INSERT … SELECT FROM jsonb_to_recordset per 5,000 rows (one JSON parameter): an import of
 * 100,000 lines built row by row spent most of its time assembling parameters.
 */
export async function insertImported(db: Db, rows: ImportedRows): Promise<void> {
  const put = async (table: string, columns: Array<[string, string]>, all: ReadonlyArray<Record<string, unknown>>) => {
    const names = columns.map(([c]) => c).join(', ');
    const shape = columns.map(([c, t]) => `${c} ${t}`).join(', ');
    for (let i = 0; i < all.length; i += 5_000) {
      const json = JSON.stringify(all.slice(i, i + 5_000).map((r) => Object.fromEntries(columns.map(([c]) => [c, r[c] ?? null]))));
      await db.execute(sql`INSERT INTO ${sql.raw(table)} (${sql.raw(names)}) SELECT ${sql.raw(names)} FROM jsonb_to_recordset(${json}::jsonb) AS x(${sql.raw(shape)})`);
    }
  };
  const snake = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v instanceof Date ? v.toISOString() : v]));
  await put(
    'invoices',
    [['id', 'uuid'], ['org_id', 'uuid'], ['vendor_id', 'uuid'], ['engagement_id', 'uuid'], ['contract_id', 'uuid'], ['number', 'text'], ['invoice_date', 'date'], ['period_from', 'date'], ['period_to', 'date'], ['currency', 'text'],
      ['subtotal_minor', 'bigint'], ['tax_minor', 'bigint'], ['total_minor', 'bigint'], ['status', 'text'], ['note', 'text'], ['entered_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    rows.invoices.map(snake),
  );
  await put(
    'invoice_lines',
    [['org_id', 'uuid'], ['invoice_id', 'uuid'], ['position', 'integer'], ['description', 'text'], ['quantity_milli', 'bigint'], ['unit', 'text'], ['unit_price_minor', 'bigint'], ['amount_minor', 'bigint'], ['tax_minor', 'bigint'], ['service_credit_month', 'text']],
    rows.lines.map(snake),
  );
  await put('invoice_checks', [['org_id', 'uuid'], ['invoice_id', 'uuid'], ['key', 'text'], ['code', 'text'], ['line_position', 'integer'], ['words', 'text']], rows.checks.map(snake));
}
